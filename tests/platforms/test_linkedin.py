"""The LinkedIn client against a faithful fake LinkedIn on 127.0.0.1 (tests/fakes/linkedin.py).

Most tests go through the engine (`service.publish_post`) so they check what the user sees: the
post's status, its error kind and message, and how many requests LinkedIn received.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.api_versions import linkedin_default, linkedin_served
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublishContext,
    PublisherOptions,
    PublishError,
)
from desktop_publisher.platforms.linkedin.publisher import LinkedInPublisher, escape_little
from desktop_publisher.store.models import Account, PublishAttempt, ScheduledPost, Status
from tests.fakes.linkedin import (
    TOKEN,
    FakeLinkedIn,
    decode_little,
    html_page,
    input_error,
    li_error,
    served_versions,
)
from tests.support.pipes import call_without_waiting

AUTHOR = "urn:li:person:abc"
POSTS = r"^/rest/posts$"
IMAGES = r"^/rest/images$"
UPLOADS = r"^/dms-uploads/"
USERINFO = r"^/v2/userinfo$"
# A 1×1 GIF (the classic transparent pixel).
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def png(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid PNG written byte by byte (signature, IHDR, IDAT, IEND with their CRCs)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def acct(add_account, linkedin: FakeLinkedIn):  # noqa: ANN001, ANN201
    return add_account("linkedin", "Brand A", {"author": AUTHOR})


def row(post: ScheduledPost) -> ScheduledPost:
    return ScheduledPost.get_by_id(post.id)


def publish(service, post: ScheduledPost) -> ScheduledPost:  # noqa: ANN001
    service.publish_post(post.id, manual=True)
    return row(post)


def publisher(fake: FakeLinkedIn, settings: dict | None = None, secret: str = TOKEN):
    """The client alone (for verify()); the engine builds the same thing from the store."""
    return LinkedInPublisher(
        AccountInfo(1, "Brand A", "linkedin", settings or {}, secret),
        PublisherOptions(
            urls={"linkedin": fake.url, "graph": "http://127.0.0.1:9"},
            settings={"linkedin_version": "", "graph_version": "v25.0"},
        ),
    )


# --- success, one test per kind of post --------------------------------------------------------
def test_text_post(service, acct, add_post, linkedin):
    post = add_post(acct, "Hello LinkedIn")
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.PUBLISHED
    assert len(linkedin.posts) == 1
    urn = linkedin.posts[0].urn
    published = row(post)
    assert published.status == Status.PUBLISHED
    assert published.external_id == urn and urn.startswith("urn:li:share:")
    assert published.url == f"https://www.linkedin.com/feed/update/{urn}"
    assert len(linkedin.requests) == 1
    request = linkedin.requests[0]
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("LinkedIn-Version") == linkedin_default()
    assert request.header("X-Restli-Protocol-Version") == "2.0.0"
    assert request.json() == {
        "author": AUTHOR,
        "commentary": "Hello LinkedIn",
        "visibility": "PUBLIC",
        "distribution": {
            "feedDistribution": "MAIN_FEED",
            "targetEntities": [],
            "thirdPartyDistributionChannels": [],
        },
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }


def test_author_comes_from_userinfo_once_and_is_kept(service, add_account, add_post, linkedin):
    account = add_account("linkedin", "Me", {})
    assert publish(service, add_post(account, "Who am I")).status == Status.PUBLISHED
    assert publish(service, add_post(account, "Me again")).status == Status.PUBLISHED
    assert [(r.method, r.path) for r in linkedin.requests] == [
        ("GET", "/v2/userinfo"),
        ("POST", "/rest/posts"),
        ("POST", "/rest/posts"),
    ]
    assert [p.author for p in linkedin.posts] == ["urn:li:person:abc"] * 2
    assert Account.get_by_id(account.id).settings == {"author": "urn:li:person:abc"}


def test_author_is_read_when_the_account_is_added(accounts, linkedin):
    account = accounts.add("linkedin", "Me", {}, TOKEN)
    assert accounts.learn_settings(account) is None
    assert Account.get_by_id(account.id).settings == {"author": "urn:li:person:abc"}
    # Given by the user: kept as given, LinkedIn is not asked.
    given = accounts.add("linkedin", "Page", {"author": "urn:li:organization:42"}, TOKEN)
    assert accounts.learn_settings(given) is None
    assert Account.get_by_id(given.id).settings == {"author": "urn:li:organization:42"}
    assert linkedin.count("GET", USERINFO) == 1


def test_account_test_keeps_the_author_it_reads(accounts, add_account, linkedin):
    account = add_account("linkedin", "Me", {})
    accounts.test("Me")
    assert Account.get_by_id(account.id).settings == {"author": "urn:li:person:abc"}


def test_account_test_refused_speaks_of_the_account_not_a_post(accounts, add_account, linkedin):
    add_account("linkedin", "Me", {})
    linkedin.fail("GET", USERINFO, li_error(400, "Malformed request"))
    with pytest.raises(PublishError) as caught:
        accounts.test("Me")
    message = caught.value.message
    assert "connection test" in message and "Malformed request" in message
    assert "post" not in message.replace("desktop-publisher", "")


def test_userinfo_forbidden_asks_for_the_author_urn(service, add_account, add_post, linkedin):
    linkedin.scopes = {"w_member_social"}  # LinkedIn then answers 403 on /v2/userinfo
    account = add_account("linkedin", "Me", {})
    post = add_post(account, "Who am I")
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "account set 'Me' --author urn:li:person:" in failed.last_error
    assert len(linkedin.requests) == 1 and not linkedin.posts


def test_link_post_sends_the_article_with_its_title(service, acct, add_post, linkedin):
    post = add_post(
        acct,
        "Read this",
        title="Our launch",
        link="https://example.com/launch",
        extra={"description": "All about it"},
    )
    assert publish(service, post).status == Status.PUBLISHED
    assert linkedin.posts[0].content == {
        "article": {
            "source": "https://example.com/launch",
            "title": "Our launch",
            "description": "All about it",
        }
    }
    assert len(linkedin.requests) == 1


def test_link_post_without_title_uses_the_link(service, acct, add_post, linkedin):
    post = add_post(acct, "Read this", link="https://example.com/x")
    assert publish(service, post).status == Status.PUBLISHED
    assert linkedin.posts[0].content == {
        "article": {"source": "https://example.com/x", "title": "https://example.com/x"}
    }


def test_one_image_from_a_local_file(service, acct, add_post, linkedin, tmp_path: Path):
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    post = add_post(acct, "Look", media=[str(image)], extra={"alt": "A red square"})
    assert publish(service, post).status == Status.PUBLISHED
    assert [(r.method, r.path.split("/")[1]) for r in linkedin.requests] == [
        ("POST", "rest"),
        ("PUT", "dms-uploads"),
        ("POST", "rest"),
    ]
    (uploaded,) = linkedin.images.values()
    assert uploaded.data == image.read_bytes() and uploaded.owner == AUTHOR
    assert linkedin.posts[0].content == {"media": {"id": uploaded.urn, "altText": "A red square"}}
    put = linkedin.server.matching("PUT", UPLOADS)[0]
    assert put.header("Authorization") == f"Bearer {TOKEN}"
    assert row(post).checkpoint["images"][0]["urn"] == uploaded.urn


def test_several_images_from_files_and_a_url(service, acct, add_post, linkedin, tmp_path):
    first = tmp_path / "one.png"
    first.write_bytes(png(rgb=(1, 2, 3)))
    second = tmp_path / "two.gif"
    second.write_bytes(GIF)
    remote = png(rgb=(9, 9, 9))
    url = linkedin.host_file("three.png", remote, "image/png")
    post = add_post(acct, "Album", media=[str(first), str(second), url], extra={"alt": "Team"})
    assert publish(service, post).status == Status.PUBLISHED
    content = linkedin.posts[0].content
    ids = [entry["id"] for entry in content["multiImage"]["images"]]
    assert [linkedin.images[i].data for i in ids] == [first.read_bytes(), GIF, remote]
    assert all(entry["altText"] == "Team" for entry in content["multiImage"]["images"])
    assert linkedin.count("POST", IMAGES) == 3 and linkedin.count("PUT", UPLOADS) == 3
    # The image's own web server never sees the LinkedIn token.
    (download,) = linkedin.files["three.png"].requests
    assert download.header("Authorization") is None


def test_retry_reuses_uploaded_images(service, acct, add_post, linkedin, tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    post = add_post(acct, "Look again", media=[str(image)])
    linkedin.rate_limit(POSTS, retry_after="30")
    assert publish(service, post).status == Status.QUEUED
    assert publish(service, post).status == Status.PUBLISHED
    assert linkedin.count("POST", IMAGES) == 1 and linkedin.count("PUT", UPLOADS) == 1
    assert linkedin.count("POST", POSTS) == 2 and len(linkedin.posts) == 1


# --- little text ------------------------------------------------------------------------------
ROUND_TRIP = (
    "Launch day! #Launch #AI2025 (beta) [v2] {x} <b>*bold*</b> _u_ ~s~ a|b @alice "
    "mail me: me@example.com C:\\path\\to\\file \\n C# ## # 1 🎉🚀 #my_tag "
    "https://example.com/a_(b)#frag end\\"
)


def test_commentary_arrives_exactly_as_typed(service, acct, add_post, linkedin):
    post = add_post(acct, ROUND_TRIP)
    assert publish(service, post).status == Status.PUBLISHED
    shown = linkedin.posts[0]
    assert not shown.truncated
    assert shown.text == ROUND_TRIP
    # Hashtags stay hashtags (the docs' HashtagElement); the URL fragment is not one.
    assert shown.hashtags == ["Launch", "AI2025", "my"]


def test_fake_truncates_unescaped_text_like_linkedin():
    # Without escaping the round-trip test above fails: LinkedIn cuts at "(".
    assert decode_little("Hello (world)").text == "Hello "
    assert decode_little("Hello (world)").truncated
    assert decode_little(r"Hello \(world\) #tag").text == "Hello (world) #tag"
    assert decode_little(r"Hi @[Acme](urn:li:organization:1)").mentions == ["urn:li:organization:1"]


def test_escape_little_keeps_hashtags_and_escapes_the_rest():
    assert escape_little("C# and #tag_x (1) https://a.b/#top") == (
        r"C\# and #tag\_x \(1\) https://a.b/\#top"
    )
    assert escape_little("a\\b @c ~d~ *e* <f> {g} [h] |") == (
        r"a\\b \@c \~d\~ \*e\* \<f\> \{g\} \[h\] \|"
    )


# --- errors, through the engine ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("state", "reason"),
    [("expired", "has expired"), ("revoked", "was revoked"), ("invalid", "is not valid")],
)
def test_token_problems_fail_with_reconnect(
    service, add_account, add_post, linkedin, state, reason
):
    secret = "tok-wrong" if state == "invalid" else TOKEN
    account = add_account("linkedin", "Brand A", {"author": AUTHOR}, secret=secret)
    if state == "expired":
        linkedin.expire_token()
    elif state == "revoked":
        linkedin.revoke_token()
    post = add_post(account, "Hello")
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "auth"
    assert reason in failed.last_error and "Reconnect" in failed.last_error
    assert len(linkedin.requests) == 1 and not linkedin.posts


def test_member_without_posting_permission(service, acct, add_post, linkedin):
    linkedin.scopes = {"openid", "profile"}
    failed = publish(service, add_post(acct, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "w_member_social" in failed.last_error
    assert len(linkedin.requests) == 1


def test_organization_without_posting_permission(service, add_account, add_post, linkedin):
    account = add_account("linkedin", "Page", {"author": "urn:li:organization:42"})
    failed = publish(service, add_post(account, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "w_organization_social" in failed.last_error
    assert len(linkedin.requests) == 1


def test_organization_with_permission_publishes(service, add_account, add_post, linkedin):
    linkedin.scopes.add("w_organization_social")
    linkedin.organizations.add("urn:li:organization:42")
    account = add_account("linkedin", "Page", {"author": "urn:li:organization:42"})
    assert publish(service, add_post(account, "Hello")).status == Status.PUBLISHED
    assert linkedin.posts[0].author == "urn:li:organization:42"


def test_rejected_content_shows_linkedins_message(service, acct, add_post, linkedin):
    linkedin.fail("POST", POSTS, input_error("Commentary contains a forbidden link", "/commentary"))
    failed = publish(service, add_post(acct, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "Commentary contains a forbidden link" in failed.last_error
    assert len(linkedin.requests) == 1


# --- API versions that never go stale ----------------------------------------------------------
def versions_sent(fake: FakeLinkedIn, path: str = POSTS) -> list[str | None]:
    return [r.header("LinkedIn-Version") for r in fake.server.matching("POST", path)]


def test_default_version_is_one_linkedin_serves_today(linkedin):
    """The fake serves the months LinkedIn serves on the real date: a default fixed in code
    fails here a year after it was written."""
    assert linkedin_default() in served_versions()
    assert set(linkedin_served()) >= served_versions()


def test_a_post_with_default_settings_publishes_at_once(service, store, acct, add_post, linkedin):
    assert store.settings.get("linkedin_version") == ""  # follow the calendar
    assert publish(service, add_post(acct, "Hello")).status == Status.PUBLISHED
    assert versions_sent(linkedin) == [linkedin_default()]


def test_a_retired_version_set_by_hand_moves_on_in_the_same_attempt(
    service, store, acct, add_post, linkedin
):
    store.settings.set("linkedin_version", "202301")
    first = publish(service, add_post(acct, "Hello"))
    assert first.status == Status.PUBLISHED and first.attempts == 1
    assert versions_sent(linkedin) == ["202301", linkedin_default()]
    # Remembered: the next post goes out with the month that worked, in one request; the
    # user's setting is kept as they set it.
    assert store.settings.get("linkedin_version_learned") == {
        "version": linkedin_default(),
        "instead_of": "202301",
    }
    assert publish(service, add_post(acct, "Again")).status == Status.PUBLISHED
    assert versions_sent(linkedin)[2:] == [linkedin_default()]
    assert store.settings.get("linkedin_version") == "202301"
    # A month the user sets afterwards is tried first again.
    store.settings.set("linkedin_version", linkedin_served()[1])
    assert publish(service, add_post(acct, "Third")).status == Status.PUBLISHED
    assert versions_sent(linkedin)[3:] == [linkedin_served()[1]]


def test_keeps_publishing_when_the_oldest_month_moves_forward(
    service, store, acct, add_post, linkedin
):
    served = linkedin_served()  # newest first
    # LinkedIn late with its newest months: the client finds an older one and keeps it.
    linkedin.fixed_versions = set(served[3:9])
    assert publish(service, add_post(acct, "One")).status == Status.PUBLISHED
    learned = store.settings.get("linkedin_version_learned")["version"]
    assert learned == served[3]
    # A month later the oldest months are retired and the newest are out: the kept month is
    # refused, the client moves forward again in the same attempt.
    linkedin.fixed_versions = set(served[:3])
    assert publish(service, add_post(acct, "Two")).status == Status.PUBLISHED
    assert versions_sent(linkedin)[-2:] == [learned, served[0]]
    assert store.settings.get("linkedin_version_learned")["version"] == served[0]
    assert [p.text for p in linkedin.posts] == ["One", "Two"]


def test_version_not_active_as_a_400_is_also_moved_past(service, acct, add_post, linkedin):
    linkedin.fail(
        "POST", POSTS, li_error(400, f"Requested version {linkedin_default()} is not active")
    )
    assert publish(service, add_post(acct, "Hello")).status == Status.PUBLISHED
    assert versions_sent(linkedin) == [linkedin_default(), linkedin_served()[1]]
    assert len(linkedin.posts) == 1


def test_when_no_month_works_the_post_fails_saying_so(service, acct, add_post, linkedin):
    linkedin.fixed_versions = set()
    failed = publish(service, add_post(acct, "Hello"))
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "refused every API version" in failed.last_error
    assert "nothing was published" in failed.last_error
    assert len(versions_sent(linkedin)) == len(linkedin_served()) and not linkedin.posts


def test_rate_limited_waits_for_retry_after(service, acct, add_post, linkedin):
    linkedin.rate_limit(POSTS, retry_after="120")
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    assert before + timedelta(seconds=115) <= waiting.due_at
    assert waiting.due_at <= datetime.now(UTC) + timedelta(seconds=125)
    assert len(linkedin.requests) == 1 and not linkedin.posts


def test_rate_limited_without_retry_after_waits_until_midnight_utc(
    service, acct, add_post, linkedin
):
    linkedin.rate_limit(POSTS)
    before = datetime.now(UTC)
    waiting = publish(service, add_post(acct, "Hello"))
    after = datetime.now(UTC)
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "rate_limited"
    first = (before + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    last = (after + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    assert first <= waiting.due_at <= last + timedelta(minutes=2)
    assert "midnight UTC" in waiting.last_error
    assert len(linkedin.requests) == 1


def test_server_error_on_the_final_call_needs_a_check(service, acct, add_post, linkedin):
    linkedin.server_error(POSTS, 500)
    post = add_post(acct, "Hello")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert "may or may not" in checked.last_error
    # Never re-sent by the engine: the post waits for the user.
    assert not service.publish_post(post.id, manual=True).claimed
    assert linkedin.count("POST", POSTS) == 1


@pytest.mark.parametrize("where", [IMAGES, UPLOADS])
def test_server_error_on_an_upload_step_is_transient(
    service, acct, add_post, linkedin, tmp_path, where
):
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    linkedin.server_error(where, 503)
    waiting = publish(service, add_post(acct, "Look", media=[str(image)]))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert linkedin.count("POST", POSTS) == 0
    assert len(linkedin.requests) == (1 if where == IMAGES else 2)


def test_server_error_on_userinfo_is_transient(service, add_account, add_post, linkedin):
    linkedin.server_error(USERINFO, 500)
    account = add_account("linkedin", "Me", {})
    waiting = publish(service, add_post(account, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"
    assert len(linkedin.requests) == 1


@pytest.mark.parametrize("acted", [True, False])
def test_dropped_connection_after_the_post_was_sent(service, acct, add_post, linkedin, acted):
    linkedin.drop(POSTS, act=acted)
    post = add_post(acct, "Hello")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert not service.publish_post(post.id, manual=True).claimed
    assert linkedin.count("POST", POSTS) == 1
    assert len(linkedin.posts) == (1 if acted else 0)


def test_connection_refused_is_transient(service, add_account, add_post, monkeypatch):
    # conftest points LinkedIn at a dead port: nothing was sent, so a retry is safe.
    account = add_account("linkedin", "Brand A", {"author": AUTHOR})
    waiting = publish(service, add_post(account, "Hello"))
    assert waiting.status == Status.QUEUED and waiting.last_error_kind == "transient"


@pytest.mark.parametrize(
    ("path", "answer", "status", "kind"),
    [
        # A proxy's login page with 200 after the post was sent: not a success, not a retry.
        (POSTS, html_page(200, "Please sign in"), Status.NEEDS_CHECK, "unknown_outcome"),
        (POSTS, html_page(502), Status.NEEDS_CHECK, "unknown_outcome"),
        # A firewall's 4xx page: LinkedIn never saw the post.
        (POSTS, html_page(403, "Forbidden"), Status.QUEUED, "transient"),
        (USERINFO, html_page(200, "Portal"), Status.QUEUED, "transient"),
    ],
)
def test_html_answers_never_count_as_success(
    service, add_account, add_post, linkedin, path, answer, status, kind
):
    account = add_account("linkedin", "Me", {})  # author from userinfo: two kinds of calls
    linkedin.fail(None, path, answer)
    result = publish(service, add_post(account, "Hello"))
    assert result.status == status and result.last_error_kind == kind
    assert result.external_id is None


def test_slow_answer_is_waited_for(service, acct, add_post, linkedin):
    release = linkedin.hold(POSTS)
    post = add_post(acct, "Slowly")
    worker = threading.Thread(target=service.publish_post, args=(post.id,), kwargs={"manual": True})
    worker.start()
    linkedin.server.wait_for_requests(1)
    assert row(post).status == Status.PUBLISHING
    release.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert row(post).status == Status.PUBLISHED
    assert linkedin.count("POST", POSTS) == 1


def test_answer_too_slow_needs_a_check(service, acct, add_post, linkedin, monkeypatch):
    monkeypatch.setattr(LinkedInPublisher, "timeout", (2.0, 0.5))
    linkedin.hold(POSTS)  # released only when the fake closes
    post = add_post(acct, "Too slowly")
    checked = publish(service, post)
    assert checked.status == Status.NEEDS_CHECK and checked.last_error_kind == "unknown_outcome"
    assert linkedin.count("POST", POSTS) == 1


# --- duplicates -------------------------------------------------------------------------------
def test_duplicate_after_lost_answer_is_recorded_as_published(
    service, posts, acct, add_post, linkedin
):
    linkedin.drop(POSTS, act=True)  # LinkedIn created it, the answer was lost
    post = add_post(acct, "Only once")
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)  # the user chose to try again
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    (existing,) = linkedin.posts
    assert published.external_id == existing.urn
    assert published.url == f"https://www.linkedin.com/feed/update/{existing.urn}"
    assert linkedin.count("POST", POSTS) == 2
    outcomes = [
        a.outcome
        for a in PublishAttempt.select()
        .where(PublishAttempt.post == post.id)
        .order_by(PublishAttempt.number)
    ]
    assert outcomes == ["unknown_outcome", "published"]


def test_duplicate_answer_as_injected_fault(service, posts, acct, add_post, linkedin):
    linkedin.drop(POSTS, act=False)
    linkedin.duplicate("urn:li:share:7123456789")
    post = add_post(acct, "Only once")
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    assert published.external_id == "urn:li:share:7123456789"
    assert linkedin.count("POST", POSTS) == 2 and not linkedin.posts


def test_duplicate_image_post_after_lost_answer(service, posts, acct, add_post, linkedin, tmp_path):
    # Reusing the uploaded image is what lets LinkedIn see the retry as the same post.
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    linkedin.drop(POSTS, act=True)
    post = add_post(acct, "Picture once", media=[str(image)])
    assert publish(service, post).status == Status.NEEDS_CHECK
    posts.retry(post.id)
    published = publish(service, post)
    assert published.status == Status.PUBLISHED
    assert published.external_id == linkedin.posts[0].urn and len(linkedin.posts) == 1
    assert linkedin.count("POST", IMAGES) == 1 and linkedin.count("PUT", UPLOADS) == 1


def test_duplicate_without_earlier_attempt_is_refused(service, acct, add_post, linkedin):
    first = add_post(acct, "Same words")
    assert publish(service, first).status == Status.PUBLISHED
    second = add_post(acct, "Same words")
    failed = publish(service, second)
    assert failed.status == Status.FAILED and failed.last_error_kind == "permanent"
    assert "duplicate" in failed.last_error and linkedin.posts[0].urn in failed.last_error
    assert len(linkedin.posts) == 1


# --- validation -------------------------------------------------------------------------------
def test_validate_rules(tmp_path):
    image = tmp_path / "a.png"
    image.write_bytes(png())
    both = PostVariant("Hi", link="https://example.com", media=[str(image)])
    assert [p.field for p in LinkedInPublisher.validate(both)] == ["media"]
    many = PostVariant("Hi", media=[str(image)] * 21)
    assert any("at most 20" in p.message for p in LinkedInPublisher.validate(many))
    webp = tmp_path / "a.webp"
    webp.write_bytes(b"RIFF0000WEBP")
    assert LinkedInPublisher.validate(PostVariant("Hi", media=[str(webp)]))
    assert LinkedInPublisher.validate(PostVariant("Hi", media=[str(image)] * 20)) == []


def test_link_and_image_together_are_refused_when_scheduling(acct, add_post, tmp_path):
    image = tmp_path / "a.png"
    image.write_bytes(png())
    with pytest.raises(UserError, match="either a link or images"):
        add_post(acct, "Both", link="https://example.com", media=[str(image)])


def test_image_gone_by_publishing_time_fails_before_any_request(
    service, acct, add_post, linkedin, tmp_path
):
    image = tmp_path / "a.png"
    image.write_bytes(png())
    post = add_post(acct, "Gone", media=[str(image)])
    image.unlink()
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert linkedin.requests == []


def test_file_that_is_not_an_image_is_not_uploaded(service, acct, add_post, linkedin, tmp_path):
    fake_png = tmp_path / "notes.png"
    fake_png.write_text("just text")
    failed = publish(service, add_post(acct, "Oops", media=[str(fake_png)]))
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "notes.png" in failed.last_error and linkedin.requests == []


# --- text counted as LinkedIn counts it, images within LinkedIn's size ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "😀" * 3000,  # 6,000 UTF-16 units
        "(" * 3000,  # sent as 6,000 characters: every one escaped
        "a" * 2999 + "_",  # 3,001 as sent
        "x" * 2900 + "👍🏽" * 26,  # skin-tone emoji: 4 units each
    ],
)
def test_text_linkedin_may_find_too_long_is_refused_when_scheduling(acct, add_post, text):
    with pytest.raises(UserError, match="LinkedIn allows at most 3000 characters") as caught:
        add_post(acct, text)
    # The count is above what the user sees: the message says why.
    assert "counts each of" in str(caught.value) and "emoji as two or more" in str(caught.value)
    assert ScheduledPost.select().count() == 0


@pytest.mark.parametrize(
    "text",
    [
        "a" * 3000,
        "é" * 3000,
        "(" * 1500,
        "😀" * 1500,
        "#launch " + "x" * 2992,  # a # that starts a hashtag is sent as it is
    ],
)
def test_text_the_app_accepts_linkedin_accepts(service, acct, add_post, linkedin, text):
    assert LinkedInPublisher.validate(PostVariant(text)) == []
    assert LinkedInPublisher.count_text(text) <= 3000
    assert publish(service, add_post(acct, text)).status == Status.PUBLISHED


def test_fake_refuses_a_commentary_too_long_as_sent(linkedin):
    # One "(" more than fits, sent by the client alone (the engine would refuse it before): the
    # fake answers as LinkedIn words it, and the answer is the post's problem.
    client = publisher(linkedin, {"author": AUTHOR})
    ctx = PublishContext(1, 1, False, {}, lambda _checkpoint: None)
    assert client.publish(PostVariant("(" * 1500), ctx).external_id
    with pytest.raises(PublishError) as caught:
        client.publish(PostVariant("(" * 1501), ctx)
    assert caught.value.kind is ErrorKind.INVALID_CONTENT and caught.value.status == 400
    assert "exceeded the maximum allowed (3000 characters)" in caught.value.message
    assert len(linkedin.posts) == 1


def test_a_huge_image_is_refused_when_scheduling(acct, add_post, tmp_path):
    image = tmp_path / "huge.jpg"
    with image.open("wb") as handle:
        handle.truncate(2_000_000_000)  # sparse: no disk space, 2 GB to whoever reads it
    with pytest.raises(UserError, match="huge.jpg: LinkedIn accepts files up to 5 MB"):
        add_post(acct, "Big", media=[str(image)])
    assert ScheduledPost.select().count() == 0


def test_an_image_that_grew_after_scheduling_is_not_read(
    service, acct, add_post, linkedin, tmp_path
):
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    post = add_post(acct, "Grown", media=[str(image)])
    with image.open("r+b") as handle:
        handle.truncate(2_000_000_000)
    tracemalloc.start()
    try:
        failed = publish(service, post)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "photo.png: LinkedIn accepts files up to 5 MB" in failed.last_error
    assert peak < 20_000_000, peak  # the file was not read (it would be 2 GB)
    assert linkedin.requests == []
    # The client's own read (the engine checks first) refuses it just as well, reading nothing.
    with pytest.raises(PublishError) as caught:
        publisher(linkedin, {"author": AUTHOR})._read_image(str(image))
    assert caught.value.kind is ErrorKind.INVALID_CONTENT
    assert "photo.png is larger than 5 MB, the most LinkedIn accepts" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_an_image_replaced_by_a_pipe_fails_without_waiting(
    service, acct, add_post, linkedin, tmp_path
):
    image = tmp_path / "photo.png"
    image.write_bytes(png())
    post = add_post(acct, "Piped", media=[str(image)])
    image.unlink()
    os.mkfifo(image)
    failed = publish(service, post)
    assert failed.status == Status.FAILED and failed.last_error_kind == "invalid_content"
    assert "photo.png: not a regular file" in failed.last_error
    assert linkedin.requests == []
    client = publisher(linkedin, {"author": AUTHOR})
    with pytest.raises(PublishError) as caught:
        call_without_waiting(lambda: client._read_image(str(image)), image)
    assert caught.value.kind is ErrorKind.INVALID_CONTENT
    assert "photo.png is not a regular file" in caught.value.message


# --- verify -----------------------------------------------------------------------------------
def test_verify_returns_the_members_name(linkedin):
    assert publisher(linkedin).verify() == "Ada Lovelace"
    (request,) = linkedin.requests
    assert request.path == "/v2/userinfo"


def test_account_test_records_the_check(accounts, add_account, linkedin):
    add_account("linkedin", "Brand A", {"author": AUTHOR})
    assert accounts.test("Brand A") == "Ada Lovelace"
    assert accounts.get("Brand A").last_check_ok


def test_verify_expired_token_is_an_auth_error(linkedin):
    linkedin.expire_token()
    with pytest.raises(PublishError) as caught:
        publisher(linkedin).verify()
    assert caught.value.kind is ErrorKind.AUTH and "Reconnect" in caught.value.message


def test_verify_without_profile_permission(linkedin):
    linkedin.scopes = {"w_member_social"}
    assert publisher(linkedin, {"author": AUTHOR}).verify().startswith(AUTHOR)
    with pytest.raises(PublishError) as caught:
        publisher(linkedin).verify()
    assert caught.value.kind is ErrorKind.PERMANENT and "--author" in caught.value.message


# --- secrets ----------------------------------------------------------------------------------
def test_token_never_appears_in_errors_or_logs(
    service, add_account, add_post, linkedin, caplog, tmp_path
):
    secret = "tok-SECRET-7f3a9c51"
    linkedin.token = secret
    caplog.set_level(logging.DEBUG)
    account = add_account("linkedin", "Brand A", {"author": AUTHOR}, secret=secret)
    # Answers that echo the token back, as a misbehaving proxy or error page might.
    linkedin.fail(None, POSTS, li_error(401, f"Invalid access token {secret}"))
    linkedin.fail(None, POSTS, input_error(f"Bad header Authorization: Bearer {secret}", "/x"))
    linkedin.fail(None, POSTS, li_error(403, f"token={secret} lacks permission"))
    linkedin.fail(None, POSTS, html_page(502, secret))
    image = tmp_path / "a.png"
    image.write_bytes(png())
    made = [add_post(account, f"Post {n}") for n in range(4)]
    made.append(add_post(account, "With image", media=[str(image)]))
    for post in made:
        service.publish_post(post.id, manual=True)
    rows = [row(p) for p in made]
    assert [r.status for r in rows] == [
        Status.FAILED,
        Status.FAILED,
        Status.FAILED,
        Status.NEEDS_CHECK,
        Status.PUBLISHED,
    ]
    texts = [r.last_error or "" for r in rows]
    texts += [a.message or "" for a in PublishAttempt.select()]
    assert all(secret not in text for text in texts)
    assert secret not in caplog.text
    assert len(linkedin.requests) == 4 + 3  # four text posts, one image post
