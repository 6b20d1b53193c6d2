"""Dates and times as the user reads them: local zone, the locale's day and month names."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QLocale, QTime

from desktop_publisher.when import in_zone, local_zone

# A time chosen this close to now is "now", not the past (the user clicked a moment ago).
PAST_SLACK = timedelta(seconds=30)


def zone() -> tzinfo:
    return local_zone()


def to_local(moment: datetime) -> datetime:
    """`moment` in the local zone (in UTC at the very end of the calendar: see when.in_zone)."""
    return in_zone(moment, zone())


def zone_name(tz: tzinfo | None = None) -> str:
    """'Europe/Warsaw' (the IANA key when there is one)."""
    tz = tz or zone()
    return str(getattr(tz, "key", None) or tz)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_short(day: date) -> str:
    """'Tue 24 Nov'"""
    return QLocale().toString(qdate(day), "ddd d MMM")


def day_label(day: date, today: date | None = None) -> str:
    """'Tue 24 Nov' this year, '24 Nov 2025' in another (about as wide, so a column fits both)."""
    today = today or datetime.now(zone()).date()
    if day.year == today.year:
        return day_short(day)
    return QLocale().toString(qdate(day), "d MMM yyyy")


def day_medium(day: date) -> str:
    """'Tue 24 Nov 2026': fits the queue's range line beside the filters."""
    return QLocale().toString(qdate(day), "ddd d MMM yyyy")


def day_long(day: date) -> str:
    """'Tuesday, 24 November 2026' in the locale's own format."""
    return QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)


def day_span(first: date, last: date) -> str:
    """'23 – 29 Nov 2026', '30 Nov – 6 Dec 2026', '29 Dec 2026 – 4 Jan 2027'."""
    locale = QLocale()
    end = locale.toString(qdate(last), "d MMM yyyy")
    if first.year != last.year:
        return f"{locale.toString(qdate(first), 'd MMM yyyy')} – {end}"
    if first.month != last.month:
        return f"{locale.toString(qdate(first), 'd MMM')} – {end}"
    return f"{first.day} – {end}"


def month_title(day: date) -> str:
    """'November 2026'; 'Listopad 2026' in Polish: the month's name on its own (the nominative),
    not the form a date uses ('24 listopada')."""
    name = QLocale().standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def clock(moment: datetime) -> str:
    """'09:00' (or '9:00 AM' where the locale says so), in the local zone."""
    local = to_local(moment)
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def when(moment: datetime | None, with_zone: bool = False) -> str:
    """'Tue 24 Nov 2026, 09:00' (+ ' CET' with_zone), in the local zone."""
    if moment is None:
        return "—"
    local = to_local(moment)
    text = f"{day_medium(local.date())}, {clock(moment)}"
    if with_zone:
        text += f" {local.tzname() or ''}".rstrip()
    return text
