"""Images for the platforms that send the bytes themselves: telling an image by its first
bytes, fetching one given by address (public addresses only) and the words for a local file
that cannot be read."""

from __future__ import annotations

import socket
from urllib.parse import urljoin

from desktop_publisher.message import Message
from desktop_publisher.platforms import addresses
from desktop_publisher.platforms.base import ErrorKind, PublishError
from desktop_publisher.platforms.http import HttpClient, make_session, parse_retry_after
from desktop_publisher.redaction import redact
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

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


MAX_REDIRECTS = 5


def download_image(http: HttpClient, url: str, max_bytes: int) -> bytes:
    """An image given by URL, fetched here without any of our credentials (so the platform
    receives it like a file), only from public addresses (addresses.py), every redirect
    checked like the first address. Busy servers are transient; a refusal, a private address
    or a too-large image is the post's problem, in words that name the image."""
    shown = redact(url)
    client = HttpClient(make_session(public_only=True), http.timeout, http.deadline)

    def too_big() -> PublishError:
        rule = QT_TRANSLATE_NOOP(
            "Error", "Media: the image {image} is larger than {mb} MB; use a smaller image."
        )
        values = {"image": shown, "mb": max_bytes // 1_000_000}
        return PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values))

    for _hop in range(MAX_REDIRECTS + 1):
        try:
            addresses.check_url(url)  # before anything connects (also through a proxy)
            response = client.get(url, max_bytes=max_bytes, too_big=too_big, allow_redirects=False)
        except addresses.AddressRefused as exc:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Media: the image address {image} points to {reason}; images are fetched only "
                "from public internet addresses. Use a public address or a file on this "
                "computer.",
            )
            values = {"image": redact(exc.url), "reason": exc.why}
            raise PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values)) from None
        except socket.gaierror:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Could not look up the server of the image {image}: check the network "
                "connection and the address.",
            )
            raise PublishError(ErrorKind.TRANSIENT, Message(rule, {"image": shown})) from None
        if not response.is_redirect:
            break
        url = urljoin(url, response.headers.get("Location") or "")
    else:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Media: the image address {image} redirects more than {count} times; use the "
            "image's own address.",
        )
        values = {"image": shown, "count": MAX_REDIRECTS}
        raise PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values))
    values = {"image": shown, "status": response.status_code}
    if response.status_code == 429 or response.status_code >= 500:
        rule = QT_TRANSLATE_NOOP(
            "Error", "The server of the image {image} is busy (HTTP {status})."
        )
        raise PublishError(
            ErrorKind.TRANSIENT,
            Message(rule, values),
            retry_after=parse_retry_after(response),
            status=response.status_code,
        )
    if not response.ok:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Media: could not download the image {image} (HTTP {status}); check the link or use "
            "a file on this computer.",
        )
        raise PublishError(
            ErrorKind.INVALID_CONTENT, Message(rule, values), status=response.status_code
        )
    return response.content


def unreadable_image(ref: str, exc: OSError) -> PublishError:
    """A local image that cannot be read (gone, no permission): the post's problem."""
    rule = QT_TRANSLATE_NOOP(
        "Error",
        "Media: could not read the image {image} ({reason}); check that the file still exists.",
    )
    values = {"image": ref, "reason": exc.strerror or type(exc).__name__}
    return PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values))
