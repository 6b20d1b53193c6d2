"""The main window: toolbar, calendar and accounts on the left, the queue in the middle, the post's
details on the right, one calm status line at the bottom. Here the parts are assembled and wired:
the actions and toolbar (window_actions.py), the filter bar (filter_bar.py), the accounts list
(accounts_sidebar.py), the status line (status_line.py), the refresh coordinator (refresh.py),
the post actions (post_actions.py), the empty pages (empty_pages.py).

The window never waits for the network or the keyring: publishing runs on the engine's threads
(or a job), and the window hears back through the bridge's signals or the job's callback. Its own
reads are short and bounded (a page of the queue, grouped calendar counts, index seeks); the
reads that grow with the number of posts (counts per status, token warnings, the range's count
after a change) run on a job thread. A burst of engine events is coalesced into one reload that
re-reads only what a status change can change, in steps with the event loop turning between them.

Message boxes, file dialogs, menus and the small post dialogs are imported where they are used:
PySide makes a Qt class's Python type (and all its enums) when its name is first read, and none
of them is needed to show the window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher import APP_NAME
from desktop_publisher.accounts import TokenWarning
from desktop_publisher.env_file import read_env_file
from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_text
from desktop_publisher.gui.widgets.calendar_view import MONTH, WEEK, CalendarView
from desktop_publisher.gui.widgets.details_pane import DetailsPane
from desktop_publisher.gui.widgets.queue_model import Column, QueueModel
from desktop_publisher.gui.widgets.queue_view import QueueView
from desktop_publisher.gui.window.accounts_sidebar import AccountsSidebar
from desktop_publisher.gui.window.empty_pages import empty_page
from desktop_publisher.gui.window.filter_bar import (
    ALL,
    DAY,
    DEFAULT_RANGE,
    MONTH_RANGE,
    UPCOMING,
    WEEK_RANGE,
    FilterBar,
)
from desktop_publisher.gui.window.post_actions import PostActions
from desktop_publisher.gui.window.refresh import RefreshCoordinator
from desktop_publisher.gui.window.status_line import StatusLine
from desktop_publisher.gui.window.window_actions import WindowActions
from desktop_publisher.lifecycle import DRAFT
from desktop_publisher.store import queries
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.store.queries import QueueFilter, QueueRow
from desktop_publisher.when import next_full_hour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMessageBox

__all__ = ["ALL", "DAY", "DEFAULT_RANGE", "MONTH_RANGE", "UPCOMING", "WEEK_RANGE", "MainWindow"]

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
STATUS_TICK_MS = 60_000

# Counts per status, token warnings (None: not read), the range's count for a filter (None: not
# read).
StatusReads = tuple[dict[str, int], list[TokenWarning] | None, tuple[QueueFilter, int] | None]


def _count_queue(db: Any, flt: QueueFilter, loaded_drafts: int | None) -> int:
    """The range's count; drafts counted only when they are not all loaded already."""
    if loaded_drafts is None:
        return queries.queue_count(db, flt)
    return queries.queue_count(db, flt, include_drafts=False) + loaded_drafts


def _read_status(
    posts: Any, accounts: Any, db: Any, flt: QueueFilter | None, loaded_drafts: int | None
) -> StatusReads:
    """Runs on a job thread: the reads behind the status line and the range's count that grow
    with the number of posts."""
    warnings = accounts.expiry_warnings() if accounts is not None else None
    total = (flt, _count_queue(db, flt, loaded_drafts)) if flt is not None else None
    return posts.counts(), warnings, total


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.db = context.store.db
        # Set by the tray: True from it means "only hide, keep publishing".
        self.close_handler: Callable[[QCloseEvent], bool] | None = None
        self._refreshing = False
        self._queue_total_cache: tuple[QueueFilter, int] | None = None
        # While the window is built, the range's count (unless all its rows are loaded) is read
        # with the status line's counts on a job thread: with many posts it reads a large part
        # of an index, which after a reboot comes from the disk (~35 ms for 50k posts) and would
        # hold back the window's first paint.
        self._count_later = True
        self.message_boxes: list[QMessageBox] = []  # open error boxes (tests look at them)
        self.post_actions = PostActions(self, context, self.show_error, self._busy_changed)
        self.in_flight = self.post_actions.in_flight

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.resize(1280, 800)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.actions_part = WindowActions(self, self._search_timer)
        for name in ("new", "edit", "duplicate", "publish", "retry", "reschedule", "cancel"):
            setattr(self, f"{name}_action", getattr(self.actions_part, f"{name}_action"))
        self.delete_draft_action = self.actions_part.delete_draft_action
        self.pause_action = self.actions_part.pause_action
        self.accounts_action = self.actions_part.accounts_action
        self.all_action = self.actions_part.all_action
        self.search, self.toolbar = self.actions_part.search, self.actions_part.toolbar
        self._build_centre()
        self.status_part = StatusLine(self, self.show_problems, self.open_accounts)
        self.status_line = self.status_part.line
        self.busy_bar, self.warning_button = (
            self.status_part.busy_bar,
            self.status_part.warning_button,
        )

        self.refresher = RefreshCoordinator(
            context.jobs,
            self._reload_queue,
            self._refresh_rest,
            self._show_status,
            self._prepare_status_read,
            self._status_read,
            self,
        )
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_TICK_MS)
        self._status_timer.timeout.connect(self._tick)
        self._status_timer.start()

        context.bridge.postsChanged.connect(self.schedule_refresh)
        context.bridge.postChanged.connect(lambda _id, _status: self.refresher.schedule_statuses())
        context.bridge.engineStateChanged.connect(self._engine_state_changed)
        context.bridge.storageChanged.connect(lambda _trouble: self._show_status())

        self.refresh_accounts()
        self.apply_filter()
        self._count_later = False
        self._engine_state_changed("")
        self.refresher.read_status(warnings=True, recount=True)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- construction --------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.calendar = CalendarView(self.db, self)
        self.calendar.daySelected.connect(self._day_selected)
        self.calendar.pageChanged.connect(self._calendar_page_changed)
        self.sidebar = AccountsSidebar(self, self.apply_filter)
        self.accounts_list = self.sidebar.list
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 6, 4, 6)
        left_layout.addWidget(self.calendar)
        left_layout.addSpacing(8)
        left_layout.addWidget(self.sidebar.title)
        left_layout.addWidget(self.accounts_list, 1)

        # Centre: what range and which posts, then the queue (or an empty state).
        self.filters = FilterBar(self, self.calendar, self.actions_part.range_actions())
        self.filters.range_buttons.buttonClicked.connect(self._range_button_clicked)
        self.range_label = self.filters.range_label
        self.status_combo, self.platform_combo = (
            self.filters.status_combo,
            self.filters.platform_combo,
        )
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.platform_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.filter_bar = self.filters.widget

        self.model = QueueModel(self.db, self)
        self.view = QueueView(self)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.TIME, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.no_match_page = empty_page(
            self,
            self.tr("No posts here"),
            self.tr("Nothing matches the range and filters above."),
            [(self.tr("Show all posts"), self.clear_filters)],
        )
        self.no_accounts_page = empty_page(
            self,
            self.tr("Connect an account to start"),
            self.tr(
                "Desktop Publisher publishes to LinkedIn, Facebook Pages, Instagram and WordPress "
                "from this computer. Connect the first account: its secret is kept in the "
                "system keyring, never in a file. If you used the environment variables of the "
                "earlier publishing service, import them."
            ),
            [
                (self.tr("Connect an account…"), self.open_accounts),
                (self.tr("Import from environment…"), self.import_from_environment),
            ],
        )
        self.no_posts_page = empty_page(
            self,
            self.tr("Nothing scheduled yet"),
            self.tr(
                "Write a post once, adapt it for each platform, and pick when it goes out. "
                "It is published on time while Desktop Publisher runs."
            ),
            [(self.tr("Write your first post…"), self.new_post)],
        )
        for page in (self.no_match_page, self.no_accounts_page, self.no_posts_page):
            self.stack.addWidget(page)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 2, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.filter_bar)
        centre_layout.addWidget(self.range_label)
        centre_layout.addWidget(self.stack, 1)

        self.details = DetailsPane(self)
        self.details.actionRequested.connect(self._details_action)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setCollapsible(1, False)
        splitter.setSizes([280, 720, 280])
        self.splitter = splitter
        self.setCentralWidget(splitter)

    @property
    def range_kind(self) -> str:
        return self.filters.range_kind

    @property
    def anchor(self) -> Any:
        return self.filters.anchor

    @property
    def status_warnings(self) -> list[str]:
        return self.status_part.warning_texts

    # --- public API (tray, app) ----------------------------------------------------------------
    def bring_forward(self) -> None:
        """Show the window in front of others, un-minimised (a second launch, the tray)."""
        if self.isMinimized():
            self.setWindowState(
                (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
            )
        self.show()
        self.raise_()
        self.activateWindow()

    def show_post(self, post_id: int) -> None:
        """Bring one post into view and select it (a notification was clicked)."""
        post = ScheduledPost.get_or_none(ScheduledPost.id == post_id)
        if post is None:
            return
        self._reset_filter_widgets()
        day = timefmt.to_local(post.publication_date).date()
        self.filters.anchor = day
        self.calendar.select(day, emit=False)
        self.set_range(DAY)
        self.select_key(("post", post_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "refresher"):
            # Light ↔ dark: the status colours are picked per palette.
            self._show_status()
            self._selection_changed()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.close_handler is not None and self.close_handler(event):
            event.ignore()
            self.hide()
            return
        # Closing for good: no late refresh may read a store that is being closed.
        self.refresher.stop()
        self._search_timer.stop()
        self._status_timer.stop()
        event.accept()

    # --- filters -------------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        return self.filters.queue_filter(self.sidebar.checked(), self.search.text().strip())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        key = self.selected_key()
        flt = self.current_filter()
        self._refreshing = True
        try:
            self.model.set_filter(flt)
            self.view.scrollToTop()
            if key is not None:
                # Kept when it is still among the rows shown; never worth reading pages for.
                self.select_key(key, scroll=True, fetch=False)
        finally:
            self._refreshing = False
        self.calendar.set_filter(flt)
        self._update_range_widgets()
        self._update_page()
        self._selection_changed()

    def show_problems(self) -> None:
        """Every failed or unchecked post, whenever it was due."""
        self._reset_filter_widgets()
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(self.status_combo.findData(frozenset(statuses.PROBLEMS)))
        self.status_combo.blockSignals(False)
        self.calendar.select(None, emit=False)
        self.set_range(ALL)

    def clear_filters(self) -> None:
        self._reset_filter_widgets()
        self.calendar.select(None, emit=False)
        self.set_range(ALL)

    def _reset_filter_widgets(self) -> None:
        for widget in (self.status_combo, self.platform_combo, self.search):
            widget.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.platform_combo.setCurrentIndex(0)
        self.search.clear()
        self.sidebar.check_all()
        for widget in (self.status_combo, self.platform_combo, self.search):
            widget.blockSignals(False)

    def set_range(self, kind: str) -> None:
        """Day, week, month (around the chosen or shown day) or all posts."""
        if kind in (DAY, WEEK_RANGE, MONTH_RANGE):
            self.filters.anchor = self.filters.range_anchor()
        self.filters.range_kind = kind
        self.calendar.select(self.anchor if kind == DAY else None, emit=False)
        if kind == WEEK_RANGE:
            self.calendar.set_mode(WEEK)
            self.calendar.show_day(self.anchor)
        elif kind == MONTH_RANGE:
            self.calendar.set_mode(MONTH)
            self.calendar.show_day(self.anchor)
        self.apply_filter()

    def _range_button_clicked(self, button: QAbstractButton) -> None:
        self.set_range(str(button.property("range")))

    def _day_selected(self, day: Any) -> None:
        if day is None:
            self.filters.range_kind = ALL
        else:
            self.filters.anchor, self.filters.range_kind = day, DAY
        self.apply_filter()

    def _calendar_page_changed(self) -> None:
        # In week or month range the queue follows the calendar's page.
        if self.range_kind in (WEEK_RANGE, MONTH_RANGE):
            self.filters.anchor = self.calendar.page_days()[0]
            self.apply_filter()

    def _header_clicked(self, section: int) -> None:
        # Only time order is offered (the queue pages by time): another column keeps it.
        if section == Column.TIME:
            self.filters.descending = not self.filters.descending
        order = (
            Qt.SortOrder.DescendingOrder if self.filters.descending else Qt.SortOrder.AscendingOrder
        )
        self.view.horizontalHeader().setSortIndicator(Column.TIME, order)
        if section == Column.TIME:
            self.apply_filter()

    def _update_range_widgets(self, recount: bool = True) -> None:
        self.filters.show_range(self._queue_total(recount))

    def _queue_total(self, recount: bool = True) -> int | None:
        """The range's count: the rows themselves once all are loaded; else without `recount`
        the last one read for this filter (a refresh counts again on a job thread, see
        _refresh_rest); None while the window is being built (read on a job thread)."""
        flt = self.model.filter()
        if self.model.fully_loaded():
            total = self.model.rowCount()
        else:
            cached = self._queue_total_cache
            if not recount and cached is not None and cached[0] == flt:
                return cached[1]
            if self._count_later:
                return None
            total = _count_queue(self.db, flt, self.model.loaded_drafts())
        self._queue_total_cache = (flt, total)
        return total

    def refresh_accounts(self) -> None:
        """Rebuild the account list and platform choice when accounts changed."""
        platforms = self.sidebar.refresh()
        if platforms is not None:
            self.filters.set_platforms(platforms)

    # --- refresh (when: refresh.py) ------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Read everything again soon: anything may have changed (the engine's due pass, a
        cleanup, another process, the editor, the tray, a dialog)."""
        self.refresher.schedule_full()

    def refresh_now(self, full: bool = True) -> None:
        """Reload what is shown; keeps the selection and the scroll position. Without `full`
        (only engine status events since the last refresh) the drafts, the range's count and
        the token warnings are kept: publishing changes none of them."""
        self.refresher.refresh_now(full)

    def _reload_queue(self, full: bool) -> None:
        key = self.selected_key()
        scroll = self.view.verticalScrollBar().value()
        self.refresh_accounts()
        self._refreshing = True
        try:
            self.model.reload(posts_only=not full)
            if key is not None:
                self.select_key(key, scroll=False, fetch=False)
            self.view.verticalScrollBar().setValue(scroll)
        finally:
            self._refreshing = False
        self._update_page()
        self._selection_changed()

    def _refresh_rest(self, full: bool) -> None:
        self.calendar.refresh()
        # (The range's label changes with the filter only; its count comes with the read below.)
        # A status change moves no post in or out of a filter that does not choose statuses.
        recount = full or bool(self.model.filter().statuses)
        self.refresher.read_status(warnings=full, recount=recount)

    def _tick(self) -> None:
        self.refresh_accounts()
        self.calendar.refresh()
        self.refresher.read_status(warnings=True, recount=True)

    def _update_page(self) -> None:
        has_accounts = bool(self.sidebar.accounts_key)
        if not queries.has_content(self.db):
            page = self.no_posts_page if has_accounts else self.no_accounts_page
        elif self.model.rowCount() == 0:
            page = self.no_match_page
        else:
            page = self.view
        self.stack.setCurrentWidget(page)
        listing = page in (self.view, self.no_match_page)
        self.filter_bar.setVisible(listing)
        # Nothing to detail until there are posts: the empty state gets the room.
        self.details.setVisible(listing)

    def refresh_status(self) -> None:
        """The whole status line: the engine state and the next post at once, the counts and
        the token warnings as soon as a job thread has read them."""
        self.refresher.read_status(warnings=True)

    def _prepare_status_read(self, warnings: bool, recount: bool) -> Callable[[], StatusReads]:
        context, flt = self.context, self.model.filter() if recount else None
        accounts, drafts = context.accounts if warnings else None, self.model.loaded_drafts()
        return lambda: _read_status(context.posts, accounts, self.db, flt, drafts)

    def _status_read(self, result: StatusReads) -> None:
        counts, warnings, total = result
        self.status_part.counts = counts
        if warnings is not None:
            self.status_part.token_warnings = warnings
        if total is not None and total[0] == self.model.filter():
            self._queue_total_cache = total
            self._update_range_widgets(recount=False)

    def _show_status(self) -> None:
        context = self.context
        self.status_part.show(
            context.engine,
            context.engine_owner,
            context.bridge.storage_trouble,
            context.posts.next_due(),
        )

    def _engine_state_changed(self, _state: str) -> None:
        self.actions_part.show_engine_state(self.context.engine)
        # The state and the next post; a state change leaves the counts and warnings as they are.
        self._show_status()

    # --- selection -----------------------------------------------------------------------------
    def selected_row(self) -> QueueRow | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(indexes[0].row())

    def selected_key(self) -> tuple[str, int] | None:
        row = self.selected_row()
        return row.key if row is not None else None

    def select_key(self, key: tuple[str, int], scroll: bool = True, fetch: bool = True) -> bool:
        """Select a row by (kind, id); with `fetch`, load further pages until it is found (a few
        thousand rows at most)."""
        row = self.model.row_of(key)
        while fetch and row is None and self.model.canFetchMore() and self.model.rowCount() < 5000:
            self.model.fetchMore()
            row = self.model.row_of(key)
        if row is None:
            return False
        index = self.model.index(row, 0)
        selection = self.view.selectionModel()
        flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        if scroll:
            self.view.scrollTo(index)
        return True

    def _selection_changed(self) -> None:
        if self._refreshing:
            return
        row = self.selected_row()
        busy = row is not None and row.kind == "post" and row.id in self.in_flight
        self.details.show_row(row, busy)
        self.actions_part.update_for(row, busy)

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.edit_action.isEnabled():
            self.edit_post()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        self.build_context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu:
        return self.actions_part.context_menu(self.selected_row(), self.details.open_link)

    def _details_action(self, name: str) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "retry": self.retry,
            "edit": self.edit_post,
            "reconnect": self.reconnect_account,
            "reschedule": self.reschedule,
            "publish_now": self.publish_now,
            "delete_draft": self.delete_draft,
            "cancel": self.cancel_post,
        }
        handlers[name]()

    # --- actions (on posts: post_actions.py) ---------------------------------------------------
    def publish_now(self) -> None:
        if not self.post_actions.publish_now(self.selected_row()):
            self.schedule_refresh()

    def retry(self) -> None:
        self.post_actions.retry(self.selected_row())

    def reschedule(self) -> None:
        self.post_actions.reschedule(self.selected_row())

    def cancel_post(self) -> None:
        if self.cancel_action.isEnabled():
            self.post_actions.cancel(self.selected_row())

    def delete_draft(self) -> None:
        self.post_actions.delete_draft(self.selected_row())

    def _busy_changed(self) -> None:
        self.model.set_busy(self.in_flight)
        self.status_part.show_busy(len(self.in_flight))
        self._selection_changed()

    def toggle_pause(self) -> None:
        engine = self.context.engine
        if engine is None:
            return
        if engine.state == "paused":
            engine.resume()
        else:
            engine.pause()
        self._engine_state_changed(engine.state)

    def reconnect_account(self) -> None:
        row = self.selected_row()
        self.open_accounts(row.account_id if row is not None else None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- dialogs -------------------------------------------------------------------------------
    def new_post(self) -> None:
        initial = None
        if self.range_kind == DAY:
            now = datetime.now(timefmt.zone())
            if self.anchor == now.date():
                initial = next_full_hour(now)
            elif self.anchor > now.date():
                initial = datetime.combine(self.anchor, time(9, 0), tzinfo=timefmt.zone())
        self._open_editor(initial_date=initial)

    def edit_post(self, duplicate: bool = False) -> None:
        row = self.selected_row()
        if row is None:
            return
        extra = {"duplicate": True} if duplicate else {}
        if row.kind == DRAFT:
            self._open_editor(content_id=row.id, **extra)
        else:
            self._open_editor(post_id=row.id, **extra)

    def duplicate_post(self) -> None:
        self.edit_post(duplicate=True)

    def _open_editor(self, **kwargs: Any) -> None:
        try:
            from desktop_publisher.gui.dialogs.editor import PostEditor
        except Exception:
            log.exception("the post editor could not be loaded")
            self._unavailable(self.tr("The post editor"))
            return
        try:
            dialog = PostEditor(self.context, self, **kwargs)
            dialog.exec()
        except UserError as exc:
            self.show_error(error_text(exc))
        self.refresh_accounts()
        self.schedule_refresh()

    def open_accounts(self, account_id: int | None = None) -> None:
        """The accounts dialog; with `account_id`, that account's form opens on top of it
        (Reconnect on a failed post)."""
        try:
            from desktop_publisher.gui.dialogs.accounts_dialog import AccountsDialog
        except Exception:
            log.exception("the accounts dialog could not be loaded")
            self._unavailable(self.tr("The accounts dialog"))
            return
        dialog = AccountsDialog(self.context, self)
        item = dialog.item_for(account_id) if account_id is not None else None
        if item is not None:
            dialog.tree.setCurrentItem(item)
            QTimer.singleShot(0, dialog.edit_selected)
        dialog.exec()
        dialog.deleteLater()
        self._accounts_may_have_changed()

    def open_settings(self) -> None:
        try:
            from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog
        except Exception:
            log.exception("the settings dialog could not be loaded")
            self._unavailable(self.tr("The settings dialog"))
            return
        dialog = SettingsDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh_status()

    def _unavailable(self, what: str) -> None:
        self.show_error(
            fill(self.tr("%1 is not available in this version of Desktop Publisher."), what)
        )

    def import_from_environment(self) -> None:
        from desktop_publisher.gui.window.env_import import ask_env_source

        source = ask_env_source(self)
        if source is None:
            return
        if source == "":
            env = dict(os.environ)
            work: Callable[[], Any] = lambda: self.context.accounts.import_env(env)  # noqa: E731
        else:
            path = source
            work = lambda: self.context.accounts.import_env(read_env_file(path))  # noqa: E731
        # The keyring may prompt or be slow, the file may be on a slow disk: never on the GUI
        # thread.
        self.context.jobs.run(work, on_done=self._imported, on_error=self._import_failed)

    def _imported(self, report: Any) -> None:
        lines = []
        if report.created:
            lines.append(fill(self.tr("Connected: %1"), ", ".join(report.created)))
        if report.updated:
            lines.append(fill(self.tr("Updated: %1"), ", ".join(report.updated)))
        if report.incomplete:
            lines.append(fill(self.tr("Incomplete: %1"), "; ".join(report.incomplete)))
        self.show_message(
            self.tr("Import accounts"), "\n".join(lines) or self.tr("Nothing to import.")
        )
        self._accounts_may_have_changed()

    def _import_failed(self, error: Exception) -> None:
        self.show_error(error_text(error))

    def _accounts_may_have_changed(self) -> None:
        self.refresh_accounts()
        self.apply_filter()
        self.refresh_status()

    # --- messages ------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        """A user error, as its words only (never a traceback); does not block the window."""
        self._open_box("warning", APP_NAME, text)

    def show_message(self, title: str, text: str) -> None:
        self._open_box("information", title, text)

    def _open_box(self, kind: str, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if kind == "warning" else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_boxes.append(box)
        box.finished.connect(
            lambda _r, b=box: self.message_boxes.remove(b) if b in self.message_boxes else None
        )
        box.open()
