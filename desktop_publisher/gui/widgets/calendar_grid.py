"""The calendar's day grid: paints a month or week page (each day's number, today marked, the
chosen day and the queue's range, the status badges) and turns clicks and keys into a chosen day.
What it paints comes from its CalendarView (calendar_view.py); the days themselves from
calendar_days.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

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
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.widgets.calendar_days import MONTH, WEEK, badge_counts, badge_lines

if TYPE_CHECKING:
    from desktop_publisher.gui.widgets.calendar_view import CalendarView

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


class DayGrid(QWidget):
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
        lines = [
            [items[i] for i in line]
            for line in badge_lines([w for _s, _t, w in items], rect.width(), gap, wrap)
        ]
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
