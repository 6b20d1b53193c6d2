"""A translated text filled with its values: Qt's %1, %2… placeholders, replaced in one pass."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """`text` with %1, %2… replaced by `values` (as str) in one pass, so a value that holds "%2"
    itself (an account's name) stays as it is. A placeholder without a value stays too."""
    words = [str(value) for value in values]

    def value(found: re.Match[str]) -> str:
        i = int(found.group(1)) - 1
        return words[i] if 0 <= i < len(words) else found.group(0)

    return _PLACEHOLDER.sub(value, text)
