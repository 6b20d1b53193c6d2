"""Format rules for account settings that more than one platform may use (declared on fields)."""

from __future__ import annotations

from urllib.parse import urlparse

from desktop_publisher.platforms.declaration import Problem
from desktop_publisher.translatable import QT_TRANSLATE_NOOP


def site_address(key: str, value: str) -> Problem | None:
    """A site's address: http(s), and plain http only for a site on this computer."""
    from desktop_publisher.platforms.http import is_loopback_host

    parsed = urlparse(value)
    if not parsed.hostname or parsed.scheme not in ("http", "https"):
        rule = QT_TRANSLATE_NOOP(
            "Problem", "Site URL '{value}' must look like https://example.com."
        )
        return Problem(key, rule, {"value": value})
    if parsed.scheme == "http" and not is_loopback_host(parsed.hostname):
        rule = QT_TRANSLATE_NOOP(
            "Problem",
            "Site URL '{value}' uses http://: use https:// (plain http is accepted only "
            "for a site on this computer).",
        )
        return Problem(key, rule, {"value": value})
    return None


def without_trailing_slash(value: str) -> str:
    return value.rstrip("/")
