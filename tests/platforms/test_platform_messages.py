"""Every failure a platform client raises carries a message (rule, values, advice) the window can
word in its language, never command-line syntax, never a secret.

Each platform's error table is driven row by row through its real client against its fake on
127.0.0.1 (tests/fakes/*): every (kind, rule) pair of the table must be met by some answer. A
second test reads the platforms' sources and fails on any PublishError made from plain text.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import desktop_publisher.platforms as platforms_package
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
)
from desktop_publisher.platforms.error_table import Table
from desktop_publisher.platforms.facebook.errors import FACEBOOK_ROWS
from desktop_publisher.platforms.facebook.publisher import FacebookPublisher
from desktop_publisher.platforms.graph_errors import GRAPH, NOT_GRAPH
from desktop_publisher.platforms.http import HttpClient
from desktop_publisher.platforms.instagram.errors import INSTAGRAM_ROWS
from desktop_publisher.platforms.instagram.publisher import InstagramPublisher
from desktop_publisher.platforms.linkedin.errors import TABLE as LINKEDIN
from desktop_publisher.platforms.linkedin.errors import linkedin_error
from desktop_publisher.platforms.linkedin.publisher import LinkedInPublisher
from desktop_publisher.platforms.wordpress.errors import TABLE as WORDPRESS
from desktop_publisher.platforms.wordpress.publisher import WordPressPublisher
from desktop_publisher.redaction import register_secret
from tests.fakes import graph as fb
from tests.fakes import linkedin as li
from tests.fakes import wordpress as wp
from tests.fakes.server import Response

AUTHOR = "urn:li:person:abc"
ELSEWHERE = {"Location": "https://elsewhere.example/login"}


@dataclass
class Case:
    """One answer: what the fake is told to answer, then what the client is asked to do."""

    name: str
    arrange: Callable[[object], object]  # given the fake
    act: str = "post"  # "post", "verify" or "test" (a connection test)
    secret: str | None = None  # another secret than the account's (a wrong one)
    primed: bool = True  # the client has met the API before (when the test has a `prime`)


def _ctx() -> PublishContext:
    return PublishContext(1, 1, False, {}, lambda checkpoint: None)


def _run(publisher: Publisher, act: str, variant: PostVariant) -> PublishError:
    with pytest.raises(PublishError) as caught:
        if act == "post":
            publisher.publish(variant, _ctx())
        elif act == "verify":
            publisher.verify()
        else:
            publisher.check_account()
    return caught.value


def _keys(table: Table) -> set[tuple[ErrorKind, str]]:
    return {(row.kind, row.rule) for row in table}


def _check(error: PublishError, secrets: tuple[str, ...]) -> list[str]:
    """What is wrong with the error's detail (nothing, for a good one)."""
    if error.detail is None:
        return [f"no detail: {error.message}"]
    stored = error.detail.to_json()
    problems = []
    if "desktop-publisher" in stored:
        problems.append(f"command-line syntax in the detail: {stored}")
    problems += [f"a secret in the detail: {stored}" for s in secrets if s in stored]
    problems += [f"a secret in the message: {error.message}" for s in secrets if s in error.message]
    if error.detail.english() != error.message:
        problems.append(f"the detail words another text: {error.detail.english()!r}")
    return problems


def _drive(
    cases: list[Case],
    make: Callable[[str], Publisher],
    fake: object,
    variant: PostVariant,
    secrets: tuple[str, ...],
    prime: Callable[[Publisher], object] = lambda publisher: None,
) -> tuple[set[tuple[ErrorKind, str]], list[str]]:
    met: set[tuple[ErrorKind, str]] = set()
    problems: list[str] = []
    for case in cases:
        publisher = make(case.secret or secrets[0])
        if case.primed:
            prime(publisher)
        case.arrange(fake)
        error = _run(publisher, case.act, variant)
        met.add((error.kind, error.detail.rule if error.detail else error.message))
        problems += [f"{case.name}: {p}" for p in _check(error, secrets)]
    return met, problems


# --- WordPress ----------------------------------------------------------------------------------
@pytest.fixture
def wordpress() -> Iterator[wp.FakeWordPress]:
    fake = wp.FakeWordPress()
    yield fake
    fake.close()


def _wp(fake: wp.FakeWordPress, secret: str, **settings: object) -> WordPressPublisher:
    return WordPressPublisher(
        AccountInfo(1, "Blog", "wordpress", {"site_url": fake.url, "username": wp.USER}, secret),
        PublisherOptions(settings={"linkedin_version": "", "graph_version": "v25.0"}),
    )


def _wp_fail(method: str | None, route: str, response: Response) -> Callable[[object], object]:
    return lambda fake: fake.fail(method, route, response)


WORDPRESS_CASES = [
    Case("429", _wp_fail("POST", "wp/v2/posts", wp.wp_error(429, "too_many", "Slow down"))),
    Case("redirect", _wp_fail("GET", "wp/v2/users/me", Response(301, None, ELSEWHERE)), "verify"),
    Case("500 after", _wp_fail("POST", "wp/v2/posts", wp.wp_error(500, "db", "Database error"))),
    Case("503", _wp_fail("GET", "wp/v2/users/me", wp.wp_error(503, "busy", "Busy")), "verify"),
    Case("page after", _wp_fail("POST", "wp/v2/posts", wp.html_page(200))),
    Case("page", _wp_fail("GET", "wp/v2/users/me", wp.html_page(404)), "verify"),
    Case("wrong password", lambda fake: None, "verify", "wrong password 1234", primed=False),
    Case("401", _wp_fail("GET", "wp/v2/users/me", wp.wp_error(401, "odd", "No")), "verify"),
    Case(
        "403",
        _wp_fail("GET", "wp/v2/users/me", wp.wp_error(403, "rest_forbidden_context", "No")),
        "verify",
    ),
    Case(
        "test refused",
        _wp_fail("GET", "wp/v2/users/me", wp.wp_error(400, "rest_invalid_param", "Bad")),
        "test",
    ),
    Case(
        "rejected",
        _wp_fail(
            "POST",
            "wp/v2/posts",
            wp.wp_error(400, "rest_invalid_param", "Bad", params={"title": "too long"}),
        ),
    ),
    Case(
        "404",
        _wp_fail("GET", "wp/v2/users/me", wp.wp_error(404, "rest_no_route", "None")),
        "verify",
    ),
    # The site repeats the password in its words: it must be masked everywhere.
    Case(
        "409",
        _wp_fail("POST", "wp/v2/posts", wp.wp_error(409, "conflict", f"Clash {wp.PASSWORD}")),
    ),
    # (Last: the fake keeps stripping the header.)
    Case(
        "header stripped",
        lambda fake: setattr(fake, "strip_authorization", True),
        "verify",
        primed=False,
    ),
]


def test_every_row_of_the_wordpress_table_gives_a_message(wordpress: wp.FakeWordPress):
    register_secret(wp.PASSWORD)
    met, problems = _drive(
        WORDPRESS_CASES,
        lambda secret: _wp(wordpress, secret),
        wordpress,
        PostVariant(text="Body", title="Title"),
        (wp.PASSWORD,),
        # The REST API answered once (a real publish reads the site before it posts).
        prime=lambda publisher: publisher.verify(),
    )
    assert problems == []
    assert _keys(WORDPRESS) - met == set()


# --- LinkedIn -----------------------------------------------------------------------------------
@pytest.fixture
def linkedin() -> Iterator[li.FakeLinkedIn]:
    fake = li.FakeLinkedIn()
    yield fake
    fake.close()


def _li(fake: li.FakeLinkedIn, secret: str) -> LinkedInPublisher:
    return LinkedInPublisher(
        AccountInfo(1, "Brand A", "linkedin", {"author": AUTHOR}, secret),
        PublisherOptions(
            urls={"linkedin": fake.url, "graph": "http://127.0.0.1:9"},
            settings={"linkedin_version": "", "graph_version": "v25.0"},
        ),
    )


def _li_fail(method: str | None, path: str, response: Response) -> Callable[[object], object]:
    return lambda fake: fake.fail(method, path, response)


POSTS = r"^/rest/posts$"
USERINFO = r"^/v2/userinfo$"
LINKEDIN_CASES = [
    Case("429", lambda fake: fake.rate_limit()),
    Case("500 after", lambda fake: fake.server_error()),
    Case("503", _li_fail("GET", USERINFO, li.server_error(503)), "verify"),
    Case("expired", lambda fake: fake.expire_token()),
    Case("page", _li_fail("POST", POSTS, li.html_page(404))),
    Case(
        "403", _li_fail("POST", POSTS, li.li_error(403, "Not enough permissions", "ACCESS_DENIED"))
    ),
    Case("test refused", _li_fail("GET", USERINFO, li.li_error(400, "Bad request")), "test"),
    Case("rejected", _li_fail("POST", POSTS, li.input_error("Bad value", "/commentary"))),
    Case("404", _li_fail("POST", POSTS, li.li_error(404, "Not found"))),
    Case("409", _li_fail("POST", POSTS, li.li_error(409, f"Conflict for {li.TOKEN}"))),
]


def test_every_row_of_the_linkedin_table_gives_a_message(linkedin: li.FakeLinkedIn):
    register_secret(li.TOKEN)
    met, problems = _drive(
        LINKEDIN_CASES,
        lambda secret: _li(linkedin, secret),
        linkedin,
        PostVariant(text="Hello"),
        (li.TOKEN,),
    )
    # A redirect counts as "ok" to the client's callers (requests' `ok` is any status below
    # 400), which then find no answer in it: its row is met by the classification alone.
    linkedin.fail("GET", USERINFO, Response(302, None, ELSEWHERE))
    response = HttpClient().get(f"{linkedin.url}/v2/userinfo", allow_redirects=False)
    error = linkedin_error(
        response,
        step="reading your profile",
        final=False,
        account="Brand A",
        base=linkedin.url,
        author=AUTHOR,
        checking_account=False,
    )
    met.add((error.kind, error.detail.rule))
    problems += _check(error, (li.TOKEN,))
    assert problems == []
    assert _keys(LINKEDIN) - met == set()


# --- Facebook and Instagram (Graph) -------------------------------------------------------------
@pytest.fixture
def graph() -> Iterator[fb.FakeGraph]:
    fake = fb.FakeGraph()
    yield fake
    fake.close()


def _options(fake: fb.FakeGraph) -> PublisherOptions:
    return PublisherOptions(
        urls={"linkedin": "http://127.0.0.1:9", "graph": fake.url},
        settings={"linkedin_version": "", "graph_version": "v25.0"},
    )


def _fb(fake: fb.FakeGraph, secret: str) -> FacebookPublisher:
    account = AccountInfo(1, "Acme Page", "facebook", {"page_id": fb.PAGE_ID}, secret)
    return FacebookPublisher(account, _options(fake))


def _ig(fake: fb.FakeGraph, secret: str) -> InstagramPublisher:
    account = AccountInfo(1, "Acme IG", "instagram", {"account_id": fb.IG_USER_ID}, secret)
    return InstagramPublisher(account, _options(fake))


def _fb_fail(method: str | None, path: str, response: Response) -> Callable[[object], object]:
    return lambda fake: fake.fail(method, path, response)


FEED = rf"^/v25\.0/{fb.PAGE_ID}/feed$"
PAGE = rf"^/v25\.0/{fb.PAGE_ID}$"
IG_USER = rf"^/v25\.0/{fb.IG_USER_ID}$"
FACEBOOK_CASES = [
    Case("redirect", _fb_fail("POST", FEED, Response(302, None, ELSEWHERE))),
    Case("429 page", _fb_fail("POST", FEED, fb.html_page(429, "Too Many Requests"))),
    Case("page after", _fb_fail("POST", FEED, fb.html_page(502))),
    Case("page", _fb_fail("GET", PAGE, fb.html_page(502)), "verify"),
    Case("user token", _fb_fail("POST", FEED, fb.page_token_needed())),
    Case("expired", _fb_fail("POST", FEED, fb.expired_token())),
    Case("password changed", _fb_fail("POST", FEED, fb.graph_error(400, 100, "x", subcode=460))),
    Case("rate limited", _fb_fail("POST", FEED, fb.rate_limited())),
    Case("policy", _fb_fail("POST", FEED, fb.policy_block())),
    Case("permission", _fb_fail("POST", FEED, fb.graph_error(403, 10, "Permission denied"))),
    Case("unknown after", _fb_fail("POST", FEED, fb.graph_error(500, 1, "An unknown error"))),
    Case("temporary", _fb_fail("GET", PAGE, fb.temporary_error()), "verify"),
    Case(
        "usage at 100 %",
        _fb_fail("POST", FEED, fb.graph_error(400, 12, "x", headers=fb.usage_headers(100))),
    ),
    Case("duplicate", _fb_fail("POST", FEED, fb.duplicate_status())),
    Case("link", _fb_fail("POST", FEED, fb.link_not_fetched())),
    Case("test refused", _fb_fail("GET", PAGE, fb.invalid_parameter("Bad page")), "test"),
    Case("rejected", _fb_fail("POST", FEED, fb.invalid_parameter("Bad message"))),
    Case("odd", _fb_fail("POST", FEED, fb.graph_error(200, 12345, f"Odd {fb.PAGE_TOKEN}"))),
]
INSTAGRAM_CASES = [
    Case("not ready", _fb_fail("GET", IG_USER, fb.not_ready()), "verify"),
    Case("quota", _fb_fail("GET", IG_USER, fb.quota_reached()), "verify"),
    Case(
        "restricted",
        _fb_fail("GET", IG_USER, fb.graph_error(400, 9, "Restricted", subcode=2207050)),
        "verify",
    ),
    Case("download failed", _fb_fail("GET", IG_USER, fb.media_download_failed()), "verify"),
    Case(
        "busy",
        _fb_fail("GET", IG_USER, fb.graph_error(400, -2, "Busy", subcode=2207001)),
        "verify",
    ),
]


def test_every_row_of_the_graph_tables_gives_a_message(graph: fb.FakeGraph):
    register_secret(fb.PAGE_TOKEN)
    met, problems = _drive(
        FACEBOOK_CASES,
        lambda secret: _fb(graph, secret),
        graph,
        PostVariant(text="Fresh bread"),
        (fb.PAGE_TOKEN,),
    )
    assert problems == []
    assert _keys((*NOT_GRAPH, *FACEBOOK_ROWS, *GRAPH)) - met == set()
    met, problems = _drive(
        INSTAGRAM_CASES,
        lambda secret: _ig(graph, secret),
        graph,
        PostVariant(text=""),
        (fb.PAGE_TOKEN,),
    )
    assert problems == []
    assert _keys(INSTAGRAM_ROWS) - met == set()


# --- no plain text left -------------------------------------------------------------------------
def _plain_text_sites(source: str) -> list[int]:
    """Lines where PublishError( gets a literal or f-string as its message."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name != "PublishError":
            continue
        message = node.args[1] if len(node.args) > 1 else None
        for keyword in node.keywords:
            if keyword.arg == "message":
                message = keyword.value
        if isinstance(message, ast.JoinedStr | ast.BinOp) or (
            isinstance(message, ast.Constant) and isinstance(message.value, str)
        ):
            lines.append(node.lineno)
    return lines


def test_the_finder_finds_plain_text():
    source = (
        'PublishError(ErrorKind.AUTH, "plain")\n'
        'base.PublishError(ErrorKind.AUTH, f"{x} plain")\n'
        'PublishError(ErrorKind.AUTH, message="a" "b")\n'
        "PublishError(ErrorKind.AUTH, Message(RULE, {}))\n"
    )
    assert _plain_text_sites(source) == [1, 2, 3]


def test_no_platform_raises_a_plain_text_error():
    root = Path(platforms_package.__file__).parent
    found = {
        f"{path.relative_to(root)}:{line}"
        for path in sorted(root.rglob("*.py"))
        for line in _plain_text_sites(path.read_text(encoding="utf-8"))
    }
    assert found == set()


def test_a_step_is_a_message_of_its_own():
    """A step ("uploading photo.jpg") is worded in the window's language too."""
    fake = wp.FakeWordPress()
    try:
        fake.fail("GET", "wp/v2/users/me", wp.wp_error(503, "busy", "Busy"))
        error = _run(_wp(fake, wp.PASSWORD), "verify", PostVariant(text=""))
    finally:
        fake.close()
    step = json.loads(error.detail.to_json())["values"]["step"]
    assert step["message"]["context"] == "Step"
    assert step["message"]["rule"] == "checking the login"
