"""The accounts dialog's list: one row per account, with the outcome of its last connection test
and when its token expires, and the words for a failed test or save.

The texts belong to the dialog's catalogue context ("AccountsDialog").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QTreeWidgetItem

from desktop_publisher.errors import UserError
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_text, message_text, stored_text
from desktop_publisher.lifecycle import Status
from desktop_publisher.platforms.base import PublishError
from desktop_publisher.redaction import redact
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import Account

COL_NAME, COL_PLATFORM, COL_CHECK, COL_TOKEN = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole


def reason(error: Exception) -> str:
    """The words a person reads for a failed check or save (never a traceback), in the
    window's language when the failure says itself as a message."""
    if isinstance(error, PublishError):
        return message_text(error.detail) if error.detail is not None else error.message
    if isinstance(error, UserError):
        return error_text(error)
    return fill(
        QCoreApplication.translate("AccountsDialog", "Unexpected error: %1"),
        f"{type(error).__name__}: {redact(error)}",
    )


def plural(text: str, n: int) -> str:
    """English without a catalogue: "%n day(s)" reads "1 day", "3 days"."""
    return text.replace("(s)", "" if n == 1 else "s")


def show_account_row(
    item: QTreeWidgetItem,
    account: Account,
    warn_days: int,
    palette: QPalette,
    testing: set[int],
    local_results: Mapping[int, tuple[bool, str]],
) -> None:
    item.setText(COL_NAME, account.name)
    item.setIcon(COL_NAME, icons.platform_icon(account.platform))
    item.setText(COL_PLATFORM, platform_label(account.platform))

    status, text, tip = check_state(account, testing, local_results)
    item.setText(COL_CHECK, text)
    item.setToolTip(COL_CHECK, tip)
    item.setIcon(COL_CHECK, statuses.icon(status) if status else QIcon())
    colour = statuses.colour(status, palette) if status else None
    if colour is not None:
        item.setForeground(COL_CHECK, colour)

    status, text, tip = token_state(account, warn_days)
    item.setText(COL_TOKEN, text)
    item.setToolTip(COL_TOKEN, tip)
    if status:
        item.setIcon(COL_TOKEN, statuses.icon(status))
        colour = statuses.colour(status, palette)
        if colour is not None:
            item.setForeground(COL_TOKEN, colour)


def check_state(
    account: Account, testing: set[int], local_results: Mapping[int, tuple[bool, str]]
) -> tuple[str, str, str]:
    """(status icon name or "", text, tooltip) for the last check of the account."""
    if account.id in testing:
        return (
            Status.PUBLISHING,
            QCoreApplication.translate("AccountsDialog", "Testing…"),
            QCoreApplication.translate("AccountsDialog", "Asking the platform…"),
        )
    local = local_results.get(account.id)
    if local is not None and not local[0]:
        return Status.FAILED, local[1], local[1]
    if account.last_check_at is None:
        return (
            "",
            QCoreApplication.translate("AccountsDialog", "Not tested yet"),
            QCoreApplication.translate("AccountsDialog", "Use Test connection to check it"),
        )
    when = fill(
        QCoreApplication.translate("AccountsDialog", "Checked %1"),
        timefmt.when(account.last_check_at),
    )
    if account.last_check_ok:
        text = fill(
            QCoreApplication.translate("AccountsDialog", "Works — connected as %1"),
            account.last_check_message or "",
        )
        return Status.PUBLISHED, text, f"{text}\n{when}"
    # The platform's refusal in the window's language when it was stored with its detail.
    message = stored_text(account.last_check_detail, account.last_check_message)
    return Status.FAILED, message, f"{message}\n{when}"


def token_state(account: Account, warn_days: int) -> tuple[str, str, str]:
    expires = account.token_expires_at
    if expires is None:
        return (
            "",
            QCoreApplication.translate("AccountsDialog", "Does not expire"),
            QCoreApplication.translate("AccountsDialog", "No expiry date is recorded"),
        )
    now = utcnow()
    day = timefmt.day_label(timefmt.to_local(expires).date())
    if expires <= now:
        return (
            Status.FAILED,
            fill(QCoreApplication.translate("AccountsDialog", "Expired on %1"), day),
            QCoreApplication.translate(
                "AccountsDialog", "Edit the account and paste a new token to reconnect it"
            ),
        )
    if expires - now <= timedelta(days=warn_days):
        # Calendar days, as a person counts them: "tomorrow" is 1 whatever the hour.
        today = now.astimezone(timefmt.zone()).date()
        days = (timefmt.to_local(expires).date() - today).days
        text = (
            QCoreApplication.translate("AccountsDialog", "Expires today")
            if days <= 0
            else plural(
                QCoreApplication.translate("AccountsDialog", "Expires in %n day(s)", "", days),
                days,
            )
        )
        return (
            Status.NEEDS_CHECK,
            f"{text} ({day})",
            QCoreApplication.translate(
                "AccountsDialog", "Reconnect it before then: edit the account and paste a new token"
            ),
        )
    return (
        "",
        fill(QCoreApplication.translate("AccountsDialog", "Expires %1"), day),
        timefmt.when(expires),
    )
