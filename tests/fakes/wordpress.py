"""A small fake WordPress REST API on 127.0.0.1, for what a real WordPress cannot show on demand.

The real site (tests/support/real_wordpress.py) covers normal work. This fake answers the same
routes with WordPress's bodies ({"code", "message", "data": {"status"}}) under `/wp-json/` and under
`?rest_route=` and adds what only a host or a broken network does: the Authorization header
stripped before PHP, 500s, 429s, a dropped connection after the post was stored, pages that are
not the API. Login works like a current WordPress: a wrong password says `incorrect_password`;
a request without credentials (or whose header the host stripped) is simply not logged in.
"""

from __future__ import annotations

import base64
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.server import ActThenDrop, FakeServer, Fault, Request, Response

USER = "editor"
PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"
NAME = "Eddie Editor"
ROUTE = r"^(?:/wp-json)?/(?P<route>.*)$"


def wp_error(status: int, code: str, message: str, **data: Any) -> Response:
    return Response(status, {"code": code, "message": message, "data": {"status": status, **data}})


def html_page(status: int, text: str = "Welcome") -> Response:
    return Response(status, f"<!DOCTYPE html><html><body><h1>{text}</h1></body></html>")


@dataclass
class FakePost:
    id: int
    title: str
    content: str
    body: dict
    link: str


@dataclass
class FakeWordPress:
    strip_authorization: bool = False  # the host removes the header before WordPress sees it
    pretty_permalinks: bool = True
    posts: list[FakePost] = field(default_factory=list)
    media: dict[int, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.server = FakeServer()
        self._ids = itertools.count(100)
        # Every path goes through one dispatcher, like WordPress's index.php.
        for method in ("GET", "POST"):
            self.server.route(method, r"/.*")(self._dispatch)

    # --- test controls ---------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.server.url

    @property
    def requests(self) -> list[Request]:
        return self.server.requests

    def count(self, method: str, route: str) -> int:
        return sum(1 for r in self.requests if r.method == method and self.route_of(r) == route)

    def fail(self, method: str | None, route: str, response: Response, count: int = 1) -> Fault:
        return self.server.add_fault(
            Fault(method, self._path(route), response=response, count=count)
        )

    def drop(self, route: str = "wp/v2/posts", act: bool = True) -> Fault:
        fault = (
            ActThenDrop("POST", self._path(route), drop=True)
            if act
            else Fault("POST", self._path(route), drop=True)
        )
        return self.server.add_fault(fault)

    def close(self) -> None:
        self.server.close()

    @staticmethod
    def _path(route: str) -> str:
        # ?rest_route= requests have the path "/": faults then match on the pretty form only.
        return rf"^/wp-json/{re.escape(route)}$"

    @staticmethod
    def route_of(request: Request) -> str | None:
        if request.path.startswith("/wp-json/"):
            return request.path[len("/wp-json/") :]
        rest_route = request.query.get("rest_route")
        return rest_route[0].lstrip("/") if rest_route else None

    # --- WordPress -------------------------------------------------------------------------
    def _dispatch(self, request: Request) -> Response:
        route = self.route_of(request)
        if route is None or (request.path.startswith("/wp-json/") and not self.pretty_permalinks):
            return html_page(200, "A WordPress site")  # the front page: no REST here
        user = self._login(request)
        if isinstance(user, Response):
            return user
        query = {k: v[0] for k, v in request.query.items()}
        if route == "wp/v2/users/me":
            if not user:
                return wp_error(401, "rest_not_logged_in", "You are not currently logged in.")
            return Response(
                200,
                {
                    "id": 1,
                    "name": NAME,
                    "roles": ["editor"],
                    "capabilities": {"publish_posts": True, "upload_files": True},
                },
            )
        if route == "wp/v2/posts" and request.method == "POST":
            if not user:
                return wp_error(
                    401,
                    "rest_cannot_create",
                    "Sorry, you are not allowed to create posts as this user.",
                )
            return self._create_post(request.json())
        if route == "wp/v2/posts" and request.method == "GET":
            search = query.get("search", "")
            found = [p for p in reversed(self.posts) if search in p.title or search in p.content]
            return Response(200, [self._post_json(p) for p in found])
        if route == "wp/v2/media" and request.method == "POST":
            if not user:
                return wp_error(
                    401, "rest_cannot_create", "Sorry, you are not allowed to upload media."
                )
            media_id = next(self._ids)
            self.media[media_id] = request.body
            return Response(
                201, {"id": media_id, "source_url": f"{self.url}/wp-content/uploads/{media_id}.png"}
            )
        return wp_error(
            404, "rest_no_route", "No route was found matching the URL and request method."
        )

    def _login(self, request: Request) -> bool | Response:
        header = request.header("Authorization")
        if self.strip_authorization or not header:
            return False
        scheme, _, encoded = header.partition(" ")
        user, _, password = base64.b64decode(encoded).decode().partition(":")
        if scheme != "Basic" or user != USER:
            return wp_error(
                401, "invalid_username", "<strong>Error:</strong> Unknown username. Check again."
            )
        if password.replace(" ", "") != PASSWORD.replace(" ", ""):
            return wp_error(
                401,
                "incorrect_password",
                "The provided password is an invalid application password.",
            )
        return True

    def _create_post(self, body: dict) -> Response:
        if not body.get("title"):
            return wp_error(
                400, "rest_invalid_param", "Invalid parameter(s): title", params={"title": "empty"}
            )
        post_id = next(self._ids)
        post = FakePost(
            post_id, body["title"], body.get("content", ""), body, f"{self.url}/?p={post_id}"
        )
        self.posts.append(post)
        return Response(
            201, self._post_json(post), {"Location": f"{self.url}/wp-json/wp/v2/posts/{post_id}"}
        )

    @staticmethod
    def _post_json(post: FakePost) -> dict:
        return {
            "id": post.id,
            "link": post.link,
            "status": "publish",
            "title": {"raw": post.title, "rendered": post.title},
            "content": {"raw": post.content, "rendered": post.content},
            "featured_media": post.body.get("featured_media", 0),
        }
