"""Parsing the times users type: ISO 8601 (no offset = local time), "now", "now+5m"."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
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
        localized = parsed.replace(tzinfo=zone)
        # A wall time skipped by a DST change does not survive a round trip through UTC.
        roundtrip = localized.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if roundtrip != parsed:
            raise UserError(
                f"{field}: {raw} does not exist in {zone} (the clocks skip it at a daylight "
                "saving change); choose another time or give an offset."
            )
        parsed = localized
    return parsed.astimezone(UTC)


def format_local(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M %Z")


def iso_utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
