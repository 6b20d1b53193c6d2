"""Keeps secrets out of every log line, error message and stored error text.

Two layers: exact values of every secret this process has seen (registered by the credential
store), and patterns for the places secrets travel (Authorization headers, access_token
parameters, passwords in URLs) so that even a secret we never saw is masked.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "[REDACTED]"

_PATTERNS = (
    # Authorization: Bearer abc / Basic abc (header dumps, reprs of header dicts)
    re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(?:bearer\s+|basic\s+)?[^\s'\",}]+"),
    re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    # access_token=..., "access_token": "...", client_secret, password, app password
    re.compile(
        r"(?i)((?:access_token|refresh_token|client_secret|appsecret_proof|password|"
        r"application_password|input_token)['\"]?\s*[=:]\s*['\"]?)[^&\s'\",}]+"
    ),
    # https://user:secret@host
    re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^@\s/]+(?=@)"),
)

_lock = threading.Lock()
_known: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret so its exact text is masked wherever it appears."""
    if not value or len(value) < 4:
        return
    with _lock:
        _known.add(value)
        # WordPress shows application passwords with spaces; users paste either form.
        compact = value.replace(" ", "")
        if len(compact) >= 4:
            _known.add(compact)


def redact(text: object) -> str:
    result = str(text)
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        if secret in result:
            result = result.replace(secret, MASK)
    for pattern in _PATTERNS:
        result = pattern.sub(lambda m: m.group(1) + MASK, result)
    return result


class RedactingFilter(logging.Filter):
    """Formats the record's message early and masks it, including exception text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
