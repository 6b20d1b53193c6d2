"""The queue as a Qt table model that loads lazily: a page at a time, as the view scrolls.

Rows come from store.queries (drafts first when the filter shows them, then posts in time order,
keyset-paged). Nothing is loaded that the user has not scrolled to, so a first paint costs one
page whatever the size of the database. A reload keeps as many rows as were loaded, and when the
same rows come back (the usual case: a status changed) it only repaints them, so the selection
and the scroll position stay where they were.
"""

from __future__ import annotations

import functools
import html
import json
from datetime import date, datetime
from enum import IntEnum
from typing import Any

import peewee
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import stored_text
from desktop_publisher.lifecycle import DRAFT
from desktop_publisher.store import queries
from desktop_publisher.store.models import Status
from desktop_publisher.store.queries import QueueFilter, QueueRow
from desktop_publisher.when import in_zone

PAGE_SIZE = 200
# The first page of a filter: a tall screen's rows (Qt asks for more at once when they do not
# fill the view). Each row read is a row of the posts and of the variants, scattered over the
# file with many posts: after a reboot 200 rows read ~30 ms from the disk, 64 ~10 ms.
FIRST_PAGE = 64
# A reload re-reads what was loaded, up to this many rows (beyond it the user gets the first
# rows again; scrolling loads the rest).
RELOAD_CAP = 5000

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TIME = 0
    ACCOUNT = 1
    TEXT = 2
    STATUS = 3
    ATTEMPTS = 4
    ERROR = 5


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow
DAY_LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # 'Tue 24 Nov' on the first row of a day, else ''
TIME_LABEL_ROLE = Qt.ItemDataRole.UserRole + 3  # '09:00'
BUSY_ROLE = Qt.ItemDataRole.UserRole + 4  # a publish-now is in flight for this row

# Computed once: combining enum flags is a Python call, and these are asked for every cell.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class QueueModel(QAbstractTableModel):
    reloaded = Signal()  # after set_filter / reload replaced the rows

    def __init__(
        self,
        db: peewee.Database,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
        first_page: int = FIRST_PAGE,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.page_size = page_size
        self.first_page = first_page
        self._filter = QueueFilter()
        self._rows: list[QueueRow] = []
        self._days: list[date | None] = []  # local date of each row (None for drafts)
        self._busy: set[int] = set()
        self._today = datetime.now(timefmt.zone()).date()
        self._struck = QFont()  # a cancelled post's text and status
        self._struck.setStrikeOut(True)
        self._reset_cursors()
        roles = Qt.ItemDataRole
        # role → answer(row, column, row number); the roles the view asks for that are not here
        # (background, check state, size hint…) are answered None at once.
        self._answers: dict[int, Any] = {
            int(roles.DisplayRole): self._display_answer,
            int(roles.AccessibleTextRole): self._display_answer,
            int(roles.DecorationRole): self._decoration_answer,
            int(roles.ToolTipRole): self._tooltip_answer,
            int(roles.ForegroundRole): self._foreground_answer,
            int(roles.FontRole): self._font_answer,
            int(roles.TextAlignmentRole): self._alignment_answer,
            int(ROW_ROLE): self._row_answer,
            int(BUSY_ROLE): self._busy_answer,
            int(DAY_LABEL_ROLE): self._day_answer,
            int(TIME_LABEL_ROLE): self._clock_answer,
        }

    # --- loading -------------------------------------------------------------------------------
    def _reset_cursors(self) -> None:
        self._draft_before: int | None = None
        self._drafts_done = not self._filter.wants_drafts()
        self._reset_post_cursor()

    def _reset_post_cursor(self) -> None:
        self._post_after: tuple[str, int] | None = None
        self._posts_done = not self._filter.wants_posts()

    def _next_rows(self, limit: int) -> list[QueueRow]:
        out: list[QueueRow] = []
        if not self._drafts_done:
            page = queries.drafts(self.db, self._filter, before_id=self._draft_before, limit=limit)
            out += page
            if page:
                self._draft_before = page[-1].id
            if len(page) < limit:
                self._drafts_done = True
        return out + self._next_posts(limit - len(out))

    def _next_posts(self, want: int) -> list[QueueRow]:
        if want <= 0 or self._posts_done:
            return []
        page = queries.queue_page(self.db, self._filter, after=self._post_after, limit=want)
        if page:
            self._post_after = page[-1].sort_key
        if len(page) < want:
            self._posts_done = True
        return page

    def _days_of(self, rows: list[QueueRow]) -> list[date | None]:
        tz = timefmt.zone()
        self._today = datetime.now(tz).date()
        return [in_zone(r.when, tz).date() if r.kind == "post" and r.when else None for r in rows]

    def filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._reset_cursors()
        self._rows = self._next_rows(self.first_page)
        self._days = self._days_of(self._rows)
        self.endResetModel()
        self.reloaded.emit()

    def reload(self, posts_only: bool = False) -> None:
        """Read again what is loaded (a status changed, a post was added or removed).

        `posts_only` keeps the loaded drafts as they are and reads the posts again: for engine
        events, which change a post's status and never which content is a draft.
        """
        keep = min(max(len(self._rows), self.first_page), RELOAD_CAP)
        if posts_only:
            if not self._drafts_done:
                # Only drafts are loaded so far, and they did not change.
                self.reloaded.emit()
                return
            drafts = [r for r in self._rows if r.kind == DRAFT]
            self._reset_post_cursor()
            rows = drafts + self._next_posts(keep - len(drafts))
        else:
            self._reset_cursors()
            rows = self._next_rows(keep)
        if [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Column) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self._days = self._days_of(rows)
            self.endResetModel()
        self.reloaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid():
            return False
        return not (self._drafts_done and self._posts_done)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        rows = self._next_rows(self.page_size)
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows += rows
        self._days += self._days_of(rows)
        self.endInsertRows()

    def fully_loaded(self) -> bool:
        return self._drafts_done and self._posts_done

    def loaded_drafts(self) -> int | None:
        """How many drafts the filter holds, when all of them are loaded (else None)."""
        if not self._filter.wants_drafts():
            return 0
        if not self._drafts_done:
            return None
        return sum(1 for r in self._rows if r.kind == DRAFT)

    # --- lookups -------------------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: tuple[str, int]) -> int | None:
        for i, row in enumerate(self._rows):
            if row.key == key:
                return i
        return None

    def loaded_rows(self) -> list[QueueRow]:
        return list(self._rows)

    def set_busy(self, post_ids: set[int]) -> None:
        """Posts with a publish-now in flight show it in their status cell."""
        changed = self._busy ^ post_ids
        self._busy = set(post_ids)
        for i, row in enumerate(self._rows):
            if row.kind == "post" and row.id in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Column) - 1))

    # --- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.TIME: self.tr("Time"),
                Column.ACCOUNT: self.tr("Account"),
                Column.TEXT: self.tr("Text"),
                Column.STATUS: self.tr("Status"),
                Column.ATTEMPTS: self.tr("Tries"),
                Column.ERROR: self.tr("Last error"),
            }[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.TIME:
                return fill(
                    self.tr("Local time (%1). Click to reverse the order."), timefmt.zone_name()
                )
            if section == Column.ATTEMPTS:
                return self.tr("Publish attempts so far")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for every role of every visible cell on each paint (over a thousand
        # calls a screen): a role this model does not answer returns at once, the others go
        # straight to their method, and the column stays a plain int.
        answer = self._answers.get(role)
        if answer is None:
            return None
        i = index.row()  # -1 for an invalid index
        if not 0 <= i < len(self._rows):
            return None
        return answer(self._rows[i], index.column(), i)

    def _status(self, row: QueueRow) -> str:
        if row.kind == "post" and row.id in self._busy:
            return Status.PUBLISHING.value
        return row.status

    def _row_answer(self, row: QueueRow, _column: int, _i: int) -> QueueRow:
        return row

    def _busy_answer(self, row: QueueRow, _column: int, _i: int) -> bool:
        return row.kind == "post" and row.id in self._busy

    def _display_answer(self, row: QueueRow, column: int, _i: int) -> str:
        return self._display(row, column, self._status(row))

    def _day_answer(self, _row: QueueRow, _column: int, i: int) -> str:
        return self._day_label(i)

    def _clock_answer(self, row: QueueRow, _column: int, _i: int) -> str:
        return timefmt.clock(row.when) if row.kind == "post" and row.when else ""

    def _decoration_answer(self, row: QueueRow, column: int, _i: int) -> Any:
        if column == Column.ACCOUNT and row.platform:
            return icons.platform_icon(row.platform)
        if column == Column.STATUS:
            return statuses.icon(self._status(row))
        return None

    def _tooltip_answer(self, row: QueueRow, column: int, _i: int) -> str | None:
        return self._tooltip(row, column, self._status(row))

    def _foreground_answer(self, row: QueueRow, column: int, _i: int) -> Any:
        cancelled = row.status == Status.CANCELLED
        if not cancelled and column != Column.STATUS and column != Column.ERROR:
            return None
        palette = QApplication.palette()
        if cancelled:
            return statuses.colour(Status.CANCELLED, palette)
        if row.kind == DRAFT:
            return palette.color(QPalette.ColorRole.PlaceholderText)
        return statuses.colour(self._status(row), palette)

    def _font_answer(self, row: QueueRow, column: int, _i: int) -> QFont | None:
        if row.status == Status.CANCELLED and column in (Column.TEXT, Column.STATUS):
            return self._struck
        return None

    def _alignment_answer(self, _row: QueueRow, column: int, _i: int) -> int:
        return ALIGN_RIGHT if column == Column.ATTEMPTS else ALIGN_LEFT

    def _display(self, row: QueueRow, column: int, status: str) -> str:
        if column == Column.TIME:
            return timefmt.when(row.when) if row.kind == "post" else self.tr("Draft")
        if column == Column.ACCOUNT:
            if row.kind == DRAFT:
                return ", ".join(platform_label(p) for p in row.platforms) or "—"
            return row.account or ""
        if column == Column.TEXT:
            return row.preview
        if column == Column.STATUS:
            return statuses.label(status)
        if column == Column.ATTEMPTS:
            return str(row.attempts) if row.kind == "post" else ""
        if column == Column.ERROR:
            return last_error_words(row).splitlines()[0] if row.error else ""
        return ""

    def _day_label(self, i: int) -> str:
        row = self._rows[i]
        if row.kind == DRAFT:
            return self.tr("Drafts") if i == 0 or self._rows[i - 1].kind != DRAFT else ""
        day = self._days[i]
        if day is None or (i > 0 and self._days[i - 1] == day):
            return ""
        return timefmt.day_label(day, self._today)

    def is_day_start(self, i: int) -> bool:
        if i <= 0 or i >= len(self._rows):
            return False
        return self._days[i] != self._days[i - 1]

    def _tooltip(self, row: QueueRow, column: int, status: str) -> str | None:
        def wrapped(text: str) -> str:
            # Rich text, so long errors and texts wrap instead of making a screen-wide line.
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"

        if column == Column.TEXT and row.preview:
            return wrapped(row.preview)
        if column in (Column.ERROR, Column.STATUS) and row.error:
            return wrapped(f"{statuses.label(status)}: {last_error_words(row)}")
        if column == Column.STATUS:
            return statuses.label(status)
        if column == Column.ACCOUNT and row.platform:
            return platform_label(row.platform)
        if column == Column.TIME and row.when and row.kind == "post":
            return timefmt.when(row.when, with_zone=True) + f" ({timefmt.zone_name()})"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS


def last_error_words(row: QueueRow) -> str:
    """A post's last error as the queue shows it: its first line in the last-error column, all of
    it on hover over that column and the status. In the window's language when it was stored
    with its detail, in its English otherwise."""
    if not row.error_detail:
        return row.error or ""
    return stored_text(_detail_data(row.error_detail), row.error)


@functools.lru_cache(maxsize=512)
def _detail_data(text: str) -> object:
    """A stored detail's JSON read once per text: the view asks for every visible row on each
    repaint (the result is only read, never changed)."""
    try:
        return json.loads(text)
    except ValueError:
        return None
