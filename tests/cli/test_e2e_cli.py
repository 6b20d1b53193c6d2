"""End to end through the command line, as a user would: `account add` with the secret on stdin,
`post add --at now+5s`, the engine started with `run` in its own process, and the post published
on time with its URL (`post list --json`, `status --json`), against the fake LinkedIn, the fake
Graph API (Facebook Page and Instagram) and a real WordPress on loopback.
"""

from __future__ import annotations

import json
import signal
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.engine.lock import engine_running
from tests.fakes.graph import IG_USER_ID, PAGE_ID, PAGE_TOKEN, FakeGraph, jpeg
from tests.fakes.linkedin import FakeLinkedIn
from tests.fakes.server import Request
from tests.platforms.test_linkedin import png
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until

PHOTO = "https://cdn.acme.example/bread.jpg"
# The engine notices a new post within 2 s and sends it at its exact time; allow for a slow CI.
LATE_AT_MOST = timedelta(seconds=3)


def cli(*args: str, input: str | None = None) -> subprocess.CompletedProcess:  # noqa: A002
    ran = run_cli(*args, input=input)
    assert ran.returncode == 0, (args, ran.stdout, ran.stderr)
    assert "Traceback" not in ran.stderr
    return ran


def utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def arrived(request: Request) -> datetime:
    return datetime.fromtimestamp(request.received_at, UTC)


@contextmanager
def engine(wait_for_start: Path | None = None) -> Iterator[subprocess.Popen]:
    """`desktop-publisher run` in its own process, stopped with SIGTERM like a service manager.
    With a data dir, wait until the engine holds its lock (it is up and planning)."""
    process = start_cli("run")
    try:
        if wait_for_start is not None:
            wait_until(
                lambda: engine_running(wait_for_start) or process.poll() is not None,
                timeout=30,
                what="the engine started",
            )
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err, err


def schedule(*args: str) -> list[dict]:
    posts = json.loads(cli("post", "add", *args, "--at", "now+5s", "--json").stdout)
    assert {p["status"] for p in posts} == {"scheduled"}
    return posts


def wait_published(posts: list[dict], timeout: float = 40) -> dict[int, dict]:
    """Poll `post list --json` as a script would, until every post is published."""
    ids = {p["id"] for p in posts}

    def done() -> dict[int, dict] | None:
        listed = {p["id"]: p for p in json.loads(cli("post", "list", "--json").stdout)}
        failed = [
            p for i, p in listed.items() if i in ids and p["status"] in ("failed", "needs_check")
        ]
        assert not failed, failed
        if all(listed[i]["status"] == "published" for i in ids):
            return {i: listed[i] for i in ids}
        return None

    return wait_until(done, timeout=timeout, what=f"posts {sorted(ids)} published")


def assert_on_time(post: dict, request: Request) -> None:
    due = utc(post["publication_date"])
    assert arrived(request) >= due - timedelta(milliseconds=50), "sent before its time"
    assert arrived(request) - due <= LATE_AT_MOST, f"sent {arrived(request) - due} late"
    assert utc(post["published_at"]) >= due


def assert_status_after(published: int) -> None:
    status = json.loads(cli("status", "--json").stdout)
    assert status["engine_running"] is False
    assert status["counts"]["published"] == published
    assert status["counts"]["scheduled"] == status["counts"]["queued"] == 0
    assert status["next_due"] is None


# --- LinkedIn ------------------------------------------------------------------------------------
@pytest.fixture
def linkedin(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLinkedIn]:
    fake = FakeLinkedIn(token=f"AQV-{uuid.uuid4().hex}")
    monkeypatch.setenv("DESKTOP_PUBLISHER_LINKEDIN_URL", fake.url)
    yield fake
    fake.close()


def test_linkedin_post_published_on_time_through_the_cli(linkedin):  # noqa: ANN001
    # No --author: the client asks LinkedIn who the token belongs to, as most users would.
    cli("account", "add", "linkedin", "--name", "Ada", input=linkedin.token + "\n")
    assert "Ada Lovelace" in cli("account", "test", "Ada").stdout
    text = "Launch day! #python (brackets) @home 🎉 {braces}"
    # Scheduled before the engine starts: it must plan the post at start-up.
    (post,) = schedule("--account", "Ada", "--text", text, "--link", "https://example.com/launch")
    with engine():
        published = wait_published([post])[post["id"]]
    (request,) = linkedin.server.matching("POST", r"^/rest/posts$")
    assert_on_time(published, request)
    (sent,) = linkedin.posts
    assert sent.text == text and not sent.truncated  # arrived intact
    assert sent.author == "urn:li:person:abc"
    assert published["external_id"] == sent.urn
    assert published["url"] == f"https://www.linkedin.com/feed/update/{sent.urn}"
    assert published["attempts"] == 1 and published["last_error"] is None
    assert_status_after(1)


# --- Facebook Page and Instagram -----------------------------------------------------------------
@pytest.fixture
def graph(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGraph]:
    fake = FakeGraph()
    fake.publish_on_web(PHOTO, jpeg(b"bread"))
    monkeypatch.setenv("DESKTOP_PUBLISHER_GRAPH_URL", fake.url)
    yield fake
    fake.close()


def test_facebook_and_instagram_post_published_on_time_through_the_cli(graph, data_dir):  # noqa: ANN001
    cli("account", "add", "facebook", "--name", "Page", "--page-id", PAGE_ID, input=PAGE_TOKEN)
    cli("account", "add", "instagram", "--name", "IG", "--account-id", IG_USER_ID,
        input=PAGE_TOKEN + "\n")  # fmt: skip
    text = "Fresh bread at 7 #bakery"
    # The engine runs first: it must notice the new posts (within 2 s) and send them on time.
    with engine(wait_for_start=data_dir):
        posts = schedule(
            "--account", "Page", "--account", "IG", "--text", text, "--media", PHOTO,
            "--alt", "Bread",
        )  # fmt: skip
        assert [p["platform"] for p in posts] == ["facebook", "instagram"]
        published = wait_published(posts)
    page, insta = (published[p["id"]] for p in posts)

    (fb_post,) = graph.page_posts
    assert fb_post.message == text
    assert page["url"] == fb_post.permalink
    first_fb = next(r for r in graph.requests if r.method == "POST" and PAGE_ID in r.path)
    assert_on_time(page, first_fb)

    (media,) = graph.media
    assert media.caption == text and media.images == [jpeg(b"bread")]
    assert insta["external_id"] == media.id and insta["url"] == media.permalink
    first_ig = next(r for r in graph.requests if r.method == "POST" and IG_USER_ID in r.path)
    assert_on_time(insta, first_ig)
    assert_status_after(2)


# --- three platforms at once, WordPress for real ------------------------------------------------
def test_one_post_to_linkedin_facebook_and_wordpress_published_on_time(
    linkedin, graph, wordpress_site, tmp_path, data_dir
):  # noqa: ANN001
    """One `post add` for three accounts: each platform gets its post at the same due time, in
    parallel, with its own URL. (Instagram is not in this one: the fake Graph downloads images
    only from https URLs it knows, and the loopback WordPress serves plain http.)"""
    image = tmp_path / "bread.png"
    image.write_bytes(png(4, 4, (200, 150, 60)))
    cli("account", "add", "linkedin", "--name", "Ada", "--author", "urn:li:person:abc",
        input=linkedin.token)  # fmt: skip
    cli("account", "add", "facebook", "--name", "Page", "--page-id", PAGE_ID, input=PAGE_TOKEN)
    cli("account", "add", "wordpress", "--name", "Blog", "--site-url", wordpress_site.url,
        "--username", wordpress_site.user, input=wordpress_site.app_password + "\n")  # fmt: skip
    title = f"Everywhere {uuid.uuid4().hex[:8]}"
    with engine(wait_for_start=data_dir):
        posts = schedule(
            "--account", "Ada", "--account", "Page", "--account", "Blog", "--title", title,
            "--text", "Open on Sunday", "--media", str(image), "--category", "News",
            "--tag", "sunday",
        )  # fmt: skip
        published = wait_published(posts, timeout=60)
    by_platform = {p["platform"]: published[p["id"]] for p in posts}
    assert set(by_platform) == {"linkedin", "facebook", "wordpress"}

    (li_sent,) = linkedin.posts
    assert by_platform["linkedin"]["url"] == f"https://www.linkedin.com/feed/update/{li_sent.urn}"
    (fb_sent,) = graph.page_posts
    assert by_platform["facebook"]["url"] == fb_sent.permalink
    stored = wordpress_site.rest(
        f"/wp/v2/posts/{by_platform['wordpress']['external_id']}", context="edit"
    )
    assert stored["title"]["raw"] == title and stored["link"] == by_platform["wordpress"]["url"]
    assert stored["featured_media"] and stored["categories"] and stored["tags"]
    for post in by_platform.values():
        due = utc(post["publication_date"])
        assert due <= utc(post["published_at"]) <= due + timedelta(seconds=15)
    first_li = linkedin.server.matching("POST", r"^/rest/images|^/rest/posts$")[0]
    assert_on_time(by_platform["linkedin"], first_li)
    assert_status_after(3)
