"""Parsing the times users type: ISO 8601 (no offset = local time), "now", "now+5m".

A time that cannot be used is a UserError about the field it was given for (`field`: "at",
"expires"; errors.py): the command line names it by its option (cli/output.py), and the
message itself starts with `field` as given, which is how the window, passing its own label
for the field, shows it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import tzlocal

from desktop_publisher.errors import UserError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

_RELATIVE = re.compile(r"^now\s*(?:\+\s*(\d+)\s*([smhd]))?$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}

# How far ahead a time may be: posts are scheduled at most this far ahead, and a token's expiry
# is not set further. Ten years is far beyond any plan (platform tokens last 60 days, API versions
# about a year) yet catches a mistyped year (2062 for 2026), and keeps every time the app stores
# within the calendar in every zone: 9999-12-31T23:30Z is already the year 10000 east of
# Greenwich, which no date type can show.
MAX_AHEAD = timedelta(days=3653)
# The other end: the past is refused where a time must be ahead (posts.py says "in the past");
# only the first days of the calendar, which have no local time west of Greenwich, are refused
# here.
EARLIEST = datetime(1, 1, 3, tzinfo=UTC)
OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Error", "{field}: {when} is out of range; give a time between now and ten years from now."
)
# The same words without the field, for a front end that names the field itself.
_OUT_OF_RANGE_DETAIL = "{when} is out of range; give a time between now and ten years from now."


def local_zone() -> ZoneInfo:
    return tzlocal.get_localzone()


def parse_when(text: str, now: datetime | None = None, field: str = "at") -> datetime:
    """An aware UTC datetime. Raises UserError about `field`, saying the accepted forms."""
    return parse_when_noting(text, now, field)[0]


def parse_when_noting(
    text: str, now: datetime | None = None, field: str = "at"
) -> tuple[datetime, str | None]:
    """parse_when, and a note for the user when the time needed a choice: a local time that
    happens twice at a daylight saving change (the first one is taken, as the editor does).
    The note does not name the field: the caller puts its name for it in front."""
    now = now or datetime.now(UTC)
    raw = (text or "").strip()
    try:
        moment, note = _parse(raw, text, now, field)
    except OverflowError:
        # Beyond the calendar (now+999999999d, the year 1 east of Greenwich).
        raise out_of_range(field, raw) from None
    if not EARLIEST <= moment <= now + MAX_AHEAD:
        raise out_of_range(field, raw)
    return moment, note


def _parse(raw: str, text: str, now: datetime, field: str) -> tuple[datetime, str | None]:
    match = _RELATIVE.match(raw)
    if match:
        amount, unit = match.groups()
        if amount is None:
            return now, None
        try:
            return now + timedelta(**{_UNITS[unit.lower()]: int(amount)}), None
        except ValueError:  # more digits than Python converts: beyond the calendar too
            raise OverflowError(amount) from None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise _about(
            field,
            f"{text!r} is not a date and time. Use ISO 8601 like 2026-12-01T09:30 "
            '(local time), 2026-12-01T09:30+01:00, "now" or "now+10m".',
        ) from None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC), None
    zone = local_zone()
    moment, oddity = resolve_local(parsed, zone)
    if oddity == "missing":
        raise _about(
            field,
            f"{raw} does not exist in {zone} (the clocks skip it at a daylight saving change); "
            "choose another time or give an offset.",
        )
    if oddity == "ambiguous":
        first = moment.astimezone(zone)
        second = parsed.replace(tzinfo=zone, fold=1)
        return moment, (
            f"{parsed:%Y-%m-%d %H:%M} happens twice in {zone} (the clocks go back); "
            f"the first one ({first.tzname()}, UTC{_offset(first)}) is used. For the second "
            f"one, give {parsed:%Y-%m-%dT%H:%M}{_offset(second)}."
        )
    return moment, None


def _offset(moment: datetime) -> str:
    """'+02:00'"""
    return moment.isoformat(timespec="minutes")[-6:]


def _about(field: str, detail: str) -> UserError:
    """An error about `field`: `detail` with the field's name in front."""
    return UserError(f"{field}: {detail}").about(field, detail)


def out_of_range(field: str, when: str) -> UserError:
    shown = when if len(when) <= 40 else when[:39] + "…"
    return UserError.translatable(OUT_OF_RANGE, field=field, when=shown).about(
        field, _OUT_OF_RANGE_DETAIL.format(when=shown)
    )


def resolve_local(wall: datetime, zone: tzinfo) -> tuple[datetime, str | None]:
    """A naive wall-clock time in `zone` as an aware UTC time, and what is odd about it:
    "missing" (the clocks skip it at a DST change), "ambiguous" (it happens twice; the first
    one is used) or None. OverflowError at the very ends of the calendar."""
    early = wall.replace(tzinfo=zone, fold=0)
    late = wall.replace(tzinfo=zone, fold=1)
    # A wall time skipped by a DST change does not survive a round trip through UTC.
    back = early.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != wall:
        return early.astimezone(UTC), "missing"
    if early.utcoffset() != late.utcoffset():
        return early.astimezone(UTC), "ambiguous"
    return early.astimezone(UTC), None


def latest(now: datetime | None = None) -> datetime:
    """The latest time a post may be scheduled for."""
    return (now or datetime.now(UTC)) + MAX_AHEAD


def next_full_hour(now: datetime) -> datetime:
    """The usual answer to "when?" (in `now`'s zone)."""
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` in `zone`; in UTC when it has no time there: a time at the very end of the
    calendar, stored by an older version that took any date (9999-12-31T23:30Z is the year
    10000 in Warsaw), is shown in UTC rather than failing the whole listing or window."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment.astimezone(UTC)


def format_local(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    local = in_zone(moment, local_zone())
    # isoformat, not strftime: it writes the year with four digits in every C library.
    return f"{local.isoformat(' ', 'minutes')[:16]} {local.tzname()}"


def iso_utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
