"""Client overhead: our platform client per post against a bare `requests` call, same endpoint.

Each platform's fake (tests/fakes/) runs on 127.0.0.1. For every post, in shuffled order:

- client, fresh: a new publisher built and `publish()` called, as the engine does for each post;
- bare, fresh: a new `requests.Session()` per post sending the same URL, headers and body (a new
  connection each time, like the fresh client);
- client, reused / bare, session: the same publisher, or one `requests.Session`, for every call
  (keep-alive), which shows the cost of the client's own code without connection set-up.

The fakes answer with TCP_NODELAY (tests/fakes/server.py): without it every request after
the first on a kept-alive connection would wait 40 ms for a delayed ACK, an artefact of the fake.

A bare call sends exactly the request the client sends for a text post (a multi-step publish,
like Instagram's container → publish, is replayed step by step). Figures: median per post and
the ratio client / bare per platform (goal ≤ 1.2×).

    /tmp/venv/bin/python bench/bench_clients.py --posts 300
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import _common
from _common import header, median, report

GOAL_RATIO = 1.2


@dataclass
class Case:
    """One platform: how to publish through our client and how to do the same with requests."""

    platform: str
    make_publisher: Callable[[], object]
    variant: Callable[[int], object]
    bare: Callable[[object, int], None]  # (session-like object with .post/.get, n)
    close: Callable[[], None]
    notes: list[str] = field(default_factory=list)


def context(n: int):  # noqa: ANN201
    from desktop_publisher.platforms.base import PublishContext

    return PublishContext(
        post_id=n,
        attempt=1,
        previous_outcome_unknown=False,
        checkpoint={},
        save_checkpoint=lambda data: None,
    )


def options(**urls: str):  # noqa: ANN201
    from desktop_publisher.platforms.base import PublisherOptions

    return PublisherOptions(
        urls={
            "linkedin": urls.get("linkedin_url", "http://127.0.0.1:9"),
            "graph": urls.get("graph_url", "http://127.0.0.1:9"),
        },
        settings={"linkedin_version": "", "graph_version": "v25.0"},
    )


# --- platforms ----------------------------------------------------------------------------------
def linkedin_case() -> Case:
    from desktop_publisher.platforms.api_versions import linkedin_default
    from desktop_publisher.platforms.base import AccountInfo, PostVariant
    from desktop_publisher.platforms.linkedin.publisher import LinkedInPublisher
    from tests.fakes.linkedin import TOKEN, FakeLinkedIn

    fake = FakeLinkedIn(detect_duplicates=False)
    author = "urn:li:person:abc"
    account = AccountInfo(1, "Brand", "linkedin", {"author": author}, TOKEN)
    opts = options(linkedin_url=fake.url)
    headers = {
        "Authorization": f"Bearer {TOKEN}",
        "LinkedIn-Version": linkedin_default(),
        "X-Restli-Protocol-Version": "2.0.0",
        "Content-Type": "application/json",
    }

    def text(n: int) -> str:
        # No reserved "little text" characters: the escaped commentary equals the text.
        return f"Benchmark post number {n} from the team"

    def bare(session, n: int) -> None:  # noqa: ANN001
        response = session.post(
            f"{fake.url}/rest/posts",
            json={
                "author": author,
                "commentary": text(n),
                "visibility": "PUBLIC",
                "distribution": {
                    "feedDistribution": "MAIN_FEED",
                    "targetEntities": [],
                    "thirdPartyDistributionChannels": [],
                },
                "lifecycleState": "PUBLISHED",
                "isReshareDisabledByAuthor": False,
            },
            headers=headers,
            timeout=(10, 60),
            allow_redirects=False,
        )
        assert response.status_code == 201, response.text
        assert response.headers["x-restli-id"]

    return Case(
        "linkedin",
        lambda: LinkedInPublisher(account, opts),
        lambda n: PostVariant(text=text(n)),
        bare,
        fake.close,
    )


def available_cases() -> dict[str, Callable[[], Case]]:
    """Each platform's case, against its fake."""
    return {
        "linkedin": linkedin_case,
        "facebook": facebook_case,
        "instagram": instagram_case,
        "wordpress": wordpress_case,
    }


def facebook_case() -> Case:
    from desktop_publisher.platforms.base import AccountInfo, PostVariant
    from desktop_publisher.platforms.facebook.publisher import FacebookPublisher
    from tests.fakes.graph import PAGE_ID, PAGE_TOKEN, FakeGraph

    fake = FakeGraph()
    account = AccountInfo(1, "Page", "facebook", {"page_id": PAGE_ID}, PAGE_TOKEN)
    opts = options(graph_url=fake.url)

    def text(n: int) -> str:
        return f"Fresh bread, batch {n}"

    def bare(session, n: int) -> None:  # noqa: ANN001
        response = session.post(
            f"{fake.url}/v25.0/{PAGE_ID}/feed",
            data={"message": text(n), "fields": "id,permalink_url"},
            headers={"Authorization": f"Bearer {PAGE_TOKEN}"},
            timeout=(10, 60),
            allow_redirects=False,
        )
        body = response.json()
        assert response.ok and body["id"] and body["permalink_url"], body

    return Case(
        "facebook",
        lambda: FacebookPublisher(account, opts),
        lambda n: PostVariant(text=text(n)),
        bare,
        fake.close,
        ["text post: one POST /{page}/feed (permalink read back in the same call)"],
    )


def instagram_case() -> Case:
    from desktop_publisher.platforms.base import AccountInfo, PostVariant
    from desktop_publisher.platforms.instagram.publisher import InstagramPublisher
    from tests.fakes.graph import IG_USER_ID, PAGE_TOKEN, FakeGraph, jpeg

    # Images ready at the first status read (no poll wait) and no daily quota in the way.
    fake = FakeGraph(processing_polls=0, quota_total=10**9)
    image = fake.publish_on_web("https://cdn.example.org/bread.jpg", jpeg(b"bread"))
    account = AccountInfo(1, "IG", "instagram", {"account_id": IG_USER_ID}, PAGE_TOKEN)
    opts = options(graph_url=fake.url)
    base = f"{fake.url}/v25.0"
    auth = {"Authorization": f"Bearer {PAGE_TOKEN}"}

    def caption(n: int) -> str:
        return f"Fresh bread, batch {n}"

    def bare(session, n: int) -> None:  # noqa: ANN001
        def call(method: str, path: str, **kwargs) -> dict:  # noqa: ANN003
            response = session.request(
                method,
                f"{base}/{path}",
                headers=auth,
                timeout=(10, 60),
                allow_redirects=False,
                **kwargs,
            )
            body = response.json()
            assert response.ok and "error" not in body, body
            return body

        call(
            "GET",
            f"{IG_USER_ID}/content_publishing_limit",
            params={"fields": "quota_usage,config"},
        )
        container = call(
            "POST", f"{IG_USER_ID}/media", data={"image_url": image, "caption": caption(n)}
        )["id"]
        status = call("GET", container, params={"fields": "status_code,status"})
        assert status["status_code"] == "FINISHED", status
        media = call("POST", f"{IG_USER_ID}/media_publish", data={"creation_id": container})
        assert call("GET", media["id"], params={"fields": "permalink"})["permalink"]

    return Case(
        "instagram",
        lambda: InstagramPublisher(account, opts),
        lambda n: PostVariant(text=caption(n), media=[image]),
        bare,
        fake.close,
        [
            "single image by URL: publishing limit → container → status → media_publish → "
            "permalink (5 requests)"
        ],
    )


def wordpress_case() -> Case:
    from desktop_publisher.platforms.base import AccountInfo, PostVariant
    from desktop_publisher.platforms.wordpress.publisher import WordPressPublisher
    from tests.fakes.wordpress import PASSWORD, USER, FakeWordPress

    fake = FakeWordPress()
    account = AccountInfo(
        1, "Blog", "wordpress", {"site_url": fake.url, "username": USER}, PASSWORD
    )
    opts = options()

    def bare(session, n: int) -> None:  # noqa: ANN001
        response = session.post(
            f"{fake.url}/wp-json/wp/v2/posts",
            json={"title": f"Post {n}", "content": f"<p>Hello number {n}</p>", "status": "publish"},
            auth=(USER, PASSWORD),
            timeout=(10, 60),
            allow_redirects=False,
        )
        body = response.json()
        assert response.status_code == 201 and body["id"], body

    return Case(
        "wordpress",
        lambda: WordPressPublisher(account, opts),
        lambda n: PostVariant(text=f"Hello number {n}", title=f"Post {n}"),
        bare,
        fake.close,
        [
            "text post: one POST /wp-json/wp/v2/posts with Basic auth, against the fake "
            "WordPress (tests/fakes/wordpress.py), not a real one"
        ],
    )


def real_wordpress_case(env_file: str) -> Case:
    """A real WordPress started by scripts/wordpress-test-server.sh (its env file)."""
    import requests

    from desktop_publisher.platforms.base import AccountInfo, PostVariant
    from desktop_publisher.platforms.wordpress.publisher import WordPressPublisher
    from tests.support.real_wordpress import site_from_env

    site = site_from_env(Path(env_file))
    account = AccountInfo(
        1, "Blog", "wordpress", {"site_url": site.url, "username": site.user}, site.app_password
    )
    opts = options()
    probe = requests.get(f"{site.url}/wp-json/", timeout=30, allow_redirects=False)
    pretty = probe.ok and probe.headers.get("Content-Type", "").startswith("application/json")

    def bare(session, n: int) -> None:  # noqa: ANN001
        url, params = (
            (f"{site.url}/wp-json/wp/v2/posts", {})
            if pretty
            else (f"{site.url}/", {"rest_route": "/wp/v2/posts"})
        )
        response = session.post(
            url,
            params=params,
            json={
                "title": f"Bench {n}",
                "content": f"<p>Hello number {n}</p>",
                "status": "publish",
            },
            auth=(site.user, site.app_password),
            timeout=(10, 60),
            allow_redirects=False,
        )
        body = response.json()
        assert response.status_code == 201 and body["id"], body

    return Case(
        "wordpress-real",
        lambda: WordPressPublisher(account, opts),
        lambda n: PostVariant(text=f"Hello number {n}", title=f"Bench {n}"),
        bare,
        lambda: None,
        [
            f"text post on a real WordPress at {site.url} "
            f"({'pretty permalinks' if pretty else '?rest_route='})"
        ],
    )


# --- measuring ----------------------------------------------------------------------------------
def measure(case: Case, posts: int, warmup: int = 10) -> dict[str, list[float]]:
    import requests

    from desktop_publisher.platforms.http import make_session

    reused = case.make_publisher()
    session = make_session()
    modes: dict[str, Callable[[int], None]] = {
        "client, fresh": lambda n: case.make_publisher().publish(case.variant(n), context(n)),
        # A new session per post, left to the garbage collector like the fresh client's.
        "bare, fresh": lambda n: case.bare(requests.Session(), n),
        "client, reused": lambda n: reused.publish(case.variant(n), context(n)),
        "bare, session": lambda n: case.bare(session, n),
    }
    times: dict[str, list[float]] = {name: [] for name in modes}
    rng = random.Random(1)
    order = list(modes)
    n = 0
    for i in range(warmup + posts):
        rng.shuffle(order)
        for name in order:
            n += 1
            started = time.perf_counter()
            modes[name](n)
            took = time.perf_counter() - started
            if i >= warmup:
                times[name].append(took)
    session.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=300, help="timed posts per mode")
    parser.add_argument(
        "--platforms", default="", help="comma-separated subset (default: every one available)"
    )
    parser.add_argument(
        "--wordpress-env",
        default=os.environ.get("DP_WORDPRESS_ENV", ""),
        help="env file of a real WordPress (scripts/wordpress-test-server.sh start): measured "
        "too, as wordpress-real (default: $DP_WORDPRESS_ENV)",
    )
    parser.add_argument("--real-posts", type=int, default=30, help="posts per mode on it")
    args = parser.parse_args()
    _common.use_test_keyring()
    header("client overhead")
    cases = available_cases()
    chosen = [p.strip() for p in args.platforms.split(",") if p.strip()] or list(cases)
    posts = dict.fromkeys(cases, args.posts)
    if args.wordpress_env:
        env_file = args.wordpress_env
        cases["wordpress-real"] = lambda: real_wordpress_case(env_file)
        chosen.append("wordpress-real")
        posts["wordpress-real"] = args.real_posts
    missing = sorted(set(chosen) - set(cases))
    if missing:
        print(f"   unknown platform(s): {', '.join(missing)}")
    for platform in [p for p in chosen if p in cases]:
        case = cases[platform]()
        try:
            times = measure(case, posts[platform], warmup=min(10, posts[platform]))
        finally:
            case.close()
        medians = {name: median(values) * 1000 for name, values in times.items()}
        print(f"-- {platform}: {posts[platform]} posts per mode")
        for note in case.notes:
            print(f"   {note}")
        for name, value in medians.items():
            report(f"{name} (median per post)", value, "ms")
        report(
            f"{platform}: client / bare (fresh, as the engine)",
            medians["client, fresh"] / medians["bare, fresh"],
            "x",
            GOAL_RATIO,
        )
        report(
            f"{platform}: client / bare (reused, keep-alive)",
            medians["client, reused"] / medians["bare, session"],
            "x",
            GOAL_RATIO,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
