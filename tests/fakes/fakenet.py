"""A test platform ("fakenet") that publishes over real HTTP to a FakeServer.

It classifies answers the way real clients must: 2xx success; 401 auth; 422 invalid content;
429 rate limited (Retry-After); 503 transient (the fake promises it did not act); a dropped
connection or timeout after the request was sent → unknown outcome.
"""

from __future__ import annotations

from desktop_publisher.platforms.base import (
    AccountField,
    Declaration,
    ErrorKind,
    Limits,
    PostVariant,
    PublishContext,
    Publisher,
    PublishError,
    PublishResult,
)
from desktop_publisher.platforms.http import HttpClient, json_body, parse_retry_after
from desktop_publisher.platforms.registry import register
from tests.fakes.server import FakeServer, Request, Response

READ_TIMEOUT = 5.0


@register
class FakeNetPublisher(Publisher):
    # No command-line option: the suite's transcript of `account add --help` lists the
    # built-in platforms' options only. Tests add fakenet accounts through AccountService.
    declaration = Declaration(
        platform="fakenet",
        label="FakeNet",
        limits=Limits(max_text=280, max_media=0),
        account_fields=(AccountField("endpoint", "Endpoint"),),
    )

    def __init__(self, account, options) -> None:  # noqa: ANN001
        super().__init__(account, options)
        self.http = HttpClient(timeout=(2.0, READ_TIMEOUT))

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        response = self.http.post(
            f"{self.account.settings['endpoint']}/posts",
            final=True,
            json={"text": variant.text, "post_id": ctx.post_id, "attempt": ctx.attempt},
            headers={"Authorization": f"Bearer {self.account.secret}"},
        )
        body = json_body(response) or {}
        if response.status_code in (200, 201):
            return PublishResult(str(body["id"]), body.get("url"))
        message = body.get("message", f"HTTP {response.status_code}")
        kind = {
            401: ErrorKind.AUTH,
            422: ErrorKind.INVALID_CONTENT,
            429: ErrorKind.RATE_LIMITED,
            503: ErrorKind.TRANSIENT,
        }.get(response.status_code, ErrorKind.PERMANENT)
        raise PublishError(
            kind,
            f"FakeNet said: {message}",
            retry_after=parse_retry_after(response),
            status=response.status_code,
        )

    def verify(self) -> str:
        response = self.http.get(
            f"{self.account.settings['endpoint']}/me",
            headers={"Authorization": f"Bearer {self.account.secret}"},
        )
        if response.status_code != 200:
            raise PublishError(ErrorKind.AUTH, "FakeNet rejected the token.")
        return json_body(response)["name"]


def make_fakenet_server() -> FakeServer:
    server = FakeServer()
    counter = {"n": 0}

    @server.route("POST", "/posts")
    def create(request: Request) -> Response:
        counter["n"] += 1
        post_id = f"fn-{counter['n']}"
        return Response(201, {"id": post_id, "url": f"{server.url}/p/{post_id}"})

    @server.route("GET", "/me")
    def me(request: Request) -> Response:
        return Response(200, {"name": "Fake Brand"})

    return server
