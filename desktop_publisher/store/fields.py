"""Column types that keep SQLite's text comparisons correct."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import peewee


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTimeField(peewee.Field):
    """An aware UTC datetime stored as fixed-width text.

    peewee's DateTimeField drops the microseconds when they are zero; a fixed width keeps the
    lexicographic order of the column equal to time order, which the due-post index relies on.
    The text is ISO 8601 ("2026-11-26 09:00:00.000000"): isoformat and fromisoformat read and
    write it about ten times faster than strftime and strptime, and the engine converts many.
    """

    field_type = "TEXT"

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    def python_value(self, value: str | None) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).replace(tzinfo=UTC)


_UTC = UtcDateTimeField()
# The column's text for an aware datetime and back, for code that writes its SQL itself (the
# engine's hot paths, the window's queries): bound methods, no wrapper call.
utc_text = _UTC.db_value
from_utc_text = _UTC.python_value


class JsonField(peewee.TextField):
    def db_value(self, value: object) -> str | None:
        return None if value is None else json.dumps(value, sort_keys=True)

    def python_value(self, value: str | None) -> object:
        return None if value is None else json.loads(value)
