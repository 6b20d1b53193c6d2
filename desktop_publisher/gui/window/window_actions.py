"""The window's actions (toolbar buttons, shortcuts, the queue's context menu) and the toolbar
with the search box. Which post actions are enabled follows lifecycle.py: an action is offered
for a post whose status it accepts, and never while the post is being published."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QStyle, QToolBar, QWidget

from desktop_publisher.gui.window.filter_bar import ALL, DAY, MONTH_RANGE, UPCOMING, WEEK_RANGE
from desktop_publisher.lifecycle import DRAFT, Action, allows
from desktop_publisher.store.queries import QueueRow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

# The actions' words are the window's (context "MainWindow" in the catalogues), as the window's
# own shortcuts and menus have always been.


def theme_icon(name: str, fallback: QStyle.StandardPixmap | None = None) -> QIcon:
    found = QIcon.fromTheme(name)
    if found.isNull() and fallback is not None:
        from PySide6.QtWidgets import QApplication

        return QApplication.style().standardIcon(fallback)
    return found


class WindowActions(QObject):
    """The actions of `window` (added to it, so their shortcuts work wherever the focus is)."""

    def __init__(self, window: Any, search_timer: QTimer) -> None:
        super().__init__(window)
        self.window = window
        self._build_actions(window)
        self._build_toolbar(window, search_timer)

    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QIcon | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None and not icon.isNull():
            action.setIcon(icon)
        if tip:
            shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work wherever the focus is in the window
        return action

    def _build_actions(self, window: Any) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            QCoreApplication.translate("MainWindow", "New post…"),
            window.new_post,
            QKeySequence.StandardKey.New,
            theme_icon("document-new"),
            QCoreApplication.translate("MainWindow", "Write a new post"),
        )
        self.edit_action = self._action(
            QCoreApplication.translate("MainWindow", "Edit…"),
            window.edit_post,
            "Ctrl+E",
            theme_icon("document-edit"),
            QCoreApplication.translate("MainWindow", "Edit the selected post"),
        )
        self.duplicate_action = self._action(
            QCoreApplication.translate("MainWindow", "Duplicate…"),
            window.duplicate_post,
            "Ctrl+D",
            theme_icon("edit-copy"),
            QCoreApplication.translate("MainWindow", "Start a new post from the selected one"),
        )
        self.publish_action = self._action(
            QCoreApplication.translate("MainWindow", "Publish now"),
            window.publish_now,
            "Ctrl+Shift+P",
            theme_icon("mail-send"),
            QCoreApplication.translate("MainWindow", "Publish the selected post now"),
        )
        self.retry_action = self._action(
            QCoreApplication.translate("MainWindow", "Retry"),
            window.retry,
            "Ctrl+R",
            theme_icon("view-refresh"),
            QCoreApplication.translate("MainWindow", "Try a failed post again"),
        )
        self.reschedule_action = self._action(
            QCoreApplication.translate("MainWindow", "Reschedule…"),
            window.reschedule,
            None,
            theme_icon("appointment-new"),
            QCoreApplication.translate("MainWindow", "Choose another time for the selected post"),
        )
        self.cancel_action = self._action(
            QCoreApplication.translate("MainWindow", "Cancel post"),
            window.cancel_post,
            QKeySequence.StandardKey.Delete,
            theme_icon("process-stop"),
            QCoreApplication.translate("MainWindow", "Cancel the selected post"),
        )
        self.delete_draft_action = self._action(
            QCoreApplication.translate("MainWindow", "Delete draft"),
            window.delete_draft,
            "Shift+Del",
            theme_icon("edit-delete"),
            QCoreApplication.translate("MainWindow", "Delete the selected draft"),
        )
        self.pause_action = self._action(
            QCoreApplication.translate("MainWindow", "Pause publishing"),
            window.toggle_pause,
            None,
            theme_icon("media-playback-pause", sp.SP_MediaPause),
        )
        self.accounts_action = self._action(
            QCoreApplication.translate("MainWindow", "Accounts…"),
            window.open_accounts,
            None,
            theme_icon("system-users"),
            QCoreApplication.translate("MainWindow", "Connect and manage accounts"),
        )
        self.settings_action = self._action(
            QCoreApplication.translate("MainWindow", "Settings…"),
            window.open_settings,
            QKeySequence.StandardKey.Preferences,
            theme_icon("preferences-system"),
            QCoreApplication.translate("MainWindow", "Settings"),
        )
        self.search_action = self._action(
            QCoreApplication.translate("MainWindow", "Search"),
            window.focus_search,
            QKeySequence.StandardKey.Find,
        )
        self.day_action = self._action(
            QCoreApplication.translate("MainWindow", "Day"),
            lambda: window.set_range(DAY),
            "Ctrl+1",
            tip=QCoreApplication.translate("MainWindow", "One day"),
        )
        self.week_action = self._action(
            QCoreApplication.translate("MainWindow", "Week"),
            lambda: window.set_range(WEEK_RANGE),
            "Ctrl+2",
            tip=QCoreApplication.translate("MainWindow", "One week"),
        )
        self.month_action = self._action(
            QCoreApplication.translate("MainWindow", "Month"),
            lambda: window.set_range(MONTH_RANGE),
            "Ctrl+3",
            tip=QCoreApplication.translate("MainWindow", "One month"),
        )
        self.upcoming_action = self._action(
            QCoreApplication.translate("MainWindow", "Upcoming"),
            lambda: window.set_range(UPCOMING),
            "Ctrl+9",
            tip=QCoreApplication.translate("MainWindow", "From today on"),
        )
        self.all_action = self._action(
            QCoreApplication.translate("MainWindow", "All"),
            lambda: window.set_range(ALL),
            "Ctrl+0",
            tip=QCoreApplication.translate("MainWindow", "Every post"),
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

    def _build_toolbar(self, window: Any, search_timer: QTimer) -> None:
        bar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), window)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        window.addToolBar(bar)
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
        self.search.setPlaceholderText(QCoreApplication.translate("MainWindow", "Search posts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(QCoreApplication.translate("MainWindow", "Search posts"))
        self.search.setToolTip(
            QCoreApplication.translate("MainWindow", "Search the text of posts (Ctrl+F)")
        )
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(lambda _t: search_timer.start())
        self.search.returnPressed.connect(window.apply_filter)
        bar.addWidget(self.search)
        self.toolbar = bar

    def range_actions(self) -> list[tuple[str, QAction]]:
        return [
            (DAY, self.day_action),
            (WEEK_RANGE, self.week_action),
            (MONTH_RANGE, self.month_action),
            (UPCOMING, self.upcoming_action),
            (ALL, self.all_action),
        ]

    def update_for(self, row: QueueRow | None, busy: bool) -> None:
        """Enable what the selected row's status allows (nothing while it is being published)."""
        post = row if row is not None and row.kind == "post" else None
        status = post.status if post is not None else None
        draft = row is not None and row.kind == DRAFT

        def offered(action: Action) -> bool:
            return status is not None and allows(action, status) and not busy

        self.edit_action.setEnabled(draft or offered(Action.EDIT))
        self.duplicate_action.setEnabled(row is not None)
        self.publish_action.setEnabled(offered(Action.PUBLISH_NOW))
        self.retry_action.setEnabled(offered(Action.RETRY))
        self.reschedule_action.setEnabled(offered(Action.RESCHEDULE))
        self.cancel_action.setEnabled(offered(Action.CANCEL))
        self.delete_draft_action.setEnabled(draft)

    def show_engine_state(self, engine: Any) -> None:
        """The pause action says what it would do to the engine."""
        sp = QStyle.StandardPixmap
        if engine is None:
            self.pause_action.setEnabled(False)
            self.pause_action.setToolTip(
                QCoreApplication.translate(
                    "MainWindow", "Another process publishes for this data folder; pause it there."
                )
            )
        elif engine.state == "paused":
            self.pause_action.setText(QCoreApplication.translate("MainWindow", "Resume publishing"))
            self.pause_action.setIcon(theme_icon("media-playback-start", sp.SP_MediaPlay))
            self.pause_action.setToolTip(
                QCoreApplication.translate("MainWindow", "Publish scheduled posts again")
            )
        else:
            self.pause_action.setText(QCoreApplication.translate("MainWindow", "Pause publishing"))
            self.pause_action.setIcon(theme_icon("media-playback-pause", sp.SP_MediaPause))
            self.pause_action.setToolTip(
                QCoreApplication.translate(
                    "MainWindow",
                    "Hold every scheduled post until you resume (Publish now still works)",
                )
            )

    def context_menu(self, row: QueueRow | None, open_link: Callable[[str], None]) -> QMenu:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.window)
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
        if row is not None and row.url:
            menu.addSeparator()
            url = row.url
            menu.addAction(
                QCoreApplication.translate("MainWindow", "Open the published post"),
                lambda: open_link(url),
            )
        return menu
