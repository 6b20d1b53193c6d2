"""Adding or editing one account: the fields its platform needs, its secret, its token's expiry.

The fields come from the platform's declaration (its account fields, their hints, its secret's
name), so a new platform needs no form of its own.
The secret goes to the keyring in a background job (the keyring may prompt or hang); it is never
shown back, and leaving it empty on edit keeps the stored one. Problems are shown under the field
they concern, and nothing the user typed is lost: the dialog stays open until the save worked.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.errors import KeyringUnavailable, UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.dialogs.keyring_dialog import show_keyring_problem
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.problems import ProblemLabel, error_text, platform_tr, problem_text
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import Publisher
from desktop_publisher.platforms.declaration import AccountField
from desktop_publisher.redaction import redact
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import Account
from desktop_publisher.when import latest

NAME = "name"
SECRET = "secret"
EXPIRES = "expires"
GENERAL = ""


class AccountEditDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        account: Account | None = None,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.account = account
        self.saved: Account | None = None
        self.saving = False
        # What was typed into each platform's fields, so switching platform loses nothing.
        self._typed: dict[str, Any] = {}
        self._setting_widgets: dict[str, QLineEdit | QCheckBox] = {}
        self._setting_rows: list[QWidget] = []
        self.errors: dict[str, ProblemLabel] = {}
        self._expiry_touched = False

        self.setWindowTitle(
            self.tr("Add account")
            if account is None
            else self.tr("Edit account — %1").replace("%1", account.name)
        )
        self.setMinimumWidth(500)

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.platform_combo = QComboBox(self)
        choices = sorted(registry.platforms().values(), key=lambda c: c.label.lower())
        for cls in choices:
            self.platform_combo.addItem(icons.platform_icon(cls.platform), cls.label, cls.platform)
        chosen = account.platform if account is not None else platform
        if chosen is not None:
            self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData(chosen)))
        self.platform_combo.setEnabled(account is None)  # a token belongs to one platform
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self.form.addRow(self.tr("Platform:"), self.platform_combo)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("How you call it, e.g. Brand A"))
        self.name_edit.setAccessibleName(self.tr("Name"))
        if account is not None:
            self.name_edit.setText(account.name)
        self.form.addRow(self.tr("Name:"), self._with_error(NAME, self.name_edit))
        self._fields_at = self.form.rowCount()  # platform fields are inserted here

        self.secret_label = QLabel(self)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setClearButtonEnabled(True)
        # Never remembered by input methods or offered by the system's text prediction.
        self.secret_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.secret_hint = QLabel(self)
        self.secret_hint.setWordWrap(True)
        self.secret_hint.setEnabled(False)  # the palette's quieter text, in light and dark
        secret_box = self._with_error(SECRET, self.secret_edit)
        secret_box.layout().insertWidget(1, self.secret_hint)
        self.form.addRow(self.secret_label, secret_box)

        self.expires_check = QCheckBox(self.tr("Expires on"), self)
        self.expires_date = QDateEdit(self)
        self.expires_date.setCalendarPopup(True)
        self.expires_date.setDisplayFormat("d MMM yyyy")  # month in words: no day/month mix-up
        # No further ahead than the command line's --expires takes (when.MAX_AHEAD).
        self.expires_date.setMaximumDate(timefmt.qdate(latest().astimezone(timefmt.zone()).date()))
        self.expires_check.toggled.connect(self.expires_date.setEnabled)
        self.expires_check.toggled.connect(self._touch_expiry)
        self.expires_date.dateChanged.connect(self._touch_expiry)
        expiry_row = QWidget(self)
        expiry_layout = QHBoxLayout(expiry_row)
        expiry_layout.setContentsMargins(0, 0, 0, 0)
        expiry_layout.addWidget(self.expires_check)
        expiry_layout.addWidget(self.expires_date)
        expiry_layout.addStretch(1)
        self.expiry_hint = QLabel(
            self.tr("You are warned before it expires; then paste a new one here."),
            self,
        )
        self.expiry_hint.setWordWrap(True)
        self.expiry_hint.setEnabled(False)
        expiry_box = self._with_error(EXPIRES, expiry_row)
        expiry_box.layout().insertWidget(1, self.expiry_hint)
        self.form.addRow(self.tr("Expiry:"), expiry_box)

        self.general_error = ProblemLabel(self, selectable=True)
        self.errors[GENERAL] = self.general_error
        self.progress = QLabel(self)
        self.progress.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if account is None:
            self.save_button.setText(self.tr("Add account"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.platform_combo.currentIndexChanged.connect(self._platform_changed)
        self._build_platform_fields(initial=True)
        self.name_edit.setFocus()

    # --- building -------------------------------------------------------------------------------
    def _fit_height(self) -> None:
        """Grow to what the form needs at its width: a rule under a field wraps to more lines,
        and a window does not grow for wrapped text by itself (the lines would be squeezed)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > self.height():
            self.resize(width, need)

    def _with_error(self, key: str, field: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        error = ProblemLabel(box, selectable=True)
        column.addWidget(error)
        self.errors[key] = error
        return box

    @property
    def platform(self) -> str:
        return str(self.platform_combo.currentData())

    @property
    def publisher_class(self) -> type[Publisher]:
        return registry.publisher_class(self.platform)

    def _platform_changed(self) -> None:
        self._remember_typed()
        self._build_platform_fields(initial=False)

    def _remember_typed(self) -> None:
        self._typed.update(self.settings())

    def _build_platform_fields(self, initial: bool) -> None:
        for key in list(self._setting_widgets):
            self.errors.pop(key, None)
        for _ in self._setting_rows:
            self.form.removeRow(self._fields_at)
        self._setting_widgets.clear()
        self._setting_rows.clear()

        cls = self.publisher_class
        stored = dict(self.account.settings or {}) if self.account is not None else {}
        for offset, spec in enumerate(cls.setting_fields):
            widget = self._setting_widget(spec, stored)
            box = self._with_error(spec.key, widget)
            label = "" if spec.flag else f"{platform_tr(spec.label)}:"
            self.form.insertRow(self._fields_at + offset, label, box)
            self._setting_rows.append(box)

        secret = cls.declaration.secret.title
        self.secret_label.setText(f"{platform_tr(secret)}:")
        self.secret_edit.setAccessibleName(platform_tr(secret))
        if self.account is None:
            self.secret_edit.setPlaceholderText(
                self.tr("Paste the %1").replace("%1", platform_tr(cls.secret_label))
            )
            self.secret_hint.setText(self.tr("Kept in the system keyring, never in a file."))
        else:
            self.secret_edit.setPlaceholderText(self.tr("Leave empty to keep the stored one"))
            self.secret_hint.setText(
                self.tr(
                    "The stored %1 is never shown. Paste a new one to replace it "
                    "(kept in the system keyring)."
                ).replace("%1", platform_tr(cls.secret_label))
            )
        if initial or not self._expiry_touched:
            self._show_expiry()
        if not initial:  # before the first show the dialog takes its size from the form anyway
            self._fit_height()

    def _setting_widget(self, spec: AccountField, stored: dict) -> QLineEdit | QCheckBox:
        typed = self._typed.get(spec.key, stored.get(spec.key))
        widget: QLineEdit | QCheckBox
        if spec.flag:
            widget = QCheckBox(platform_tr(spec.label), self)
            widget.setChecked(bool(typed))
        else:
            widget = QLineEdit(self)
            widget.setText("" if typed is None or isinstance(typed, bool) else str(typed))
            hints = [spec.hint] if spec.hint else []
            if not spec.required:
                hints.append(self.tr("optional"))
            widget.setPlaceholderText(" — ".join(hints))
        widget.setAccessibleName(platform_tr(spec.label))
        self._setting_widgets[spec.key] = widget
        return widget

    def _show_expiry(self) -> None:
        if self.account is not None:
            expires = self.account.token_expires_at
        else:
            expires = self.context.accounts.default_expiry(self.platform)
        self.expires_check.blockSignals(True)
        self.expires_date.blockSignals(True)
        self.expires_check.setChecked(expires is not None)
        self.expires_date.setEnabled(expires is not None)
        # (A date an older version took beyond what may be set is shown as the latest one.)
        shown = min(expires or datetime.now(timefmt.zone()) + timedelta(days=60), latest())
        self.expires_date.setDate(timefmt.qdate(shown.astimezone(timefmt.zone()).date()))
        self.expires_check.blockSignals(False)
        self.expires_date.blockSignals(False)
        self._initial_expiry = expires
        self._initial_expiry_date = self.expires_date.date()

    def _touch_expiry(self, *_args: object) -> None:
        self._expiry_touched = True

    # --- reading the form ---------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        return {
            key: widget.isChecked() if isinstance(widget, QCheckBox) else widget.text()
            for key, widget in self._setting_widgets.items()
        }

    def expires(self) -> datetime | None:
        """The chosen expiry (UTC); an untouched date keeps the stored moment exactly."""
        if not self.expires_check.isChecked():
            return None
        chosen: QDate = self.expires_date.date()
        if self._initial_expiry is not None and chosen == self._initial_expiry_date:
            return self._initial_expiry
        # The start of the chosen local day: warnings come early rather than late.
        day = datetime.combine(chosen.toPython(), time(0, 0), tzinfo=timefmt.zone())
        return day.astimezone(UTC)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_problem(problems.get(key, ""))
        self._fit_height()
        for key in (NAME, *self._setting_widgets, SECRET):
            if key in problems:
                fields = {NAME: self.name_edit, SECRET: self.secret_edit, **self._setting_widgets}
                fields[key].setFocus()
                break

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        name = self.name_edit.text()
        settings = self.settings()
        secret = self.secret_edit.text()
        problems = {
            key: problem_text(problem)
            for key, problem in self.context.accounts.field_problems(
                self.platform, name, settings, secret, self.account
            ).items()
        }
        expires = self.expires()
        if self.account is None and expires is not None and expires <= utcnow():
            problems[EXPIRES] = self.tr("Expires on: the date must be in the future.")
        self.show_problems(problems)
        if problems:
            return
        self._set_saving(True)
        if self.account is None:
            job: tuple[Any, ...] = (
                _add,
                self.context,
                self.platform,
                name,
                settings,
                secret,
                expires,
            )
        else:
            job = (self.context.accounts.update, self.account.id, name, settings, secret, expires)
        self.context.jobs.run(*job, on_done=self._saved, on_error=self._save_failed, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.progress.setText(self.tr("Saving to the system keyring…") if saving else "")
        self.progress.setVisible(saving)

    def _saved(self, account: Account) -> None:
        self._set_saving(False)
        self.saved = account
        self.secret_edit.clear()  # no longer needed in memory once it is in the keyring
        self.accept()

    def _save_failed(self, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, KeyringUnavailable):
            self.show_problems({})
            show_keyring_problem(self, error, self.save)
            return
        text = error_text(error) if isinstance(error, UserError) else _unexpected(error)
        key = NAME if text.startswith("Name") else GENERAL
        self.show_problems({key: text})


def _add(
    context: AppContext,
    platform: str,
    name: str,
    settings: dict[str, Any],
    secret: str,
    expires: datetime | None,
) -> Account:
    account = context.accounts.add(
        platform, name, settings, secret, expires, never_expires=expires is None
    )
    # What the platform can tell (LinkedIn's author) is asked now; when it cannot answer, the
    # first post asks again and says what is wrong.
    context.accounts.learn_settings(account)
    return Account.get_by_id(account.id)


def _unexpected(error: Exception) -> str:
    return QCoreApplication.translate(
        "AccountEditDialog", "The account could not be saved: %1"
    ).replace("%1", f"{type(error).__name__}: {redact(error)}")
