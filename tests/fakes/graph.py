"""A fake Graph API (Facebook Pages and Instagram) on 127.0.0.1, faithful to Meta's documented
behaviour.

It checks what Graph checks — a versioned path (`/vNN.N/...`), a valid, unexpired token, the
Page's own token for posting as the Page (a user token gets the (#200) refusal), required
parameters, images that exist — and answers with Graph's bodies: `{"id": ...}` on success, the
`{"error": {...}}` envelope with `code`, `error_subcode`, `type`, `fbtrace_id` on failure, and the
`X-App-Usage` / `X-Business-Use-Case-Usage` headers on every answer. Instagram containers go
IN_PROGRESS → FINISHED after `processing_polls` status reads, → PUBLISHED once published, and
`content_publishing_limit` counts what was published.

Meta downloads Instagram images (and Facebook `url=` photos) from the public web; here `web`
stands for it: a URL → bytes table the fake reads instead of going out to the internet.

Faults are queued with the FakeServer's Fault, plus `drop(..., act=True)`: the platform does the
work, then the connection breaks before the answer.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.server import FakeApi, Request, Response

PAGE_ID = "104857600123456"
PAGE_NAME = "Acme Bakery"
PAGE_TOKEN = "EAAGpage0123456789abcdef"
USER_ID = "100089000111222"
USER_NAME = "Ada Lovelace"
USER_TOKEN = "EAAGuser9876543210fedcba"
IG_USER_ID = "17841400008460056"
IG_USERNAME = "acmebakery"
QUOTA_TOTAL = 50
VERSION_PATH = re.compile(r"^/(v\d+\.\d+)/(.+)$")
# Graph API versions: (version, released, usable until), from Meta's changelog
# (developers.facebook.com/docs/graph-api/changelog/versions, read 2026-12). Meta keeps a version
# usable until two years after the next one came out; later versions are expected about every
# four months (their dates are made up by that rule, so the fake keeps telling the truth in a
# year). A call to an expired version is answered by the oldest usable one, named in the
# `facebook-api-version` header; a version that does not exist (yet) is an unknown path.
GRAPH_VERSIONS = (
    ("v19.0", date(2024, 1, 23), date(2026, 5, 21)),
    ("v20.0", date(2024, 5, 21), date(2026, 9, 24)),
    ("v21.0", date(2024, 10, 2), date(2027, 1, 21)),
    ("v22.0", date(2025, 1, 21), date(2027, 5, 20)),
    ("v23.0", date(2025, 5, 29), date(2027, 10, 8)),
    ("v24.0", date(2025, 10, 8), date(2028, 2, 18)),
    ("v25.0", date(2026, 2, 18), date(2028, 7, 29)),
    ("v26.0", date(2026, 7, 29), None),
)
NEXT_VERSION_AFTER = timedelta(days=122)


def graph_versions(today: date) -> list[tuple[str, date, date]]:
    """Every version out by `today` with its last usable day (extrapolated where unknown)."""
    known = [(v, released, until) for v, released, until in GRAPH_VERSIONS]
    while known[-1][1] <= today:  # one version past today, to date the last one's expiry
        major = int(known[-1][0][1:].split(".")[0]) + 1
        known.append((f"v{major}.0", known[-1][1] + NEXT_VERSION_AFTER, None))
    dated = []
    for index, (version, released, until) in enumerate(known[:-1]):
        if until is None:
            next_release = known[index + 1][1]
            until = next_release.replace(year=next_release.year + 2)
        dated.append((version, released, until))
    return [entry for entry in dated if entry[1] <= today]


def served_version(asked: str, today: date) -> str | None:
    """The version Meta answers a call to `asked` with on `today`; None for a version that
    does not exist (yet)."""
    versions = graph_versions(today)
    if asked not in {v for v, _, _ in versions}:
        return None
    live = [v for v, _, until in versions if until > today]
    expired = {v for v, _, until in versions if until <= today}
    return live[0] if asked in expired else asked


JPEG = (b"\xff\xd8\xff",)
IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"II*\x00")
# Meta's limits on text: a Page post's message (63,206, the length Facebook's composer allows) and
# an Instagram caption ("Maximum 2200 characters", IG User Media reference). Neither page says
# what a character is; the fake counts UTF-16 code units, the larger of the possible counts and
# the one the app takes (platforms/facebook.py, instagram.py), so a text the app lets through
# is one Meta cannot find too long by any reading.
MAX_MESSAGE = 63206
MAX_CAPTION = 2200


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- Graph's answers ----------------------------------------------------------------------------
_trace = itertools.count(1)


def graph_error(
    status: int,
    code: int,
    message: str,
    *,
    subcode: int | None = None,
    type_: str = "OAuthException",
    user_title: str | None = None,
    user_msg: str | None = None,
    is_transient: bool | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    error: dict[str, Any] = {"message": message, "type": type_, "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    if is_transient is not None:
        error["is_transient"] = is_transient
    if user_title:
        error["error_user_title"] = user_title
    if user_msg:
        error["error_user_msg"] = user_msg
    error["fbtrace_id"] = f"AbCdEf{next(_trace):06d}"
    answer_headers = dict(headers or {})
    if code == 190:
        answer_headers.setdefault(
            "WWW-Authenticate", f'OAuth "Facebook Platform" "invalid_token" "{message}"'
        )
    return Response(status, {"error": error}, answer_headers)


def expired_token() -> Response:
    return graph_error(
        400,
        190,
        "Error validating access token: Session has expired on Tuesday, 24-Nov-26 09:00:00 PST. "
        "The current time is Thursday, 26-Nov-26 03:00:00 PST.",
        subcode=463,
    )


def password_changed() -> Response:
    return graph_error(
        400,
        190,
        "Error validating access token: The session has been invalidated because the user "
        "changed their password or Facebook has changed the session for security reasons.",
        subcode=460,
    )


def invalid_token() -> Response:
    return graph_error(400, 190, "Invalid OAuth access token - Cannot parse access token")


def missing_token() -> Response:
    return graph_error(400, 104, "An access token is required to request this resource.")


def page_token_needed(unpublished: bool = False) -> Response:
    if unpublished:
        return graph_error(
            403, 200, "(#200) Unpublished posts must be posted to a page as the page itself."
        )
    return graph_error(
        403,
        200,
        "(#200) If posting to a page, requires both pages_read_engagement and "
        "pages_manage_posts as an admin with sufficient administrative permission",
    )


def invalid_parameter(message: str, subcode: int | None = None, **kw: Any) -> Response:
    return graph_error(400, 100, f"(#100) {message}", subcode=subcode, **kw)


def usage_headers(percent: int = 4, regain_minutes: int = 0, kind: str = "pages") -> dict:
    """Meta's usage headers: percentages of the app's and the business object's budgets."""
    app = {"call_count": percent, "total_cputime": max(1, percent // 2), "total_time": percent}
    buc = {
        PAGE_ID if kind == "pages" else IG_USER_ID: [
            {
                "type": kind,
                "call_count": percent,
                "total_cputime": max(1, percent // 2),
                "total_time": percent,
                "estimated_time_to_regain_access": regain_minutes,
            }
        ]
    }
    return {"X-App-Usage": json.dumps(app), "X-Business-Use-Case-Usage": json.dumps(buc)}


RATE_LIMIT_MESSAGES = {
    4: "(#4) Application request limit reached",
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    613: "(#613) Calls to this api have exceeded the rate limit.",
    80001: "(#80001) There have been too many calls to this Page account. Wait a bit and try "
    "again. For more info, please refer to "
    "https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
}


def rate_limited(code: int = 4, regain_minutes: int = 0, status: int = 400) -> Response:
    kind = "instagram" if code == 80002 else "pages"
    message = RATE_LIMIT_MESSAGES.get(code, f"(#{code}) Rate limit reached")
    return graph_error(
        status,
        code,
        message,
        is_transient=True,
        headers=usage_headers(100, regain_minutes, kind),
    )


def http_429(retry_after: str | None = None) -> Response:
    headers = usage_headers(100)
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    return graph_error(429, 4, "(#4) Application request limit reached", headers=headers)


def server_error(status: int = 500) -> Response:
    if status == 503:
        return graph_error(503, 2, "Service temporarily unavailable", is_transient=True)
    return graph_error(status, 1, "An unknown error has occurred.", is_transient=False)


def temporary_error() -> Response:
    """Code 2 as Graph sends it on a 4xx: explicitly not acted on, try again."""
    return graph_error(
        400,
        2,
        "An unexpected error has occurred. Please retry your request later.",
        is_transient=True,
    )


def not_ready() -> Response:
    return graph_error(
        400,
        9007,
        "The media is not ready for publishing, please wait for a moment",
        subcode=2207027,
        user_title="Media ID is not available",
        user_msg="The media is not ready for publishing, please wait for a moment",
        is_transient=False,
    )


def quota_reached() -> Response:
    return graph_error(
        400,
        9,
        "Application request limit reached",
        subcode=2207042,
        user_title="Max posts reached",
        user_msg="You have reached the maximum number of posts that can be published in 24 hours.",
        is_transient=False,
    )


def policy_block() -> Response:
    return graph_error(
        400,
        368,
        "It looks like you were misusing this feature by going too fast. You've been blocked "
        "from using it.",
        user_title="You're Temporarily Blocked",
        user_msg="It looks like you were misusing this feature by going too fast.",
    )


def link_not_fetched() -> Response:
    return graph_error(
        400, 1609005, "Error posting link: The link could not be fetched", type_="OAuthException"
    )


def duplicate_status() -> Response:
    return graph_error(400, 506, "(#506) Duplicate status message")


def media_download_failed() -> Response:
    return graph_error(
        400,
        9004,
        "Only photo or video can be accepted as media type.",
        subcode=2207052,
        user_title="Media download has failed.",
        user_msg="The media could not be fetched from this uri: the uri doesn't meet our "
        "requirements.",
        is_transient=False,
    )


def html_page(status: int, text: str = "Bad Gateway") -> Response:
    return Response(status, f"<html><body><h1>{status} {text}</h1></body></html>")


# --- state --------------------------------------------------------------------------------------
@dataclass
class FakePhoto:
    id: str
    data: bytes
    source: str  # "upload" | the url Meta downloaded
    published: bool
    caption: str | None = None


@dataclass
class FakePagePost:
    id: str
    message: str
    link: str | None
    photos: list[str]
    created_time: str

    @property
    def permalink(self) -> str:
        page, _, post = self.id.partition("_")
        return f"https://www.facebook.com/{page}/posts/{post}"


@dataclass
class FakeContainer:
    id: str
    image_url: str | None
    caption: str
    alt_text: str | None
    carousel_item: bool
    children: list[str] = field(default_factory=list)
    status: str = "IN_PROGRESS"
    polls_left: int = 1
    error: str = ""


@dataclass
class FakeMedia:
    id: str
    container: str
    caption: str
    images: list[bytes]
    timestamp: str
    shortcode: str

    @property
    def permalink(self) -> str:
        return f"https://www.instagram.com/p/{self.shortcode}/"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_multipart(request: Request) -> tuple[dict[str, str], dict[str, tuple[str, str, bytes]]]:
    """(fields, files) of a multipart/form-data body: files are (filename, type, bytes)."""
    content_type = request.header("Content-Type") or ""
    raw = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode() + request.body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            files[name] = (filename, part.get_content_type(), payload)
        else:
            fields[name] = payload.decode("utf-8")
    return fields, files


class FakeGraph(FakeApi):
    def __init__(self, processing_polls: int = 1, quota_total: int = QUOTA_TOTAL) -> None:
        self.page_token = PAGE_TOKEN
        self.user_token = USER_TOKEN
        self.token_state = "valid"  # "expired" | "password_changed"
        self.processing_polls = processing_polls
        # What a container becomes once processed: ("ERROR", "Error: ... error code 2207026")
        # makes the next containers fail the way Meta reports a bad image.
        self.finish_as: tuple[str, str] = ("FINISHED", "")
        self.quota_total = quota_total
        self.quota_usage = 0
        self.web: dict[str, bytes] = {}  # the public web as Meta sees it
        self.photos: dict[str, FakePhoto] = {}
        self.page_posts: list[FakePagePost] = []
        self.containers: dict[str, FakeContainer] = {}
        self.media: list[FakeMedia] = []
        self.versions_seen: set[str] = set()
        self.today: date | None = None  # the real date unless a test moves it
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        super().__init__()
        self._routes()

    # --- for tests ----------------------------------------------------------------------------

    def publish_on_web(self, url: str, data: bytes) -> str:
        """Make `data` downloadable at `url` for Meta (an image on some public web server)."""
        self.web[url] = data
        return url

    def expire_token(self) -> None:
        self.token_state = "expired"

    def use_up_quota(self) -> None:
        self.quota_usage = self.quota_total

    # --- checks every Graph call makes -------------------------------------------------------
    def _token(self, request: Request) -> tuple[str | None, Response | None]:
        """Which token (page/user) the request carries, or Graph's refusal."""
        header = request.header("Authorization") or ""
        token = None
        for scheme in ("Bearer ", "OAuth "):
            if header.startswith(scheme):
                token = header[len(scheme) :].strip()
        if token is None:
            # Graph also reads access_token from the query or the form: accepted, and the
            # tests check that our client never sends it that way.
            query = request.query.get("access_token")
            token = query[0] if query else None
        if not token:
            return None, missing_token()
        if token not in (self.page_token, self.user_token):
            return None, invalid_token()
        if self.token_state == "expired":
            return None, expired_token()
        if self.token_state == "password_changed":
            return None, password_changed()
        return ("page" if token == self.page_token else "user"), None

    def _params(self, request: Request) -> dict[str, str]:
        """Query and body parameters the way Graph merges them (form, multipart or JSON)."""
        params = {k: v[-1] for k, v in request.query.items()}
        content_type = (request.header("Content-Type") or "").lower()
        if content_type.startswith("application/x-www-form-urlencoded"):
            params.update({k: v[-1] for k, v in parse_qs(request.body.decode()).items()})
        elif content_type.startswith("multipart/form-data"):
            fields, _ = parse_multipart(request)
            params.update(fields)
        elif content_type.startswith("application/json") and request.body:
            params.update({k: str(v) for k, v in request.json().items()})
        return params

    def _answer(self, response: Response, kind: str = "pages") -> Response:
        for key, value in usage_headers(kind=kind).items():
            response.headers.setdefault(key, value)
        return response

    def _new_id(self) -> str:
        return str(900_000_000_000 + next(self._ids))

    # --- routes ------------------------------------------------------------------------------
    def _routes(self) -> None:
        for method in ("GET", "POST"):
            self.server.route(method, r"/.*")(self._dispatch)

    def _dispatch(self, request: Request) -> Response:
        match = VERSION_PATH.match(request.path)
        if not match:
            return graph_error(400, 2500, "Unknown path components: " + request.path)
        version, path = match.groups()
        self.versions_seen.add(version)
        served = served_version(version, self.today or datetime.now(UTC).date())
        if served is None:
            return graph_error(400, 2500, "Unknown path components: " + request.path)
        who, denied = self._token(request)
        kind = "instagram" if path.startswith(IG_USER_ID) else "pages"
        if denied:
            answer = self._answer(denied, kind)
        else:
            params = self._params(request)
            with self._lock:
                answer = self._answer(self._route_path(request, path, who, params), kind)
        answer.headers["facebook-api-version"] = served
        return answer

    def _route_path(self, request: Request, path: str, who: str | None, p: dict) -> Response:
        parts = path.strip("/").split("/")
        method = request.method
        if parts == ["me"] and method == "GET":
            if who == "page":
                return Response(200, {"id": PAGE_ID, "name": PAGE_NAME})
            return Response(200, {"id": USER_ID, "name": USER_NAME})
        if parts[0] == PAGE_ID:
            return self._page(request, parts[1:], who, p)
        if parts[0] == IG_USER_ID:
            return self._instagram(request, parts[1:], p)
        if len(parts) == 1 and method == "GET":
            return self._object(parts[0], p)
        return invalid_parameter(f"Unsupported {method.lower()} request.", subcode=33)

    # --- Facebook Page ---------------------------------------------------------------------
    def _page(self, request: Request, rest: list[str], who: str | None, p: dict) -> Response:
        method = request.method
        if not rest and method == "GET":
            return Response(
                200, {"id": PAGE_ID, "name": PAGE_NAME, "link": "https://www.facebook.com/acme"}
            )
        if rest == ["feed"] and method == "POST":
            if who != "page":
                return page_token_needed()
            return self._feed(p)
        if rest == ["photos"] and method == "POST":
            if who != "page":
                return page_token_needed(unpublished=p.get("published") == "false")
            return self._photo(request, p)
        if rest == ["posts"] and method == "GET":
            limit = int(p.get("limit", "25"))
            data = [
                {
                    "id": post.id,
                    "message": post.message,
                    "permalink_url": post.permalink,
                    "created_time": post.created_time,
                }
                for post in reversed(self.page_posts)
            ][:limit]
            return Response(200, {"data": data, "paging": {}})
        return invalid_parameter("Unsupported request on the Page.", subcode=33)

    def _feed(self, p: dict) -> Response:
        message = p.get("message", "")
        link = p.get("link")
        attached = [
            json.loads(v) for k, v in sorted(p.items()) if re.fullmatch(r"attached_media\[\d+\]", k)
        ]
        if not message and not link and not attached:
            return invalid_parameter("Missing message or attachment")
        if link and not re.match(r"https?://", link):
            return invalid_parameter("link URL is not properly formatted")
        if utf16_length(message) > MAX_MESSAGE:
            return invalid_parameter("Message is too long")
        photo_ids = []
        for item in attached:
            photo = self.photos.get(str(item.get("media_fbid")))
            if photo is None or photo.published:
                return invalid_parameter(
                    f"media_fbid {item.get('media_fbid')} is not an unpublished photo of this Page"
                )
            photo_ids.append(photo.id)
        if self.page_posts and not attached and not link and self.page_posts[-1].message == message:
            return duplicate_status()
        post = FakePagePost(f"{PAGE_ID}_{self._new_id()}", message, link, photo_ids, _now())
        for photo_id in photo_ids:
            self.photos[photo_id].published = True
        self.page_posts.append(post)
        return Response(200, self._fields({"id": post.id}, p, post))

    @staticmethod
    def _fields(answer: dict, p: dict, post: FakePagePost) -> dict:
        # Read-after-write: fields asked for on the POST come back with the id.
        wanted = {f.strip() for f in p.get("fields", "").split(",") if f.strip()}
        if "permalink_url" in wanted:
            answer["permalink_url"] = post.permalink
        return answer

    def _photo(self, request: Request, p: dict) -> Response:
        data: bytes | None = None
        source = "upload"
        if (request.header("Content-Type") or "").startswith("multipart/form-data"):
            _, files = parse_multipart(request)
            if "source" in files:
                data = files["source"][2]
        if data is None and p.get("url"):
            source = p["url"]
            data = self.web.get(source)
            if data is None:
                return invalid_parameter("url should represent a valid URL", subcode=2069019)
        if data is None:
            return graph_error(400, 324, "(#324) Requires upload file")
        if not data.startswith(IMAGE_SIGNATURES):
            return graph_error(400, 324, "(#324) Missing or invalid image file")
        if len(data) > 4_000_000:
            return invalid_parameter("The image size exceeds the maximum of 4 MB")
        published = p.get("published", "true") != "false"
        photo = FakePhoto(self._new_id(), data, source, published, p.get("caption"))
        self.photos[photo.id] = photo
        if not published:
            return Response(200, {"id": photo.id})
        post = FakePagePost(
            f"{PAGE_ID}_{self._new_id()}", p.get("caption", ""), None, [photo.id], _now()
        )
        self.page_posts.append(post)
        return Response(200, {"id": photo.id, "post_id": post.id})

    def _object(self, object_id: str, p: dict) -> Response:
        wanted = {f.strip() for f in p.get("fields", "id").split(",") if f.strip()}
        for post in self.page_posts:
            if post.id == object_id:
                answer: dict[str, Any] = {"id": post.id}
                if "permalink_url" in wanted:
                    answer["permalink_url"] = post.permalink
                if "message" in wanted:
                    answer["message"] = post.message
                return Response(200, answer)
        container = self.containers.get(object_id)
        if container is not None:
            if container.status == "IN_PROGRESS":
                container.polls_left -= 1
                if container.polls_left < 0:
                    container.status, container.error = self.finish_as
            answer = {"id": container.id}
            if "status_code" in wanted:
                answer["status_code"] = container.status
            if "status" in wanted:
                answer["status"] = container.error or {
                    "IN_PROGRESS": "In Progress",
                    "FINISHED": "Finished: Media has been uploaded and is ready to be published.",
                    "PUBLISHED": "Published: Media has been successfully published.",
                    "EXPIRED": "Expired: Media was not published within 24 hours.",
                }.get(container.status, container.status)
            return Response(200, answer)
        for media in self.media:
            if media.id == object_id:
                answer = {"id": media.id}
                if "permalink" in wanted:
                    answer["permalink"] = media.permalink
                return Response(200, answer)
        if object_id == IG_USER_ID:
            return Response(200, {"id": IG_USER_ID, "username": IG_USERNAME, "name": "Acme Bakery"})
        return invalid_parameter(
            f"Unsupported get request. Object with ID '{object_id}' does not exist, cannot be "
            "loaded due to missing permissions, or does not support this operation.",
            subcode=33,
        )

    # --- Instagram -----------------------------------------------------------------------------
    def _instagram(self, request: Request, rest: list[str], p: dict) -> Response:
        method = request.method
        if not rest and method == "GET":
            return self._object(IG_USER_ID, p)
        if rest == ["content_publishing_limit"] and method == "GET":
            entry: dict[str, Any] = {"quota_usage": self.quota_usage}
            if "config" in p.get("fields", ""):
                entry["config"] = {"quota_total": self.quota_total, "quota_duration": 86400}
            return Response(200, {"data": [entry]})
        if rest == ["media"] and method == "POST":
            return self._create_container(p)
        if rest == ["media"] and method == "GET":
            limit = int(p.get("limit", "25"))
            data = [
                {
                    "id": m.id,
                    "caption": m.caption,
                    "permalink": m.permalink,
                    "timestamp": m.timestamp,
                }
                for m in reversed(self.media)
            ][:limit]
            return Response(200, {"data": data, "paging": {}})
        if rest == ["media_publish"] and method == "POST":
            return self._media_publish(p)
        return invalid_parameter("Unsupported request on the Instagram user.", subcode=33)

    def _create_container(self, p: dict) -> Response:
        caption = p.get("caption", "")
        if utf16_length(caption) > MAX_CAPTION:
            return graph_error(400, 36004, "The caption is too long.", subcode=2207010)
        if p.get("media_type") == "CAROUSEL":
            children = [c for c in p.get("children", "").split(",") if c]
            if not 2 <= len(children) <= 10:
                return invalid_parameter("The carousel needs 2 to 10 children.", subcode=2207028)
            for child in children:
                item = self.containers.get(child)
                if item is None or not item.carousel_item:
                    return invalid_parameter(f"Invalid child container {child}.", subcode=2207028)
            container = FakeContainer(
                self._new_id(),
                None,
                caption,
                None,
                False,
                children,
                polls_left=self.processing_polls,
            )
        else:
            url = p.get("image_url")
            if not url:
                return invalid_parameter("The parameter image_url is required.")
            if not url.startswith("https://"):
                return media_download_failed()
            data = self.web.get(url)
            if data is None:
                return media_download_failed()
            if not data.startswith(JPEG):
                return graph_error(
                    400, 36001, "The image format is not supported.", subcode=2207005
                )
            container = FakeContainer(
                self._new_id(),
                url,
                caption,
                p.get("alt_text"),
                p.get("is_carousel_item") == "true",
                polls_left=self.processing_polls,
            )
        self.containers[container.id] = container
        return Response(200, {"id": container.id})

    def _media_publish(self, p: dict) -> Response:
        container = self.containers.get(p.get("creation_id", ""))
        if container is None or container.carousel_item:
            return graph_error(400, 24, "The requested resource does not exist", subcode=2207008)
        if container.status == "IN_PROGRESS":
            return not_ready()
        if container.status == "PUBLISHED":
            # What Graph answers here is not documented; it never publishes a container twice.
            return invalid_parameter("The media has already been published.")
        if container.status != "FINISHED":
            return invalid_parameter(f"The container is {container.status}.")
        if self.quota_usage >= self.quota_total:
            return quota_reached()
        images = [self.web[self.containers[c].image_url or ""] for c in container.children] or [
            self.web[container.image_url or ""]
        ]
        media = FakeMedia(
            str(17_900_000_000_000_000 + next(self._ids)),
            container.id,
            container.caption,
            images,
            _now(),
            f"C{next(self._ids):010d}",
        )
        container.status = "PUBLISHED"
        self.quota_usage += 1
        self.media.append(media)
        return Response(200, {"id": media.id})


def jpeg(tag: bytes = b"photo") -> bytes:
    """A small JPEG-shaped file (SOI, APP0/JFIF, a comment that makes it unique, EOI): Graph's
    fake, like Meta, tells images apart by their signature."""
    comment = b"\xff\xfe" + (len(tag) + 2).to_bytes(2, "big") + tag
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + app0 + comment + b"\xff\xd9"
