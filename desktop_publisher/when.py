"""Parsing the times users type: ISO 8601 (no offset = local time), "now", "now+5m"."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import tzlocal

from desktop_publisher.errors import UserError

_RELATIVE = re.compile(r"^now\s*(?:\+\s*(\d+)\s*([smhd]))?$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def local_zone() -> ZoneInfo:
    return tzlocal.get_localzone()


def parse_when(text: str, now: datetime | None = None, field: str = "--at") -> datetime:
    """An aware UTC datetime. Raises UserError naming the field and the accepted forms."""
    now = now or datetime.now(UTC)
    raw = (text or "").strip()
    match = _RELATIVE.match(raw)
    if match:
        amount, unit = match.groups()
        if amount is None:
            return now
        return now + timedelta(**{_UNITS[unit.lower()]: int(amount)})
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise UserError(
            f"{field}: {text!r} is not a date and time. Use ISO 8601 like 2026-12-01T09:30 "
            '(local time), 2026-12-01T09:30+01:00, "now" or "now+10m".'
        ) from None
    if parsed.tzinfo is None:
        zone = local_zone()
        moment, oddity = resolve_local(parsed, zone)
        if oddity == "missing":
            raise UserError(
                f"{field}: {raw} does not exist in {zone} (the clocks skip it at a daylight "
                "saving change); choose another time or give an offset."
            )
        return moment
    return parsed.astimezone(UTC)


def resolve_local(wall: datetime, zone: tzinfo) -> tuple[datetime, str | None]:
    """A naive wall-clock time in `zone` as an aware UTC time, and what is odd about it:
    "missing" (the clocks skip it at a DST change), "ambiguous" (it happens twice; the first
    one is used) or None."""
    early = wall.replace(tzinfo=zone, fold=0)
    late = wall.replace(tzinfo=zone, fold=1)
    # A wall time skipped by a DST change does not survive a round trip through UTC.
    back = early.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != wall:
        return early.astimezone(UTC), "missing"
    if early.utcoffset() != late.utcoffset():
        return early.astimezone(UTC), "ambiguous"
    return early.astimezone(UTC), None


def next_full_hour(now: datetime) -> datetime:
    """The usual answer to "when?" (in `now`'s zone)."""
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def format_local(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M %Z")


def iso_utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
