"""When the system keyring cannot be used: what happened, what to do, and Retry.

Secrets are never kept in plain text, so there is no way around the keyring: the user must unlock
it or install one. The dialog is window-modal and opened without a nested event loop (`open()`),
so it can come up from a background job's callback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.errors import KeyringUnavailable
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.text.problems import error_text
from desktop_publisher.store.models import Account


class KeyringDialog(QDialog):
    """Retry is the accept button: `accepted` means "try again"."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("System keyring unavailable"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(500)

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(self.tr("Account secrets cannot be read or saved right now"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        title.setWordWrap(True)

        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        steps = QLabel(self._steps(), self)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        safe = QLabel(
            self.tr(
                "Your posts and accounts are safe. Secrets are never written to a file, so "
                "publishing waits until the keyring can be used."
            ),
            self,
        )
        safe.setWordWrap(True)

        text = QVBoxLayout()
        text.setSpacing(10)
        text.addWidget(title)
        text.addWidget(self.message)
        text.addWidget(steps)
        text.addWidget(safe)
        text.addStretch(1)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(icon)
        body.addLayout(text, 1)

        self.buttons = QDialogButtonBox(self)
        self.retry_button = self.buttons.addButton(
            self.tr("Retry"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.retry_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)

    def _steps(self) -> str:
        if sys.platform == "darwin":
            items = [
                self.tr(
                    "Open <b>Keychain Access</b> and unlock the <b>login</b> keychain, then "
                    "click Retry."
                ),
                self.tr("If macOS asks whether Desktop Publisher may use it, choose Allow."),
            ]
        elif sys.platform.startswith("win"):
            items = [
                self.tr(
                    "Sign out of Windows and in again; the Windows Credential Manager is then "
                    "available. Click Retry."
                ),
            ]
        else:
            items = [
                self.tr(
                    "<b>If it is locked:</b> unlock it — log in to your desktop session, or open "
                    "your keyring manager (<i>Passwords and Keys</i>, <i>KWalletManager</i>) and "
                    "unlock it. Then click Retry."
                ),
                self.tr(
                    "<b>If none is installed:</b> install a Secret Service provider such as "
                    "<b>GNOME Keyring</b> (package <tt>gnome-keyring</tt>) or <b>KWallet</b>, "
                    "or turn on KeePassXC's Secret Service integration; log out and in again, "
                    "then click Retry."
                ),
                self.tr(
                    "If an unlock prompt appeared and was closed, click Retry to be asked again."
                ),
            ]
        rows = "".join(f"<li>{item}</li>" for item in items)
        heading = self.tr("What to do")
        return f"<p style='margin:0'><b>{heading}</b></p><ul style='margin-top:4px'>{rows}</ul>"

    def set_message(self, message: str) -> None:
        self.message.setText(message)


def show_keyring_problem(
    parent: QWidget, error: Exception, retry: Callable[[], None] | None = None
) -> KeyringDialog:
    """Open (or update, never stack) the dialog over `parent`; Retry calls `retry`."""
    existing = parent.findChild(KeyringDialog)
    if existing is not None and shiboken6.isValid(existing) and existing.isVisible():
        existing.set_message(error_text(error))
        return existing
    dialog = KeyringDialog(error_text(error), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if retry is not None:
        dialog.accepted.connect(retry)
    else:
        dialog.retry_button.hide()
    dialog.open()
    return dialog


def check_keyring(context: AppContext, parent: QWidget) -> None:
    """At start, read one account's secret in the background (this also unlocks the keyring
    now, when the user is there, rather than at the first scheduled publish); when it cannot be
    read, say what to do, with Retry."""
    first = Account.select().order_by(Account.id).first()
    if first is None:
        return  # no account: the keyring is not needed yet

    def failed(error: Exception) -> None:
        if isinstance(error, KeyringUnavailable):
            show_keyring_problem(parent, error, lambda: check_keyring(context, parent))

    context.jobs.run(context.credentials.get_secret, first, on_error=failed, owner=parent)
