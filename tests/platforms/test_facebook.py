"""The Facebook Page client against a faithful fake Graph API on 127.0.0.1 (tests/fakes/graph.py).

Most tests go through the engine (`service.publish_post`) so they check what the user sees: the
post's status, its error kind and message, and how many requests Graph received.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.platforms import graph as graph_module
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublisherOptions,
    PublishError,
)
from desktop_publisher.platforms.facebook.publisher import FacebookPublisher
from desktop_publisher.platforms.graph import normalize_version
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.fakes.graph import (
    PAGE_ID,
    PAGE_NAME,
    PAGE_TOKEN,
    USER_TOKEN,
    FakeGraph,
    duplicate_status,
    graph_error,
    html_page,
    http_429,
    invalid_parameter,
    jpeg,
    link_not_fetched,
    parse_multipart,
    password_changed,
    policy_block,
    rate_limited,
    served_version,
    server_error,
    temporary_error,
)
from tests.fakes.server import Response
from tests.support.pipes import call_without_waiting

FEED = rf"^/v25\.0/{PAGE_ID}/feed$"
PHOTOS = rf"^/v25\.0/{PAGE_ID}/photos$"
POSTS = rf"^/v25\.0/{PAGE_ID}/posts$"


@pytest.fixture
def graph(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGraph]:
    fake = FakeGraph()
    monkeypatch.setenv("DESKTOP_PUBLISHER_GRAPH_URL", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def acct(add_account, graph: FakeGraph):  # noqa: ANN001, ANN201
    return add_account("facebook", "Acme Page", {"page_id": PAGE_ID}, secret=PAGE_TOKEN)


def row(post: ScheduledPost) -> ScheduledPost:
    return ScheduledPost.get_by_id(post.id)


def publish(service, post: ScheduledPost) -> ScheduledPost:  # noqa: ANN001
    service.publish_post(post.id, manual=True)
    return row(post)


def publisher(fake: FakeGraph, secret: str = PAGE_TOKEN, version: str = "v25.0"):
    """The client alone (for verify()); the engine builds the same thing from the store."""
    return FacebookPublisher(
        AccountInfo(1, "Acme Page", "facebook", {"page_id": PAGE_ID}, secret),
        PublisherOptions(
            urls={"linkedin": "http://127.0.0.1:9", "graph": fake.url},
            settings={"linkedin_version": "", "graph_version": version},
        ),
    )


def form(request) -> dict[str, str]:  # noqa: ANN001
    return {k: v[-1] for k, v in request.form().items()}


def assert_token_only_in_header(fake: FakeGraph, token: str = PAGE_TOKEN) -> None:
    for request in fake.requests:
        assert request.header("Authorization") == f"Bearer {token}"
        assert "access_token" not in request.query
        assert token not in request.path and token.encode() not in request.body


# --- success, one test per kind of post --------------------------------------------------------
def test_text_post(service, acct, add_post, graph):
    post = add_post(acct, "Fresh bread at 7 — #sourdough (today only) & more 🍞")
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.PUBLISHED
    (created,) = graph.page_posts
    assert created.message == "Fresh bread at 7 — #sourdough (today only) & more 🍞"
    published = row(post)
    assert published.external_id == created.id and created.id.startswith(f"{PAGE_ID}_")
    assert published.url == created.permalink
    # One call: the permalink comes back with the id (read-after-write).
    (request,) = graph.requests
    assert (request.method, request.path) == ("POST", f"/v25.0/{PAGE_ID}/feed")
    assert form(request) == {
        "message": "Fresh bread at 7 — #sourdough (today only) & more 🍞",
        "fields": "id,permalink_url",
    }
    assert_token_only_in_header(graph)
    assert request.header("User-Agent").startswith("DesktopPublisher/")


def test_link_post(service, acct, add_post, graph):
    post = add_post(acct, "Our new menu", link="https://acme.example/menu")
    assert publish(service, post).status == Status.PUBLISHED
    (created,) = graph.page_posts
    assert (created.message, created.link) == ("Our new menu", "https://acme.example/menu")
    assert len(graph.requests) == 1


def test_one_image_from_a_local_file(service, acct, add_post, graph, tmp_path: Path):
    image = tmp_path / "loaf.jpg"
    image.write_bytes(jpeg(b"loaf"))
    post = add_post(acct, "Look at this loaf", media=[str(image)])
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (photo,) = graph.photos.values()
    assert photo.data == image.read_bytes() and photo.published and photo.source == "upload"
    (created,) = graph.page_posts
    assert created.photos == [photo.id] and created.message == "Look at this loaf"
    assert published.external_id == created.id and published.url == created.permalink
    assert [(r.method, r.path) for r in graph.requests] == [
        ("POST", f"/v25.0/{PAGE_ID}/photos"),
        ("GET", f"/v25.0/{created.id}"),
    ]
    fields, files = parse_multipart(graph.requests[0])
    assert fields == {"published": "true", "caption": "Look at this loaf"}
    assert files["source"][0] == "loaf.jpg" and files["source"][1] == "image/jpeg"
    assert_token_only_in_header(graph)


def test_one_image_from_a_url(service, acct, add_post, graph):
    url = graph.publish_on_web("https://cdn.acme.example/cake.jpg", jpeg(b"cake"))
    post = add_post(acct, "Cake", media=[url])
    assert publish(service, post).status == Status.PUBLISHED
    (photo,) = graph.photos.values()
    assert photo.source == url and photo.published
    assert form(graph.requests[0]) == {"published": "true", "caption": "Cake", "url": url}


def test_several_images(service, acct, add_post, graph, tmp_path):
    files = []
    for name in ("a.jpg", "b.png", "c.jpg"):
        path = tmp_path / name
        path.write_bytes(jpeg(name.encode()) if name.endswith("jpg") else b"\x89PNG\r\n\x1a\nxx")
        files.append(str(path))
    url = graph.publish_on_web("https://cdn.acme.example/d.jpg", jpeg(b"d"))
    post = add_post(acct, "Album", media=[*files, url], link="https://acme.example")
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (created,) = graph.page_posts
    assert len(created.photos) == 4 and all(graph.photos[p].published for p in created.photos)
    assert [graph.photos[p].data for p in created.photos[:3]] == [
        Path(f).read_bytes() for f in files
    ]
    # With images there is no link attachment: the link is part of the text.
    assert created.message == "Album\n\nhttps://acme.example" and created.link is None
    assert graph.count("POST", PHOTOS) == 4 and graph.count("POST", FEED) == 1
    assert len(graph.requests) == 5
    uploads = graph.server.matching("POST", PHOTOS)
    assert all(parse_multipart(r)[0]["published"] == "false" for r in uploads[:3])
    assert form(uploads[3])["published"] == "false"
    feed = form(graph.server.matching("POST", FEED)[0])
    assert [json.loads(feed[f"attached_media[{i}]"]) for i in range(4)] == [
        {"media_fbid": p} for p in created.photos
    ]
    assert published.url == created.permalink


def test_retry_reuses_uploaded_photos(service, acct, add_post, graph, tmp_path):
    first, second = tmp_path / "1.jpg", tmp_path / "2.jpg"
    first.write_bytes(jpeg(b"1"))
    second.write_bytes(jpeg(b"2"))
    graph.fail("POST", FEED, rate_limited(32, regain_minutes=1))
    post = add_post(acct, "Two", media=[str(first), str(second)])
    assert publish(service, post).status == Status.QUEUED
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", PHOTOS) == 2 and graph.count("POST", FEED) == 2
    assert len(graph.page_posts) == 1


def test_graph_version_is_a_setting(service, store, acct, add_post, graph):
    store.settings.set("graph_version", "v24.0")
    assert publish(service, add_post(acct, "Versioned")).status == Status.PUBLISHED
    assert graph.requests[0].path == f"/v24.0/{PAGE_ID}/feed"


def test_the_default_graph_version_is_live_today(store, graph):
    """Meta would still answer an expired default (with a newer version), but the default is
    meant to be a live one: this fails once it expires, on the real date."""
    default = store.settings.get("graph_version")
    assert served_version(default, datetime.now(UTC).date()) == default


def test_an_expired_version_is_noticed_and_the_setting_moves_forward(
    service, store, acct, add_post, graph, caplog, monkeypatch
):
    caplog.set_level(logging.WARNING, logger="desktop_publisher.platforms.graph")
    monkeypatch.setattr(graph_module, "_announced", set())  # said once per process
    store.settings.set("graph_version", "v20.0")  # Meta retired it on 2026-09-24
    oldest_live = served_version("v20.0", datetime.now(UTC).date())
    assert oldest_live not in (None, "v20.0")
    assert publish(service, add_post(acct, "Old version")).status == Status.PUBLISHED
    assert graph.requests[0].path == f"/v20.0/{PAGE_ID}/feed"
    assert store.settings.get("graph_version") == oldest_live
    assert publish(service, add_post(acct, "Moved on")).status == Status.PUBLISHED
    assert graph.requests[-1].path == f"/{oldest_live}/{PAGE_ID}/feed"
    said = [r.getMessage() for r in caplog.records if "has expired" in r.getMessage()]
    assert len(said) == 1 and "v20.0" in said[0] and oldest_live in said[0]


def test_invalid_version_setting_fails_before_any_request(service, store, acct, add_post, graph):
    store.settings.set("graph_version", "latest")
    failed = publish(service, add_post(acct, "Versioned"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "graph_version" in failed.last_error and graph.requests == []


# --- errors, through the engine ---------------------------------------------------------------
def test_expired_token_fails_with_reconnect(service, acct, add_post, graph):
    graph.expire_token()
    failed = publish(service, add_post(acct, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "has expired" in failed.last_error and "Reconnect" in failed.last_error
    assert len(graph.requests) == 1 and not graph.page_posts


def test_password_change_fails_with_reconnect(service, acct, add_post, graph):
    graph.fail("POST", FEED, password_changed())
    failed = publish(service, add_post(acct, "Hello"))
    assert failed.last_error_kind == "auth" and "password was changed" in failed.last_error
    assert len(graph.requests) == 1


def test_wrong_token_fails_with_reconnect(service, add_account, add_post, graph):
    account = add_account("facebook", "Acme Page", {"page_id": PAGE_ID}, secret="EAAGnot-a-token")
    failed = publish(service, add_post(account, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert len(graph.requests) == 1


def test_user_token_instead_of_page_token_is_explained(service, add_account, add_post, graph):
    account = add_account("facebook", "Acme Page", {"page_id": PAGE_ID}, secret=USER_TOKEN)
    failed = publish(service, add_post(account, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "user access token" in failed.last_error
    assert "Page access token" in failed.last_error and "/me/accounts" in failed.last_error
    assert len(graph.requests) == 1 and not graph.page_posts


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_rate_limit_codes_hold_the_post(service, acct, add_post, graph, code):
    graph.fail("POST", FEED, rate_limited(code))
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert waiting.due_at >= before + timedelta(minutes=14)
    assert len(graph.requests) == 1 and not graph.page_posts


def test_rate_limit_honours_the_usage_header(service, acct, add_post, graph):
    graph.fail("POST", FEED, rate_limited(80001, regain_minutes=42))
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello"))
    assert waiting.last_error_kind == "rate_limited"
    assert before + timedelta(minutes=41) <= waiting.due_at
    assert waiting.due_at <= datetime.now(UTC) + timedelta(minutes=43)


def test_http_429_honours_retry_after(service, acct, add_post, graph):
    graph.fail("POST", FEED, http_429(retry_after="7200"))
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert before + timedelta(seconds=7190) <= waiting.due_at
    assert len(graph.requests) == 1


def test_http_429_page_without_graphs_body_is_a_rate_limit(service, acct, add_post, graph):
    graph.fail("POST", FEED, html_page(429, "Too Many Requests"))
    waiting = publish(service, add_post(acct, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert len(graph.requests) == 1 and not graph.page_posts


@pytest.mark.parametrize("status", [500, 503])
def test_server_error_on_the_final_call_needs_a_check(service, acct, add_post, graph, status):
    graph.fail("POST", FEED, server_error(status))
    post = add_post(acct, "Hello")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    assert graph.count("POST", FEED) == 1


def test_server_error_on_an_unpublished_upload_is_transient(
    service, acct, add_post, graph, tmp_path
):
    first, second = tmp_path / "1.jpg", tmp_path / "2.jpg"
    first.write_bytes(jpeg(b"1"))
    second.write_bytes(jpeg(b"2"))
    graph.fail("POST", PHOTOS, server_error(500))
    waiting = publish(service, add_post(acct, "Two", media=[str(first), str(second)]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert len(graph.requests) == 1 and graph.count("POST", FEED) == 0


def test_temporary_error_answer_is_transient(service, acct, add_post, graph):
    # Code 2 with is_transient on a 4xx: Graph says it did not act, so a retry is safe.
    graph.fail("POST", FEED, temporary_error())
    post = add_post(acct, "Hello")
    assert publish(service, post).status == Status.QUEUED
    assert row(post).last_error_kind == "transient"
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", FEED) == 2 and len(graph.page_posts) == 1


@pytest.mark.parametrize(
    ("answer", "kind", "words"),
    [
        (invalid_parameter("Invalid parameter"), "invalid_content", "Invalid parameter"),
        (link_not_fetched(), "invalid_content", "could not read the link"),
        (duplicate_status(), "permanent", "duplicate"),
        (policy_block(), "permanent", "temporarily blocked"),
        (graph_error(403, 10, "(#10) Application does not have permission"), "permanent", "#10"),
    ],
)
def test_refusals_fail_with_graphs_reason(service, acct, add_post, graph, answer, kind, words):
    graph.fail("POST", FEED, answer)
    failed = publish(service, add_post(acct, "Hello", link="https://acme.example"))
    assert failed.status == Status.FAILED and failed.last_error_kind == kind
    assert words in failed.last_error
    assert len(graph.requests) == 1


def test_real_duplicate_is_refused(service, acct, add_post, graph):
    assert publish(service, add_post(acct, "Same words")).status == Status.PUBLISHED
    failed = publish(service, add_post(acct, "Same words"))
    assert failed.status == Status.FAILED and "duplicate" in failed.last_error
    assert len(graph.page_posts) == 1


@pytest.mark.parametrize("acted", [True, False])
def test_dropped_connection_after_the_post_was_sent(service, acct, add_post, graph, acted):
    graph.drop(FEED, act=acted)
    post = add_post(acct, "Hello")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    assert graph.count("POST", FEED) == 1
    assert len(graph.page_posts) == (1 if acted else 0)


def test_retry_after_lost_answer_finds_the_post_instead_of_posting_twice(
    service, posts, acct, add_post, graph
):
    graph.drop(FEED, act=True)  # Facebook created it, the answer was lost
    post = add_post(acct, "Only once")
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)  # the user chose to try again
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (existing,) = graph.page_posts
    assert published.external_id == existing.id and published.url == existing.permalink
    assert graph.count("POST", FEED) == 1 and graph.count("GET", POSTS) == 1
    outcomes = [
        a.outcome
        for a in PublishAttempt.select()
        .where(PublishAttempt.post == post.id)
        .order_by(PublishAttempt.number)
    ]
    assert outcomes == ["unknown_outcome", "published"]


def test_retry_after_lost_request_posts_once(service, posts, acct, add_post, graph):
    graph.drop(FEED, act=False)  # the request never got to create anything
    post = add_post(acct, "Only once")
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", FEED) == 2 and len(graph.page_posts) == 1


def test_dropped_unpublished_upload_is_transient(service, acct, add_post, graph, tmp_path):
    first, second = tmp_path / "1.jpg", tmp_path / "2.jpg"
    first.write_bytes(jpeg(b"1"))
    second.write_bytes(jpeg(b"2"))
    graph.drop(PHOTOS, act=True)
    waiting = publish(service, add_post(acct, "Two", media=[str(first), str(second)]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert len(graph.requests) == 1 and not graph.page_posts


def test_dropped_single_photo_publish_needs_a_check(service, acct, add_post, graph, tmp_path):
    image = tmp_path / "1.jpg"
    image.write_bytes(jpeg(b"1"))
    graph.drop(PHOTOS, act=True)
    checked = publish(service, add_post(acct, "One", media=[str(image)]))
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert len(graph.requests) == 1


def test_connection_refused_is_transient(service, add_account, add_post):
    # conftest points Graph at a dead port: nothing was sent, so a retry is safe.
    account = add_account("facebook", "Acme Page", {"page_id": PAGE_ID}, secret=PAGE_TOKEN)
    waiting = publish(service, add_post(account, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"


@pytest.mark.parametrize(
    ("answer", "status", "kind"),
    [
        (html_page(200, "Please sign in"), Status.NEEDS_CHECK, "unknown_outcome"),
        (html_page(502), Status.NEEDS_CHECK, "unknown_outcome"),
        (html_page(403, "Forbidden"), Status.QUEUED, "transient"),
    ],
)
def test_html_answers_never_count_as_success(service, acct, add_post, graph, answer, status, kind):
    graph.fail(None, FEED, answer)
    result = publish(service, add_post(acct, "Hello"))
    assert result.status == status and result.last_error_kind == kind
    assert result.external_id is None


def test_success_answer_without_an_id_needs_a_check(service, acct, add_post, graph):
    graph.fail("POST", FEED, Response(200, {"success": True}))
    checked = publish(service, add_post(acct, "Hello"))
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert checked.external_id is None and len(graph.requests) == 1


def test_slow_answer_is_waited_for(service, acct, add_post, graph):
    release = graph.hold(FEED)
    post = add_post(acct, "Slowly")
    worker = threading.Thread(target=service.publish_post, args=(post.id,), kwargs={"manual": True})
    worker.start()
    graph.server.wait_for_requests(1)
    assert row(post).status == Status.PUBLISHING
    release.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert row(post).status == Status.PUBLISHED
    assert graph.count("POST", FEED) == 1


def test_answer_too_slow_needs_a_check(service, acct, add_post, graph, monkeypatch):
    monkeypatch.setattr(FacebookPublisher, "timeout", (2.0, 0.5))
    graph.hold(FEED)  # released only when the fake closes
    checked = publish(service, add_post(acct, "Too slowly"))
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert graph.count("POST", FEED) == 1


def test_permalink_read_failure_does_not_fail_the_post(service, acct, add_post, graph, tmp_path):
    image = tmp_path / "1.jpg"
    image.write_bytes(jpeg(b"1"))
    graph.fail("GET", rf"^/v25\.0/{PAGE_ID}_", server_error(500))
    published = publish(service, add_post(acct, "One", media=[str(image)]))
    assert published.status == Status.PUBLISHED
    assert published.url == f"https://www.facebook.com/{published.external_id}"


# --- validation -------------------------------------------------------------------------------
def test_validate_rules(tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(jpeg())
    assert [p.field for p in FacebookPublisher.validate(PostVariant(""))] == ["text"]
    assert FacebookPublisher.validate(PostVariant("", media=[str(image)])) == []
    many = FacebookPublisher.validate(PostVariant("Hi", media=[str(image)] * 11))
    assert any("at most 10" in p.message for p in many)
    big = tmp_path / "big.jpg"
    big.write_bytes(jpeg() + b"\0" * 4_000_001)
    assert any(
        "4 MB" in p.message for p in FacebookPublisher.validate(PostVariant("Hi", media=[str(big)]))
    )
    webp = tmp_path / "a.webp"
    webp.write_bytes(b"RIFF0000WEBP")
    assert FacebookPublisher.validate(PostVariant("Hi", media=[str(webp)]))
    # An image address without a file extension cannot be judged here: Facebook checks it.
    assert FacebookPublisher.validate(PostVariant("Hi", media=["https://cdn.example/i?id=1"])) == []
    assert FacebookPublisher.validate(PostVariant("x" * 63207))


def test_message_counted_as_facebook_may_count_it(service, acct, add_post, graph, tmp_path):
    # UTF-16 units: an emoji is two. What the app accepts, the (fake) Graph takes too.
    assert FacebookPublisher.count_text("😀") == 2
    assert FacebookPublisher.validate(PostVariant("😀" * 31604))  # 63,208 units
    fits = "😀" * 31603
    assert FacebookPublisher.validate(PostVariant(fits)) == []
    assert publish(service, add_post(acct, fits)).status == Status.PUBLISHED
    # With images the link goes into the message: it counts too.
    image = tmp_path / "a.jpg"
    image.write_bytes(jpeg())
    with_link = PostVariant("x" * 63200, link="https://acme.example/menu", media=[str(image)] * 2)
    (problem,) = FacebookPublisher.validate(with_link)
    assert problem.field == "text" and "(63227 now)" in problem.message


def test_an_image_that_grew_after_scheduling_is_not_sent(service, acct, add_post, graph, tmp_path):
    image = tmp_path / "loaf.jpg"
    image.write_bytes(jpeg(b"loaf"))
    post = add_post(acct, "Loaf", media=[str(image)])
    with image.open("r+b") as handle:
        handle.truncate(2_000_000_000)  # sparse
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "loaf.jpg: Facebook accepts files up to 4 MB" in failed.last_error
    assert graph.requests == []
    # The client's own read refuses it without reading it, a pipe without waiting on it.
    client = publisher(graph)
    with pytest.raises(PublishError, match="larger than 4 MB, the most Facebook accepts"):
        client._photo_call(str(image), {}, final=False, step="uploading")
    image.unlink()
    os.mkfifo(image)
    with pytest.raises(PublishError, match="loaf.jpg is not a regular file") as caught:
        call_without_waiting(
            lambda: client._photo_call(str(image), {}, final=False, step="uploading"), image
        )
    assert caught.value.kind is ErrorKind.INVALID_CONTENT
    assert graph.requests == []


def test_version_setting_forms():
    assert normalize_version("v25.0") == "v25.0"
    assert normalize_version("25") == "v25.0"
    assert normalize_version(" v24 ") == "v24.0"
    with pytest.raises(PublishError, match="graph_version"):
        normalize_version("v25.0-beta")


# --- verify -----------------------------------------------------------------------------------
def test_verify_returns_the_page_name(graph):
    assert publisher(graph).verify() == PAGE_NAME
    assert [r.path for r in graph.requests] == [f"/v25.0/{PAGE_ID}", "/v25.0/me"]
    assert_token_only_in_header(graph)


def test_verify_with_a_user_token_explains_the_page_token(graph):
    with pytest.raises(PublishError) as caught:
        publisher(graph, secret=USER_TOKEN).verify()
    assert caught.value.kind is ErrorKind.AUTH
    assert "not to the Page" in caught.value.message and "Page access token" in caught.value.message


def test_verify_expired_token_is_an_auth_error(graph):
    graph.expire_token()
    with pytest.raises(PublishError) as caught:
        publisher(graph).verify()
    assert caught.value.kind is ErrorKind.AUTH and "Reconnect" in caught.value.message


def test_account_test_records_the_check(accounts, acct, graph):
    assert accounts.test("Acme Page") == PAGE_NAME
    assert accounts.get("Acme Page").last_check_ok


# --- secrets ----------------------------------------------------------------------------------
def test_token_never_appears_in_urls_errors_or_logs(
    service, add_account, add_post, graph, caplog, tmp_path
):
    secret = "EAAGsecret7f3a9c51d2e4"
    graph.page_token = secret
    caplog.set_level(logging.DEBUG)
    account = add_account("facebook", "Acme Page", {"page_id": PAGE_ID}, secret=secret)
    # Answers that echo the token back, as a misbehaving proxy or error page might.
    graph.fail(None, FEED, graph_error(400, 190, f"Invalid OAuth access token {secret}"))
    graph.fail(None, FEED, invalid_parameter(f"access_token={secret} is odd"))
    graph.fail(None, FEED, html_page(502, secret))
    image = tmp_path / "a.jpg"
    image.write_bytes(jpeg())
    made = [add_post(account, f"Post {n}") for n in range(3)]
    made.append(add_post(account, "With image", media=[str(image)]))
    for post in made:
        service.publish_post(post.id, manual=True)
    rows = [row(p) for p in made]
    assert [r.status for r in rows] == [
        Status.FAILED,
        Status.FAILED,
        Status.NEEDS_CHECK,
        Status.PUBLISHED,
    ]
    texts = [r.last_error or "" for r in rows]
    texts += [a.message or "" for a in PublishAttempt.select()]
    assert all(secret not in text for text in texts)
    assert secret not in caplog.text
    assert_token_only_in_header(graph, secret)
    assert len(graph.requests) == 3 + 2
