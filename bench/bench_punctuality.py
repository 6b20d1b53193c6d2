"""Punctuality: many posts due at the same second, over several accounts, through the real Engine.

The posts are created first (as they would be, days before), then the real Engine starts: its
first due pass plans a date job per post at its publication_date. They publish over real HTTP
(the test platform "fakenet") to a server on 127.0.0.1, in its own process (bench/_slow_server.py),
that takes `--latency` seconds to answer each post.

Figures: lateness of each request's arrival after its due time (p50/p95/max; goal p95 ≤ 1 s), and
the time from the due second to the last post recorded published, as a ratio to the serial
per-account bound (posts per account × latency; goal ≤ 1.2).

    /tmp/venv/bin/python bench/bench_punctuality.py --posts 100 --accounts 10 --latency 0.1
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import UTC, datetime

import _common
from _common import header, median, percentile, report, temp_data_dir

GOAL_P95_S = 1.0
GOAL_RATIO = 1.2


def _cpu() -> float:
    """CPU seconds of this whole process (every engine thread), user + system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(posts: int, accounts: int, latency: float, lead: float) -> dict[str, float]:
    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.posts import NewPost, PostService
    from desktop_publisher.store.connection import open_store
    from tests.fakes import fakenet  # noqa: F401  (registers the "fakenet" platform)

    _common.use_test_keyring()
    server = _common.SlowServer(latency)
    with temp_data_dir("punctuality") as data_dir:
        store = open_store(data_dir)
        credentials = CredentialStore()
        account_service = AccountService(store, credentials)
        made = [
            account_service.add(
                "fakenet", f"Brand {i + 1}", {"endpoint": server.url}, f"tok-{i:04d}-secret"
            )
            for i in range(accounts)
        ]
        # Whole second, far enough ahead for the engine to start and plan.
        due = datetime.fromtimestamp(int(time.time() + lead) + 1, UTC)
        post_service = PostService(store)
        due_of: dict[int, float] = {}
        for i in range(posts):
            created = post_service.create(
                [made[i % accounts]], NewPost(text=f"Launch post {i + 1}", at=due)
            )
            due_of[created[0].id] = due.timestamp()

        watch = _common.PublishedWatch(posts)
        published = watch.published
        engine = Engine(store, credentials, watch.events)
        cpu_before = _cpu()
        engine.start()
        try:
            finished = watch.wait(lead + 60 + posts * latency)
            cpu_used = _cpu() - cpu_before
        finally:
            engine.stop(wait=True)
            store.close()
            server.close()

    records = server.snapshot()
    arrivals = {int(r["post_id"]): r["received"] for r in records}
    lateness = [arrivals[pid] - due_of[pid] for pid in arrivals]
    per_account = -(-posts // accounts)
    bound = per_account * latency
    total = (max(published.values()) - due.timestamp()) if published else float("nan")
    print(
        f"-- {posts} posts due at {due:%H:%M:%S} UTC over {accounts} accounts, "
        f"{latency * 1000:.0f} ms per answer: {len(arrivals)} requests, "
        f"{len(published)} published{'' if finished else ' (TIMED OUT)'}"
    )
    p95 = percentile(lateness, 95) if lateness else float("nan")
    if lateness:
        report("arrival lateness p50", percentile(lateness, 50), "s")
        report("arrival lateness p95", p95, "s", GOAL_P95_S)
        report("arrival lateness max", max(lateness), "s")
        report("earliest arrival vs due", min(lateness), "s", note="negative = early")
    report("due → last post recorded published", total, "s")
    report(
        "total / serial-per-account bound",
        total / bound,
        "x",
        GOAL_RATIO,
        note=f"bound {per_account} posts × {latency * 1000:.0f} ms = {bound:.2f} s",
    )
    gaps = []
    by_account: dict[str, list[float]] = {}
    for r in records:
        by_account.setdefault(r["auth"] or "", []).append(r["received"])
    for times in by_account.values():
        times.sort()
        gaps += [b - a - latency for a, b in zip(times, times[1:], strict=False)]
    overhead_ms = percentile(gaps, 50) * 1000 if gaps else float("nan")
    if gaps:
        report(
            "in-lane overhead per post, median",
            overhead_ms,
            "ms",
            note="gap between an account's arrivals − latency",
        )
        report("in-lane overhead per post, max", max(gaps) * 1000, "ms")
    cpu_ms = cpu_used / max(1, len(published)) * 1000
    report(
        "engine CPU per post (all threads)",
        cpu_ms,
        "ms",
        note="from engine start to the last post published",
    )
    return {
        "p95": p95,
        "ratio": total / bound,
        "overhead_ms": overhead_ms,
        "cpu_ms": cpu_ms,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per answer")
    parser.add_argument("--lead", type=float, default=3.0, help="seconds until the due time")
    parser.add_argument("--runs", type=int, default=3, help="repeat and summarise")
    args = parser.parse_args()
    header("punctuality")
    results = [run(args.posts, args.accounts, args.latency, args.lead) for _ in range(args.runs)]
    if len(results) > 1:
        print(f"-- median of {len(results)} runs")
        report("arrival lateness p95", median([r["p95"] for r in results]), "s", GOAL_P95_S)
        report(
            "total / serial-per-account bound",
            median([r["ratio"] for r in results]),
            "x",
            GOAL_RATIO,
        )
        report("in-lane overhead per post", median([r["overhead_ms"] for r in results]), "ms")
        report("engine CPU per post", median([r["cpu_ms"] for r in results]), "ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
