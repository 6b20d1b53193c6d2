"""The calendar's days and badges alone (calendar_days.py): no widget, no database."""

from __future__ import annotations

from datetime import date

from desktop_publisher.gui.widgets.calendar_days import (
    MONTH,
    WEEK,
    badge_counts,
    badge_lines,
    page_anchor,
    page_days,
    stepped,
    visible_days,
)

MONDAY, SUNDAY = 0, 6


def test_a_month_page_is_six_whole_weeks_from_the_week_holding_the_first() -> None:
    # March 2026 begins on a Sunday.
    days = visible_days(MONTH, date(2026, 3, 1), MONDAY)
    assert len(days) == 42
    assert days[0] == date(2026, 2, 23) and days[0].weekday() == MONDAY
    assert days[6] == date(2026, 3, 1)
    assert days[-1] == date(2026, 4, 5)
    sunday_first = visible_days(MONTH, date(2026, 3, 1), SUNDAY)
    assert sunday_first[0] == date(2026, 3, 1)


def test_a_week_page_is_its_seven_days() -> None:
    assert visible_days(WEEK, date(2026, 3, 2), MONDAY) == [date(2026, 3, d) for d in range(2, 9)]


def test_a_page_knows_its_first_and_last_day_and_the_anchor_of_any_of_its_days() -> None:
    assert page_days(MONTH, date(2024, 2, 1)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert page_days(MONTH, date(2025, 12, 1)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert page_days(WEEK, date(2026, 3, 2)) == (date(2026, 3, 2), date(2026, 3, 8))
    assert page_anchor(MONTH, date(2026, 3, 17), MONDAY) == date(2026, 3, 1)
    assert page_anchor(WEEK, date(2026, 3, 8), MONDAY) == date(2026, 3, 2)
    assert page_anchor(WEEK, date(2026, 3, 8), SUNDAY) == date(2026, 3, 8)


def test_stepping_crosses_years_and_weeks() -> None:
    assert stepped(MONTH, date(2025, 12, 1), 1) == date(2026, 1, 1)
    assert stepped(MONTH, date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert stepped(WEEK, date(2025, 12, 29), 1) == date(2026, 1, 5)
    assert stepped(WEEK, date(2026, 1, 5), -1) == date(2025, 12, 29)


def test_waiting_posts_share_one_badge_and_problems_come_first() -> None:
    counts = {"published": 2, "queued": 1, "scheduled": 3, "publishing": 1, "needs_check": 1}
    assert badge_counts(counts) == [("needs_check", 1), ("scheduled", 5), ("published", 2)]
    assert badge_counts({}) == []


def test_badges_wrap_into_lines_that_fit_the_cell() -> None:
    # 10 + 3 + 10 = 23 fits in 25; a third badge does not.
    assert badge_lines([10, 10, 10], room=25, gap=3, wrap=True) == [[0, 1], [2]]
    assert badge_lines([10, 10, 10], room=36, gap=3, wrap=True) == [[0, 1, 2]]
    # A badge wider than the cell still gets a line of its own, never an empty line.
    assert badge_lines([40, 5], room=20, gap=3, wrap=True) == [[0], [1]]
    # The week list never wraps.
    assert badge_lines([10, 10, 10], room=5, gap=3, wrap=False) == [[0, 1, 2]]
