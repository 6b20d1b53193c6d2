"""LinkedIn's "little text format": the commentary as LinkedIn shows it exactly as typed."""

from __future__ import annotations

import re

# LinkedIn's "little text format" (learn.microsoft.com/linkedin/marketing/community-management/
# shares/little-text-format) reserves these characters; unescaped, LinkedIn truncates or rejects
# the commentary, so every one of them is sent with a backslash when meant literally.
LITTLE_RESERVED = frozenset("\\|{}@[]()<>#*_~")
# The same page lists `#hashtag` (HashtagElement) as a supported element, so a `#` that starts a
# hashtag is sent as is and stays a clickable hashtag: that is what a person typing `#launch`
# means. A hashtag starts after a non-word character and continues with letters or digits; `_`
# inside a tag is still escaped (it is reserved), so `#my_tag` keeps its text but only `#my`
# is tagged. `#` elsewhere (`C#`, `# 1`, URL fragments) is escaped.
HASHTAG_START = re.compile(r"(?<!\w)#(?=[^\W_])")
URL_IN_TEXT = re.compile(r"https?://\S+")
# Mentions (`@[Name](urn:li:…)`) are not produced by the editor: `@`, `[`, `(` are escaped like
# any other text so an e-mail address or "(see [1])" arrives as typed.


def escape_little(text: str) -> str:
    """Commentary in little text format that LinkedIn shows exactly as `text` was typed."""
    inside_urls = [m.span() for m in URL_IN_TEXT.finditer(text)]
    hashtags = {
        m.start()
        for m in HASHTAG_START.finditer(text)
        if not any(start <= m.start() < end for start, end in inside_urls)
    }
    out: list[str] = []
    for index, char in enumerate(text):
        if char in LITTLE_RESERVED and index not in hashtags:
            out.append("\\")
        out.append(char)
    return "".join(out)
