"""What the command line prints: plain lines, tables, JSON documents (the --json shapes of posts and
accounts), and the one-line message of a user error."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_publisher import APP_ID
from desktop_publisher.errors import UserError

if TYPE_CHECKING:
    from desktop_publisher.store.models import Account, ScheduledPost

PROG = APP_ID
# The option that gives each input a service names in its errors (UserError.field): the command
# line says "--text: the post text must not be empty.", the window points at its own field.
FIELD_OPTIONS = {
    "account": "--account",
    "at": "--at",
    "expires": "--expires",
    "media": "--media",
    "status": "--status",
    "text": "--text",
}


class StdoutClosed(Exception):
    """Whoever read the output stopped reading (`status | head -1`): the command ends quietly."""


def out(text: str = "") -> None:
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise StdoutClosed from None


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def dump_json(value: object) -> None:
    out(json.dumps(value, indent=2, ensure_ascii=False))


def option_for(field: str) -> str:
    """The option that gives the input `field`."""
    return FIELD_OPTIONS.get(field) or f"--{field.replace('_', '-')}"


def error_text(error: UserError) -> str:
    """A user error in the command line's words: an error about an input names its option."""
    if error.field is None:
        return str(error)
    return error.named(option_for(error.field))


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


def post_json(post: ScheduledPost) -> dict[str, Any]:
    from desktop_publisher.when import iso_utc

    return {
        "id": post.id,
        "account": post.account.name,
        "platform": post.account.platform,
        "status": post.status,
        "publication_date": iso_utc(post.publication_date),
        "published_at": iso_utc(post.published_at),
        "external_id": post.external_id,
        "url": post.url,
        "attempts": post.attempts,
        "last_error": (
            {"kind": post.last_error_kind, "message": post.last_error} if post.last_error else None
        ),
    }


def account_json(account: Account) -> dict[str, Any]:
    from desktop_publisher.when import iso_utc

    return {
        "id": account.id,
        "name": account.name,
        "platform": account.platform,
        "settings": dict(account.settings or {}),
        "token_expires_at": iso_utc(account.token_expires_at),
    }
