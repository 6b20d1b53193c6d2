"""Above the queue: the range buttons (day, week, month, upcoming, all), the status and platform
choices, and the range's heading with its count. Holds the range (kind, anchor day, order), turns
it with the other choices into the queue's filter, and changes it as the user picks a range, a
day or a page in the calendar, or the time column's order (each change applies the filter)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.widgets.calendar_view import MONTH, WEEK, CalendarView, week_start
from desktop_publisher.gui.widgets.queue_model import Column
from desktop_publisher.lifecycle import DRAFT
from desktop_publisher.store import queries
from desktop_publisher.store.models import Status
from desktop_publisher.store.queries import QueueFilter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QHeaderView, QLineEdit

    from desktop_publisher.gui.window.accounts_sidebar import AccountsSidebar

DAY, WEEK_RANGE, MONTH_RANGE, UPCOMING, ALL = "day", "week", "month", "upcoming", "all"
# What the window opens on: from today on, drafts on top. Past problems stay visible in the
# calendar and the status line, whose counts lead to them ("Needs attention").
DEFAULT_RANGE = UPCOMING


class FilterBar(QObject):
    """The filter widgets (made with `parent` as their parent) and the range they choose."""

    def __init__(
        self,
        parent: QWidget,
        calendar: CalendarView,
        range_actions: list[tuple[str, QAction]],
        search: QLineEdit,
        sidebar: AccountsSidebar,
        apply: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.search = search
        self.sidebar = sidebar
        self.apply = apply  # the window's: the filter to the queue, the calendar, the heading
        self.range_kind = DEFAULT_RANGE
        self.anchor: date = datetime.now(timefmt.zone()).date()
        self.descending = False
        self.range_buttons = QButtonGroup(parent)
        ranges = QHBoxLayout()
        ranges.setSpacing(2)
        for kind, action in range_actions:
            button = QToolButton(parent)
            button.setText(action.text())
            button.setToolTip(action.toolTip())
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setProperty("range", kind)
            self.range_buttons.addButton(button)
            ranges.addWidget(button)
        self.range_label = QLabel(parent)
        self.range_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A heading line of its own: beside the filters it was cut at common window widths.
        self.range_label.setContentsMargins(6, 2, 6, 4)
        self.range_label.setMinimumWidth(60)
        self.range_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        heading_font = QFont(self.range_label.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.range_label.setFont(heading_font)
        self.status_combo = QComboBox(parent)
        self.status_combo.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Show posts with status")
        )
        self.status_combo.addItem(
            QCoreApplication.translate("MainWindow", "All statuses"), frozenset()
        )
        self.status_combo.addItem(
            statuses.icon(Status.FAILED),
            QCoreApplication.translate("MainWindow", "Needs attention"),
            frozenset(statuses.PROBLEMS),
        )
        self.status_combo.insertSeparator(self.status_combo.count())
        for status in statuses.ORDER:
            self.status_combo.addItem(
                statuses.icon(status), statuses.label(status), frozenset({status})
            )
        self.status_combo.insertSeparator(self.status_combo.count())
        self.status_combo.addItem(
            statuses.icon(DRAFT),
            QCoreApplication.translate("MainWindow", "Drafts"),
            frozenset({DRAFT}),
        )
        self.platform_combo = QComboBox(parent)
        self.platform_combo.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Show posts for platform")
        )
        self.platform_combo.addItem(QCoreApplication.translate("MainWindow", "All platforms"), None)
        self.widget = QWidget(parent)
        bar_layout = QHBoxLayout(self.widget)
        bar_layout.setContentsMargins(4, 4, 4, 4)
        bar_layout.addLayout(ranges)
        bar_layout.addStretch(1)
        bar_layout.addWidget(self.status_combo)
        bar_layout.addWidget(self.platform_combo)
        self.range_buttons.buttonClicked.connect(self._range_button_clicked)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply())
        self.platform_combo.currentIndexChanged.connect(lambda _i: self.apply())
        calendar.daySelected.connect(self._day_selected)
        calendar.pageChanged.connect(self._calendar_page_changed)

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The range's start and end (None: open)."""
        start = end = None
        tz = timefmt.zone()
        if self.range_kind == DAY:
            start, end = queries.local_day_bounds(self.anchor, tz)
        elif self.range_kind == WEEK_RANGE:
            first = week_start(self.anchor, self.calendar.first_weekday)
            start = queries.local_day_bounds(first, tz)[0]
            end = queries.local_day_bounds(first + timedelta(days=6), tz)[1]
        elif self.range_kind == MONTH_RANGE:
            first = self.anchor.replace(day=1)
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            start = queries.local_day_bounds(first, tz)[0]
            end = queries.local_day_bounds(nxt, tz)[0]
        elif self.range_kind == UPCOMING:
            start = queries.local_day_bounds(datetime.now(tz).date(), tz)[0]
        return start, end

    def queue_filter(self, account_ids: frozenset[int] | None, text: str) -> QueueFilter:
        start, end = self.bounds()
        platform = self.platform_combo.currentData()
        return QueueFilter(
            statuses=self.status_combo.currentData() or frozenset(),
            platforms=frozenset({platform}) if platform else frozenset(),
            account_ids=account_ids,
            start=start,
            end=end,
            text=text,
            descending=self.descending,
            drafts=True if self.range_kind == UPCOMING else None,
        )

    def range_anchor(self) -> date:
        """The day a day, week or month range is chosen around."""
        if self.calendar.selected is not None:
            return self.calendar.selected
        if self.range_kind not in (ALL, UPCOMING):
            return self.anchor
        first, last = self.calendar.page_days()
        today = self.calendar.today
        return today if first <= today <= last else first

    def show_range(self, total: int | None) -> None:
        """The buttons, the calendar's highlight and the heading; `total` None: being read."""
        for button in self.range_buttons.buttons():
            button.setChecked(button.property("range") == self.range_kind)
        if self.range_kind == DAY:
            text = timefmt.day_medium(self.anchor)
            self.calendar.set_highlight((self.anchor, self.anchor))
        elif self.range_kind == WEEK_RANGE:
            first = week_start(self.anchor, self.calendar.first_weekday)
            last = first + timedelta(days=6)
            text = timefmt.day_span(first, last)
            self.calendar.set_highlight((first, last))
        elif self.range_kind == MONTH_RANGE:
            text = timefmt.month_title(self.anchor)
            self.calendar.set_highlight(None)
        elif self.range_kind == UPCOMING:
            text = QCoreApplication.translate("MainWindow", "From today")
            self.calendar.set_highlight(None)
        else:
            text = QCoreApplication.translate("MainWindow", "All posts")
            self.calendar.set_highlight(None)
        if total is None:
            self.range_label.setText(f"<b>{html.escape(text)}</b>")
            self.range_label.setToolTip(text)
            return
        count = QCoreApplication.translate("MainWindow", "%Ln post(s)", "", total)
        self.range_label.setText(f"<b>{html.escape(text)}</b> · {html.escape(count)}")
        self.range_label.setToolTip(f"{text} · {count}")

    def set_platforms(self, platforms: list[str]) -> None:
        """The platform choice offers the accounts' platforms; the chosen one stays."""
        current = self.platform_combo.currentData()
        self.platform_combo.blockSignals(True)
        self.platform_combo.clear()
        self.platform_combo.addItem(QCoreApplication.translate("MainWindow", "All platforms"), None)
        for platform in platforms:
            self.platform_combo.addItem(
                icons.platform_icon(platform), platform_label(platform), platform
            )
        index = self.platform_combo.findData(current)
        self.platform_combo.setCurrentIndex(max(index, 0))
        self.platform_combo.blockSignals(False)

    # --- the user changes the range ------------------------------------------------------------
    def set_range(self, kind: str) -> None:
        """Day, week, month (around the chosen or shown day) or all posts."""
        if kind in (DAY, WEEK_RANGE, MONTH_RANGE):
            self.anchor = self.range_anchor()
        self.range_kind = kind
        self.calendar.select(self.anchor if kind == DAY else None, emit=False)
        if kind == WEEK_RANGE:
            self.calendar.set_mode(WEEK)
            self.calendar.show_day(self.anchor)
        elif kind == MONTH_RANGE:
            self.calendar.set_mode(MONTH)
            self.calendar.show_day(self.anchor)
        self.apply()

    def show_problems(self) -> None:
        """Every failed or unchecked post, whenever it was due."""
        self.reset_choices()
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(self.status_combo.findData(frozenset(statuses.PROBLEMS)))
        self.status_combo.blockSignals(False)
        self.calendar.select(None, emit=False)
        self.set_range(ALL)

    def clear(self) -> None:
        """All posts, every status, platform and account, no search."""
        self.reset_choices()
        self.calendar.select(None, emit=False)
        self.set_range(ALL)

    def reset_choices(self) -> None:
        """Every status, platform and account, no search; applies nothing."""
        for widget in (self.status_combo, self.platform_combo, self.search):
            widget.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.platform_combo.setCurrentIndex(0)
        self.search.clear()
        self.sidebar.check_all()
        for widget in (self.status_combo, self.platform_combo, self.search):
            widget.blockSignals(False)

    def sort_clicked(self, section: int, header: QHeaderView) -> None:
        # Only time order is offered (the queue pages by time): another column keeps it.
        if section == Column.TIME:
            self.descending = not self.descending
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(Column.TIME, order)
        if section == Column.TIME:
            self.apply()

    def _range_button_clicked(self, button: QAbstractButton) -> None:
        self.set_range(str(button.property("range")))

    def _day_selected(self, day: date | None) -> None:
        if day is None:
            self.range_kind = ALL
        else:
            self.anchor, self.range_kind = day, DAY
        self.apply()

    def _calendar_page_changed(self) -> None:
        # In week or month range the queue follows the calendar's page.
        if self.range_kind in (WEEK_RANGE, MONTH_RANGE):
            self.anchor = self.calendar.page_days()[0]
            self.apply()
