"""A burst of LinkedIn posts through the real Engine: the author URN is read once per account.

100 posts due at the same second over 4 LinkedIn accounts added without `--author` (the author
comes from /v2/userinfo), against the fake LinkedIn in its own process answering each request
after `--latency` seconds. Before the author was kept, every post asked /v2/userinfo first: two
requests per post, about twice the serial-per-account bound (posts per account × latency).

Two cases: accounts made by an older version (no author stored: the first post of each account
reads it, once) and accounts added now (`account add` reads it: no read during the burst).

    python bench/bench_linkedin_burst.py --posts 100 --accounts 4 --latency 0.1
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime

import _common
from _common import header, median, report, temp_data_dir

GOAL_RATIO = 1.2


def run(posts: int, accounts: int, latency: float, lead: float, learned: bool) -> float:
    import os

    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.posts import NewPost, PostService
    from desktop_publisher.store.connection import open_store
    from tests.fakes.linkedin import TOKEN

    _common.use_test_keyring()
    server = _common.SlowServer(latency, "_slow_linkedin.py")
    os.environ["DESKTOP_PUBLISHER_LINKEDIN_URL"] = server.url
    with temp_data_dir("linkedin-burst") as data_dir:
        store = open_store(data_dir)
        credentials = CredentialStore()
        account_service = AccountService(store, credentials)
        made = [
            account_service.add("linkedin", f"Brand {i + 1}", {}, TOKEN) for i in range(accounts)
        ]
        if learned:
            for account in made:
                account_service.learn_settings(account)
        before = len(server.snapshot())
        due = datetime.fromtimestamp(int(time.time() + lead) + 1, UTC)
        post_service = PostService(store)
        for i in range(posts):
            post_service.create([made[i % accounts]], NewPost(text=f"Launch post {i + 1}", at=due))
        watch = _common.PublishedWatch(posts)
        published = watch.published
        engine = Engine(store, credentials, watch.events)
        engine.start()
        try:
            finished = watch.wait(lead + 60 + 3 * posts * latency)
        finally:
            engine.stop(wait=True)
            store.close()
            server.close()
    records = server.snapshot()[before:]
    userinfo = sum(1 for r in records if r["path"] == "/v2/userinfo")
    per_account = -(-posts // accounts)
    bound = per_account * latency
    total = (max(published.values()) - due.timestamp()) if published else float("nan")
    kind = "authors read when the accounts were added" if learned else "accounts without author"
    print(
        f"-- {kind}: {posts} posts over {accounts} accounts, {latency * 1000:.0f} ms per "
        f"answer: {len(records)} requests ({userinfo} to /v2/userinfo), {len(published)} "
        f"published{'' if finished else ' (TIMED OUT)'}"
    )
    report("due → last post recorded published", total, "s")
    report(
        "total / serial-per-account bound",
        total / bound,
        "x",
        GOAL_RATIO,
        note=f"bound {per_account} posts × {latency * 1000:.0f} ms = {bound:.2f} s",
    )
    return total / bound


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--accounts", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per answer")
    parser.add_argument("--lead", type=float, default=3.0, help="seconds until the due time")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header("linkedin burst")
    for learned in (False, True):
        ratios = [
            run(args.posts, args.accounts, args.latency, args.lead, learned)
            for _ in range(args.runs)
        ]
        if len(ratios) > 1:
            print(f"-- median of {len(ratios)} runs")
            report("total / serial-per-account bound", median(ratios), "x", GOAL_RATIO)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
