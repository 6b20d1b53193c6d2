"""The engine's own words about a post (a failure it wraps, a post missed or left unknown), as
messages (message.py): the English is what the command line, the log and `last_error` read,
byte for byte what it always was; the message is what the window words in its language.

A wrapped failure keeps the platform's message as a value (`error`) when the platform gave one
(PublishError.detail), its English text otherwise: the window then shows that part as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from desktop_publisher.errors import UserError
from desktop_publisher.message import Message
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import format_local

GAVE_UP = QT_TRANSLATE_NOOP("Error", "Gave up after {count} attempts. Last error: {error}")
# {hold} is the duration as Python writes it ("1 day, 0:00:00"): a translation may leave it out.
STILL_RATE_LIMITED = QT_TRANSLATE_NOOP(
    "Error", "Still rate-limited {hold} after its time. Last error: {error}"
)
TRYING_AGAIN = QT_TRANSLATE_NOOP("Error", "{error} Trying again at {time}.")
MISSED = QT_TRANSLATE_NOOP(
    "Error",
    "Not published: it was due at {due}, but Desktop Publisher was not running or the computer "
    "was asleep until {now} — more than {minutes} min late. Reschedule it or publish it now.",
)
NEVER_FINISHED = QT_TRANSLATE_NOOP(
    "Error",
    "A publish call started at {started} never finished (the app stopped or the network hung), "
    "so the post may or may not be online. Check the account, then retry or cancel.",
)
STOPPED_WHILE_SENDING = QT_TRANSLATE_NOOP(
    "Error",
    "Desktop Publisher stopped while this post was being sent (at {started}), so it may or may "
    "not be online. Check the account, then retry or cancel.",
)
COULD_NOT_PREPARE = QT_TRANSLATE_NOOP("Error", "Could not prepare the post: {error}")
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Error",
    "Unexpected error ({error}); the post may or may not have been published. Check the "
    "account, then retry or cancel.",
)


def wrapped(rule: str, english: str, detail: Message | None, **values: Any) -> tuple[str, Message]:
    """(English, message) of `rule` around a failure said as `english` (and `detail`, its
    message when there is one). The English is filled with `english` itself, so it stays the
    text the failure had, whatever its message would say."""
    return (
        rule.format(**values, error=english),
        Message(rule, {**values, "error": detail if detail is not None else english}),
    )


def said(rule: str, **values: Any) -> tuple[str, Message]:
    """(English, message) of one of the engine's own sentences."""
    message = Message(rule, values)
    return message.english(), message


def missed(due_at: datetime, now: datetime, minutes: int) -> tuple[str, Message]:
    return said(MISSED, due=format_local(due_at), now=format_local(now), minutes=minutes)


def never_finished(started: datetime | None) -> tuple[str, Message]:
    return said(NEVER_FINISHED, started=format_local(started))


def stopped_while_sending(started: datetime | None) -> tuple[str, Message]:
    return said(STOPPED_WHILE_SENDING, started=format_local(started))


def user_error_message(error: UserError) -> Message | None:
    """A user error made translatable (errors.py) as a message; None for a plain one. Values
    that JSON cannot hold (a path) are kept as their text."""
    if error.rule is None:
        return None
    return Message(error.rule, _plain(error.values), error.context)


def _plain(values: Mapping[str, object]) -> dict[str, Any]:
    return {
        key: value
        if value is None or isinstance(value, str | int | float | bool | Message)
        else str(value)
        for key, value in values.items()
    }
