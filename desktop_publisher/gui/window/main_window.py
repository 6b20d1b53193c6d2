"""The main window: toolbar, calendar and accounts on the left, the queue in the middle, the post's
details on the right, one calm status line at the bottom.

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

import html
import logging
import os
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher import APP_NAME
from desktop_publisher.accounts import EXPIRED, EXPIRES_SOON, TokenWarning
from desktop_publisher.engine.events import EventBus
from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.problems import error_colour, error_text, storage_text
from desktop_publisher.gui.widgets.calendar_view import MONTH, WEEK, CalendarView, week_start
from desktop_publisher.gui.widgets.details_pane import DetailsPane
from desktop_publisher.gui.widgets.queue_model import Column, QueueModel
from desktop_publisher.gui.widgets.queue_view import QueueView
from desktop_publisher.posts import EDITABLE
from desktop_publisher.store import queries
from desktop_publisher.store.models import PENDING, Account, ScheduledPost, Status
from desktop_publisher.store.queries import DRAFT, QueueFilter, QueueRow
from desktop_publisher.when import next_full_hour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMessageBox

log = logging.getLogger(__name__)

# Engine events arrive in bursts (50 posts published at 09:00): one reload per burst.
REFRESH_MS = 120
# The steps of a refresh run on timers this far apart rather than back to back, so a timer that
# is due in between (a repaint, an animation) runs between them instead of after all of them.
STEP_MS = 1
SEARCH_DELAY_MS = 250
STATUS_TICK_MS = 60_000

DAY, WEEK_RANGE, MONTH_RANGE, UPCOMING, ALL = "day", "week", "month", "upcoming", "all"
# What the window opens on: from today on, drafts on top. Past problems stay visible in the
# calendar and the status line, whose counts lead to them ("Needs attention").
DEFAULT_RANGE = UPCOMING

RESCHEDULABLE = (Status.SCHEDULED, Status.QUEUED, Status.FAILED, Status.CANCELLED)
CANCELLABLE = (Status.SCHEDULED, Status.QUEUED, Status.FAILED, Status.NEEDS_CHECK)
RETRYABLE = (Status.FAILED, Status.NEEDS_CHECK)

PublishResult = tuple[int, Any, Exception | None]


def _wait_for_future(post_id: int, future: Any) -> PublishResult:
    """Runs on a job thread: waits for the engine's answer without holding the GUI thread."""
    try:
        return post_id, future.result(), None
    except Exception as exc:  # reported to the user on the GUI thread
        if not isinstance(exc, UserError):
            log.exception("publish now failed for post %s", post_id)
        return post_id, None, exc


def _publish_here(post_id: int, publish: Callable[..., Any]) -> PublishResult:
    """Runs on a job thread when another process owns the engine: publish this one post here.
    The claim (a compare-and-set) makes a race with that process harmless."""
    try:
        return post_id, publish(post_id, manual=True), None
    except Exception as exc:
        if not isinstance(exc, UserError):
            log.exception("publish now failed for post %s", post_id)
        return post_id, None, exc


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


def _fill(text: str, *values: str) -> str:
    """%1, %2… in a translated text replaced by `values` in one pass (so a value that holds
    "%2" itself, an account's name, stays as it is)."""

    def value(found: re.Match[str]) -> str:
        i = int(found.group(1)) - 1
        return values[i] if 0 <= i < len(values) else found.group(0)

    return re.sub(r"%(\d)", value, text)


def _theme_icon(name: str, fallback: QStyle.StandardPixmap | None = None) -> QIcon:
    found = QIcon.fromTheme(name)
    if found.isNull() and fallback is not None:
        from PySide6.QtWidgets import QApplication

        return QApplication.style().standardIcon(fallback)
    return found


class EmptyState(QWidget):
    """What the centre shows instead of an empty table: words and the buttons that help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.db = ctx.store.db
        # Set by the tray: True from it means "only hide, keep publishing".
        self.close_handler: Callable[[QCloseEvent], bool] | None = None
        self.in_flight: set[int] = set()
        self.range_kind = DEFAULT_RANGE
        self.anchor: date = datetime.now(timefmt.zone()).date()
        self.descending = False
        self._refreshing = False
        # The next refresh reads everything (drafts, token warnings); engine events alone only
        # change posts' statuses, and a refresh for them reads just what that can change.
        self._full_refresh = False
        self._rest_full = False
        self._queue_total_cache: tuple[QueueFilter, int] | None = None
        # While the window is built, the range's count (unless all its rows are loaded) is read
        # with the status line's counts on a job thread: with many posts it reads a large part
        # of an index, which after a reboot comes from the disk (~35 ms for 50k posts) and would
        # hold back the window's first paint.
        self._count_later = True
        self._counts: dict[str, int] = {}
        self._warnings: list[TokenWarning] = []
        self._status_reading = False  # counts and warnings being read on a job thread
        # Another read asked for meanwhile: (with warnings, with the range's count).
        self._status_again: tuple[bool, bool] | None = None
        self._accounts_key: list[tuple[Any, ...]] = []
        self._fallback_events = EventBus()
        # Posts published here while another process owns the engine still notify the user (the
        # events come from a job thread; the bridge's signal takes them to this one).
        self._fallback_events.subscribe(ctx.bridge.event.emit)
        self.message_boxes: list[QMessageBox] = []  # open error boxes (tests look at them)

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.resize(1280, 800)
        self._build_actions()
        self._build_toolbar()
        self._build_centre()
        self._build_status_bar()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_due)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_TICK_MS)
        self._status_timer.timeout.connect(self._tick)
        self._status_timer.start()
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(STEP_MS)
        self._rest_timer.timeout.connect(self._refresh_rest)

        ctx.bridge.postsChanged.connect(self.schedule_refresh)
        ctx.bridge.postChanged.connect(self._post_changed)
        ctx.bridge.engineStateChanged.connect(self._engine_state_changed)
        ctx.bridge.storageChanged.connect(lambda _trouble: self._show_status())

        self.refresh_accounts()
        self.apply_filter()
        self._count_later = False
        self._engine_state_changed("")
        self._refresh_status_later(warnings=True, recount=True)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- construction --------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QIcon | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        if tip:
            shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work wherever the focus is in the window
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            self.tr("New post…"),
            self.new_post,
            QKeySequence.StandardKey.New,
            _theme_icon("document-new"),
            self.tr("Write a new post"),
        )
        self.edit_action = self._action(
            self.tr("Edit…"),
            self.edit_post,
            "Ctrl+E",
            _theme_icon("document-edit"),
            self.tr("Edit the selected post"),
        )
        self.duplicate_action = self._action(
            self.tr("Duplicate…"),
            self.duplicate_post,
            "Ctrl+D",
            _theme_icon("edit-copy"),
            self.tr("Start a new post from the selected one"),
        )
        self.publish_action = self._action(
            self.tr("Publish now"),
            self.publish_now,
            "Ctrl+Shift+P",
            _theme_icon("mail-send"),
            self.tr("Publish the selected post now"),
        )
        self.retry_action = self._action(
            self.tr("Retry"),
            self.retry,
            "Ctrl+R",
            _theme_icon("view-refresh"),
            self.tr("Try a failed post again"),
        )
        self.reschedule_action = self._action(
            self.tr("Reschedule…"),
            self.reschedule,
            None,
            _theme_icon("appointment-new"),
            self.tr("Choose another time for the selected post"),
        )
        self.cancel_action = self._action(
            self.tr("Cancel post"),
            self.cancel_post,
            QKeySequence.StandardKey.Delete,
            _theme_icon("process-stop"),
            self.tr("Cancel the selected post"),
        )
        self.delete_draft_action = self._action(
            self.tr("Delete draft"),
            self.delete_draft,
            "Shift+Del",
            _theme_icon("edit-delete"),
            self.tr("Delete the selected draft"),
        )
        self.pause_action = self._action(
            self.tr("Pause publishing"),
            self.toggle_pause,
            None,
            _theme_icon("media-playback-pause", sp.SP_MediaPause),
        )
        self.accounts_action = self._action(
            self.tr("Accounts…"),
            self.open_accounts,
            None,
            _theme_icon("system-users"),
            self.tr("Connect and manage accounts"),
        )
        self.settings_action = self._action(
            self.tr("Settings…"),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            _theme_icon("preferences-system"),
            self.tr("Settings"),
        )
        self.search_action = self._action(
            self.tr("Search"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.day_action = self._action(
            self.tr("Day"), lambda: self.set_range(DAY), "Ctrl+1", tip=self.tr("One day")
        )
        self.week_action = self._action(
            self.tr("Week"), lambda: self.set_range(WEEK_RANGE), "Ctrl+2", tip=self.tr("One week")
        )
        self.month_action = self._action(
            self.tr("Month"),
            lambda: self.set_range(MONTH_RANGE),
            "Ctrl+3",
            tip=self.tr("One month"),
        )
        self.upcoming_action = self._action(
            self.tr("Upcoming"),
            lambda: self.set_range(UPCOMING),
            "Ctrl+9",
            tip=self.tr("From today on"),
        )
        self.all_action = self._action(
            self.tr("All"), lambda: self.set_range(ALL), "Ctrl+0", tip=self.tr("Every post")
        )
        self.post_actions = [
            self.edit_action,
            self.duplicate_action,
            self.publish_action,
            self.retry_action,
            self.reschedule_action,
            self.cancel_action,
            self.delete_draft_action,
        ]

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        self.addToolBar(bar)
        bar.addAction(self.new_action)
        bar.addSeparator()
        for action in (self.edit_action, self.duplicate_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (
            self.publish_action,
            self.retry_action,
            self.reschedule_action,
            self.cancel_action,
            self.delete_draft_action,
        ):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.pause_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.accounts_action)
        bar.addAction(self.settings_action)
        self.search = QLineEdit(bar)
        self.search.setPlaceholderText(self.tr("Search posts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search posts"))
        self.search.setToolTip(self.tr("Search the text of posts (Ctrl+F)"))
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search)
        self.toolbar = bar

    def _build_centre(self) -> None:
        self.calendar = CalendarView(self.db, self)
        self.calendar.daySelected.connect(self._day_selected)
        self.calendar.pageChanged.connect(self._calendar_page_changed)
        accounts_title = QLabel(self.tr("Accounts"), self)
        font = accounts_title.font()
        font.setBold(True)
        accounts_title.setFont(font)
        self.accounts_list = QListWidget(self)
        self.accounts_list.setAccessibleName(self.tr("Accounts shown in the queue"))
        self.accounts_list.setToolTip(
            self.tr("Untick an account to hide its posts; double-click to show only that one.")
        )
        self.accounts_list.setIconSize(QSize(18, 18))
        self.accounts_list.itemChanged.connect(lambda _item: self._accounts_changed())
        self.accounts_list.itemDoubleClicked.connect(self._only_account)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 6, 4, 6)
        left_layout.addWidget(self.calendar)
        left_layout.addSpacing(8)
        left_layout.addWidget(accounts_title)
        left_layout.addWidget(self.accounts_list, 1)

        # Centre: what range and which posts, then the queue (or an empty state).
        self.range_buttons = QButtonGroup(self)
        ranges = QHBoxLayout()
        ranges.setSpacing(2)
        for kind, action in (
            (DAY, self.day_action),
            (WEEK_RANGE, self.week_action),
            (MONTH_RANGE, self.month_action),
            (UPCOMING, self.upcoming_action),
            (ALL, self.all_action),
        ):
            button = QToolButton(self)
            button.setText(action.text())
            button.setToolTip(action.toolTip())
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setProperty("range", kind)
            self.range_buttons.addButton(button)
            ranges.addWidget(button)
        self.range_buttons.buttonClicked.connect(self._range_button_clicked)
        self.range_label = QLabel(self)
        self.range_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A heading line of its own: beside the filters it was cut at common window widths.
        self.range_label.setContentsMargins(6, 2, 6, 4)
        self.range_label.setMinimumWidth(60)
        self.range_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        heading_font = QFont(self.range_label.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.range_label.setFont(heading_font)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Show posts with status"))
        self.status_combo.addItem(self.tr("All statuses"), frozenset())
        self.status_combo.addItem(
            statuses.icon(Status.FAILED), self.tr("Needs attention"), frozenset(statuses.PROBLEMS)
        )
        self.status_combo.insertSeparator(self.status_combo.count())
        for status in statuses.ORDER:
            self.status_combo.addItem(
                statuses.icon(status), statuses.label(status), frozenset({status})
            )
        self.status_combo.insertSeparator(self.status_combo.count())
        self.status_combo.addItem(statuses.icon(DRAFT), self.tr("Drafts"), frozenset({DRAFT}))
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.platform_combo = QComboBox(self)
        self.platform_combo.setAccessibleName(self.tr("Show posts for platform"))
        self.platform_combo.addItem(self.tr("All platforms"), None)
        self.platform_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.filter_bar = QWidget(self)
        bar_layout = QHBoxLayout(self.filter_bar)
        bar_layout.setContentsMargins(4, 4, 4, 4)
        bar_layout.addLayout(ranges)
        bar_layout.addStretch(1)
        bar_layout.addWidget(self.status_combo)
        bar_layout.addWidget(self.platform_combo)

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
        self.no_match_page = self._empty_page(
            self.tr("No posts here"),
            self.tr("Nothing matches the range and filters above."),
            [(self.tr("Show all posts"), self.clear_filters)],
        )
        self.no_accounts_page = self._empty_page(
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
        self.no_posts_page = self._empty_page(
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

    def _empty_page(
        self, title: str, text: str, buttons: list[tuple[str, Callable[[], None]]]
    ) -> EmptyState:
        page = EmptyState(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        picture = QLabel(page)
        picture.setPixmap(icons.app_icon().pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title, page)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        body = QLabel(text, page)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setMinimumWidth(min(380, 12 * len(text)))
        body.setMaximumWidth(460)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, slot in buttons:
            button = QPushButton(label, page)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            page.buttons.append(button)
        row.addStretch(1)
        if page.buttons:
            page.buttons[0].setDefault(True)
        layout.addWidget(picture)
        layout.addSpacing(8)
        layout.addWidget(heading)
        wrap = QHBoxLayout()
        wrap.addStretch(1)
        wrap.addWidget(body)
        wrap.addStretch(1)
        layout.addLayout(wrap)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.state_icon = QLabel(self)
        self.status_line = QLabel(self)
        self.status_line.setTextFormat(Qt.TextFormat.RichText)
        self.status_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_line.linkActivated.connect(lambda _link: self.show_problems())
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: waiting for the platform's answer
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.warning_button = QToolButton(self)
        self.warning_button.setAutoRaise(True)
        self.warning_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.warning_button.setIcon(statuses.icon(Status.NEEDS_CHECK))
        self.warning_button.clicked.connect(self.open_accounts)
        bar.addWidget(self.state_icon)
        bar.addWidget(self.status_line, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.warning_button)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.warning_button.hide()

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
        self.anchor = day
        self.calendar.select(day, emit=False)
        self.set_range(DAY)
        self.select_key(("post", post_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "warning_button"):
            # Light ↔ dark: the status colours are picked per palette.
            self._show_status()
            self._selection_changed()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.close_handler is not None and self.close_handler(event):
            event.ignore()
            self.hide()
            return
        # Closing for good: no late refresh may read a store that is being closed.
        timers = (self._refresh_timer, self._search_timer, self._status_timer, self._rest_timer)
        for timer in timers:
            timer.stop()
        event.accept()

    # --- filters -------------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
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
        platform = self.platform_combo.currentData()
        return QueueFilter(
            statuses=self.status_combo.currentData() or frozenset(),
            platforms=frozenset({platform}) if platform else frozenset(),
            account_ids=self._checked_accounts(),
            start=start,
            end=end,
            text=self.search.text().strip(),
            descending=self.descending,
            drafts=True if self.range_kind == UPCOMING else None,
        )

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
        for widget in (self.status_combo, self.platform_combo, self.search, self.accounts_list):
            widget.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.platform_combo.setCurrentIndex(0)
        self.search.clear()
        for i in range(self.accounts_list.count()):
            self.accounts_list.item(i).setCheckState(Qt.CheckState.Checked)
        for widget in (self.status_combo, self.platform_combo, self.search, self.accounts_list):
            widget.blockSignals(False)

    def set_range(self, kind: str) -> None:
        """Day, week, month (around the chosen or shown day) or all posts."""
        if kind in (DAY, WEEK_RANGE, MONTH_RANGE):
            self.anchor = self._range_anchor()
        self.range_kind = kind
        if kind == DAY:
            self.calendar.select(self.anchor, emit=False)
        else:
            self.calendar.select(None, emit=False)
        if kind == WEEK_RANGE:
            self.calendar.set_mode(WEEK)
            self.calendar.show_day(self.anchor)
        elif kind == MONTH_RANGE:
            self.calendar.set_mode(MONTH)
            self.calendar.show_day(self.anchor)
        self.apply_filter()

    def _range_anchor(self) -> date:
        if self.calendar.selected is not None:
            return self.calendar.selected
        if self.range_kind not in (ALL, UPCOMING):
            return self.anchor
        first, last = self.calendar.page_days()
        today = self.calendar.today
        return today if first <= today <= last else first

    def _range_button_clicked(self, button: QAbstractButton) -> None:
        self.set_range(str(button.property("range")))

    def _day_selected(self, day: date | None) -> None:
        if day is None:
            self.range_kind = ALL
        else:
            self.anchor = day
            self.range_kind = DAY
        self.apply_filter()

    def _calendar_page_changed(self) -> None:
        # In week or month range the queue follows the calendar's page.
        if self.range_kind in (WEEK_RANGE, MONTH_RANGE):
            first, _last = self.calendar.page_days()
            self.anchor = first
            self.apply_filter()

    def _header_clicked(self, section: int) -> None:
        header = self.view.horizontalHeader()
        if section != Column.TIME:
            # Only time order is offered (the queue pages by time).
            order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(Column.TIME, order)
            return
        self.descending = not self.descending
        header.setSortIndicator(
            Column.TIME,
            Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder,
        )
        self.apply_filter()

    def _update_range_widgets(self, recount: bool = True) -> None:
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
            text = self.tr("From today")
            self.calendar.set_highlight(None)
        else:
            text = self.tr("All posts")
            self.calendar.set_highlight(None)
        total = self._queue_total(recount)
        if total is None:  # being read
            self.range_label.setText(f"<b>{html.escape(text)}</b>")
            self.range_label.setToolTip(text)
            return
        count = self.tr("%Ln post(s)", "", total)
        self.range_label.setText(f"<b>{html.escape(text)}</b> · {html.escape(count)}")
        self.range_label.setToolTip(f"{text} · {count}")

    def _queue_total(self, recount: bool = True) -> int | None:
        """The range's count: the rows themselves once all are loaded; else without `recount`
        the last one read for this filter (a refresh counts again on a job thread, see
        _refresh_status_later); None while the window is being built (read on a job thread)."""
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

    # --- accounts filter -----------------------------------------------------------------------
    def refresh_accounts(self) -> None:
        """Rebuild the account list and platform choice when accounts changed."""
        accounts = list(Account.select().order_by(Account.platform, Account.name))
        now = datetime.now(timefmt.zone())
        key = [(a.id, a.name, a.platform, a.token_expires_at) for a in accounts]
        if key == self._accounts_key:
            return
        self._accounts_key = key
        unchecked = {
            self.accounts_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.accounts_list.count())
            if self.accounts_list.item(i).checkState() != Qt.CheckState.Checked
        }
        self.accounts_list.blockSignals(True)
        self.accounts_list.clear()
        for account in accounts:
            item = QListWidgetItem(icons.platform_icon(account.platform), account.name)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if account.id in unchecked else Qt.CheckState.Checked
            )
            tip = platform_label(account.platform)
            expires = account.token_expires_at
            if expires is not None and expires <= now:
                item.setText(f"{account.name} — {self.tr('reconnect')}")
                tip += "\n" + self.tr("The token expired: reconnect the account.")
            elif expires is not None:
                tip += "\n" + self.tr("Token valid until %1").replace("%1", timefmt.when(expires))
            item.setToolTip(tip)
            self.accounts_list.addItem(item)
        self.accounts_list.blockSignals(False)

        current = self.platform_combo.currentData()
        self.platform_combo.blockSignals(True)
        self.platform_combo.clear()
        self.platform_combo.addItem(self.tr("All platforms"), None)
        for platform in sorted({a.platform for a in accounts}):
            self.platform_combo.addItem(
                icons.platform_icon(platform), platform_label(platform), platform
            )
        index = self.platform_combo.findData(current)
        self.platform_combo.setCurrentIndex(max(index, 0))
        self.platform_combo.blockSignals(False)

    def _checked_accounts(self) -> frozenset[int] | None:
        """None when every account is shown (so drafts, which have none, are shown too)."""
        ids, all_checked = set(), True
        for i in range(self.accounts_list.count()):
            item = self.accounts_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.add(int(item.data(Qt.ItemDataRole.UserRole)))
            else:
                all_checked = False
        return None if all_checked else frozenset(ids)

    def _accounts_changed(self) -> None:
        self.apply_filter()

    def _only_account(self, chosen: QListWidgetItem) -> None:
        items = [self.accounts_list.item(i) for i in range(self.accounts_list.count())]
        only = all(
            (item is chosen) == (item.checkState() == Qt.CheckState.Checked) for item in items
        )
        self.accounts_list.blockSignals(True)
        for item in items:
            show = only or item is chosen  # double-click again: every account
            item.setCheckState(Qt.CheckState.Checked if show else Qt.CheckState.Unchecked)
        self.accounts_list.blockSignals(False)
        self.apply_filter()

    # --- refresh -------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Read everything again soon: anything may have changed (the engine's due pass, a
        cleanup, another process, the editor, the tray, a dialog)."""
        self._full_refresh = True
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _post_changed(self, _post_id: int, _status: str) -> None:
        # Only a status changed: the drafts, the range's count and the warnings stay.
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_due(self) -> None:
        self.refresh_now(full=self._full_refresh)

    def refresh_now(self, full: bool = True) -> None:
        """Reload what is shown; keeps the selection and the scroll position.

        The queue now; the calendar and the status line in later steps (see _refresh_rest).
        Without `full` (only engine status events since the last refresh) the drafts, the
        range's count and the token warnings are kept: publishing changes none of them.
        """
        self._refresh_timer.stop()
        self._full_refresh = False
        self._rest_full = self._rest_full or full
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
        # The calendar and the status line on a later turn of the event loop (a timer, not a
        # posted call, so a due repaint runs in between): no single long stall while a burst of
        # posts is being published.
        self._rest_timer.start()

    def _refresh_rest(self) -> None:
        full, self._rest_full = self._rest_full, False
        self.calendar.refresh()
        # (The range's label changes with the filter only; its count comes with the read below.)
        # A status change moves no post in or out of a filter that does not choose statuses.
        recount = full or bool(self.model.filter().statuses)
        self._refresh_status_later(warnings=full, recount=recount)

    def _tick(self) -> None:
        self.refresh_accounts()
        self.calendar.refresh()
        self._refresh_status_later(warnings=True, recount=True)

    def _update_page(self) -> None:
        has_accounts = bool(self._accounts_key)
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
        self._refresh_status_later(warnings=True)

    def _refresh_status_later(self, warnings: bool, recount: bool = False) -> None:
        """The engine state and the next post now (two index seeks); the counts per status,
        with `warnings` the token warnings and with `recount` the range's count on a job thread:
        they read every post (or every post in range), which the GUI thread must not wait for.
        One read at a time; asks made meanwhile make one more afterwards."""
        self._show_status()
        if self._status_reading:
            before = self._status_again or (False, False)
            self._status_again = (before[0] or warnings, before[1] or recount)
            return
        self._status_reading = True
        flt = self.model.filter() if recount else None
        self.ctx.jobs.run(
            _read_status,
            self.ctx.posts,
            self.ctx.accounts if warnings else None,
            self.db,
            flt,
            self.model.loaded_drafts(),
            on_done=self._status_read,
            on_error=self._status_read_done,
        )

    def _status_read(self, result: StatusReads) -> None:
        counts, warnings, total = result
        self._counts = counts
        if warnings is not None:
            self._warnings = warnings
        if total is not None and total[0] == self.model.filter():
            self._queue_total_cache = total
            self._update_range_widgets(recount=False)
        if not self._status_read_done():
            self._show_status()  # (a read asked for meanwhile has just shown it)

    def _status_read_done(self, _error: Exception | None = None) -> bool:
        """The read ended, or failed: one more if asked for meanwhile (True then)."""
        self._status_reading = False
        again, self._status_again = self._status_again, None
        if again is None:
            return False
        self._refresh_status_later(*again)
        return True

    def _show_status(self) -> None:
        engine = self.ctx.engine
        if engine is None:
            owner = self.ctx.engine_owner
            state = (
                self.tr("Published by another process (%1)").replace("%1", owner)
                if owner
                else self.tr("Published by another process")
            )
            state_icon = "tray-normal"
        elif engine.state == "paused":
            state, state_icon = self.tr("Publishing paused"), "tray-paused"
        elif engine.state == "running":
            state, state_icon = self.tr("Publishing on"), "tray-normal"
        else:
            state, state_icon = self.tr("Publishing offline"), "tray-paused"
        trouble = storage_text(self.ctx.bridge.storage_trouble)
        if trouble:
            # Before anything else: nothing below happens until this is fixed.
            state_icon = "tray-failed"
            state = f"<b style='color:{error_colour(self)}'>{html.escape(trouble)}</b>"
        else:
            state = html.escape(state)
        self.state_icon.setPixmap(icons.icon(state_icon).pixmap(16, 16))
        parts = [state]
        nxt = self.ctx.posts.next_due()
        if nxt is not None:
            local = timefmt.to_local(nxt.due_at)
            parts.append(
                self.tr("next: %1 %2")
                .replace("%1", timefmt.day_label(local.date()))
                .replace("%2", timefmt.clock(nxt.due_at))
            )
        counts = self._counts
        palette = self.palette()
        for status in statuses.ORDER:
            n = counts.get(status, 0)
            if not n:
                continue
            text = html.escape(statuses.counted(status, n))
            colour = statuses.colour(status, palette) if status in statuses.PROBLEMS else None
            if colour is not None:
                # A link: one click lists the posts that need attention.
                text = (
                    f"<a href='problems' style='color:{colour.name()}; text-decoration:none'>"
                    f"<b>{text}</b></a>"
                )
            parts.append(text)
        self.status_line.setText(" · ".join(parts))
        self.status_line.setToolTip(self.tr("Times are in %1").replace("%1", timefmt.zone_name()))
        warnings = [self._token_warning_text(w) for w in self._warnings]
        if warnings:
            more = f" (+{len(warnings) - 1})" if len(warnings) > 1 else ""
            # Elided, so the status line beside it keeps its room; the tooltip has every word.
            first = self.fontMetrics().elidedText(warnings[0], Qt.TextElideMode.ElideRight, 330)
            self.warning_button.setText(first + more)
            self.warning_button.setToolTip("\n".join(warnings))
            self.warning_button.show()
        else:
            self.warning_button.hide()
        self.status_warnings = warnings

    def _token_warning_text(self, warning: TokenWarning) -> str:
        day = timefmt.day_medium(timefmt.to_local(warning.expires).date())
        if warning.kind == EXPIRED:
            text = self.tr("The token of %1 (%2) expired on %3: reconnect the account.")
        elif warning.kind == EXPIRES_SOON:
            text = self.tr("The token of %1 (%2) expires in %n day(s), on %3.", "", warning.count)
        else:
            text = self.tr(
                "The token of %1 (%2) expires on %3, before %n of its scheduled post(s).",
                "",
                warning.count,
            )
        return _fill(text, warning.account, platform_label(warning.platform), day)

    def _engine_state_changed(self, _state: str) -> None:
        engine = self.ctx.engine
        sp = QStyle.StandardPixmap
        if engine is None:
            self.pause_action.setEnabled(False)
            self.pause_action.setToolTip(
                self.tr("Another process publishes for this data folder; pause it there.")
            )
        elif engine.state == "paused":
            self.pause_action.setText(self.tr("Resume publishing"))
            self.pause_action.setIcon(_theme_icon("media-playback-start", sp.SP_MediaPlay))
            self.pause_action.setToolTip(self.tr("Publish scheduled posts again"))
        else:
            self.pause_action.setText(self.tr("Pause publishing"))
            self.pause_action.setIcon(_theme_icon("media-playback-pause", sp.SP_MediaPause))
            self.pause_action.setToolTip(
                self.tr("Hold every scheduled post until you resume (Publish now still works)")
            )
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
        self.view.selectionModel().setCurrentIndex(
            index,
            self.view.selectionModel().SelectionFlag.ClearAndSelect
            | self.view.selectionModel().SelectionFlag.Rows,
        )
        if scroll:
            self.view.scrollTo(index)
        return True

    def _selection_changed(self) -> None:
        if self._refreshing:
            return
        row = self.selected_row()
        busy = row is not None and row.kind == "post" and row.id in self.in_flight
        self.details.show_row(row, busy)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.selected_row()
        post = row if row is not None and row.kind == "post" else None
        status = post.status if post is not None else None
        busy = post is not None and post.id in self.in_flight
        draft = row is not None and row.kind == DRAFT
        self.edit_action.setEnabled(draft or (status in EDITABLE and not busy))
        self.duplicate_action.setEnabled(row is not None)
        self.publish_action.setEnabled(status in PENDING and not busy)
        self.retry_action.setEnabled(status in RETRYABLE and not busy)
        self.reschedule_action.setEnabled(status in RESCHEDULABLE and not busy)
        self.cancel_action.setEnabled(status in CANCELLABLE and not busy)
        self.delete_draft_action.setEnabled(draft)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.edit_action.isEnabled():
            self.edit_post()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = self.build_context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for action in (self.edit_action, self.duplicate_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (
            self.publish_action,
            self.retry_action,
            self.reschedule_action,
            self.cancel_action,
            self.delete_draft_action,
        ):
            menu.addAction(action)
        row = self.selected_row()
        if row is not None and row.url:
            menu.addSeparator()
            url = row.url
            menu.addAction(self.tr("Open the published post"), lambda: self.details.open_link(url))
        return menu

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

    # --- actions -------------------------------------------------------------------------------
    def reconnect_account(self) -> None:
        row = self.selected_row()
        self.open_accounts(row.account_id if row is not None else None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_post(self) -> None:
        initial = None
        if self.range_kind == DAY:
            now = datetime.now(timefmt.zone())
            if self.anchor == now.date():
                initial = next_full_hour(now)
            elif self.anchor > now.date():
                initial = datetime.combine(self.anchor, time(9, 0), tzinfo=timefmt.zone())
        self._open_editor(initial_date=initial)

    def edit_post(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.kind == DRAFT:
            self._open_editor(content_id=row.id)
        else:
            self._open_editor(post_id=row.id)

    def duplicate_post(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.kind == DRAFT:
            self._open_editor(content_id=row.id, duplicate=True)
        else:
            self._open_editor(post_id=row.id, duplicate=True)

    def _open_editor(self, **kwargs: Any) -> None:
        try:
            from desktop_publisher.gui.dialogs.editor import PostEditor
        except Exception:
            log.exception("the post editor could not be loaded")
            self._unavailable(self.tr("The post editor"))
            return
        try:
            dialog = PostEditor(self.ctx, self, **kwargs)
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
        dialog = AccountsDialog(self.ctx, self)
        item = dialog.item_for(account_id) if account_id is not None else None
        if item is not None:
            dialog.tree.setCurrentItem(item)
            QTimer.singleShot(0, dialog.edit_selected)
        dialog.exec()
        dialog.deleteLater()
        self.refresh_accounts()
        self.apply_filter()
        self.refresh_status()

    def open_settings(self) -> None:
        try:
            from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog
        except Exception:
            log.exception("the settings dialog could not be loaded")
            self._unavailable(self.tr("The settings dialog"))
            return
        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh_status()

    def _unavailable(self, what: str) -> None:
        self.show_error(
            self.tr("%1 is not available in this version of Desktop Publisher.").replace("%1", what)
        )

    def publish_now(self) -> None:
        row = self.selected_row()
        if row is None or row.kind != "post" or row.id in self.in_flight:
            return
        post_id = row.id
        engine = self.ctx.engine
        try:
            if engine is not None:
                # A short DB read and a hand-over to the account's lane: the call itself runs
                # on the engine's thread.
                future = engine.publish_now(post_id)
                job: tuple[Any, ...] = (_wait_for_future, post_id, future)
            else:
                from desktop_publisher.engine.publishing import PublishingService

                post = self.ctx.posts.get(post_id)
                if post.status not in PENDING:
                    raise UserError(
                        self.tr(
                            "Post %1 is %2; only scheduled or queued posts can be published now."
                        )
                        .replace("%1", str(post_id))
                        .replace("%2", statuses.label(post.status))
                    )
                service = PublishingService(
                    self.ctx.store, self.ctx.credentials, self._fallback_events
                )
                job = (_publish_here, post_id, service.publish_post)
        except UserError as exc:
            self.show_error(error_text(exc))
            self.schedule_refresh()
            return
        self.in_flight.add(post_id)
        self._busy_changed()
        self.ctx.jobs.run(*job, on_done=self._publish_finished)

    def _publish_finished(self, result: PublishResult) -> None:
        post_id, outcome, error = result
        self.in_flight.discard(post_id)
        self._busy_changed()
        if error is not None:
            self.show_error(error_text(error))
        elif outcome is not None and not outcome.claimed and outcome.status != Status.PUBLISHED:
            self.show_error(
                self.tr("Post %1 was not published now: it is %2.")
                .replace("%1", str(post_id))
                .replace("%2", statuses.label(outcome.status or "").lower())
            )
        self.ctx.notify_changed()

    def _busy_changed(self) -> None:
        self.model.set_busy(self.in_flight)
        n = len(self.in_flight)
        self.busy_label.setText(self.tr("Publishing %n post(s)…", "", n))
        self.busy_label.setVisible(n > 0)
        self.busy_bar.setVisible(n > 0)
        self._selection_changed()

    def retry(self) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        row = self.selected_row()
        if row is None or row.kind != "post":
            return
        try:
            post = self.ctx.posts.get(row.id)
            if post.status == Status.NEEDS_CHECK:
                answer = post_dialogs.ask_needs_check(self, post)
                if answer == post_dialogs.PUBLISHED:
                    url, ok = post_dialogs.ask_published_link(self, post)
                    if not ok:
                        return
                    if not queries.mark_published(self.db, post.id, url):
                        raise UserError(
                            self.tr("Post %1 changed meanwhile; nothing was recorded.").replace(
                                "%1", str(post.id)
                            )
                        )
                elif answer == post_dialogs.REPUBLISH:
                    self.ctx.posts.retry(post.id)
                else:
                    return
            else:
                self.ctx.posts.retry(post.id)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.ctx.notify_changed()

    def reschedule(self) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        row = self.selected_row()
        if row is None or row.kind != "post":
            return
        try:
            post = self.ctx.posts.get(row.id)
            dialog = post_dialogs.RescheduleDialog(self, post)
            if dialog.exec() != post_dialogs.RescheduleDialog.DialogCode.Accepted:
                return
            assert dialog.chosen is not None
            self.ctx.posts.reschedule(post.id, dialog.chosen)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.ctx.notify_changed()

    def cancel_post(self) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        row = self.selected_row()
        if row is None or row.kind != "post" or not self.cancel_action.isEnabled():
            return
        try:
            post = self.ctx.posts.get(row.id)
            question = (
                self.tr("Cancel the post to %1 on %2, due %3? It will not be published.")
                .replace("%1", post.account.name)
                .replace("%2", platform_label(post.account.platform))
                .replace("%3", timefmt.when(post.publication_date))
            )
            if not post_dialogs.confirm(
                self, self.tr("Cancel post"), question, self.tr("Cancel post"), self.tr("Keep it")
            ):
                return
            self.ctx.posts.cancel(post.id)
        except UserError as exc:
            self.show_error(error_text(exc))
        self.ctx.notify_changed()

    def delete_draft(self) -> None:
        from desktop_publisher.gui.dialogs import post_dialogs

        row = self.selected_row()
        if row is None or row.kind != DRAFT:
            return
        preview = row.preview[:60] + ("…" if len(row.preview) > 60 else "")
        if not post_dialogs.confirm(
            self,
            self.tr("Delete draft"),
            self.tr("Delete the draft “%1”? This cannot be undone.").replace("%1", preview),
            self.tr("Delete draft"),
            self.tr("Keep it"),
        ):
            return
        if not queries.delete_draft(self.db, row.id):
            self.show_error(self.tr("This draft has been scheduled meanwhile; it was kept."))
        self.ctx.notify_changed()

    def toggle_pause(self) -> None:
        engine = self.ctx.engine
        if engine is None:
            return
        if engine.state == "paused":
            engine.resume()
        else:
            engine.pause()
        self._engine_state_changed(engine.state)

    def import_from_environment(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import accounts"))
        box.setText(
            self.tr(
                "Import the accounts of the earlier publishing service from its variables "
                "(LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, …)?"
            )
        )
        from_env = box.addButton(self.tr("From this session"), QMessageBox.ButtonRole.AcceptRole)
        from_file = box.addButton(self.tr("From a .env file…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is from_env:
            env: dict[str, str] = dict(os.environ)
        elif clicked is from_file:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose a .env file"),
                "",
                self.tr("Environment files (*.env .env);;All files (*)"),
            )
            if not path:
                return
            from dotenv import dotenv_values

            env = {k: v for k, v in dotenv_values(path).items() if v is not None}
        else:
            return
        # The keyring may prompt or be slow: never on the GUI thread.
        self.ctx.jobs.run(
            self.ctx.accounts.import_env, env, on_done=self._imported, on_error=self._import_failed
        )

    def _imported(self, report: Any) -> None:
        lines = []
        if report.created:
            lines.append(self.tr("Connected: %1").replace("%1", ", ".join(report.created)))
        if report.updated:
            lines.append(self.tr("Updated: %1").replace("%1", ", ".join(report.updated)))
        if report.incomplete:
            lines.append(self.tr("Incomplete: %1").replace("%1", "; ".join(report.incomplete)))
        self.show_message(
            self.tr("Import accounts"), "\n".join(lines) or self.tr("Nothing to import.")
        )
        self.refresh_accounts()
        self.apply_filter()
        self.refresh_status()

    def _import_failed(self, error: Exception) -> None:
        self.show_error(error_text(error))

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
        box.finished.connect(lambda _r, b=box: self._box_closed(b))
        box.open()

    def _box_closed(self, box: QMessageBox) -> None:
        if box in self.message_boxes:
            self.message_boxes.remove(box)
