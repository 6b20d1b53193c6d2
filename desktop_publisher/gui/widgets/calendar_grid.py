"""The calendar on the left: a month or a week, each day with how many posts it holds and in
which state (a status icon and a number — never colour alone), today marked, a click filters the
queue to that day (a second click, or "All", clears it).

Moving between months is one grouped query for the visible days (store.queries.day_counts:
one index range scan per day), never a load of rows, so it stays instant with 100k posts.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import peewee
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.lifecycle import PENDING, Status
from desktop_publisher.store import queries
from desktop_publisher.store.queries import QueueFilter

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


_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_HCENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)


class _Look:
    """The colours, fonts and line height of one paint of the grid (read once, not per cell)."""

    def __init__(self, grid: QWidget) -> None:
        palette = grid.palette()
        self.palette = palette
        self.line = grid.fontMetrics().height()
        self.focused = grid.hasFocus()
        self.text = palette.color(QPalette.ColorRole.Text)
        self.placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.range_fill = QColor(self.highlight)
        self.range_fill.setAlpha(40)
        self.selected_fill = QColor(self.highlight)
        self.selected_fill.setAlpha(70)
        self.bold = QFont(grid.font())
        self.bold.setBold(True)
        self.small = QFont(grid.font())
        self.small.setPointSizeF(max(6.5, self.small.pointSizeF() * 0.8))
        self._small_metrics: QFontMetrics | None = None
        self._colours: dict[str, QColor] = {}

    def small_metrics(self) -> QFontMetrics:
        if self._small_metrics is None:
            self._small_metrics = QFontMetrics(self.small)
        return self._small_metrics

    def status_colour(self, status: str) -> QColor:
        colour = self._colours.get(status)
        if colour is None:
            colour = statuses.colour(status, self.palette) or self.text
            self._colours[status] = colour
        return colour


class _DayGrid(QWidget):
    """Paints the days and turns clicks and keys into a chosen day."""

    clicked = Signal(object)  # date
    keyMoved = Signal(object)  # date chosen with the keyboard

    def __init__(self, calendar: CalendarView) -> None:
        super().__init__(calendar)
        self.cal = calendar
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._pixmaps: dict[tuple[str, float], QPixmap] = {}

    # --- geometry ------------------------------------------------------------------------------
    def _line(self) -> int:
        return self.fontMetrics().height()

    # `line` is the font's line height (read once a paint).
    def _header_height(self, line: int) -> int:
        return line + 6 if self.cal.mode == MONTH else 0

    def _cell_height(self, line: int) -> int:
        return line * 2 + 18 if self.cal.mode == MONTH else line + 14

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self._line()
        rows = 6 if self.cal.mode == MONTH else 7
        return QSize(7 * 38, self._header_height(line) + rows * self._cell_height(line) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def day_rect(self, day: date) -> QRect:
        days = self.cal.visible_days()
        if day not in days:
            return QRect()
        return self._cell_rect(days.index(day), self._line())

    def _cell_rect(self, i: int, line: int) -> QRect:
        """The i-th visible day's cell."""
        cell = self._cell_height(line)
        if self.cal.mode == MONTH:
            width = self.width() / 7
            row, col = divmod(i, 7)
            left = int(col * width)
            top = self._header_height(line) + row * cell
            return QRect(left, top, int((col + 1) * width) - left, cell)
        return QRect(0, i * cell, self.width(), cell)

    def day_at(self, pos: QPoint) -> date | None:
        line = self._line()
        for i, day in enumerate(self.cal.visible_days()):
            if self._cell_rect(i, line).contains(pos):
                return day
        return None

    # --- painting ------------------------------------------------------------------------------
    def _pixmap(self, status: str, size: int) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (status, ratio)
        if key not in self._pixmaps:
            self._pixmaps[key] = statuses.icon(status).pixmap(QSize(size, size), ratio)
        return self._pixmaps[key]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # What every cell needs is read once here: a paint draws 42 cells, and each Qt call from
        # Python costs (the calendar repaints after every change while posts publish).
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = _Look(self)
        if self.cal.mode == MONTH:
            self._paint_weekday_names(painter, look)
        for i, day in enumerate(self.cal.visible_days()):
            self._paint_day(painter, look, day, self._cell_rect(i, look.line))
        painter.end()

    def _paint_weekday_names(self, painter: QPainter, look: _Look) -> None:
        painter.setPen(look.placeholder)
        width = self.width() / 7
        for col in range(7):
            weekday = (self.cal.first_weekday + col) % 7
            name = self.cal.locale_day_name(weekday)
            rect = QRect(int(col * width), 0, int(width), self._header_height(look.line))
            painter.drawText(rect, _CENTRE, name)

    def _paint_day(self, painter: QPainter, look: _Look, day: date, cell: QRect) -> None:
        rect = cell.adjusted(1, 1, -1, -1)
        cal = self.cal
        in_page = cal.mode == WEEK or day.month == cal.anchor.month
        if cal.in_highlight(day):
            painter.fillRect(rect, look.range_fill)
        if day == cal.selected:
            painter.save()
            painter.setBrush(look.selected_fill)
            painter.setPen(look.highlight)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.restore()
        if look.focused and day == cal.focus_day:
            painter.save()
            pen = QPen(look.text)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()

        text_colour = look.text if in_page else look.placeholder
        line = look.line
        badges = badge_counts(cal.counts.get(day, {}))
        if cal.mode == MONTH:
            number_rect = QRect(rect.left(), rect.top() + 2, rect.width(), line + 2)
            self._paint_number(painter, look, day, number_rect, str(day.day), text_colour)
            self._paint_badges(painter, look, badges, rect.adjusted(2, line + 6, -2, -1), True)
        else:
            label = timefmt.day_short(day)
            number_rect = QRect(rect.left() + 6, rect.top(), rect.width() // 2, rect.height())
            self._paint_number(painter, look, day, number_rect, label, text_colour, align_left=True)
            badge_rect = QRect(
                rect.left() + rect.width() // 2 - 10,
                rect.top(),
                rect.width() // 2 + 4,
                rect.height(),
            )
            self._paint_badges(painter, look, badges, badge_rect, False)

    def _paint_number(
        self,
        painter: QPainter,
        look: _Look,
        day: date,
        rect: QRect,
        text: str,
        colour: QColor,
        align_left: bool = False,
    ) -> None:
        if day == self.cal.today:
            painter.save()
            painter.setFont(look.bold)
            metrics = painter.fontMetrics()
            width = max(metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
            if align_left:
                mark = QRectF(
                    rect.left() - 4,
                    rect.center().y() - metrics.height() / 2 - 1,
                    width,
                    metrics.height() + 2,
                )
            else:
                mark = QRectF(rect.center().x() - width / 2, rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.highlight)
            painter.drawRoundedRect(mark, mark.height() / 2, mark.height() / 2)
            painter.setPen(look.highlighted_text)
            painter.drawText(mark, _CENTRE, text)
            painter.restore()
        else:
            painter.setPen(colour)
            painter.drawText(rect, _LEFT if align_left else _HCENTRE, text)

    def _paint_badges(
        self,
        painter: QPainter,
        look: _Look,
        badges: list[tuple[str, int]],
        rect: QRect,
        wrap: bool,
    ) -> None:
        if not badges:
            return
        painter.save()
        painter.setFont(look.small)
        metrics = look.small_metrics()
        size = min(12, metrics.height())
        gap = 3
        # Lay the badges out in lines, centred in month cells, left-aligned in the week list.
        items = []
        for status, n in badges:
            text = str(n) if n < 1000 else f"{n // 1000}k"
            items.append((status, text, size + 1 + metrics.horizontalAdvance(text)))
        lines: list[list[tuple[str, str, int]]] = [[]]
        used = 0
        for item in items:
            if wrap and lines[-1] and used + gap + item[2] > rect.width():
                lines.append([])
                used = 0
            lines[-1].append(item)
            used += item[2] + (gap if len(lines[-1]) > 1 else 0)
        line_height = max(size, metrics.height())
        top = rect.top() if wrap else rect.center().y() - line_height // 2
        for line in lines[: 2 if wrap else 1]:
            total = sum(w for _s, _t, w in line) + gap * (len(line) - 1)
            x = rect.left() + (rect.width() - total) // 2 if wrap else rect.left()
            for status, text, width in line:
                pixmap = self._pixmap(status, size)
                painter.drawPixmap(x, top + (line_height - size) // 2, pixmap)
                painter.setPen(look.status_colour(status))
                painter.drawText(
                    QRect(x + size + 1, top, width - size - 1, line_height), _LEFT, text
                )
                x += width + (gap if wrap else gap + 6)
            top += line_height
        painter.restore()

    # --- input ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.clicked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7 if self.cal.mode == MONTH else -1,
            Qt.Key.Key_Down: 7 if self.cal.mode == MONTH else 1,
        }
        key = event.key()
        if key in steps:
            self.keyMoved.emit(self.cal.focus_day + timedelta(days=steps[Qt.Key(key)]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.cal.focus_day)
            return
        if key == Qt.Key.Key_Escape and self.cal.selected is not None:
            self.cal.select(None)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())  # type: ignore[attr-defined]
            if day is not None:
                QToolTip.showText(event.globalPos(), self.cal.describe(day), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


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

        self.grid = _DayGrid(self)
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
        if self.mode == MONTH:
            start = week_start(self.anchor, self.first_weekday)
            return [start + timedelta(days=i) for i in range(42)]
        return [self.anchor + timedelta(days=i) for i in range(7)]

    def visible_range_utc(self) -> tuple[datetime, datetime]:
        days = self.visible_days()
        tz = timefmt.zone()
        return (
            queries.local_day_bounds(days[0], tz)[0],
            queries.local_day_bounds(days[-1], tz)[1],
        )

    def page_days(self) -> tuple[date, date]:
        """The month or week on display, first and last day."""
        if self.mode == MONTH:
            nxt = (self.anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
            return self.anchor, nxt - timedelta(days=1)
        return self.anchor, self.anchor + timedelta(days=6)

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
        anchor = day.replace(day=1) if self.mode == MONTH else week_start(day, self.first_weekday)
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
        if self.mode == MONTH:
            month = self.anchor.month - 1 + direction
            anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        else:
            anchor = self.anchor + timedelta(days=7 * direction)
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
