"""Images for the platforms that send the bytes themselves: telling an image by its first
bytes, fetching one given by address (public addresses only) and the words for a local file
that cannot be read."""

from __future__ import annotations

import socket
from urllib.parse import urljoin

from desktop_publisher.platforms import addresses
from desktop_publisher.platforms.base import ErrorKind, PublishError
from desktop_publisher.platforms.http import HttpClient, make_session, parse_retry_after
from desktop_publisher.redaction import redact

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
        return PublishError(
            ErrorKind.INVALID_CONTENT,
            f"Media: the image {shown} is larger than {max_bytes // 1_000_000} MB; use a "
            "smaller image.",
        )

    for _hop in range(MAX_REDIRECTS + 1):
        try:
            addresses.check_url(url)  # before anything connects (also through a proxy)
            response = client.get(url, max_bytes=max_bytes, too_big=too_big, allow_redirects=False)
        except addresses.AddressRefused as exc:
            raise PublishError(
                ErrorKind.INVALID_CONTENT,
                f"Media: the image address {redact(exc.url)} points to {exc.reason}; images are "
                "fetched only from public internet addresses. Use a public address or a file on "
                "this computer.",
            ) from None
        except socket.gaierror:
            raise PublishError(
                ErrorKind.TRANSIENT,
                f"Could not look up the server of the image {shown}: check the network "
                "connection and the address.",
            ) from None
        if not response.is_redirect:
            break
        url = urljoin(url, response.headers.get("Location") or "")
    else:
        raise PublishError(
            ErrorKind.INVALID_CONTENT,
            f"Media: the image address {shown} redirects more than {MAX_REDIRECTS} times; use "
            "the image's own address.",
        )
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
    return response.content


def unreadable_image(ref: str, exc: OSError) -> PublishError:
    """A local image that cannot be read (gone, no permission): the post's problem."""
    return PublishError(
        ErrorKind.INVALID_CONTENT,
        f"Media: could not read the image {ref} ({exc.strerror or type(exc).__name__}); "
        "check that the file still exists.",
    )
