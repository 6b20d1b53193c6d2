"""The left column's account list: each account with its platform's icon, ticked when its posts
are shown; a double-click shows only that one (again: every account)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.store.models import Account


class AccountsSidebar(QObject):
    """The title and the list (made with `parent` as their parent); `changed` is called when the
    user changes which accounts are shown."""

    def __init__(self, parent: QWidget, changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self._changed = changed
        # What the list shows, to rebuild it only when an account changed.
        self.accounts_key: list[tuple[Any, ...]] = []
        self.title = QLabel(QCoreApplication.translate("MainWindow", "Accounts"), parent)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(parent)
        self.list.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Accounts shown in the queue")
        )
        self.list.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Untick an account to hide its posts; double-click to show only that one.",
            )
        )
        self.list.setIconSize(QSize(18, 18))
        self.list.itemChanged.connect(lambda _item: self._changed())
        self.list.itemDoubleClicked.connect(self._only_account)

    def refresh(self) -> list[str] | None:
        """Rebuild the list when accounts changed: their platforms then (None: nothing changed)."""
        accounts = list(Account.select().order_by(Account.platform, Account.name))
        now = datetime.now(timefmt.zone())
        key = [(a.id, a.name, a.platform, a.token_expires_at) for a in accounts]
        if key == self.accounts_key:
            return None
        self.accounts_key = key
        unchecked = {
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() != Qt.CheckState.Checked
        }
        self.list.blockSignals(True)
        self.list.clear()
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
                item.setText(
                    f"{account.name} — {QCoreApplication.translate('MainWindow', 'reconnect')}"
                )
                tip += "\n" + QCoreApplication.translate(
                    "MainWindow", "The token expired: reconnect the account."
                )
            elif expires is not None:
                tip += "\n" + fill(
                    QCoreApplication.translate("MainWindow", "Token valid until %1"),
                    timefmt.when(expires),
                )
            item.setToolTip(tip)
            self.list.addItem(item)
        self.list.blockSignals(False)
        return sorted({a.platform for a in accounts})

    def checked(self) -> frozenset[int] | None:
        """None when every account is shown (so drafts, which have none, are shown too)."""
        ids, all_checked = set(), True
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.add(int(item.data(Qt.ItemDataRole.UserRole)))
            else:
                all_checked = False
        return None if all_checked else frozenset(ids)

    def check_all(self) -> None:
        """Every account shown, without telling (the caller applies the filter)."""
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked)
        self.list.blockSignals(False)

    def _only_account(self, chosen: QListWidgetItem) -> None:
        items = [self.list.item(i) for i in range(self.list.count())]
        only = all(
            (item is chosen) == (item.checkState() == Qt.CheckState.Checked) for item in items
        )
        self.list.blockSignals(True)
        for item in items:
            show = only or item is chosen  # double-click again: every account
            item.setCheckState(Qt.CheckState.Checked if show else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._changed()
