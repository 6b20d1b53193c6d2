"""Which addresses the app fetches a post's images from: public internet addresses only.

LinkedIn and WordPress need an image's bytes, so for an image given by URL this computer
downloads it. Without a rule, a post could make the app fetch from this computer
(`http://127.0.0.1:…`), the local network, or a cloud metadata address (169.254.169.254) — and
upload what it got to a public page. So a media URL's host must resolve to public unicast
addresses only: refused when the post is added (by address, and by name where resolving does
not block a window) and again right before connecting, to the very address that was checked (a
name that resolves differently the second time cannot slip through).

This is about URLs inside posts. The API addresses the user configures (DESKTOP_PUBLISHER_*_URL,
a WordPress site URL) may point at this computer; they never go through here.

`DESKTOP_PUBLISHER_MEDIA_ALLOW` names exact `host:port` pairs that are fetched from even so (a
test suite's image server, a development server on this computer): an explicit allowance, never
a general one.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urlparse

from desktop_publisher.message import Message
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

ALLOW_ENV = "DESKTOP_PUBLISHER_MEDIA_ALLOW"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 forms that carry an IPv4 address inside (NAT64's well-known prefix).
NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Why an address is refused: English rules marked for the catalogues (an error's values).
LOOPBACK = QT_TRANSLATE_NOOP("Error", "this computer (a loopback address)")
REFUSED_ADDRESS = QT_TRANSLATE_NOOP("Error", "{reason}, {address}")


class AddressRefused(Exception):
    """A media URL whose host is not a public address. Not an OSError on purpose: the HTTP
    libraries wrap those as connection failures, which would be retried."""

    def __init__(self, url: str, reason: str, why: Message | None = None) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason  # in English
        self.why = why if why is not None else reason  # the same, as a message when known


def refusal(address: IPAddress) -> str | None:
    """Why images are never fetched from this address; None for a public unicast one."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return refusal(embedded)
    if address.is_loopback:
        return LOOPBACK
    if address.is_link_local:
        return QT_TRANSLATE_NOOP("Error", "a link-local address (such as a cloud metadata service)")
    if address.is_multicast:
        return QT_TRANSLATE_NOOP("Error", "a multicast address")
    if address.is_unspecified:
        return QT_TRANSLATE_NOOP("Error", "an unspecified address")
    if address.is_private:
        return QT_TRANSLATE_NOOP("Error", "a private network address")
    if not address.is_global:
        return QT_TRANSLATE_NOOP("Error", "an address that is not on the public internet")
    return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def allowed(host: str, port: int | None) -> bool:
    """Whether `host:port` is named in DESKTOP_PUBLISHER_MEDIA_ALLOW."""
    names = os.environ.get(ALLOW_ENV, "")
    wanted = f"{_bracketed(host)}:{port}"
    return any(item.strip().lower() == wanted.lower() for item in names.split(",") if item)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _port(url: str) -> int:
    parsed = urlparse(url)
    return parsed.port or (443 if parsed.scheme == "https" else 80)


def literal_refusal(url: str) -> str | None:
    """The refusal of a URL whose host needs no resolving (an address, `localhost`); None when
    it is fine or a name to resolve. Cheap enough for a form's live checks."""
    host = (urlparse(url).hostname or "").rstrip(".").lower()
    if not host or allowed(host, _port(url)):
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return LOOPBACK
    try:
        return refusal(ipaddress.ip_address(host))
    except ValueError:
        return None


def check_url(url: str) -> None:
    """Resolve the URL's host and raise AddressRefused unless every address is public (or the
    host:port is allowed). Sends nothing but the name lookup."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").rstrip(".")
    public_address(host, _port(url), url)


def public_address(host: str, port: int, url: str | None = None) -> str:
    """The address to connect to for `host`: every address it resolves to must be public (one
    that is not makes the whole name suspect). Raises AddressRefused, or socket.gaierror when
    the name does not resolve."""
    shown = url or f"{_bracketed(host)}:{port}"
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found = [info[4][0] for info in infos]
    if allowed(host, port):
        return found[0]
    for text in found:
        reason = refusal(ipaddress.ip_address(text.split("%", 1)[0]))
        if reason is not None:
            why = Message(REFUSED_ADDRESS, {"reason": Message(reason), "address": text})
            raise AddressRefused(shown, why.english(), why)
    return found[0]
