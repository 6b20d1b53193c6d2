"""The accounts dialog's removal of an account: refused while some of its posts are being
published or need a check, confirmed with what goes with it (its posts, its secret), then run
as a background job (the keyring may be slow or locked).

A part of AccountsDialog (accounts_dialog.py): the texts belong to its catalogue context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_publisher.errors import KeyringUnavailable
from desktop_publisher.gui.dialogs.account_rows import plural, reason
from desktop_publisher.gui.dialogs.keyring_dialog import show_keyring_problem
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import platform_tr
from desktop_publisher.lifecycle import PENDING, Action, Status, accepted
from desktop_publisher.platforms import registry
from desktop_publisher.store.models import Account

if TYPE_CHECKING:
    from desktop_publisher.gui.dialogs.accounts_dialog import AccountsDialog


class AccountRemoval:
    """Mixed into AccountsDialog."""

    def remove_selected(self: AccountsDialog) -> None:
        account = self.selected_account()
        if account is None or account.id in self.testing:
            return
        counts = self.context.accounts.post_counts(account)
        # Posts whose outcome is still open: their success may yet be recorded.
        busy = sum(counts.get(status, 0) for status in accepted(Action.RECORD_SUCCESS))
        if busy:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("AccountsDialog", "Remove account"),
                fill(
                    QCoreApplication.translate(
                        "AccountsDialog",
                        "%1 cannot be removed yet: %2 of its posts are being published or need a "
                        "check. Resolve them in the queue first (Retry or mark as published).",
                    ),
                    account.name,
                    str(busy),
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        if self.confirm_remove(account, counts):
            self._remove(account.id, account.name)

    def removal_consequences(self: AccountsDialog, account: Account, counts: dict[str, int]) -> str:
        pending = sum(counts.get(status, 0) for status in PENDING)
        finished = sum(counts.values()) - pending
        label = registry.publisher_class(account.platform).secret_label
        parts = []
        if pending:
            parts.append(
                plural(
                    QCoreApplication.translate(
                        "AccountsDialog",
                        "Its %n scheduled post(s) will not be published: they leave the queue.",
                        "",
                        pending,
                    ),
                    pending,
                )
            )
        if finished:
            parts.append(
                plural(
                    QCoreApplication.translate(
                        "AccountsDialog",
                        "Its %n finished post(s) leave the queue and the calendar too.",
                        "",
                        finished,
                    ),
                    finished,
                )
            )
        if pending or finished:
            parts.append(
                QCoreApplication.translate(
                    "AccountsDialog",
                    "The content itself stays, so you can schedule it for another account.",
                )
            )
        parts.append(
            fill(
                QCoreApplication.translate(
                    "AccountsDialog", "Its %1 is deleted from the system keyring."
                ),
                platform_tr(label),
            )
        )
        return "\n\n".join(parts)

    def confirm_remove(self: AccountsDialog, account: Account, counts: dict[str, int]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("AccountsDialog", "Remove account"))
        box.setText(
            fill(
                QCoreApplication.translate("AccountsDialog", "Remove the account %1?"), account.name
            )
        )
        box.setInformativeText(self.removal_consequences(account, counts))
        remove = box.addButton(
            QCoreApplication.translate("AccountsDialog", "Remove account"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def _remove(self: AccountsDialog, account_id: int, name: str) -> None:
        self.remove_button.setEnabled(False)
        self.say(fill(QCoreApplication.translate("AccountsDialog", "Removing %1…"), name))
        # Kept for a retry of the secret's deletion once the row is gone (its entry's name).
        account = Account.get_or_none(Account.id == account_id)
        self.context.jobs.run(
            self.context.accounts.remove,
            name,
            True,
            on_done=lambda _none: self._removed(name),
            on_error=lambda error: self._remove_failed(account_id, name, error, account),
            owner=self,
        )

    def _removed(self: AccountsDialog, name: str) -> None:
        self.context.notify_changed()
        self.refresh()
        self.say(fill(QCoreApplication.translate("AccountsDialog", "Removed %1."), name))

    def _remove_failed(
        self: AccountsDialog,
        account_id: int,
        name: str,
        error: Exception,
        account: Account | None = None,
    ) -> None:
        self.refresh()
        if isinstance(error, KeyringUnavailable) and Account.get_or_none(Account.id == account_id):
            self.say(reason(error), Status.FAILED)
            show_keyring_problem(self, error, lambda: self._remove(account_id, name))
            return
        if isinstance(error, KeyringUnavailable):
            # The account is gone; only its secret is left in the keyring.
            self.context.notify_changed()
            self.say(
                fill(
                    QCoreApplication.translate(
                        "AccountsDialog",
                        "Removed %1, but its secret could not be deleted from the keyring.",
                    ),
                    name,
                ),
                Status.NEEDS_CHECK,
            )
            show_keyring_problem(
                self,
                error,
                None
                if account is None
                else lambda: self.context.jobs.run(self.context.credentials.delete_secret, account),
            )
            return
        self.say(reason(error), Status.FAILED)
