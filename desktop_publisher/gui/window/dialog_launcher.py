"""The dialogs the window opens: the post editor (new, edit, duplicate), the accounts and settings
dialogs, the import of the earlier publishing service's variables (asked in env_import.py, run on a
job thread), and the message boxes that report what went wrong.

Each dialog's module is imported when it is first opened: none of them is needed to show the
window (tests/test_startup_imports.py), and PySide makes a Qt class's Python type only when its
name is first read. The texts keep the "MainWindow" context they were translated in.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from desktop_publisher import APP_NAME
from desktop_publisher.env_file import read_env_file
from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_text
from desktop_publisher.gui.window.filter_bar import DAY
from desktop_publisher.lifecycle import DRAFT
from desktop_publisher.when import next_full_hour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop_publisher.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class DialogLauncher(QObject):
    """Opens `window`'s dialogs and tells the window what may have changed after each."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.message_boxes: list[QMessageBox] = []  # open error boxes (tests look at them)

    # --- the post editor ---------------------------------------------------------------------
    def new_post(self) -> None:
        """A new post; in a day's range, at that day's next sensible time."""
        window = self.window
        initial = None
        if window.range_kind == DAY:
            now = datetime.now(timefmt.zone())
            if window.anchor == now.date():
                initial = next_full_hour(now)
            elif window.anchor > now.date():
                initial = datetime.combine(window.anchor, time(9, 0), tzinfo=timefmt.zone())
        self._open_editor(initial_date=initial)

    def edit_post(self, duplicate: bool = False) -> None:
        row = self.window.selected_row()
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
            self._unavailable(QCoreApplication.translate("MainWindow", "The post editor"))
            return
        try:
            dialog = PostEditor(self.context, self.window, **kwargs)
            dialog.exec()
        except UserError as exc:
            self.show_error(error_text(exc))
        self.window.refresh_accounts()
        self.window.schedule_refresh()

    # --- accounts and settings ---------------------------------------------------------------
    def open_accounts(self, account_id: int | None = None) -> None:
        """The accounts dialog; with `account_id`, that account's form opens on top of it
        (Reconnect on a failed post)."""
        try:
            from desktop_publisher.gui.dialogs.accounts_dialog import AccountsDialog
        except Exception:
            log.exception("the accounts dialog could not be loaded")
            self._unavailable(QCoreApplication.translate("MainWindow", "The accounts dialog"))
            return
        dialog = AccountsDialog(self.context, self.window)
        item = dialog.item_for(account_id) if account_id is not None else None
        if item is not None:
            dialog.tree.setCurrentItem(item)
            QTimer.singleShot(0, dialog.edit_selected)
        dialog.exec()
        dialog.deleteLater()
        self.window.accounts_may_have_changed()

    def reconnect_account(self) -> None:
        row = self.window.selected_row()
        self.open_accounts(row.account_id if row is not None else None)

    def open_settings(self) -> None:
        try:
            from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog
        except Exception:
            log.exception("the settings dialog could not be loaded")
            self._unavailable(QCoreApplication.translate("MainWindow", "The settings dialog"))
            return
        dialog = SettingsDialog(self.context, self.window)
        dialog.exec()
        dialog.deleteLater()
        self.window.refresh_status()

    def _unavailable(self, what: str) -> None:
        self.show_error(
            fill(
                QCoreApplication.translate(
                    "MainWindow", "%1 is not available in this version of Desktop Publisher."
                ),
                what,
            )
        )

    # --- import from the earlier service's variables -----------------------------------------
    def import_from_environment(self) -> None:
        from desktop_publisher.gui.window.env_import import ask_env_source

        source = ask_env_source(self.window)
        if source is None:
            return
        accounts = self.context.accounts
        if source == "":
            env = dict(os.environ)
            work: Callable[[], Any] = lambda: accounts.import_env(env)  # noqa: E731
        else:
            path = source
            work = lambda: accounts.import_env(read_env_file(path))  # noqa: E731
        # The keyring may prompt or be slow, the file may be on a slow disk: never on the GUI
        # thread.
        self.context.jobs.run(work, on_done=self._imported, on_error=self._import_failed)

    def _imported(self, report: Any) -> None:
        lines = []
        if report.created:
            lines.append(
                fill(
                    QCoreApplication.translate("MainWindow", "Connected: %1"),
                    ", ".join(report.created),
                )
            )
        if report.updated:
            lines.append(
                fill(
                    QCoreApplication.translate("MainWindow", "Updated: %1"),
                    ", ".join(report.updated),
                )
            )
        if report.incomplete:
            lines.append(
                fill(
                    QCoreApplication.translate("MainWindow", "Incomplete: %1"),
                    "; ".join(report.incomplete),
                )
            )
        self.show_message(
            QCoreApplication.translate("MainWindow", "Import accounts"),
            "\n".join(lines) or QCoreApplication.translate("MainWindow", "Nothing to import."),
        )
        self.window.accounts_may_have_changed()

    def _import_failed(self, error: Exception) -> None:
        self.show_error(error_text(error))

    # --- messages ----------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        """A user error, as its words only (never a traceback); does not block the window."""
        self._open_box("warning", APP_NAME, text)

    def show_message(self, title: str, text: str) -> None:
        self._open_box("information", title, text)

    def _open_box(self, kind: str, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if kind == "warning" else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_boxes.append(box)
        box.finished.connect(
            lambda _r, b=box: self.message_boxes.remove(b) if b in self.message_boxes else None
        )
        box.open()
