"""A platform's failed answers classified by a table: one small interpreter for every client.

Each platform lists `Row`s, in order: what an answer must match (HTTP status, the platform's
error code and subcode, a pattern in its message, whether the call was the final one or a
connection test) and what it then is (an ErrorKind, the rule that says it in words, the advice,
how long to wait). `classify` takes the first row that matches. Facts the table cannot hold
(a duplicate post's address, a reconciliation) stay in the client, before the table is asked.
See docs/adding-a-platform.md, "Classifying answers".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import ErrorKind, PublishError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests

# A platform's own words in an error stay short enough for a notification and a table cell.
MAX_MESSAGE = 300

# The platform's own words after a sentence, when it gave some: " LinkedIn said: …".
SAID = QT_TRANSLATE_NOOP("Error", " {label} said: {said}")


def said_briefly(text: object) -> str:
    """A platform's message on one line, at most MAX_MESSAGE characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


@dataclass(frozen=True)
class Answer:
    """What a row is matched against: one failed answer and the call it answered."""

    status: int
    code: str | int | None = None  # the platform's error code (190, "DUPLICATE_POST")
    subcode: int | None = None
    said: str = ""  # the platform's own explanation ("" when it gave none)
    final: bool = False  # the call that makes the post visible
    checking_account: bool = False  # a connection test, not a post
    api: bool = True  # the API's own error body (not a proxy's or a portal's page)
    transient: bool = False  # the platform says trying again may work (Graph's is_transient)
    # What the client knew before this answer, named for the rows that ask ("api_seen": the
    # site's API had answered before).
    facts: frozenset[str] = frozenset()
    response: requests.Response | None = field(default=None, compare=False, repr=False)


# A set of statuses or codes: one value, a range, or any collection.
Codes = int | str | range | Collection[int] | Collection[str] | None


def _matches(codes: Codes, value: object) -> bool:
    if codes is None:
        return True
    if value is None:
        return False
    if isinstance(codes, int | str):
        return value == codes
    return value in codes


@dataclass(frozen=True)
class Row:
    """One line of a platform's table. Every condition given must hold; None means "any"."""

    kind: ErrorKind
    rule: str  # QT_TRANSLATE_NOOP("Error", …) with the table's {named} values
    status: Codes = None
    code: Codes = None
    subcode: Codes = None
    said: re.Pattern[str] | None = None  # searched in the platform's words
    final: bool | None = None
    checking_account: bool | None = None
    api: bool | None = None
    # A condition the fields above cannot say (e.g. "the usage headers report 100 %").
    when: Callable[[Answer], bool] | None = None
    advice: Advice | None = None
    # Values the row adds to the caller's (e.g. a reason looked up by the code).
    values: Callable[[Answer], Mapping[str, Any]] | None = None
    # The error's code when it is not the answer's (Instagram reports the subcode).
    error_code: str | None = None
    reports_subcode: bool = False
    # False: the error carries no code even when the answer had one (a redirect).
    reports_code: bool = True
    # Seconds to wait before trying again (RATE_LIMITED, some TRANSIENT), from the answer.
    retry_after: Callable[[Answer], float | None] | None = None

    def matches(self, answer: Answer) -> bool:
        return (
            _matches(self.status, answer.status)
            and _matches(self.code, answer.code)
            and _matches(self.subcode, answer.subcode)
            and (self.said is None or bool(self.said.search(answer.said)))
            and (self.final is None or self.final == answer.final)
            and (self.checking_account is None or self.checking_account == answer.checking_account)
            and (self.api is None or self.api == answer.api)
            and (self.when is None or self.when(answer))
        )


Table = tuple[Row, ...]


def find_row(table: Table, answer: Answer) -> Row | None:
    """The first row of `table` that `answer` matches."""
    return next((row for row in table if row.matches(answer)), None)


def classify(
    table: Table, answer: Answer, values: Mapping[str, Any], *, code: str | None = None
) -> PublishError:
    """The answer as the PublishError its first matching row says, its rule filled with
    `values` (and the row's own). A table ends with a row matching everything, so an answer
    always finds one; `code` is the error's code when it differs from the answer's."""
    row = find_row(table, answer)
    if row is None:
        raise LookupError(f"no row of the table matches HTTP {answer.status} {answer.code}")
    filled = {**values, **(row.values(answer) if row.values else {})}
    return PublishError(
        row.kind,
        Message(row.rule, filled, "Error", row.advice),
        retry_after=row.retry_after(answer) if row.retry_after else None,
        status=answer.status,
        code=None
        if not row.reports_code
        else row.error_code
        or (_text(answer.subcode) if row.reports_subcode else None)
        or (code if code is not None else _text(answer.code)),
    )


def _text(code: str | int | None) -> str | None:
    return None if code is None else str(code)


def said_after(label: str, said: str | None) -> Message | str:
    """ " {label} said: …" when the platform explained itself, else nothing."""
    return Message(SAID, {"label": label, "said": said}) if said else ""
