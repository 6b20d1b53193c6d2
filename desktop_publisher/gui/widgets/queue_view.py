"""The queue table: rows grouped by day (the day written once, a line between days)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, Qt, QTime
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.widgets.queue_model import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    DAY_LABEL_ROLE,
    TIME_LABEL_ROLE,
    Column,
    QueueModel,
)

Index = QModelIndex | QPersistentModelIndex


class TimeDelegate(QStyledItemDelegate):
    """Paints the time cell as 'Tue 24 Nov ···· 09:00' with the day only on a day's first row.

    Set for the time column alone: the other cells are Qt's own painting, with no call into
    Python per cell (a delegate for every cell cost a visible page of rows ~10 ms per paint)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        day = str(index.data(DAY_LABEL_ROLE) or "")
        clock = str(index.data(TIME_LABEL_ROLE) or "")
        opt.text = ""  # the style draws background, selection and focus; the text is ours
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        state = opt.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = (
            QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 4
        rect = QRect(opt.rect).adjusted(margin, 0, -margin, 0)
        painter.save()
        painter.setPen(opt.palette.color(group, role))
        if day:
            bold = QFont(opt.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(rect, ALIGN_LEFT, day)
            painter.setFont(opt.font)
        painter.drawText(rect, ALIGN_RIGHT, clock)
        painter.restore()


class QueueView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport is made here, so Python knows its kind. Asked for the one Qt makes itself,
        # PySide would build the Python type of every QWidget subclass to find out (~8 ms at
        # start-up, before the window's first paint).
        viewport = QWidget(self)
        # As Qt sets up the viewport it makes: painted with the palette's Base (white in a light
        # theme), not the window colour.
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self.setItemDelegateForColumn(Column.TIME, TimeDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setAccessibleName(self.tr("Post queue"))

    def setModel(self, model: QueueModel) -> None:  # noqa: N802
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        # Room for what these columns hold at most; the text and the error share the rest.
        self._fixed = {
            Column.TIME: bold.horizontalAdvance(
                timefmt.day_label(date(2026, 9, 30), date(2027, 1, 1))
            )
            + metrics.horizontalAdvance(
                QLocale().toString(QTime(22, 55), QLocale.FormatType.ShortFormat)
            )
            + 30,
            Column.ACCOUNT: metrics.horizontalAdvance("Brand A Page") + 44,
            # The longest status name in the UI's language ("Do sprawdzenia" in Polish).
            Column.STATUS: max(metrics.horizontalAdvance(statuses.label(s)) for s in statuses.ORDER)
            + 42,
            Column.ATTEMPTS: metrics.horizontalAdvance("Tries") + 12,
        }
        for column, width in self._fixed.items():
            header.resizeSection(column, width)
        self._user_sized = False
        header.sectionResized.connect(self._section_resized)
        self._fit_columns()

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        # Once the user drags a column, the layout is theirs.
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._user_sized = True

    _fitting = False
    _user_sized = False
    _fixed: dict[Column, int] = {}

    def _fit_columns(self) -> None:
        if self._user_sized or self.model() is None:
            return
        header = self.horizontalHeader()
        free = self.viewport().width() - sum(header.sectionSize(c) for c in self._fixed)
        self._fitting = True
        try:
            # The text reads best wide; the error is for the few failed rows (full on hover).
            text = max(140, int(free * 0.62))
            header.resizeSection(Column.TEXT, text)
            header.resizeSection(Column.ERROR, max(90, free - text))
        finally:
            self._fitting = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        # A thin line above each new day, across the row: drawn once per paint for the rows in
        # view, over the cells, rather than by every cell.
        model = self.model()
        if not isinstance(model, QueueModel):
            return
        area = event.rect()
        first = self.rowAt(area.top())
        if first < 0:
            return
        last = self.rowAt(area.bottom())
        if last < 0:
            last = model.rowCount() - 1
        left = -self.horizontalOffset()
        right = left + self.horizontalHeader().length() - 1
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        for row in range(max(first, 1), last + 1):
            if model.is_day_start(row):
                top = self.rowViewportPosition(row)
                painter.drawLine(left, top, right, top)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()
