"""The WordPress client against a real WordPress on 127.0.0.1 (tests/support/real_wordpress.py), and
against a fake (tests/fakes/wordpress.py) only for what a real site cannot show on demand.

Most tests go through the engine (`service.publish_post`) so they check what the user sees: the
post's status, its error kind and message, and what the site then holds.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublisherOptions,
    PublishError,
)
from desktop_publisher.platforms.http import HttpClient
from desktop_publisher.platforms.wordpress.content import post_content, text_to_html
from desktop_publisher.platforms.wordpress.media_host import WordPressMediaHost
from desktop_publisher.platforms.wordpress.publisher import WordPressPublisher
from desktop_publisher.store.models import ScheduledPost, Status
from tests.fakes.server import Fault
from tests.fakes.wordpress import PASSWORD, USER, FakeWordPress, html_page, wp_error
from tests.platforms.test_linkedin import png
from tests.support import real_wordpress as wp_support
from tests.support.pipes import call_without_waiting
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until

WordPressSite = wp_support.WordPressSite
real = pytest.mark.wordpress


def options() -> PublisherOptions:
    return PublisherOptions(
        urls={"linkedin": "http://127.0.0.1:9", "graph": "http://127.0.0.1:9"},
        settings={"linkedin_version": "202510", "graph_version": "v25.0"},
    )


def info(url: str, user: str, secret: str) -> AccountInfo:
    return AccountInfo(1, "Blog", "wordpress", {"site_url": url, "username": user}, secret)


def row(post: ScheduledPost) -> ScheduledPost:
    return ScheduledPost.get_by_id(post.id)


def publish(service, post: ScheduledPost) -> ScheduledPost:  # noqa: ANN001
    service.publish_post(post.id, manual=True)
    return row(post)


def unique(word: str) -> str:
    """Names that no earlier test (or earlier run against the same site) has used."""
    return f"{word} {uuid.uuid4().hex[:8]}"


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (method, URL) our HTTP client sends, recorded on the way through (not replaced)."""
    calls: list[tuple[str, str]] = []
    original = HttpClient.request

    def recording(self, method, url, **kwargs):  # noqa: ANN001, ANN202
        params = kwargs.get("params") or {}
        shown = url + (f"?rest_route={params['rest_route']}" if "rest_route" in params else "")
        calls.append((method, shown))
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(HttpClient, "request", recording)
    return calls


@pytest.fixture
def blog(add_account, wordpress_site: WordPressSite):  # noqa: ANN001, ANN201
    return add_account(
        "wordpress",
        "Blog",
        {"site_url": wordpress_site.url, "username": wordpress_site.user},
        secret=wordpress_site.app_password,
    )


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "red square.png"
    path.write_bytes(png(4, 4, (220, 20, 20)))
    return path


# --- the real WordPress ----------------------------------------------------------------------
@real
def test_text_post_is_published_with_title_content_and_excerpt(
    service, blog, add_post, wordpress_site, sent
):
    title = unique("Hello WordPress")
    text = "First line & <more>\nsecond line.\n\nSee https://example.com/a?b=1&c=2. Thanks!"
    post = add_post(blog, text, title=title, extra={"excerpt": "A short summary"})
    published = publish(service, post)
    assert published.status == Status.PUBLISHED, published.last_error
    assert published.url and published.url.startswith(wordpress_site.url)
    assert len(sent) == 1
    stored = wordpress_site.rest(f"/wp/v2/posts/{published.external_id}", context="edit")
    assert stored["status"] == "publish"
    assert stored["title"]["raw"] == title
    assert stored["link"] == published.url
    assert stored["content"]["raw"] == (
        "<p>First line &amp; &lt;more&gt;<br />\nsecond line.</p>\n\n"
        '<p>See <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>.'
        " Thanks!</p>"
    )
    assert stored["excerpt"]["raw"] == "A short summary"
    # The permalink serves the post.
    page = requests.get(published.url, timeout=30)
    assert page.status_code == 200 and title in page.text


@real
def test_html_text_is_sent_as_written(service, blog, add_post, wordpress_site):
    markup = '<h2>Plan</h2>\n<ul><li>One</li><li><a href="https://example.com">Two</a></li></ul>'
    published = publish(service, add_post(blog, markup, title=unique("Markup")))
    assert published.status == Status.PUBLISHED, published.last_error
    stored = wordpress_site.rest(f"/wp/v2/posts/{published.external_id}", context="edit")
    assert stored["content"]["raw"] == markup


@real
def test_featured_image_from_a_local_file(service, blog, add_post, wordpress_site, image):
    post = add_post(
        blog, "With a picture", title=unique("Picture"), media=[str(image)], extra={"alt": "Red"}
    )
    published = publish(service, post)
    assert published.status == Status.PUBLISHED, published.last_error
    stored = wordpress_site.rest(f"/wp/v2/posts/{published.external_id}", context="edit")
    media_id = stored["featured_media"]
    assert media_id and media_id == published.checkpoint["media"]["id"]
    media = wordpress_site.rest(f"/wp/v2/media/{media_id}", context="edit")
    assert media["alt_text"] == "Red"
    assert media["mime_type"] == "image/png"
    served = requests.get(media["source_url"], timeout=30)
    assert served.status_code == 200 and served.content == image.read_bytes()


@real
def test_categories_and_tags_are_created_then_reused(service, blog, add_post, wordpress_site, sent):
    category, tag_one, tag_two = unique("News"), unique("launch"), unique("Q&A")
    first = publish(
        service,
        add_post(
            blog,
            "Tagged",
            title=unique("Terms"),
            extra={"categories": [category], "tags": [tag_one, tag_two]},
        ),
    )
    assert first.status == Status.PUBLISHED, first.last_error
    stored = wordpress_site.rest(f"/wp/v2/posts/{first.external_id}", context="edit")
    categories = wordpress_site.rest("/wp/v2/categories", search=category)
    tags = {
        t["id"]: t["name"]
        for t in wordpress_site.rest("/wp/v2/tags", include=",".join(map(str, stored["tags"])))
    }
    assert [c["name"] for c in categories] == [category]
    assert stored["categories"] == [categories[0]["id"]]
    assert sorted(tags.values()) == sorted([tag_one, tag_two.replace("&", "&amp;")])
    created = [call for call in sent if call[0] == "POST" and "/posts" not in call[1]]
    assert len(created) == 3

    sent.clear()
    # The same names again, typed differently: found, not created twice.
    second = publish(
        service,
        add_post(
            blog,
            "Tagged again",
            title=unique("Terms"),
            extra={"categories": [category.upper()], "tags": [tag_two, tag_one]},
        ),
    )
    assert second.status == Status.PUBLISHED, second.last_error
    again = wordpress_site.rest(f"/wp/v2/posts/{second.external_id}", context="edit")
    assert again["categories"] == stored["categories"]
    assert sorted(again["tags"]) == sorted(stored["tags"])
    assert [m for m, _ in sent] == ["GET", "GET", "GET", "POST"]
    assert len(wordpress_site.rest("/wp/v2/categories", search=category)) == 1


@real
def test_author_cannot_create_a_category(service, add_account, add_post, wordpress_site):
    author = add_account(
        "wordpress",
        "Author",
        {"site_url": wordpress_site.url, "username": wordpress_site.author_user},
        secret=wordpress_site.author_app_password,
    )
    missing = unique("Secret plans")
    failed = publish(
        service, add_post(author, "Hi", title=unique("By author"), extra={"categories": [missing]})
    )
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert f"Category {missing!r}" in failed.last_error
    assert "may not create it" in failed.last_error
    assert wordpress_site.rest("/wp/v2/categories", search=missing) == []
    # An existing category is fine for an author: it is assigned, not created.
    published = publish(
        service,
        add_post(author, "Hi", title=unique("By author"), extra={"categories": ["Uncategorized"]}),
    )
    assert published.status == Status.PUBLISHED, published.last_error


@real
def test_contributor_cannot_publish(service, add_account, add_post, wordpress_site):
    contributor = add_account(
        "wordpress",
        "Contributor",
        {"site_url": wordpress_site.url, "username": wordpress_site.contributor_user},
        secret=wordpress_site.contributor_app_password,
    )
    title = unique("For review")
    failed = publish(service, add_post(contributor, "Hi", title=title))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "may not publish posts" in failed.last_error
    assert "Author, Editor or Administrator" in failed.last_error
    assert wordpress_site.rest("/wp/v2/posts", search=title, status="any") == []
    publisher = WordPressPublisher(
        info(
            wordpress_site.url,
            wordpress_site.contributor_user,
            wordpress_site.contributor_app_password,
        ),
        options(),
    )
    with pytest.raises(PublishError) as caught:
        publisher.verify()
    assert caught.value.kind is ErrorKind.PERMANENT
    assert "'Cory Contributor' (contributor) may not publish posts" in caught.value.message


@real
def test_wrong_application_password_fails_with_one_request(
    service, add_account, add_post, wordpress_site, sent
):
    account = add_account(
        "wordpress",
        "Blog",
        {"site_url": wordpress_site.url, "username": wordpress_site.user},
        secret="aaaa bbbb cccc dddd eeee ffff",
    )
    title = unique("Never")
    failed = publish(service, add_post(account, "Nope", title=title))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "application password" in failed.last_error and "account reconnect" in failed.last_error
    assert "aaaa" not in failed.last_error
    assert len(sent) == 1
    assert wordpress_site.rest("/wp/v2/posts", search=title) == []


@real
def test_rest_route_fallback_with_plain_permalinks(service, blog, add_post, wordpress_site, sent):
    title = unique("Plain")
    with wordpress_site.plain_permalinks():
        published = publish(
            service, add_post(blog, "Plain", title=title, extra={"tags": [unique("plain")]})
        )
        assert published.status == Status.PUBLISHED, published.last_error
        assert published.url == f"{wordpress_site.url}/?p={published.external_id}"
        # Tried /wp-json/ once, then every call of this publisher went to ?rest_route=.
        assert "/wp-json/" in sent[0][1]
        assert all("?rest_route=/wp/v2/" in url for _, url in sent[1:])
        assert len(sent) == 4  # tag lookup (twice: /wp-json/, then ?rest_route=), create, post
        (stored,) = wordpress_site.rest("/wp/v2/posts", search=title)
        assert stored["id"] == int(published.external_id) and stored["link"] == published.url

        # A text post: the very first call is the post itself.
        sent.clear()
        text_title = unique("Plain text")
        text_post = publish(service, add_post(blog, "Only text", title=text_title))
        assert text_post.status == Status.PUBLISHED, text_post.last_error
        assert [(m, "rest_route" in url) for m, url in sent] == [("POST", False), ("POST", True)]
        # The POST that reached the front page instead of the API created nothing.
        (only,) = wordpress_site.rest("/wp/v2/posts", search=text_title)
        assert only["id"] == int(text_post.external_id)
        publisher = WordPressPublisher(
            info(wordpress_site.url, wordpress_site.user, wordpress_site.app_password), options()
        )
        assert publisher.verify() == "Site Admin"
        assert publisher.site.api == "plain"


@real
def test_verify_returns_the_display_name(accounts, blog, wordpress_site):
    publisher = WordPressPublisher(
        info(wordpress_site.url, wordpress_site.user, wordpress_site.app_password), options()
    )
    assert publisher.verify() == "Site Admin"
    assert publisher.site.api == "pretty"
    assert accounts.test("Blog") == "Site Admin"
    assert accounts.get("Blog").last_check_ok


@real
def test_verify_with_a_wrong_password_is_an_auth_error(wordpress_site):
    publisher = WordPressPublisher(
        info(wordpress_site.url, wordpress_site.user, "wrong wrong wrong wrong"), options()
    )
    with pytest.raises(PublishError) as caught:
        publisher.verify()
    assert caught.value.kind is ErrorKind.AUTH and "account reconnect" in caught.value.message


@real
def test_media_host_returns_a_url_that_serves_the_image(wordpress_site, image):
    host = WordPressMediaHost(
        info(wordpress_site.url, wordpress_site.user, wordpress_site.app_password)
    )
    url = host.upload_public(str(image), "A red square")
    assert url.startswith(f"{wordpress_site.url}/wp-content/uploads/")
    served = requests.get(url, timeout=30)
    assert served.status_code == 200 and served.content == image.read_bytes()
    assert served.headers["Content-Type"] == "image/png"


@real
def test_media_host_is_found_for_a_marked_account(
    store, credentials, add_account, wordpress_site, image
):
    from desktop_publisher.media_host import find_media_host

    add_account(
        "wordpress",
        "Images",
        {"site_url": wordpress_site.url, "username": wordpress_site.user, "media_host": True},
        secret=wordpress_site.app_password,
    )
    host = find_media_host(credentials)
    assert isinstance(host, WordPressMediaHost)
    assert requests.get(host.upload_public(str(image)), timeout=30).content == image.read_bytes()


@real
def test_cli_account_add_and_a_post_published_on_time_by_the_engine(wordpress_site, image):
    """The whole path a user takes: account add (password on stdin), post add --at now+5s, the
    engine running in its own process publishes it at its time, with its URL."""
    added = run_cli(
        "account",
        "add",
        "wordpress",
        "--name",
        "Blog",
        "--site-url",
        wordpress_site.url,
        "--username",
        wordpress_site.user,
        input=wordpress_site.app_password + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert run_cli("account", "test", "Blog").stdout.count("Site Admin") == 1
    title = unique("On time")
    engine = start_cli("run")
    try:
        scheduled = run_cli(
            "post", "add", "--account", "Blog", "--title", title, "--text", "Right on time",
            "--media", str(image), "--alt", "Red", "--category", unique("Timely"),
            "--tag", "cli", "--at", "now+5s", "--json",
        )  # fmt: skip
        assert scheduled.returncode == 0, scheduled.stderr
        (post,) = json.loads(scheduled.stdout)
        due = datetime.fromisoformat(post["publication_date"].replace("Z", "+00:00"))

        def published() -> dict | None:
            shown = json.loads(run_cli("post", "show", str(post["id"]), "--json").stdout)
            return shown if shown["status"] == "published" else None

        shown = wait_until(published, timeout=60, what="the engine published the post")
    finally:
        engine.send_signal(signal.SIGTERM)
        engine.wait(timeout=30)
    assert datetime.fromisoformat(shown["published_at"].replace("Z", "+00:00")) >= due
    stored = wordpress_site.rest(f"/wp/v2/posts/{shown['external_id']}", context="edit")
    assert stored["title"]["raw"] == title and stored["link"] == shown["url"]
    assert stored["featured_media"] and stored["categories"] and stored["tags"]


# --- the fake: what a real site cannot show on demand ----------------------------------------
@pytest.fixture
def fake() -> Iterator[FakeWordPress]:
    site = FakeWordPress()
    yield site
    site.close()


@pytest.fixture
def fake_blog(add_account, fake: FakeWordPress):  # noqa: ANN001, ANN201
    return add_account("wordpress", "Blog", {"site_url": fake.url, "username": USER}, PASSWORD)


def test_fake_text_post(service, fake_blog, add_post, fake):
    published = publish(service, add_post(fake_blog, "Hello", title="Hi"))
    assert published.status == Status.PUBLISHED
    (post,) = fake.posts
    assert published.external_id == str(post.id) and published.url == post.link
    assert post.body == {"title": "Hi", "content": "<p>Hello</p>", "status": "publish"}
    (request,) = fake.requests
    assert request.header("Authorization").startswith("Basic ")
    assert request.header("User-Agent").startswith("DesktopPublisher/")


def test_a_local_image_that_is_no_image_file_is_not_read(fake, tmp_path):
    # The media host (Instagram's images) and the publisher share this read: a file that grew
    # past the limit, or turned into a pipe, since the post was checked is refused, unread.
    host = WordPressMediaHost(info(fake.url, USER, PASSWORD))
    grown = tmp_path / "grown.jpg"
    with grown.open("wb") as handle:
        handle.truncate(2_000_000_000)  # sparse
    with pytest.raises(PublishError, match="grown.jpg is larger than 50 MB") as caught:
        host.upload_public(str(grown))
    assert caught.value.kind is ErrorKind.INVALID_CONTENT
    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    with pytest.raises(PublishError, match="pipe.jpg is not a regular file") as caught:
        call_without_waiting(lambda: host.upload_public(str(pipe)), pipe)
    assert caught.value.kind is ErrorKind.INVALID_CONTENT
    assert fake.requests == []


def test_stripped_authorization_header_is_explained(service, fake_blog, add_post, fake):
    fake.strip_authorization = True
    failed = publish(service, add_post(fake_blog, "Hello", title="Hi"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "strips the Authorization header" in failed.last_error
    assert "CGIPassAuth On" in failed.last_error
    assert len(fake.requests) == 1 and not fake.posts


def test_incorrect_password_says_so(service, add_account, add_post, fake):
    account = add_account("wordpress", "Blog", {"site_url": fake.url, "username": USER}, "nope1234")
    failed = publish(service, add_post(account, "Hello", title="Hi"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "application password is wrong or was revoked" in failed.last_error
    assert "Authorization header" not in failed.last_error
    assert len(fake.requests) == 1


def test_server_error_on_create_needs_a_check(service, fake_blog, add_post, fake):
    fake.fail("POST", "wp/v2/posts", wp_error(500, "internal_server_error", "Critical error"))
    post = add_post(fake_blog, "Hello", title="Hi")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    assert fake.count("POST", "wp/v2/posts") == 1


def test_dropped_connection_is_never_resent_and_a_retry_finds_the_post(
    service, posts, fake_blog, add_post, fake
):
    fake.drop(act=True)
    post = add_post(fake_blog, "Only once", title="Once")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    assert fake.count("POST", "wp/v2/posts") == 1 and len(fake.posts) == 1
    posts.retry(post.id)  # the user chose to try again: the site is searched first
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    assert published.external_id == str(fake.posts[0].id)
    assert fake.count("POST", "wp/v2/posts") == 1 and fake.count("GET", "wp/v2/posts") == 1


def test_retry_after_a_lost_answer_that_created_nothing_posts(
    service, posts, fake_blog, add_post, fake
):
    fake.drop(act=False)
    post = add_post(fake_blog, "Once more", title="Again")
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)
    assert publish(service, post).status == Status.PUBLISHED
    assert fake.count("POST", "wp/v2/posts") == 2 and len(fake.posts) == 1


def test_server_error_on_the_image_upload_is_transient(service, fake_blog, add_post, fake, image):
    fake.fail("POST", "wp/v2/media", html_page(503, "Service Unavailable"))
    waiting = publish(service, add_post(fake_blog, "Pic", title="Pic", media=[str(image)]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert len(fake.requests) == 1 and not fake.posts


def test_retry_reuses_the_uploaded_image(service, fake_blog, add_post, fake, image):
    slow_down = wp_error(429, "too_many_requests", "Slow down")
    slow_down.headers["Retry-After"] = "30"
    fake.fail("POST", "wp/v2/posts", slow_down)
    post = add_post(fake_blog, "Pic", title="Pic", media=[str(image)], extra={"alt": "Red"})
    assert publish(service, post).status == Status.QUEUED
    assert publish(service, post).status == Status.PUBLISHED
    assert fake.count("POST", "wp/v2/media") == 1 and len(fake.media) == 1
    (media_id,) = fake.media
    assert fake.posts[0].body["featured_media"] == media_id
    upload = fake.server.matching("POST", r"media")[0]
    assert upload.header("Content-Type") == "image/png"
    assert upload.header("Content-Disposition") == 'attachment; filename="red-square.png"'
    assert upload.query["alt_text"] == ["Red"]


def test_rate_limited_waits_for_retry_after(service, fake_blog, add_post, fake):
    response = wp_error(429, "rate_limited", "Too many requests")
    response.headers["Retry-After"] = "120"
    fake.fail("POST", "wp/v2/posts", response)
    before = datetime.now(UTC)
    waiting = publish(service, add_post(fake_blog, "Hello", title="Hi"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert before + timedelta(seconds=115) <= waiting.due_at
    assert waiting.due_at <= datetime.now(UTC) + timedelta(seconds=125)
    assert len(fake.requests) == 1


def test_invalid_parameter_is_invalid_content(service, fake_blog, add_post, fake):
    fake.fail(
        "POST",
        "wp/v2/posts",
        wp_error(
            400, "rest_invalid_param", "Invalid parameter(s): excerpt", params={"excerpt": "bad"}
        ),
    )
    failed = publish(service, add_post(fake_blog, "Hello", title="Hi"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "excerpt: bad" in failed.last_error and "Invalid parameter" in failed.last_error


def test_plain_permalinks_on_the_fake_fall_back_once(fake, sent):
    fake.pretty_permalinks = False
    publisher = WordPressPublisher(info(fake.url, USER, PASSWORD), options())
    assert publisher.verify() == "Eddie Editor"
    assert publisher.verify() == "Eddie Editor"
    assert [fake.route_of(r) for r in fake.requests] == ["wp/v2/users/me"] * 3
    assert [r.path for r in fake.requests] == ["/wp-json/wp/v2/users/me", "/", "/"]


def test_site_that_is_no_wordpress_is_transient(service, add_account, add_post, fake):
    fake.fail(None, "wp/v2/posts", html_page(200, "Parked domain"))
    fake.server.add_fault(Fault(None, r"^/$", response=html_page(200, "Parked domain")))
    account = add_account("wordpress", "Blog", {"site_url": fake.url, "username": USER}, PASSWORD)
    waiting = publish(service, add_post(account, "Hello", title="Hi"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert "not the WordPress REST API" in waiting.last_error
    assert len(fake.requests) == 2 and not fake.posts


def test_redirect_elsewhere_names_the_address(service, fake_blog, add_post, fake):
    moved = html_page(301, "Moved")
    moved.headers["Location"] = "https://www.example.com/wp-json/wp/v2/posts"
    fake.fail("POST", "wp/v2/posts", moved)
    fake.server.add_fault(Fault(None, r"^/$", response=moved))
    failed = publish(service, add_post(fake_blog, "Hello", title="Hi"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "https://www.example.com" in failed.last_error and "Site URL" in failed.last_error
    assert not fake.posts


def test_answer_too_slow_needs_a_check(service, fake_blog, add_post, fake, monkeypatch):
    monkeypatch.setattr(WordPressPublisher, "timeout", (2.0, 0.5))
    release = threading.Event()
    fake.server.add_fault(Fault("POST", r"posts$", hold=release))
    post = add_post(fake_blog, "Slow", title="Slow")
    try:
        checked = publish(service, post)
    finally:
        release.set()
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert fake.count("POST", "wp/v2/posts") == 1


def test_connection_refused_is_transient(service, add_account, add_post):
    # Nothing listens on port 9: nothing was sent, so a later retry is safe.
    account = add_account(
        "wordpress", "Blog", {"site_url": "http://127.0.0.1:9", "username": USER}, PASSWORD
    )
    waiting = publish(service, add_post(account, "Hello", title="Hi"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"


def test_password_never_appears_in_errors_or_logs(service, add_account, add_post, fake, caplog):
    secret = "SeCr Et12 3456 7890 abcd efgh"
    caplog.set_level(logging.DEBUG)
    account = add_account("wordpress", "Blog", {"site_url": fake.url, "username": USER}, secret)
    # Answers that echo the password back, as a misconfigured plugin or proxy might.
    fake.fail("POST", "wp/v2/posts", wp_error(400, "rest_invalid_param", f"Bad {secret}"))
    fake.fail("POST", "wp/v2/posts", wp_error(403, "rest_forbidden", f"password={secret}"))
    fake.fail("POST", "wp/v2/posts", html_page(502, secret))
    made = [add_post(account, f"Post {n}", title=f"T{n}") for n in range(4)]
    for post in made:
        service.publish_post(post.id, manual=True)
    rows = [row(p) for p in made]
    assert [r.last_error_kind for r in rows] == [
        "invalid_content",
        "permanent",
        "unknown_outcome",
        "auth",  # the fake knows another password
    ]
    texts = [r.last_error or "" for r in rows] + [caplog.text]
    for text in texts:
        assert secret not in text and secret.replace(" ", "") not in text


def test_http_is_refused_for_a_remote_site():
    publisher = WordPressPublisher(info("http://example.com", USER, PASSWORD), options())
    with pytest.raises(PublishError) as caught:
        publisher.verify()
    assert caught.value.kind is ErrorKind.PERMANENT and "https://" in caught.value.message


# --- content and rules -------------------------------------------------------------------------
def test_plain_text_becomes_paragraphs_with_links():
    assert text_to_html("a\nb\n\n\nc (see https://x.org/p_(1)), ok") == (
        "<p>a<br />\nb</p>\n\n"
        '<p>c (see <a href="https://x.org/p_(1)">https://x.org/p_(1)</a>), ok</p>'
    )
    assert text_to_html("1 < 2 & 3 > 2") == "<p>1 &lt; 2 &amp; 3 &gt; 2</p>"
    assert text_to_html("<p>Already <em>HTML</em></p>") == "<p>Already <em>HTML</em></p>"
    assert text_to_html("<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->").startswith("<!--")


def test_the_posts_link_is_added_once():
    with_link = PostVariant("Read on", title="T", link="https://example.com/more")
    assert post_content(with_link) == (
        '<p>Read on</p>\n\n<p><a href="https://example.com/more">https://example.com/more</a></p>'
    )
    already = PostVariant(
        "Read https://example.com/more", title="T", link="https://example.com/more"
    )
    assert post_content(already).count("<a ") == 1


def test_validate_rules(tmp_path, image):
    ok = PostVariant("Body", title="Title", media=[str(image)])
    assert WordPressPublisher.validate(ok) == []
    problems = WordPressPublisher.validate(PostVariant("Body"))
    assert [(p.field, p.message) for p in problems] == [("title", "WordPress needs a title.")]
    two = PostVariant("Body", title="T", media=[str(image), str(image)])
    assert any("at most 1 images" in p.message for p in WordPressPublisher.validate(two))
    bmp = tmp_path / "a.bmp"
    bmp.write_bytes(b"BM")
    assert [
        p.field for p in WordPressPublisher.validate(PostVariant("B", "T", media=[str(bmp)]))
    ] == ["media"]
    alt_only = PostVariant("B", "T", extra={"alt": "x"})
    assert [p.field for p in WordPressPublisher.validate(alt_only)] == ["alt"]
    long_tag = PostVariant("B", "T", extra={"tags": ["x" * 201]})
    assert [p.field for p in WordPressPublisher.validate(long_tag)] == ["tags"]
