"""The tray icon: a menu, a state icon (normal / something failed / paused), the notifications,
and what closing the window means (keep publishing in the tray, or ask once when there is none).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from desktop_publisher import APP_NAME
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import Notification
from desktop_publisher.gui.text.problems import storage_text

log = logging.getLogger(__name__)

# Success balloons vanish; failures stay as long as the platform lets them (0 = its maximum).
SUCCESS_MS = 8000
FAILURE_MS = 0


class TrayController(QObject):
    def __init__(self, context: AppContext, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.window = window
        self.last_notification: Notification | None = None
        self.told_still_running = False
        self.icon = QSystemTrayIcon(icons.icon("tray-normal"), self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open"), self.menu)
        self.new_action = QAction(self.tr("New post…"), self.menu)
        self.pause_action = QAction(self.tr("Pause publishing"), self.menu)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        for action in (self.open_action, self.new_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)

        self.open_action.triggered.connect(self.open_window)
        self.new_action.triggered.connect(self.new_post)
        self.pause_action.triggered.connect(self.toggle_pause)
        self.quit_action.triggered.connect(self.quit)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        context.notifier.shown.connect(self.show_notification)
        context.notifier.unresolvedChanged.connect(lambda _n: self.update_icon())
        context.bridge.engineStateChanged.connect(lambda _s: self.update_icon())
        context.bridge.storageChanged.connect(lambda _s: self.update_icon())

        window.close_handler = self.handle_close  # type: ignore[attr-defined]
        if self.available():
            QApplication.setQuitOnLastWindowClosed(False)
            self.icon.show()
        self.update_icon()

    # --- state -----------------------------------------------------------------------------
    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def state(self) -> str:
        if self.context.bridge.storage_trouble:
            return "storage"
        engine = self.context.engine
        if engine is not None and engine.state == "paused":
            return "paused"
        if self.context.notifier.unresolved:
            return "failed"
        return "normal"

    def update_icon(self) -> None:
        state = self.state()
        self.icon.setIcon(icons.icon("tray-failed" if state == "storage" else f"tray-{state}"))
        tips = {
            "normal": self.tr("Publishing on schedule"),
            "failed": self.tr("Some posts need your attention"),
            "paused": self.tr("Publishing is paused"),
            "storage": storage_text(self.context.bridge.storage_trouble),
        }
        self.icon.setToolTip(f"{APP_NAME} — {tips[state]}")
        engine = self.context.engine
        paused = engine is not None and engine.state == "paused"
        self.pause_action.setText(
            self.tr("Resume publishing") if paused else self.tr("Pause publishing")
        )
        # Off when another process publishes (learnt when the window's engine tried to start).
        self.pause_action.setEnabled(self.context.engine is not None)

    # --- actions ---------------------------------------------------------------------------
    def open_window(self) -> None:
        bring = getattr(self.window, "bring_forward", None)
        if bring is not None:
            bring()
        else:
            self.window.show()
        self.context.notifier.dismiss_all()

    def new_post(self) -> None:
        self.open_window()
        new = getattr(self.window, "new_post", None)
        if new is not None:
            new()

    def toggle_pause(self) -> None:
        engine = self.context.engine
        if engine is None:
            return
        if engine.state == "paused":
            engine.resume()
        else:
            engine.pause()
        self.update_icon()

    def quit(self) -> None:
        self.icon.hide()
        # exit(), not quit(): quit() first offers the window a close, which a window that keeps
        # running in the tray refuses, and Quit would then do nothing.
        QApplication.exit(0)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    def _message_clicked(self) -> None:
        self.open_window()
        notification = self.last_notification
        show_post = getattr(self.window, "show_post", None)
        if notification is not None and notification.post_ids and show_post is not None:
            show_post(notification.post_ids[0])

    # --- notifications ---------------------------------------------------------------------
    def show_notification(self, notification: Notification) -> None:
        self.last_notification = notification
        self.update_icon()
        if not self.icon.isVisible():
            return
        failed = notification.kind == "failed"
        self.icon.showMessage(
            notification.title,
            notification.message,
            QSystemTrayIcon.MessageIcon.Warning
            if failed
            else QSystemTrayIcon.MessageIcon.Information,
            FAILURE_MS if failed else SUCCESS_MS,
        )

    def show_minimized_hint(self) -> None:
        self.icon.showMessage(
            APP_NAME,
            self.tr("Publishing in the background. Click the icon to open the window."),
            QSystemTrayIcon.MessageIcon.Information,
            SUCCESS_MS,
        )

    # --- closing the window ----------------------------------------------------------------
    def handle_close(self, event: QCloseEvent) -> bool:
        """True: the window only hides and the app keeps publishing."""
        settings = self.context.store.settings
        if self.available():
            if not settings.get("close_to_tray"):
                return False
            if not self.told_still_running:
                self.told_still_running = True
                self.icon.showMessage(
                    APP_NAME,
                    self.tr(
                        "Still publishing in the background. Use Quit in this icon's menu to stop."
                    ),
                    QSystemTrayIcon.MessageIcon.Information,
                    SUCCESS_MS,
                )
            return True
        answer = settings.get("tray_missing_answer")
        if not answer:
            answer = self.ask_without_tray()
            if answer:
                settings.set("tray_missing_answer", answer)
        if answer == "background":
            QApplication.setQuitOnLastWindowClosed(False)
            return True
        return False

    def ask_without_tray(self) -> str:
        from PySide6.QtWidgets import QMessageBox  # its type is made on first use, not at start

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(APP_NAME)
        box.setText(
            self.tr(
                "There is no system tray on this desktop, so no icon can stay "
                "behind when the window closes."
            )
        )
        box.setInformativeText(
            self.tr(
                "Keep publishing in the background? Start Desktop Publisher again to bring the "
                "window back. Or quit: scheduled posts are then published only while the app runs."
            )
        )
        keep = box.addButton(self.tr("Keep publishing"), QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return "background"
        if clicked is quit_button:
            return "quit"
        return ""
