"""The main window: toolbar, calendar and accounts on the left, the queue in the middle, the post's
details on the right, one calm status line at the bottom. Here the parts are assembled and wired:
the actions and toolbar (window_actions.py), the body (centre.py), the filter bar and the range it
chooses (filter_bar.py), the accounts list (accounts_sidebar.py), the status line (status_line.py)
and its reads (status_reads.py), the refresh coordinator (refresh.py), the post actions
(post_actions.py), the dialogs and message boxes (dialog_launcher.py).

The window never waits for the network or the keyring: publishing runs on the engine's threads
(or a job), and the window hears back through the bridge's signals or the job's callback. Its own
reads are short and bounded (a page of the queue, grouped calendar counts, index seeks); the
reads that grow with the number of posts (counts per status, token warnings, the range's count
after a change) run on a job thread. A burst of engine events is coalesced into one reload that
re-reads only what a status change can change, in steps with the event loop turning between them.

Message boxes, file dialogs, menus and the dialogs are imported where they are used: PySide makes
a Qt class's Python type (and all its enums) when its name is first read, and none of them is
needed to show the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from desktop_publisher import APP_NAME
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.window.centre import build_centre
from desktop_publisher.gui.window.dialog_launcher import DialogLauncher
from desktop_publisher.gui.window.filter_bar import (
    ALL,
    DAY,
    DEFAULT_RANGE,
    MONTH_RANGE,
    UPCOMING,
    WEEK_RANGE,
)
from desktop_publisher.gui.window.post_actions import PostActions
from desktop_publisher.gui.window.refresh import RefreshCoordinator
from desktop_publisher.gui.window.status_line import StatusLine
from desktop_publisher.gui.window.status_reads import RangeTotal, StatusReads, status_read
from desktop_publisher.gui.window.window_actions import WindowActions
from desktop_publisher.store import queries
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.store.queries import QueueFilter, QueueRow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QMenu, QSplitter, QStackedWidget

    from desktop_publisher.gui.widgets.calendar_view import CalendarView
    from desktop_publisher.gui.widgets.details_pane import DetailsPane
    from desktop_publisher.gui.widgets.queue_model import QueueModel
    from desktop_publisher.gui.widgets.queue_view import QueueView
    from desktop_publisher.gui.window.accounts_sidebar import AccountsSidebar
    from desktop_publisher.gui.window.empty_pages import EmptyState
    from desktop_publisher.gui.window.filter_bar import FilterBar

__all__ = ["ALL", "DAY", "DEFAULT_RANGE", "MONTH_RANGE", "UPCOMING", "WEEK_RANGE", "MainWindow"]

SEARCH_DELAY_MS = 250
STATUS_TICK_MS = 60_000


class MainWindow(QMainWindow):
    # The body's parts, made by centre.py.
    calendar: CalendarView
    sidebar: AccountsSidebar
    accounts_list: QListWidget
    filters: FilterBar
    model: QueueModel
    view: QueueView
    stack: QStackedWidget
    no_match_page: EmptyState
    no_accounts_page: EmptyState
    no_posts_page: EmptyState
    details: DetailsPane
    splitter: QSplitter

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.db = context.store.db
        # Set by the tray: True from it means "only hide, keep publishing".
        self.close_handler: Callable[[QCloseEvent], bool] | None = None
        self._refreshing = False
        self.dialogs = DialogLauncher(self, context)
        self.message_boxes = self.dialogs.message_boxes
        self.show_error, self.show_message = self.dialogs.show_error, self.dialogs.show_message
        # The commands the toolbar, the menus, the empty pages and the tray call by name.
        self.new_post, self.edit_post = self.dialogs.new_post, self.dialogs.edit_post
        self.duplicate_post = self.dialogs.duplicate_post
        self.open_accounts, self.open_settings = (
            self.dialogs.open_accounts,
            self.dialogs.open_settings,
        )
        self.import_from_environment = self.dialogs.import_from_environment
        self.reconnect_account = self.dialogs.reconnect_account
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
        build_centre(self)
        self.set_range, self.clear_filters = self.filters.set_range, self.filters.clear
        self.show_problems = self.filters.show_problems
        self._connect_centre()
        self.range_total = RangeTotal(self.db, self.model)
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
            lambda warnings, recount: status_read(context, self.db, self.model, warnings, recount),
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
        self.range_total.count_later = False
        self._engine_state_changed("")
        self.refresher.read_status(warnings=True, recount=True)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect_centre(self) -> None:
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.horizontalHeader()
        header.sectionClicked.connect(lambda section: self.filters.sort_clicked(section, header))
        self.details.actionRequested.connect(self._details_action)

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
        self.filters.reset_choices()
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

    # --- the filter (the range's changes: filter_bar.py) ---------------------------------------
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

    def _update_range_widgets(self, recount: bool = True) -> None:
        self.filters.show_range(self.range_total.total(recount))

    def refresh_accounts(self) -> None:
        """Rebuild the account list and platform choice when accounts changed."""
        platforms = self.sidebar.refresh()
        if platforms is not None:
            self.filters.set_platforms(platforms)

    def accounts_may_have_changed(self) -> None:
        self.refresh_accounts()
        self.apply_filter()
        self.refresh_status()

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

    def _status_read(self, result: StatusReads) -> None:
        counts, warnings, total = result
        self.status_part.counts = counts
        if warnings is not None:
            self.status_part.token_warnings = warnings
        if total is not None and self.range_total.take(total):
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

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
