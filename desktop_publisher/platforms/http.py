"""The one HTTP setup every platform client uses.

Timeouts on every call, TLS verification on, no silent urllib3 retries (the engine decides what
may be retried), a User-Agent naming the app, plain http only for loopback, and errors turned
into PublishError with secrets masked.

`requests` (~70 ms to import) is imported where a request is made, not at module level: the
registry, the CLI and the window load the clients for their names, labels and limits without
ever sending anything.
"""

from __future__ import annotations

import ipaddress
import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher import __version__
from desktop_publisher.platforms.base import CONNECT_TIMEOUT, READ_TIMEOUT, ErrorKind, PublishError
from desktop_publisher.redaction import redact

if TYPE_CHECKING:
    import requests

USER_AGENT = f"DesktopPublisher/{__version__} (+https://desktop-publisher.invalid)"
# A platform's own words in an error stay short enough for a notification and a table cell.
MAX_MESSAGE = 300


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, what: str = "URL") -> None:
    """https everywhere; http only for a server on this machine (tests, local dev sites)."""
    parsed = urlparse(url)
    if parsed.scheme == "https" and parsed.hostname:
        return
    if parsed.scheme == "http" and is_loopback_host(parsed.hostname):
        return
    if parsed.scheme == "http":
        raise PublishError(
            ErrorKind.PERMANENT,
            f"The {what} {redact(url)} uses plain http://; use https:// (http is accepted only "
            "for localhost).",
        )
    raise PublishError(
        ErrorKind.PERMANENT, f"The {what} {redact(url)} is not a valid https:// URL."
    )


def said_briefly(text: object) -> str:
    """A platform's message on one line, at most MAX_MESSAGE characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
)


def sniff_image(data: bytes) -> tuple[str, str] | None:
    """(MIME type, extension) from the file's first bytes; None when it is no image we send."""
    for signature, kind, extension in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return kind, extension
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def make_session() -> requests.Session:
    import requests
    from requests.adapters import HTTPAdapter

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.verify = True
    # Only our code decides what may be retried: a retried final publish call could post twice.
    adapter = HTTPAdapter(max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def was_not_sent(exc: requests.RequestException) -> bool:
    """True when the request surely never reached the server (refused, DNS, connect timeout)."""
    import requests
    from urllib3.exceptions import NewConnectionError

    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.SSLError):
        return True
    if isinstance(exc, requests.ConnectionError):
        reason = exc.args[0] if exc.args else None
        reason = getattr(reason, "reason", reason)
        return isinstance(reason, NewConnectionError)
    return False


def parse_retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_PARSED = "_desktop_publisher_json"  # where json_body keeps its answer on the response


def json_body(response: requests.Response) -> Any:
    """The JSON answer, or None for an empty or non-JSON body (HTML from a proxy, a WAF...).

    Parsed once per response: the clients ask again while classifying an answer (is it the REST
    API's? what did it say?), and requests parses anew on every `json()`."""
    if hasattr(response, _PARSED):
        return getattr(response, _PARSED)
    body = None
    if response.content:
        try:
            body = response.json()
        except (ValueError, json.JSONDecodeError):
            body = None
    setattr(response, _PARSED, body)
    return body


class HttpClient:
    """A requests session with our rules; `final=True` marks a call that creates the post."""

    def __init__(
        self,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.session = session or make_session()
        self.timeout = timeout

    def request(
        self, method: str, url: str, *, final: bool = False, **kwargs: Any
    ) -> requests.Response:
        import requests

        check_url(url)
        kwargs.setdefault("timeout", self.timeout)
        try:
            return self.session.request(method, url, **kwargs)
        except requests.exceptions.SSLError as exc:
            raise PublishError(
                ErrorKind.PERMANENT,
                f"The secure connection to {urlparse(url).hostname} failed ({redact(exc)}): the "
                "server's certificate is not trusted.",
            ) from None
        except requests.RequestException as exc:
            host = urlparse(url).hostname
            if was_not_sent(exc):
                raise PublishError(
                    ErrorKind.TRANSIENT,
                    f"Could not connect to {host}: check the network connection.",
                ) from None
            if final:
                raise PublishError(
                    ErrorKind.UNKNOWN_OUTCOME,
                    f"The connection to {host} broke after the post was sent, so it may or may "
                    "not have been published. Check the account, then retry or cancel.",
                ) from None
            raise PublishError(
                ErrorKind.TRANSIENT, f"The connection to {host} broke ({type(exc).__name__})."
            ) from None

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, *, final: bool = False, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, final=final, **kwargs)


def download_image(http: HttpClient, url: str, max_bytes: int) -> bytes:
    """An image given by URL, fetched here without any of our credentials (so the platform
    receives it like a file). Busy servers are transient; a refusal or a too-large image is the
    post's problem, in words that name the image."""
    import requests

    shown = redact(url)
    response = http.get(url, stream=True)
    with response:
        if response.status_code == 429 or response.status_code >= 500:
            raise PublishError(
                ErrorKind.TRANSIENT,
                f"The server of the image {shown} is busy (HTTP {response.status_code}).",
                retry_after=parse_retry_after(response),
                status=response.status_code,
            )
        if not response.ok:
            raise PublishError(
                ErrorKind.INVALID_CONTENT,
                f"Media: could not download the image {shown} (HTTP {response.status_code}); "
                "check the link or use a file on this computer.",
                status=response.status_code,
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise PublishError(
                        ErrorKind.INVALID_CONTENT,
                        f"Media: the image {shown} is larger than {max_bytes // 1_000_000} MB; "
                        "use a smaller image.",
                    )
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise PublishError(
                ErrorKind.TRANSIENT,
                f"The download of the image {shown} broke ({type(exc).__name__}).",
            ) from None
    return b"".join(chunks)


def unreadable_image(ref: str, exc: OSError) -> PublishError:
    """A local image that cannot be read (gone, no permission): the post's problem."""
    return PublishError(
        ErrorKind.INVALID_CONTENT,
        f"Media: could not read the image {ref} ({exc.strerror or type(exc).__name__}); "
        "check that the file still exists.",
    )
