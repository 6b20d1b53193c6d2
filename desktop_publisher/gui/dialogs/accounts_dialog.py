"""The accounts: which are connected, whether they work, when their tokens expire; add, edit,
test, remove, and import the earlier service's environment variables.

Anything that may touch the keyring or the network (saving, testing, removing, importing) runs as
a background job; the list itself is a short DB read. Its rows are drawn by account_rows.py,
the removal of an account is account_removal.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.accounts import ImportReport
from desktop_publisher.env_file import read_env_file
from desktop_publisher.errors import CredentialError, KeyringUnavailable
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.dialogs.account_edit import AccountEditDialog
from desktop_publisher.gui.dialogs.account_removal import AccountRemoval
from desktop_publisher.gui.dialogs.account_rows import (  # noqa: F401 - COL_*: the tests' columns
    COL_CHECK,
    COL_NAME,
    COL_PLATFORM,
    COL_TOKEN,
    ID_ROLE,
    reason,
    show_account_row,
)
from desktop_publisher.gui.dialogs.keyring_dialog import show_keyring_problem
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import statuses
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import platform_tr, set_text_colour
from desktop_publisher.lifecycle import Status
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PublishError
from desktop_publisher.store.models import Account


def choose_env_file(parent: QWidget) -> str:
    """The .env file to import, or "" (a module function, so tests can answer it)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AccountsDialog", "Choose a .env file"),
        "",
        QCoreApplication.translate(
            "AccountsDialog", "Environment files (*.env .env);;All files (*)"
        ),
    )
    return path


class AccountsDialog(AccountRemoval, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(860, 440)
        self.setMinimumSize(640, 320)
        self.testing: set[int] = set()
        # Outcomes of checks that never reached the platform (no secret, keyring locked).
        self.local_results: dict[int, tuple[bool, str]] = {}
        self.summary_box: QMessageBox | None = None
        self.edit_dialog: AccountEditDialog | None = None

        intro = QLabel(
            self.tr(
                "The accounts Desktop Publisher publishes to. Their tokens and passwords are kept "
                "in the system keyring, never in a file."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Account"), self.tr("Platform"), self.tr("Last check"), self.tr("Token")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIconSize(QSize(18, 18))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Connected accounts"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PLATFORM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHECK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TOKEN, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(COL_NAME, 170)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.edit_selected())

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setText(
            "<p style='font-size:large'><b>{}</b></p><p>{}</p>".format(
                self.tr("No accounts yet"),
                self.tr(
                    "Add one with <b>Add account</b>: you need its access token (for WordPress, "
                    "an application password). If you used the environment variables of the "
                    "earlier publishing service (LINKEDIN_ACCESS_TOKEN, …), use <b>Import</b>."
                ),
            )
        )
        self.empty.setMargin(32)
        # Framed like the list it stands in for, so the dialog keeps its shape.
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty.setBackgroundRole(QPalette.ColorRole.Base)
        self.empty.setAutoFillBackground(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)

        self.add_button = QPushButton(self.tr("Add account"), self)
        add_menu = QMenu(self.add_button)
        for cls in sorted(registry.platforms().values(), key=lambda c: c.label.lower()):
            action = add_menu.addAction(icons.platform_icon(cls.platform), cls.label + "…")
            action.triggered.connect(lambda _checked=False, p=cls.platform: self.add_account(p))
        self.add_button.setMenu(add_menu)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setToolTip(
            self.tr("Ask the platform who this token belongs to (runs in the background)")
        )
        self.test_button.clicked.connect(self.test_selected)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("Import"), self)
        import_menu = QMenu(self.import_button)
        import_menu.addAction(
            self.tr("From this session's environment variables"), self.import_from_session
        )
        import_menu.addAction(self.tr("From a .env file…"), self.import_from_file)
        self.import_button.setMenu(import_menu)
        self.import_button.setToolTip(
            self.tr(
                "Create accounts from LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, "
                "INSTAGRAM_ACCESS_TOKEN, WORDPRESS_PASSWORD and their companions"
            )
        )
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.test_button, self.remove_button):
            side.addWidget(button)
        side.addSpacing(16)
        side.addWidget(self.import_button)
        side.addStretch(1)

        self.result_icon = QLabel(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addWidget(self.result, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addLayout(result_row)
        layout.addWidget(self.buttons)

        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.remove_selected)
        self.refresh()

    # --- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_id()
        accounts = self.context.accounts.list()
        warn_days = int(self.context.store.settings.get("token_warning_days"))
        self.tree.clear()
        for account in accounts:
            item = QTreeWidgetItem()
            item.setData(COL_NAME, ID_ROLE, account.id)
            self._show_account_row(item, account, warn_days)
            self.tree.addTopLevelItem(item)
            if account.id == selected:
                item.setSelected(True)
        if self.tree.topLevelItemCount() and not self.tree.selectedItems():
            self.tree.topLevelItem(0).setSelected(True)
        if self.tree.selectedItems():
            self.tree.setCurrentItem(self.tree.selectedItems()[0])
        self.stack.setCurrentWidget(self.tree if accounts else self.empty)
        self._update_buttons()

    def _show_account_row(self, item: QTreeWidgetItem, account: Account, warn_days: int) -> None:
        show_account_row(
            item, account, warn_days, self.tree.palette(), self.testing, self.local_results
        )

    def selected_id(self) -> int | None:
        items = self.tree.selectedItems()
        return int(items[0].data(COL_NAME, ID_ROLE)) if items else None

    def selected_account(self) -> Account | None:
        account_id = self.selected_id()
        return None if account_id is None else Account.get_or_none(Account.id == account_id)

    def item_for(self, account_id: int) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(COL_NAME, ID_ROLE) == account_id:
                return item
        return None

    def _update_buttons(self) -> None:
        account_id = self.selected_id()
        chosen = account_id is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and account_id not in self.testing)
        self.test_button.setEnabled(chosen and account_id not in self.testing)

    def say(self, text: str, status: str = "") -> None:
        """The one line under the list with the outcome of the last action."""
        self.result.setText(text)
        colour = statuses.colour(status, self.palette()) if status else None
        set_text_colour(self.result, colour.name() if colour is not None else None)
        icon = statuses.icon(status) if status else None
        self.result_icon.setPixmap(icon.pixmap(16, 16) if icon is not None else QPixmap())

    # --- add / edit -------------------------------------------------------------------------------
    def add_account(self, platform: str | None = None) -> None:
        self._edit(AccountEditDialog(self.context, self, platform=platform))

    def edit_selected(self) -> None:
        account = self.selected_account()
        if account is not None:
            self._edit(AccountEditDialog(self.context, self, account=account))

    def _edit(self, dialog: AccountEditDialog) -> None:
        self.edit_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._edited(dialog))
        dialog.open()

    def _edited(self, dialog: AccountEditDialog) -> None:
        saved = dialog.saved
        if saved is None:
            return
        self.local_results.pop(saved.id, None)
        self.refresh()
        item = self.item_for(saved.id)
        if item is not None:
            self.tree.setCurrentItem(item)
        self.say(fill(self.tr("Saved %1. Use Test connection to check that it works."), saved.name))

    # --- test -----------------------------------------------------------------------------------
    def test_selected(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.test_account(account.id)

    def test_account(self, account_id: int) -> None:
        account = Account.get_or_none(Account.id == account_id)
        if account is None or account_id in self.testing:
            return
        self.testing.add(account_id)
        self.local_results.pop(account_id, None)
        self.refresh()
        self.say(fill(self.tr("Testing %1…"), account.name), Status.PUBLISHING)
        name = account.name
        self.context.jobs.run(
            self.context.accounts.test,
            name,
            on_done=lambda display: self._tested(account_id, name, display),
            on_error=lambda error: self._test_failed(account_id, name, error),
            owner=self,
        )

    def _tested(self, account_id: int, name: str, display: str) -> None:
        self.testing.discard(account_id)
        self.refresh()
        self.say(
            fill(self.tr("%1 works: connected as %2."), name, display),
            Status.PUBLISHED,
        )

    def _test_failed(self, account_id: int, name: str, error: Exception) -> None:
        self.testing.discard(account_id)
        text = reason(error)
        if isinstance(error, CredentialError) and not isinstance(error, KeyringUnavailable):
            # The keyring works but holds no secret for it (removed by hand, another computer).
            account = Account.get_or_none(Account.id == account_id)
            label = registry.publisher_class(account.platform).secret_label if account else ""
            text = fill(
                self.tr(
                    "its %1 is missing from the system keyring — click Edit… and paste it again."
                ),
                platform_tr(label),
            )
        if not isinstance(error, PublishError):
            # verify() was never reached, so the account row holds no record of this.
            self.local_results[account_id] = (False, text)
        self.refresh()
        self.say(fill(self.tr("%1 does not work: %2"), name, text), "failed")
        if isinstance(error, KeyringUnavailable):
            show_keyring_problem(self, error, lambda: self.test_account(account_id))

    # --- import -----------------------------------------------------------------------------------
    def import_from_session(self) -> None:
        self.import_env(dict(os.environ), self.tr("this session's environment variables"))

    def import_from_file(self) -> None:
        path = choose_env_file(self)
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self._run_import(lambda: self.context.accounts.import_env(read_env_file(path)), path)

    def import_env(self, env: dict[str, str], source: str) -> None:
        self._run_import(lambda: self.context.accounts.import_env(env), source)

    def _run_import(self, work: Callable[[], ImportReport], source: str) -> None:
        self.import_button.setEnabled(False)
        self.say(fill(self.tr("Importing from %1…"), source))
        self.context.jobs.run(
            work,
            on_done=self._imported,
            on_error=lambda error: self._import_failed(error, work, source),
            owner=self,
        )

    def _imported(self, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.refresh()
        lines = []
        if report.created:
            lines.append(fill(self.tr("Created: %1"), ", ".join(report.created)))
        if report.updated:
            lines.append(
                fill(self.tr("Updated (settings and secret): %1"), ", ".join(report.updated))
            )
        if report.incomplete:
            lines.append(fill(self.tr("Skipped, incomplete: %1"), "; ".join(report.incomplete)))
        if not report.created and not report.updated:
            lines.insert(0, self.tr("No account was created."))
        status = Status.PUBLISHED if report.created or report.updated else Status.NEEDS_CHECK
        self.say(" ".join(lines), status)
        box = QMessageBox(
            QMessageBox.Icon.Information
            if status == Status.PUBLISHED
            else QMessageBox.Icon.Warning,
            self.tr("Import accounts"),
            self.tr("Import finished."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText("\n".join(lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.open()

    def _import_failed(
        self, error: Exception, work: Callable[[], ImportReport], source: str
    ) -> None:
        self.import_button.setEnabled(True)
        self.refresh()
        self.say(reason(error), Status.FAILED)
        if isinstance(error, KeyringUnavailable):
            show_keyring_problem(self, error, lambda: self._run_import(work, source))
