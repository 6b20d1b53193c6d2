"""The calendar on the left: a month or a week, each day with how many posts it holds and in
which state (a status icon and a number — never colour alone), today marked, a click filters the
queue to that day (a second click, or "All", clears it). The days and badges are worked out in
calendar_days.py, painted in calendar_grid.py.

Moving between months is one grouped query for the visible days (store.queries.day_counts:
one index range scan per day), never a load of rows, so it stays instant with 100k posts.
"""

from __future__ import annotations

from datetime import date, datetime

import peewee
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.widgets import calendar_days
from desktop_publisher.gui.widgets.calendar_days import MONTH, WEEK, badge_counts, week_start
from desktop_publisher.gui.widgets.calendar_grid import DayGrid
from desktop_publisher.store import queries
from desktop_publisher.store.queries import QueueFilter

__all__ = ["MONTH", "WEEK", "CalendarView", "badge_counts", "week_start"]


class CalendarView(QWidget):
    """Month or week; `daySelected(date | None)` when the user picks or clears a day."""

    daySelected = Signal(object)
    pageChanged = Signal()  # another month or week is shown
    modeChanged = Signal(str)

    def __init__(self, db: peewee.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.mode = MONTH
        self.today = datetime.now(timefmt.zone()).date()
        self.anchor = self.today.replace(day=1)  # first of the month, or the week's first day
        self.selected: date | None = None
        self.focus_day = self.today
        self.highlight: tuple[date, date] | None = None  # [first, last] shown in the queue
        self.counts: dict[date, dict[str, int]] = {}
        self._filter = QueueFilter()
        from PySide6.QtCore import QLocale

        self._locale = QLocale()
        # Qt: Monday=1 … Sunday=7; Python: Monday=0.
        self.first_weekday = self._locale.firstDayOfWeek().value - 1

        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setAutoRaise(True)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setAutoRaise(True)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title_font = self.title.font()
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setAutoRaise(True)
        self.month_button = QToolButton(self)
        self.month_button.setText(self.tr("Month"))
        self.week_button = QToolButton(self)
        self.week_button.setText(self.tr("Week"))
        self.all_button = QToolButton(self)
        self.all_button.setText(self.tr("All days"))
        self.all_button.setToolTip(self.tr("Show every day in the queue"))
        self.all_button.setAutoRaise(True)
        modes = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            button.setAutoRaise(True)
            modes.addButton(button)
        self.month_button.setChecked(True)

        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.prev_button.setAccessibleName(self.tr("Previous"))
        self.next_button.setAccessibleName(self.tr("Next"))

        self.grid = DayGrid(self)
        self.grid.setAccessibleName(self.tr("Calendar"))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.prev_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.next_button)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.month_button)
        below.addWidget(self.week_button)
        below.addStretch(1)
        below.addWidget(self.today_button)
        below.addWidget(self.all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.grid)
        layout.addLayout(below)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_button.clicked.connect(lambda: self.set_mode(MONTH))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))
        self.all_button.clicked.connect(lambda: self.select(None))
        self.grid.clicked.connect(self._clicked)
        self.grid.keyMoved.connect(self._key_moved)
        self._update_title()
        self.refresh()

    # --- what is shown -------------------------------------------------------------------------
    def visible_days(self) -> list[date]:
        return calendar_days.visible_days(self.mode, self.anchor, self.first_weekday)

    def visible_range_utc(self) -> tuple[datetime, datetime]:
        days = self.visible_days()
        tz = timefmt.zone()
        return (
            queries.local_day_bounds(days[0], tz)[0],
            queries.local_day_bounds(days[-1], tz)[1],
        )

    def page_days(self) -> tuple[date, date]:
        """The month or week on display, first and last day."""
        return calendar_days.page_days(self.mode, self.anchor)

    def locale_day_name(self, weekday: int) -> str:
        from PySide6.QtCore import QLocale

        return self._locale.standaloneDayName(weekday + 1, QLocale.FormatType.ShortFormat)

    def in_highlight(self, day: date) -> bool:
        return self.highlight is not None and self.highlight[0] <= day <= self.highlight[1]

    def describe(self, day: date) -> str:
        by_status = self.counts.get(day, {})
        parts = [statuses.counted(s, by_status[s]) for s in statuses.ORDER if by_status.get(s)]
        summary = ", ".join(parts) if parts else self.tr("No posts")
        return f"{timefmt.day_long(day)}\n{summary}"

    def counts_for(self, day: date) -> dict[str, int]:
        return dict(self.counts.get(day, {}))

    # --- changes -------------------------------------------------------------------------------
    def set_filter(self, flt: QueueFilter) -> None:
        flt = flt.without_range()
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def refresh(self) -> None:
        """Count the visible days again (one grouped query)."""
        now_day = datetime.now(timefmt.zone()).date()
        if now_day != self.today:
            self.today = now_day  # the app ran past midnight
        start, end = self.visible_range_utc()
        self.counts = queries.day_counts(self.db, start, end, timefmt.zone(), self._filter)
        self.grid.update()

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.month_button.setChecked(mode == MONTH)
        self.week_button.setChecked(mode == WEEK)
        focus = self.selected or self.focus_day
        self._show_page_of(focus)
        self.grid.updateGeometry()
        self.modeChanged.emit(mode)

    def _show_page_of(self, day: date) -> None:
        anchor = calendar_days.page_anchor(self.mode, day, self.first_weekday)
        changed = anchor != self.anchor
        self.anchor = anchor
        if not self.focus_day or self.focus_day not in self.visible_days():
            self.focus_day = day
        self._update_title()
        self.refresh()
        if changed:
            self.pageChanged.emit()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) month or week."""
        anchor = calendar_days.stepped(self.mode, self.anchor, direction)
        self.focus_day = anchor
        self._show_page_of(anchor)

    def go_today(self) -> None:
        self.focus_day = self.today
        self._show_page_of(self.today)

    def show_day(self, day: date) -> None:
        """Bring a day into view without choosing it."""
        self.focus_day = day
        self._show_page_of(day)

    def select(self, day: date | None, emit: bool = True) -> None:
        if day is not None:
            self.focus_day = day
            if day not in self.visible_days() or (
                self.mode == MONTH and day.month != self.anchor.month
            ):
                self._show_page_of(day)
        changed = day != self.selected
        self.selected = day
        self.all_button.setEnabled(day is not None)
        self.grid.update()
        if emit and changed:
            self.daySelected.emit(day)

    def set_highlight(self, first_last: tuple[date, date] | None) -> None:
        if first_last != self.highlight:  # a refresh sets the same range again: no repaint
            self.highlight = first_last
            self.grid.update()

    def _clicked(self, day: date) -> None:
        # A second click on the chosen day shows every day again.
        self.select(None if day == self.selected else day)

    def _key_moved(self, day: date) -> None:
        self.focus_day = day
        if day not in self.visible_days() or (
            self.mode == MONTH and day.month != self.anchor.month
        ):
            self._show_page_of(day)
        self.grid.update()

    def _update_title(self) -> None:
        if self.mode == MONTH:
            self.title.setText(timefmt.month_title(self.anchor))
        else:
            first, last = self.page_days()
            self.title.setText(timefmt.day_span(first, last))
        self.all_button.setEnabled(self.selected is not None)
