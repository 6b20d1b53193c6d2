"""Post content for WordPress: plain text turned into HTML, names of terms."""

from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING

from desktop_publisher.platforms.base import (
    PostVariant,
)

if TYPE_CHECKING:
    pass  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

MAX_TERM_NAME = 200  # the length of wp_terms.name
# --- content ----------------------------------------------------------------------------------
# Text with one of these is taken as HTML written on purpose (pasted from an editor, a block
# comment); anything else is plain text and converted.
HTML_MARK = re.compile(
    r"<!--\s*wp:|<(?:p|a|br|div|span|h[1-6]|ul|ol|li|strong|em|b|i|u|img|figure|blockquote|"
    r"pre|code|table|hr|iframe|video|audio)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
TRAILING_PUNCTUATION = ".,;:!?'\""


def looks_like_html(text: str) -> bool:
    return bool(HTML_MARK.search(text))


def _link(url: str) -> str:
    """A URL as a link; trailing sentence punctuation (and an unmatched ')') stays outside."""
    tail = ""
    while url and (
        url[-1] in TRAILING_PUNCTUATION or (url[-1] == ")" and url.count("(") < url.count(")"))
    ):
        tail = url[-1] + tail
        url = url[:-1]
    if not url:
        return html.escape(tail, quote=False)
    escaped = html.escape(url, quote=True)
    return f'<a href="{escaped}">{escaped}</a>{html.escape(tail, quote=False)}'


def _inline(text: str) -> str:
    """One paragraph's text: HTML special characters escaped, URLs made links."""
    out: list[str] = []
    position = 0
    for match in URL_IN_TEXT.finditer(text):
        out.append(html.escape(text[position : match.start()], quote=False))
        out.append(_link(match.group(0)))
        position = match.end()
    out.append(html.escape(text[position:], quote=False))
    return "<br />\n".join("".join(out).split("\n"))


def text_to_html(text: str) -> str:
    """Plain text as WordPress post HTML: blank lines separate paragraphs, a single line break
    stays a line break, URLs become links. Text that already is HTML is left alone."""
    if looks_like_html(text):
        return text
    normalized = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", normalized) if p.strip()]
    return "\n\n".join(f"<p>{_inline(p)}</p>" for p in paragraphs)


def post_content(variant: PostVariant) -> str:
    content = text_to_html(variant.text or "")
    link = (variant.link or "").strip()
    if link and link not in (variant.text or ""):
        # The post's link (from the editor's link field) is shown at the end of the post.
        content = f"{content}\n\n<p>{_link(link)}</p>" if content else f"<p>{_link(link)}</p>"
    return content


def _names(value: object) -> list[str]:
    """Category or tag names from `extra` (a list, or one comma-free string)."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    seen: list[str] = []
    for item in items:
        name = " ".join(str(item).split())
        if name and name.casefold() not in (s.casefold() for s in seen):
            seen.append(name)
    return seen
