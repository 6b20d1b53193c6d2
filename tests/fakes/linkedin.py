"""A fake LinkedIn API on 127.0.0.1, faithful to LinkedIn's documented behaviour.

It checks what LinkedIn checks (Bearer token, LinkedIn-Version, Rest.li 2.0.0 header, who may
post as whom, image uploads before use, duplicate content), answers with LinkedIn's status codes,
headers and error bodies, and stores what a post would show: the commentary decoded from little
text, with LinkedIn's silent truncation at the first unescaped reserved character.

Faults are queued with the FakeServer's Fault, plus `drop(..., act=True)`: the platform does the
work, then the connection breaks before the answer — the case a client cannot tell from "not
sent" and must never blindly repeat.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from tests.fakes.server import FakeApi, Fault, Request, Response, allow_media_from

TOKEN = "tok-123456"
SUB = "abc"
NAME = "Ada Lovelace"
RESERVED = frozenset("\\|{}@[]()<>#*_~")
# LinkedIn's documentation states no length rule for the commentary (the Posts API schema says
# only that it is "little text"). LinkedIn's answer to a longer one, as clients report it, names
# the limit: HTTP 400, FIELD_ARRAY_SIZE_TOO_HIGH, "ShareCommentary text length (8694 characters)
# exceeded the maximum allowed (3000 characters)" - but not whether it counts before or after the
# little-text escaping, nor in which unit. The fake counts the strictest way LinkedIn might (the
# commentary as sent, escapes included, in UTF-16 units as Java's String.length does): the
# reading the app takes (platforms/linkedin.py), so the app can never pass what LinkedIn might
# refuse here unnoticed.
MAX_COMMENTARY = 3000


def commentary_length(commentary: str) -> int:
    """The commentary as sent, in UTF-16 code units."""
    return len(commentary.encode("utf-16-le")) // 2


# When in its month a version comes out and, a year later, is sunset. LinkedIn's migration table
# (learn.microsoft.com/linkedin/marketing/integrations/migrations) sunsets a month in the middle
# of the same month a year on (202410 on 2025-10-15, 202411 on 2025-11-17); releases come during
# their month. The middle of the month stands for both: a version not yet out is refused like a
# retired one (426 NONEXISTENT_VERSION).
RELEASE_DAY = SUNSET_DAY = 15


def served_versions(today: date | None = None) -> set[str]:
    """The months LinkedIn serves on `today` (default: the real date, never a fixed list: the
    suite must keep telling the truth next year)."""
    day = today or datetime.now(UTC).date()
    this_month = day.year * 12 + day.month - 1
    served = set()
    for month in range(this_month - 13, this_month + 1):
        released = date(month // 12, month % 12 + 1, RELEASE_DAY)
        sunset = date((month + 12) // 12, (month + 12) % 12 + 1, SUNSET_DAY)
        if released <= day < sunset:
            served.add(f"{month // 12}{month % 12 + 1:02d}")
    return served


# --- little text ------------------------------------------------------------------------------
HASHTAG = re.compile(r"#([^\W_]+)")
HASHTAG_TEMPLATE = re.compile(r"\{hashtag\|\\?[#＃]\|([^}]+)\}")
MENTION = re.compile(r"@\[([^\]]+)\]\((urn:li:(?:person|organization|organizationBrand):[^)]+)\)")


@dataclass
class Little:
    text: str  # what a reader sees
    hashtags: list[str]
    mentions: list[str]
    truncated: bool  # LinkedIn cut the text at an unescaped reserved character


def decode_little(source: str) -> Little:
    """Read commentary the way LinkedIn does: `\\x` is x; `#tag`, `{hashtag|#|tag}` and
    `@[Name](urn)` are elements; any other unescaped reserved character ends the text."""
    out: list[str] = []
    hashtags: list[str] = []
    mentions: list[str] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i + 1])
            i += 2
            continue
        if char == "#" and (m := HASHTAG.match(source, i)):
            hashtags.append(m.group(1))
            out.append(m.group(0))
            i = m.end()
            continue
        if char == "{" and (m := HASHTAG_TEMPLATE.match(source, i)):
            hashtags.append(m.group(1))
            out.append("#" + m.group(1))
            i = m.end()
            continue
        if char == "@" and (m := MENTION.match(source, i)):
            mentions.append(m.group(2))
            out.append(m.group(1))
            i = m.end()
            continue
        if char in RESERVED:
            return Little("".join(out), hashtags, mentions, True)
        out.append(char)
        i += 1
    return Little("".join(out), hashtags, mentions, False)


# --- LinkedIn's answers -----------------------------------------------------------------------
def li_error(
    status: int, message: str, code: str | None = None, service: int | None = None, **extra: Any
) -> Response:
    body: dict[str, Any] = {"status": status, "message": message}
    if code:
        body["code"] = code
    if service is not None:
        body["serviceErrorCode"] = service
    body.update(extra)
    return Response(status, body)


def input_error(message: str, path: str, code: str = "INVALID_VALUE") -> Response:
    """422 as LinkedIn sends it for a body that breaks a rule."""
    return li_error(
        422,
        message,
        errorDetailType="com.linkedin.common.error.BadRequest",
        errorDetails={
            "inputErrors": [
                {"description": message, "input": {"inputPath": {"fieldPath": path}}, "code": code}
            ]
        },
    )


def too_long(length: int) -> Response:
    """LinkedIn's answer to a commentary over MAX_COMMENTARY (a 400, not the usual 422)."""
    message = (
        "com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text "
        f"length ({length} characters) exceeded the maximum allowed ({MAX_COMMENTARY} characters)"
    )
    return li_error(
        400,
        message,
        errorDetailType="com.linkedin.common.error.BadRequest",
        errorDetails={
            "inputErrors": [
                {
                    "description": "Size of array cannot be higher than the maxLength",
                    "input": {"inputPath": {"fieldPath": "/commentary"}},
                    "code": "FIELD_ARRAY_SIZE_TOO_HIGH",
                    "maxLength": MAX_COMMENTARY,
                }
            ]
        },
    )


def duplicate_error(urn: str) -> Response:
    return li_error(
        422,
        f"Unable to create post: Content is a duplicate of {urn}",
        errorDetailType="com.linkedin.common.error.BadRequest",
        errorDetails={
            "inputErrors": [
                {"description": "Duplicate post is detected", "input": {}, "code": "DUPLICATE_POST"}
            ]
        },
    )


def expired_token() -> Response:
    return li_error(401, "The token used in the request has expired", "EXPIRED_ACCESS_TOKEN", 65602)


def revoked_token() -> Response:
    return li_error(
        401,
        "The token used in the request has been revoked by the user",
        "REVOKED_ACCESS_TOKEN",
        65601,
    )


def invalid_token() -> Response:
    return li_error(401, "Invalid access token", "INVALID_ACCESS_TOKEN", 65600)


def throttled(retry_after: str | None = None) -> Response:
    response = li_error(
        429,
        "Resource level throttle MEMBER DAY limit for calls to this resource is reached.",
        "TOO_MANY_REQUESTS",
        101,
    )
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    return response


def server_error(status: int = 500) -> Response:
    return li_error(status, "Internal Server Error")


def html_page(status: int, text: str = "Bad Gateway") -> Response:
    return Response(status, f"<html><body><h1>{status} {text}</h1></body></html>")


# --- state ------------------------------------------------------------------------------------
@dataclass
class FakePost:
    urn: str
    author: str
    commentary: str  # as sent (little text)
    text: str  # as shown
    hashtags: list[str]
    truncated: bool
    content: dict | None
    body: dict


@dataclass
class FakeImage:
    urn: str
    owner: str
    upload_path: str
    data: bytes | None = None
    status: str = "WAITING_UPLOAD"


@dataclass
class HostedFile:
    data: bytes
    content_type: str
    requests: list[Request] = field(default_factory=list)


class FakeLinkedIn(FakeApi):
    def __init__(
        self,
        token: str = TOKEN,
        sub: str = SUB,
        name: str = NAME,
        scopes: tuple[str, ...] = ("openid", "profile", "email", "w_member_social"),
        organizations: tuple[str, ...] = (),
        versions: set[str] | None = None,
        today: date | None = None,
        detect_duplicates: bool = True,
    ) -> None:
        self.token = token
        self.token_state = "valid"  # "expired" | "revoked"
        self.sub = sub
        self.name = name
        self.scopes = set(scopes)
        self.organizations = set(organizations)
        # A fixed set (a test's), else the months served on `today` (the real date unless a
        # test moves it), computed at each request.
        self.fixed_versions = versions
        self.today = today
        self.detect_duplicates = detect_duplicates
        self.posts: list[FakePost] = []
        self.images: dict[str, FakeImage] = {}
        self.files: dict[str, HostedFile] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        super().__init__()
        self._routes()

    # --- for tests ------------------------------------------------------------------------
    @property
    def versions(self) -> set[str]:
        if self.fixed_versions is not None:
            return self.fixed_versions
        return served_versions(self.today)

    def post_body(self, index: int = -1) -> dict:
        """The JSON of a POST /rest/posts as received (also for rejected ones)."""
        return self.server.matching("POST", r"^/rest/posts$")[index].json()

    def host_file(self, name: str, data: bytes, content_type: str) -> str:
        """Serve a file as some other web site would (not LinkedIn: no token needed). The app
        fetches images from public addresses only: this server on 127.0.0.1 gets the explicit
        allowance for its own host:port (reset after each test, see tests/conftest.py)."""
        self.files[name] = HostedFile(data, content_type)
        allow_media_from(self.url)
        return f"{self.url}/files/{name}"

    def expire_token(self) -> None:
        self.token_state = "expired"

    def revoke_token(self) -> None:
        self.token_state = "revoked"

    def rate_limit(self, path: str = r"^/rest/posts$", retry_after: str | None = None) -> Fault:
        return self.fail(None, path, throttled(retry_after))

    def server_error(self, path: str = r"^/rest/posts$", status: int = 500) -> Fault:
        return self.fail(None, path, server_error(status))

    def duplicate(self, urn: str) -> Fault:
        return self.fail("POST", r"^/rest/posts$", duplicate_error(urn))

    def hold(self, path: str = r"^/rest/posts$") -> threading.Event:
        return super().hold(path)

    def drop(self, path: str = r"^/rest/posts$", act: bool = True) -> Fault:
        return super().drop(path, act)

    # --- checks every LinkedIn endpoint makes ----------------------------------------------
    def _auth(self, request: Request) -> Response | None:
        header = request.header("Authorization") or ""
        if not header.startswith("Bearer ") or not header[7:].strip():
            return li_error(401, "Empty oauth2 access token", "EMPTY_ACCESS_TOKEN", 65604)
        if header[7:] != self.token:
            return invalid_token()
        if self.token_state == "expired":
            return expired_token()
        if self.token_state == "revoked":
            return revoked_token()
        return None

    def _versioned(self, request: Request) -> Response | None:
        version = request.header("LinkedIn-Version")
        if not version:
            return li_error(
                426,
                "A version must be present. Please specify a version by adding the "
                "LinkedIn-Version header.",
                "VERSION_MISSING",
            )
        if version not in self.versions:
            return li_error(
                426, f"Requested version {version} is not active", "NONEXISTENT_VERSION"
            )
        if request.header("X-Restli-Protocol-Version") != "2.0.0":
            return li_error(400, "Rest.li protocol version 2.0.0 is required for this resource")
        if request.method in ("POST", "PUT") and not (
            request.header("Content-Type") or ""
        ).startswith("application/json"):
            return li_error(415, "Unsupported media type: use application/json")
        return None

    def _may_act_as(self, urn: str) -> bool:
        if urn == f"urn:li:person:{self.sub}":
            return "w_member_social" in self.scopes
        if urn.startswith("urn:li:organization:"):
            return "w_organization_social" in self.scopes and urn in self.organizations
        return False

    def _json(self, request: Request) -> Any:
        try:
            return request.json()
        except ValueError:
            return None

    # --- endpoints ------------------------------------------------------------------------
    def _routes(self) -> None:
        server = self.server

        @server.route("GET", r"/v2/userinfo")
        def userinfo(request: Request) -> Response:
            # /v2 is not versioned: no LinkedIn-Version needed.
            if denied := self._auth(request):
                return denied
            if not {"openid", "profile"} <= self.scopes:
                return li_error(
                    403,
                    "Not enough permissions to access: userinfo.GET.NO_VERSION",
                    "ACCESS_DENIED",
                    100,
                )
            given, _, family = self.name.partition(" ")
            return Response(
                200,
                {
                    "sub": self.sub,
                    "email_verified": True,
                    "name": self.name,
                    "locale": {"country": "US", "language": "en"},
                    "given_name": given,
                    "family_name": family,
                    "email": "ada@example.com",
                    "picture": "https://media.licdn.com/dms/image/fake",
                },
            )

        @server.route("POST", r"/rest/images")
        def initialize_upload(request: Request) -> Response:
            if denied := self._auth(request) or self._versioned(request):
                return denied
            if request.query.get("action") != ["initializeUpload"]:
                return li_error(400, "Unsupported action")
            body = self._json(request)
            owner = (
                body.get("initializeUploadRequest", {}).get("owner")
                if isinstance(body, dict)
                else None
            )
            if not owner:
                return input_error(
                    "Field is required", "/initializeUploadRequest/owner", "FIELD_REQUIRED"
                )
            if not self._may_act_as(owner):
                return li_error(
                    403,
                    "Not enough permissions to access: images.ACTION.initializeUpload",
                    "ACCESS_DENIED",
                    100,
                )
            number = next(self._ids)
            urn = f"urn:li:image:D4E10AQF{number:06d}"
            path = f"/dms-uploads/sp/upload-{number}/0"
            with self._lock:
                self.images[urn] = FakeImage(urn, owner, path)
            return Response(
                200,
                {
                    "value": {
                        "uploadUrlExpiresAt": int(time.time() * 1000) + 86_400_000,
                        "uploadUrl": f"{self.url}{path}",
                        "image": urn,
                    }
                },
            )

        @server.route("PUT", r"/dms-uploads/.+")
        def upload(request: Request) -> Response:
            if denied := self._auth(request):
                return denied
            with self._lock:
                image = next(
                    (i for i in self.images.values() if i.upload_path == request.path), None
                )
            if image is None:
                return li_error(404, "Upload URL not found")
            if not request.body:
                return li_error(400, "Empty upload")
            image.data = request.body
            known = request.body.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF8"))
            image.status = "AVAILABLE" if known else "PROCESSING_FAILED"
            return Response(201, None)

        @server.route("POST", r"/rest/posts")
        def create_post(request: Request) -> Response:
            if denied := self._auth(request) or self._versioned(request):
                return denied
            body = self._json(request)
            if not isinstance(body, dict):
                return li_error(400, "Unable to parse the request body as JSON")
            return self._create(body)

        @server.route("GET", r"/files/(.+)")
        def hosted(request: Request) -> Response:
            hosted_file = self.files.get(request.path.removeprefix("/files/"))
            if hosted_file is None:
                return html_page(404, "Not Found")
            hosted_file.requests.append(request)
            return Response(200, hosted_file.data, {"Content-Type": hosted_file.content_type})

    def _create(self, body: dict) -> Response:
        for key in ("author", "commentary", "visibility", "distribution", "lifecycleState"):
            if key not in body:
                return input_error(f"Field /{key} is required", f"/{key}", "FIELD_REQUIRED")
        author = body["author"]
        if not re.fullmatch(r"urn:li:(person|organization):[A-Za-z0-9_-]+", str(author)):
            return input_error(f"Invalid author {author}", "/author")
        if not self._may_act_as(author):
            return li_error(
                403,
                f"Not enough permissions to create a post as {author}",
                "ACCESS_DENIED",
                100,
            )
        if body["visibility"] not in ("PUBLIC", "CONNECTIONS", "LOGGED_IN"):
            return input_error("Invalid visibility", "/visibility")
        if (body.get("distribution") or {}).get("feedDistribution") not in ("MAIN_FEED", "NONE"):
            return input_error("Invalid feedDistribution", "/distribution/feedDistribution")
        if body["lifecycleState"] != "PUBLISHED":
            return input_error("Only PUBLISHED posts here", "/lifecycleState")
        if not isinstance(body["commentary"], str):
            return input_error("commentary must be a string", "/commentary")
        little = decode_little(body["commentary"])
        length = commentary_length(body["commentary"])
        if length > MAX_COMMENTARY:
            return too_long(length)
        content = body.get("content")
        if content is not None and (problem := self._check_content(content, author)):
            return problem
        with self._lock:
            if self.detect_duplicates:
                for earlier in self.posts:
                    if (earlier.author, earlier.commentary, earlier.content) == (
                        author,
                        body["commentary"],
                        content,
                    ):
                        return duplicate_error(earlier.urn)
            urn = f"urn:li:share:{7_300_000_000_000_000_000 + next(self._ids)}"
            self.posts.append(
                FakePost(
                    urn,
                    author,
                    body["commentary"],
                    little.text,
                    little.hashtags,
                    little.truncated,
                    content,
                    body,
                )
            )
        return Response(201, None, {"x-restli-id": urn, "x-linkedin-id": urn})

    def _check_content(self, content: Any, author: str) -> Response | None:
        if not isinstance(content, dict) or len(content) != 1:
            return input_error("content must hold exactly one kind", "/content")
        if "article" in content:
            article = content["article"]
            if not str(article.get("source", "")).startswith(("http://", "https://")):
                return input_error("Invalid article source", "/content/article/source")
            if not article.get("title"):
                return input_error("Field is required", "/content/article/title", "FIELD_REQUIRED")
            return None
        if "media" in content:
            return self._check_image(content["media"].get("id"), author, "/content/media/id")
        if "multiImage" in content:
            images = content["multiImage"].get("images") or []
            if not 2 <= len(images) <= 20:
                return input_error("multiImage needs 2 to 20 images", "/content/multiImage/images")
            for index, entry in enumerate(images):
                problem = self._check_image(
                    entry.get("id"), author, f"/content/multiImage/images/{index}/id"
                )
                if problem:
                    return problem
            return None
        return input_error("Unsupported content", "/content")

    def _check_image(self, urn: Any, author: str, path: str) -> Response | None:
        image = self.images.get(str(urn))
        if image is None or image.owner != author:
            return input_error(f"Image {urn} not found for author {author}", path)
        if image.status != "AVAILABLE":
            return input_error(f"Image {urn} is {image.status}", path)
        return None
