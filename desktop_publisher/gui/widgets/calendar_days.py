"""The calendar's days without Qt: which days a month or week page shows, how a page moves, and
how a day's counts become its badges and their lines. The view (calendar_view.py) and its grid
(calendar_grid.py) ask these; tests/gui/test_calendar_days.py holds them."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_publisher.lifecycle import PENDING, Status

MONTH = "month"
WEEK = "week"

# What a day cell shows, in this order: problems first, then what waits, then what is done.
BADGES: tuple[str, ...] = (
    Status.FAILED,
    Status.NEEDS_CHECK,
    Status.SCHEDULED,  # scheduled + queued + publishing: still to go out
    Status.PUBLISHED,
    Status.CANCELLED,
)
_WAITING = (*PENDING, Status.PUBLISHING)


def badge_counts(by_status: dict[str, int]) -> list[tuple[str, int]]:
    """(status whose icon to show, n) for a day, waiting statuses folded into one badge."""
    folded = dict(by_status)
    folded[Status.SCHEDULED] = sum(folded.pop(s, 0) for s in _WAITING)
    return [(s, folded[s]) for s in BADGES if folded.get(s)]


def week_start(day: date, first_weekday: int) -> date:
    """The first day (Python weekday 0=Monday) of the week holding `day`."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def visible_days(mode: str, anchor: date, first_weekday: int) -> list[date]:
    """A month page: six whole weeks from the week holding the 1st; a week page: its 7 days."""
    if mode == MONTH:
        start = week_start(anchor, first_weekday)
        return [start + timedelta(days=i) for i in range(42)]
    return [anchor + timedelta(days=i) for i in range(7)]


def page_days(mode: str, anchor: date) -> tuple[date, date]:
    """The month or week on display, first and last day."""
    if mode == MONTH:
        nxt = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        return anchor, nxt - timedelta(days=1)
    return anchor, anchor + timedelta(days=6)


def page_anchor(mode: str, day: date, first_weekday: int) -> date:
    """The first day of the page that shows `day`: the 1st of its month, or its week's start."""
    return day.replace(day=1) if mode == MONTH else week_start(day, first_weekday)


def stepped(mode: str, anchor: date, direction: int) -> date:
    """The anchor of the next (1) or previous (-1) month or week."""
    if mode == MONTH:
        month = anchor.month - 1 + direction
        return date(anchor.year + month // 12, month % 12 + 1, 1)
    return anchor + timedelta(days=7 * direction)


def badge_lines(widths: list[int], room: int, gap: int, wrap: bool) -> list[list[int]]:
    """The badges (by their widths) laid out in lines of at most `room` (a badge wider than the
    room gets a line of its own); without `wrap`, one line. Gives the badges' indexes per line."""
    lines: list[list[int]] = [[]]
    used = 0
    for i, width in enumerate(widths):
        if wrap and lines[-1] and used + gap + width > room:
            lines.append([])
            used = 0
        lines[-1].append(i)
        used += width + (gap if len(lines[-1]) > 1 else 0)
    return lines
