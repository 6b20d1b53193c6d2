"""The Instagram client against a faithful fake Graph API on 127.0.0.1 (tests/fakes/graph.py).

Most tests go through the engine (`service.publish_post`) so they check what the user sees: the
post's status, its error kind and message, and how many requests Graph received.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.engine.publishing import PublishingService
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublisherOptions,
    PublishError,
)
from desktop_publisher.platforms.instagram.publisher import InstagramPublisher
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.fakes.graph import (
    IG_USER_ID,
    IG_USERNAME,
    PAGE_TOKEN,
    FakeGraph,
    graph_error,
    html_page,
    jpeg,
    media_download_failed,
    not_ready,
    quota_reached,
    rate_limited,
    server_error,
    temporary_error,
)
from tests.fakes.server import Fault

V = r"^/v25\.0"
LIMIT = rf"{V}/{IG_USER_ID}/content_publishing_limit$"
MEDIA = rf"{V}/{IG_USER_ID}/media$"
PUBLISH = rf"{V}/{IG_USER_ID}/media_publish$"
STATUS = rf"{V}/9\d+$"  # a container (the fake's ids start with 9)
PHOTO = "https://cdn.acme.example/bread.jpg"


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InstagramPublisher, "poll_interval", 0.01)
    monkeypatch.setattr(InstagramPublisher, "poll_timeout", 2.0)


@pytest.fixture
def graph(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGraph]:
    fake = FakeGraph()
    fake.publish_on_web(PHOTO, jpeg(b"bread"))
    monkeypatch.setenv("DESKTOP_PUBLISHER_GRAPH_URL", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def acct(add_account, graph: FakeGraph):  # noqa: ANN001, ANN201
    return add_account("instagram", "Acme IG", {"account_id": IG_USER_ID}, secret=PAGE_TOKEN)


class WebMediaHost:
    """Stands in for the WordPress media host: puts the file on the (fake) public web."""

    def __init__(self, graph: FakeGraph, fail: PublishError | None = None) -> None:
        self.graph = graph
        self.fail = fail
        self.uploads: list[tuple[str, str | None]] = []

    def upload_public(self, path: str, alt: str | None = None) -> str:
        if self.fail is not None:
            raise self.fail
        self.uploads.append((path, alt))
        url = f"https://blog.acme.example/wp-content/uploads/{len(self.uploads)}-{Path(path).name}"
        return self.graph.publish_on_web(url, Path(path).read_bytes())


@pytest.fixture
def media_host(graph: FakeGraph) -> WebMediaHost:
    return WebMediaHost(graph)


@pytest.fixture
def hosted_service(store, credentials, events, add_account, media_host):  # noqa: ANN001, ANN201
    """The engine with a WordPress account marked as media host, as the app wires it."""
    add_account(
        "wordpress",
        "Acme Blog",
        {"site_url": "https://blog.acme.example", "username": "ada", "media_host": True},
        secret="abcd efgh ijkl mnop",
    )
    return PublishingService(store, credentials, events, media_host_factory=lambda: media_host)


def row(post: ScheduledPost) -> ScheduledPost:
    return ScheduledPost.get_by_id(post.id)


def publish(service, post: ScheduledPost) -> ScheduledPost:  # noqa: ANN001
    service.publish_post(post.id, manual=True)
    return row(post)


def publisher(fake: FakeGraph, secret: str = PAGE_TOKEN) -> InstagramPublisher:
    return InstagramPublisher(
        AccountInfo(1, "Acme IG", "instagram", {"account_id": IG_USER_ID}, secret),
        PublisherOptions(
            urls={"linkedin": "http://127.0.0.1:9", "graph": fake.url},
            settings={"linkedin_version": "", "graph_version": "v25.0"},
        ),
    )


def form(request) -> dict[str, str]:  # noqa: ANN001
    return {k: v[-1] for k, v in request.form().items()}


def calls(fake: FakeGraph) -> list[tuple[str, str]]:
    """The requests as (method, what), ids replaced by their role."""
    named = []
    for request in fake.requests:
        path = request.path.removeprefix("/v25.0/")
        if path.startswith(IG_USER_ID + "/"):
            what = path.split("/", 1)[1]
        elif path.startswith("9"):
            what = "container"
        elif path.startswith("17"):
            what = "permalink"  # GET /{media-id}?fields=permalink
        else:
            what = path
        named.append((request.method, what))
    return named


def assert_token_only_in_header(fake: FakeGraph, token: str = PAGE_TOKEN) -> None:
    for request in fake.requests:
        assert request.header("Authorization") == f"Bearer {token}"
        assert "access_token" not in request.query
        assert token not in request.path and token.encode() not in request.body


# --- success, one test per kind of post --------------------------------------------------------
def test_single_image_from_a_url(service, acct, add_post, graph):
    post = add_post(acct, "Fresh #bread from @acme 🍞", media=[PHOTO], extra={"alt": "A loaf"})
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (media,) = graph.media
    assert media.caption == "Fresh #bread from @acme 🍞" and media.images == [jpeg(b"bread")]
    assert published.external_id == media.id and published.url == media.permalink
    assert calls(graph) == [
        ("GET", "content_publishing_limit"),
        ("POST", "media"),
        ("GET", "container"),  # IN_PROGRESS
        ("GET", "container"),  # FINISHED
        ("POST", "media_publish"),
        ("GET", "permalink"),
    ]
    assert form(graph.server.matching("POST", MEDIA)[0]) == {
        "image_url": PHOTO,
        "caption": "Fresh #bread from @acme 🍞",
        "alt_text": "A loaf",
    }
    container = graph.containers[form(graph.server.matching("POST", PUBLISH)[0])["creation_id"]]
    assert container.status == "PUBLISHED"
    assert graph.quota_usage == 1
    assert_token_only_in_header(graph)


def test_carousel(service, acct, add_post, graph):
    urls = [
        graph.publish_on_web(f"https://cdn.acme.example/{n}.jpg", jpeg(bytes([n])))
        for n in range(3)
    ]
    post = add_post(acct, "Three loaves", media=urls, extra={"alt": ["one", "two", "three"]})
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (media,) = graph.media
    assert media.images == [jpeg(bytes([n])) for n in range(3)]
    assert published.url == media.permalink
    creates = [form(r) for r in graph.server.matching("POST", MEDIA)]
    assert creates[:3] == [
        {"image_url": urls[n], "is_carousel_item": "true", "alt_text": alt}
        for n, alt in enumerate(["one", "two", "three"])
    ]
    children = [c.id for c in graph.containers.values() if c.carousel_item]
    assert creates[3] == {
        "media_type": "CAROUSEL",
        "children": ",".join(children),
        "caption": "Three loaves",
    }
    assert graph.count("POST", MEDIA) == 4 and graph.count("POST", PUBLISH) == 1
    assert len(graph.requests) == 1 + 4 + 2 + 1 + 1


def test_local_file_goes_through_the_media_host(
    hosted_service, acct, add_post, graph, media_host, tmp_path
):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    post = add_post(acct, "Cake", media=[str(image)], extra={"alt": "Chocolate cake"})
    published = publish(hosted_service, post)
    assert published.status == Status.PUBLISHED
    assert media_host.uploads == [(str(image), "Chocolate cake")]
    (media,) = graph.media
    assert media.images == [image.read_bytes()]
    sent = form(graph.server.matching("POST", MEDIA)[0])["image_url"]
    assert sent.startswith("https://blog.acme.example/wp-content/uploads/")


def test_mixed_carousel_of_a_file_and_a_url(hosted_service, acct, add_post, graph, tmp_path):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    post = add_post(acct, "Both", media=[str(image), PHOTO])
    assert publish(hosted_service, post).status == Status.PUBLISHED
    assert graph.media[0].images == [image.read_bytes(), jpeg(b"bread")]


def test_link_is_added_to_the_caption(service, acct, add_post, graph):
    post = add_post(acct, "Menu", link="https://acme.example/menu", media=[PHOTO])
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.media[0].caption == "Menu\n\nhttps://acme.example/menu"


def test_retry_reuses_the_hosted_image(hosted_service, acct, add_post, graph, media_host, tmp_path):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    graph.fail("POST", MEDIA, server_error(503))
    post = add_post(acct, "Cake", media=[str(image)])
    assert publish(hosted_service, post).status == Status.QUEUED
    assert publish(hosted_service, post).status == Status.PUBLISHED
    assert len(media_host.uploads) == 1 and len(graph.media) == 1


# --- quota ------------------------------------------------------------------------------------
def test_quota_used_up_holds_the_post_without_creating_anything(service, acct, add_post, graph):
    graph.use_up_quota()
    before = datetime.now(UTC)
    post = add_post(acct, "Later", media=[PHOTO])
    held = publish(service, post)
    assert held.status == Status.QUEUED and held.last_error_kind == "rate_limited"
    assert "daily publishing limit" in held.last_error and "50 of 50" in held.last_error
    assert before + timedelta(minutes=59) <= held.due_at <= before + timedelta(minutes=61)
    assert calls(graph) == [("GET", "content_publishing_limit")] and not graph.containers
    graph.quota_usage = 49  # a slot freed
    assert publish(service, post).status == Status.PUBLISHED


def test_quota_reached_at_publish_time_holds_the_post(service, acct, add_post, graph):
    graph.fail("POST", PUBLISH, quota_reached())
    post = add_post(acct, "Race", media=[PHOTO])
    held = publish(service, post)
    assert held.status == Status.QUEUED and held.last_error_kind == "rate_limited"
    assert not graph.media
    # The container is kept: the next attempt publishes it without making another.
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", MEDIA) == 1 and graph.count("POST", PUBLISH) == 2


# --- processing -------------------------------------------------------------------------------
def test_not_ready_keeps_polling_then_publishes(service, acct, add_post, graph):
    graph.fail("POST", PUBLISH, not_ready(), count=2)
    published = publish(service, add_post(acct, "Patience", media=[PHOTO]))
    assert published.status == Status.PUBLISHED
    assert graph.count("POST", PUBLISH) == 3 and len(graph.media) == 1


def test_processing_longer_than_the_bound_is_retried_later(
    service, acct, add_post, graph, monkeypatch
):
    monkeypatch.setattr(InstagramPublisher, "poll_timeout", 0.3)
    graph.processing_polls = 10_000
    post = add_post(acct, "Slow", media=[PHOTO])
    waiting = publish(service, post)
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert "still processing" in waiting.last_error
    assert graph.count("POST", PUBLISH) == 0 and graph.count("POST", MEDIA) == 1
    (container,) = graph.containers.values()
    assert row(post).checkpoint["instagram"]["container"] == container.id
    container.status = "FINISHED"  # Meta finished meanwhile
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", MEDIA) == 1 and len(graph.media) == 1


def test_not_ready_beyond_the_bound_is_transient(service, acct, add_post, graph, monkeypatch):
    monkeypatch.setattr(InstagramPublisher, "poll_timeout", 0.3)
    graph.fail("POST", PUBLISH, not_ready(), count=10_000)
    waiting = publish(service, add_post(acct, "Never ready", media=[PHOTO]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert not graph.media


def test_container_error_fails_as_invalid_content(service, acct, add_post, graph):
    graph.finish_as = ("ERROR", "Error: Media upload has failed with error code 2207026")
    post = add_post(acct, "Broken", media=[PHOTO])
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "could not be processed" in failed.last_error
    assert graph.count("POST", PUBLISH) == 0
    assert row(post).checkpoint["instagram"]["container"] is None


def test_expired_container_is_replaced(service, posts, acct, add_post, graph):
    graph.fail("POST", PUBLISH, temporary_error())  # an explicit "not done": try again
    post = add_post(acct, "Old", media=[PHOTO])
    assert publish(service, post).status == Status.QUEUED
    (old,) = graph.containers.values()
    old.status = "EXPIRED"
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", MEDIA) == 2 and graph.media[0].container != old.id


# --- errors, through the engine ---------------------------------------------------------------
def test_expired_token_fails_with_reconnect(service, acct, add_post, graph):
    graph.expire_token()
    failed = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert "has expired" in failed.last_error and "Reconnect" in failed.last_error
    assert len(graph.requests) == 1


@pytest.mark.parametrize("code", [4, 613])
def test_rate_limit_on_container_creation_holds_the_post(service, acct, add_post, graph, code):
    graph.fail("POST", MEDIA, rate_limited(code, regain_minutes=30))
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert waiting.due_at >= before + timedelta(minutes=29)
    assert len(graph.requests) == 2


def test_instagram_account_throttle_waits_as_the_usage_header_says(service, acct, add_post, graph):
    graph.fail("GET", LIMIT, rate_limited(80002, regain_minutes=20))
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert before + timedelta(minutes=19) <= waiting.due_at
    assert waiting.due_at <= datetime.now(UTC) + timedelta(minutes=21)
    assert len(graph.requests) == 1


def test_server_error_on_container_creation_is_transient(service, acct, add_post, graph):
    graph.fail("POST", MEDIA, server_error(500))
    waiting = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert len(graph.requests) == 2


def test_server_error_on_publish_checks_the_container(service, posts, acct, add_post, graph):
    graph.fail("POST", PUBLISH, server_error(500))
    post = add_post(acct, "Hello", media=[PHOTO])
    checked = publish(service, post)
    # The container is still FINISHED, not PUBLISHED: the user decides.
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert calls(graph)[-2:] == [("POST", "media_publish"), ("GET", "container")]
    posts.retry(post.id)
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", MEDIA) == 1 and len(graph.media) == 1


def test_dropped_publish_that_worked_is_recognised_at_once(service, acct, add_post, graph):
    graph.drop(PUBLISH, act=True)
    published = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert published.status == Status.PUBLISHED
    (media,) = graph.media
    assert published.external_id == media.id and published.url == media.permalink
    assert graph.count("POST", PUBLISH) == 1


def test_dropped_publish_that_did_not_work_needs_a_check_then_publishes_once(
    service, posts, acct, add_post, graph
):
    graph.drop(PUBLISH, act=False)
    post = add_post(acct, "Hello", media=[PHOTO])
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    posts.retry(post.id)
    assert publish(service, post).status == Status.PUBLISHED
    assert graph.count("POST", MEDIA) == 1 and graph.count("POST", PUBLISH) == 2
    assert len(graph.media) == 1


def test_published_container_counts_as_success_on_reconciliation(
    service, posts, acct, add_post, graph
):
    # Instagram published it, the answer was lost, and so was the check right after.
    graph.drop(PUBLISH, act=True, then=Fault("GET", STATUS, response=server_error(500)))
    post = add_post(acct, "Only once", media=[PHOTO])
    assert publish(service, post).status == Status.NEEDS_CHECK
    first_attempt = len(graph.requests)
    posts.retry(post.id)
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (media,) = graph.media
    assert published.external_id == media.id and published.url == media.permalink
    assert graph.count("POST", PUBLISH) == 1 and graph.count("POST", MEDIA) == 1
    # Reconciliation: the container's status, then which media it became; nothing else.
    assert calls(graph)[first_attempt:] == [("GET", "container"), ("GET", "media")]
    outcomes = [
        a.outcome
        for a in PublishAttempt.select()
        .where(PublishAttempt.post == post.id)
        .order_by(PublishAttempt.number)
    ]
    assert outcomes == ["unknown_outcome", "published"]


def test_image_meta_cannot_download_fails_as_invalid_content(service, acct, add_post, graph):
    graph.fail("POST", MEDIA, media_download_failed())
    failed = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "could not be downloaded" in failed.last_error
    assert len(graph.requests) == 2


def test_account_restricted_is_permanent(service, acct, add_post, graph):
    # Code 4 here is not a rate limit: subcode 2207051 says the action was blocked as spam.
    graph.fail("POST", MEDIA, graph_error(400, 4, "Action blocked", subcode=2207051))
    failed = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "restricted" in failed.last_error


def test_media_host_failure_is_transient_and_nothing_is_sent(
    store, credentials, events, add_account, acct, add_post, graph, tmp_path
):
    add_account(
        "wordpress",
        "Acme Blog",
        {"site_url": "https://blog.acme.example", "username": "ada", "media_host": True},
        secret="abcd efgh ijkl mnop",
    )
    broken = WebMediaHost(graph, fail=PublishError(ErrorKind.UNKNOWN_OUTCOME, "upload broke"))
    service = PublishingService(store, credentials, events, media_host_factory=lambda: broken)
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    waiting = publish(service, add_post(acct, "Cake", media=[str(image)]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert "media host" in waiting.last_error
    assert graph.count("POST", MEDIA) == 0


def test_media_host_marked_but_not_available_says_so(
    store, credentials, events, add_account, acct, add_post, graph, tmp_path
):
    add_account(
        "wordpress",
        "Acme Blog",
        {"site_url": "https://blog.acme.example", "username": "ada", "media_host": True},
        secret="abcd efgh ijkl mnop",
    )
    service = PublishingService(store, credentials, events, media_host_factory=lambda: None)
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    failed = publish(service, add_post(acct, "Cake", media=[str(image)]))
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "no media host is available" in failed.last_error
    assert graph.count("POST", MEDIA) == 0


@pytest.mark.parametrize(
    ("answer", "status", "kind"),
    [
        (html_page(200, "Please sign in"), Status.NEEDS_CHECK, "unknown_outcome"),
        (html_page(403, "Forbidden"), Status.QUEUED, "transient"),
    ],
)
def test_html_answers_never_count_as_success(service, acct, add_post, graph, answer, status, kind):
    graph.fail(None, PUBLISH, answer)
    result = publish(service, add_post(acct, "Hello", media=[PHOTO]))
    assert result.status == status and result.last_error_kind == kind
    assert result.external_id is None and not graph.media


def test_connection_refused_is_transient(service, add_account, add_post):
    account = add_account("instagram", "Acme IG", {"account_id": IG_USER_ID}, secret=PAGE_TOKEN)
    waiting = publish(service, add_post(account, "Hello", media=[PHOTO]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"


def test_answer_too_slow_on_publish_needs_a_check(service, acct, add_post, graph, monkeypatch):
    # Long enough for the quick calls before it on a busy machine, short for the held one.
    monkeypatch.setattr(InstagramPublisher, "timeout", (2.0, 1.5))
    graph.hold(PUBLISH)  # released only when the fake closes
    checked = publish(service, add_post(acct, "Too slowly", media=[PHOTO]))
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert graph.count("POST", PUBLISH) == 1


# --- validation -------------------------------------------------------------------------------
def test_text_only_is_refused():
    problems = InstagramPublisher.validate(PostVariant("Just words"))
    assert [str(p) for p in problems] == [
        "media: Instagram has no text-only posts: add a JPEG image."
    ]


def test_local_file_without_media_host_is_refused_clearly(tmp_path):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg())
    (problem,) = InstagramPublisher.validate(PostVariant("Cake", media=[str(image)]))
    assert problem.field == "media" and "cake.jpg" in problem.message
    assert "https://" in problem.message and "--media-host" in problem.message
    assert InstagramPublisher.validate(PostVariant("Cake", media=[str(image)]), True) == []


def test_scheduling_a_local_image_without_media_host_is_refused(acct, add_post, tmp_path):
    from desktop_publisher.errors import UserError

    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg())
    with pytest.raises(UserError, match="media host"):
        add_post(acct, "Cake", media=[str(image)])


def test_media_host_removed_after_scheduling_fails_before_any_request(
    hosted_service, accounts, acct, add_post, graph, tmp_path
):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    post = add_post(acct, "Cake", media=[str(image)])
    accounts.remove("Acme Blog")
    failed = publish(hosted_service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "--media-host" in failed.last_error and graph.requests == []


def test_caption_rules():
    def problems(text: str, **kw: object) -> list[str]:
        return [
            p.message for p in InstagramPublisher.validate(PostVariant(text, media=[PHOTO], **kw))
        ]

    assert problems("x" * 2200) == []
    assert any("2200" in m for m in problems("x" * 2201))
    assert problems(" ".join(f"#tag{n}" for n in range(30))) == []
    assert any("30 hashtags" in m for m in problems(" ".join(f"#tag{n}" for n in range(31))))
    assert problems(" ".join(f"@user{n}" for n in range(20))) == []
    assert any("20 @-mentions" in m for m in problems(" ".join(f"@user{n}" for n in range(21))))
    # An e-mail address is not a mention; a link added to the caption counts in its length.
    assert problems("write to hello@acme.example") == []
    assert any("2200" in m for m in problems("x" * 2190, link="https://acme.example/a-long-path"))


def test_caption_counted_as_instagram_may_count_it(service, acct, add_post, graph):
    # UTF-16 units: an emoji is two. What the app accepts, the (fake) Graph takes too.
    assert InstagramPublisher.validate(PostVariant("🍞" * 1101, media=[PHOTO]))  # 2,202 units
    fits = "🍞" * 1100
    assert InstagramPublisher.validate(PostVariant(fits, media=[PHOTO])) == []
    assert publish(service, add_post(acct, fits, media=[PHOTO])).status == Status.PUBLISHED


def test_an_image_that_grew_after_scheduling_is_not_hosted(
    hosted_service, acct, add_post, graph, media_host, tmp_path
):
    image = tmp_path / "cake.jpg"
    image.write_bytes(jpeg(b"cake"))
    post = add_post(acct, "Cake", media=[str(image)])
    with image.open("r+b") as handle:
        handle.truncate(9_000_000)  # sparse, over Instagram's 8 MB
    failed = publish(hosted_service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "cake.jpg: Instagram accepts files up to 8 MB" in failed.last_error
    assert media_host.uploads == [] and graph.requests == []
    # The client checks before the media host reads the file (with its own, larger, limit).
    client = publisher(graph)
    client.options.media_host = media_host
    with pytest.raises(PublishError, match="larger than 8 MB, the most Instagram accepts"):
        client._host(str(image), None)
    assert media_host.uploads == []


def test_media_rules(tmp_path):
    def problems(media: list[str]) -> list[str]:
        return [
            p.message for p in InstagramPublisher.validate(PostVariant("Hi", media=media), True)
        ]

    assert any("https://" in m for m in problems(["http://cdn.acme.example/a.jpg"]))
    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert any("JPEG only" in m for m in problems([str(png)]))
    assert any("at most 10" in m for m in problems([PHOTO] * 11))
    assert problems([PHOTO] * 10) == []
    assert problems(["https://cdn.acme.example/image?id=7"]) == []
    alt = InstagramPublisher.validate(PostVariant("Hi", media=[PHOTO], extra={"alt": "a" * 1001}))
    assert [p.field for p in alt] == ["alt"]


# --- verify -----------------------------------------------------------------------------------
def test_verify_returns_the_username(graph):
    assert publisher(graph).verify() == IG_USERNAME
    (request,) = graph.requests
    assert request.path == f"/v25.0/{IG_USER_ID}"
    assert_token_only_in_header(graph)


def test_verify_expired_token_is_an_auth_error(graph):
    graph.expire_token()
    with pytest.raises(PublishError) as caught:
        publisher(graph).verify()
    assert caught.value.kind is ErrorKind.AUTH and "Reconnect" in caught.value.message


# --- secrets ----------------------------------------------------------------------------------
def test_token_never_appears_in_urls_errors_or_logs(service, add_account, add_post, graph, caplog):
    secret = "EAAGsecretIG3a9c51d2e4"
    graph.page_token = secret
    caplog.set_level(logging.DEBUG)
    account = add_account("instagram", "Acme IG", {"account_id": IG_USER_ID}, secret=secret)
    graph.fail(None, MEDIA, graph_error(400, 190, f"Invalid OAuth access token {secret}"))
    graph.fail(None, MEDIA, graph_error(400, 100, f"(#100) access_token={secret} odd"))
    graph.fail(None, PUBLISH, html_page(502, secret))
    made = [add_post(account, f"Post {n}", media=[PHOTO]) for n in range(4)]
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


def test_the_counted_text_is_the_caption_as_sent() -> None:
    """The editor's counter counts what Instagram receives: the link is part of the caption."""
    variant = PostVariant(text="Autumn", link="https://example.com/a")
    assert InstagramPublisher.text_as_sent(variant) == "Autumn\n\nhttps://example.com/a"
