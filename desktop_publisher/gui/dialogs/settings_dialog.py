"""The settings declared in config.SETTINGS, as a person edits them.

Values are written to the store on OK; the engine reads them from there at each use, so they take
effect at once (the language at the next start). Start at login also writes or removes the
per-OS autostart entry.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher import autostart
from desktop_publisher.config import SETTINGS_BY_KEY
from desktop_publisher.errors import UserError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.text.i18n import LANGUAGES
from desktop_publisher.gui.text.problems import ProblemLabel, error_text
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.declaration import GlobalSetting

GENERAL = ""


def _tr(text: str) -> str:
    """Translate words marked with QT_TRANSLATE_NOOP below (that is where lupdate finds them)."""
    return QCoreApplication.translate("SettingsDialog", text)


def home_relative(location: str) -> str:
    home = str(Path.home())
    return "~" + location[len(home) :] if location.startswith(home + os.sep) else location


# The labels of config.SETTINGS without their unit (the unit is the spin box's suffix).
LABELS: dict[str, str] = {
    "lateness_window_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Publish late posts up to"),
    "max_attempts": QT_TRANSLATE_NOOP("SettingsDialog", "Attempts before a post fails"),
    "retry_base_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "First retry after"),
    "retry_max_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "Longest wait between retries"),
    "rate_limit_hold_hours": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Hold rate-limited posts for at most"
    ),
    "retention_days": QT_TRANSLATE_NOOP("SettingsDialog", "Remove finished posts after"),
    "token_warning_days": QT_TRANSLATE_NOOP("SettingsDialog", "Warn before a token expires"),
    "token_lifetime_days": QT_TRANSLATE_NOOP("SettingsDialog", "Default token lifetime"),
    "language": QT_TRANSLATE_NOOP("SettingsDialog", "Language"),
}


def label_of(key: str) -> str:
    """The setting's label as shown: a platform's setting has its declared one, an app setting
    without a label here (a check box's) its label in config.SETTINGS."""
    declared = _platform_settings().get(key)
    if declared is not None:
        return _tr(declared.label)
    return _tr(LABELS.get(key) or SETTINGS_BY_KEY[key].label)


def _platform_settings() -> dict[str, GlobalSetting]:
    """The platforms' settings shown in the dialog (their API versions), as declared."""
    return {spec.key: spec for spec in registry.global_settings() if spec.group == "api"}


MINUTES = QT_TRANSLATE_NOOP("SettingsDialog", "min")
SECONDS = QT_TRANSLATE_NOOP("SettingsDialog", "s")
HOURS = QT_TRANSLATE_NOOP("SettingsDialog", "h")
DAYS = QT_TRANSLATE_NOOP("SettingsDialog", "days")

# key → (unit suffix, largest sensible value, one line saying what it does)
NUMBERS: dict[str, tuple[str, float, str]] = {
    "lateness_window_minutes": (
        MINUTES,
        7 * 24 * 60,
        QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "A post whose time passed while the app was closed or the computer slept is still "
            "published up to this long after; older ones are marked missed.",
        ),
    ),
    "max_attempts": (
        "",
        50,
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "A post that keeps failing for a passing reason stops here."
        ),
    ),
    "retry_base_seconds": (
        SECONDS,
        24 * 3600,
        QT_TRANSLATE_NOOP("SettingsDialog", "Each further retry waits twice as long."),
    ),
    "retry_max_seconds": (SECONDS, 7 * 24 * 3600, ""),
    "rate_limit_hold_hours": (
        HOURS,
        7 * 24,
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "When a platform says to slow down, its posts wait at most this long."
        ),
    ),
    "retention_days": (
        DAYS,
        3650,
        QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "Published, failed and cancelled posts leave the queue after this long; waiting "
            "posts are never removed.",
        ),
    ),
    "token_warning_days": (
        DAYS,
        90,
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "The status line warns this long before a token expires."
        ),
    ),
    "token_lifetime_days": (
        DAYS,
        365,
        QT_TRANSLATE_NOOP(
            "SettingsDialog",
            "The expiry assumed for a new LinkedIn or Facebook token when none is entered.",
        ),
    ),
}

# The tabs, their groups and the settings in each, in reading order.
Pages = tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]
API_VERSIONS = QT_TRANSLATE_NOOP("SettingsDialog", "API versions")
PAGES: Pages = (
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "General"),
        (
            (
                QT_TRANSLATE_NOOP("SettingsDialog", "Window"),
                ("close_to_tray", "start_minimized", "start_at_login", "language"),
            ),
            (
                QT_TRANSLATE_NOOP("SettingsDialog", "Notifications"),
                ("notify_success", "notify_failure"),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Publishing"),
        (
            (QT_TRANSLATE_NOOP("SettingsDialog", "Late posts"), ("lateness_window_minutes",)),
            (
                QT_TRANSLATE_NOOP("SettingsDialog", "Retries"),
                (
                    "max_attempts",
                    "retry_base_seconds",
                    "retry_max_seconds",
                    "rate_limit_hold_hours",
                ),
            ),
            (QT_TRANSLATE_NOOP("SettingsDialog", "Clean-up"), ("retention_days",)),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Accounts and APIs"),
        (
            (
                QT_TRANSLATE_NOOP("SettingsDialog", "Tokens"),
                ("token_warning_days", "token_lifetime_days"),
            ),
            # (The platforms' API versions follow: see pages().)
        ),
    ),
)


def pages() -> Pages:
    """PAGES with the platforms' settings (declared by each) in the last tab's last group."""
    declared = tuple(_platform_settings())
    if not declared:
        return PAGES
    *first, (title, groups) = PAGES
    return (*first, (title, (*groups, (API_VERSIONS, declared))))


def problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Rules a spin box cannot enforce on its own, per key: one line naming the field and rule."""
    found: dict[str, str] = {}
    for key, spec in _platform_settings().items():
        broken = spec.problem_with(values.get(key, ""))
        if broken is not None:
            rule, filling = broken
            text = _tr(rule)
            for number, value in enumerate(filling, start=1):
                text = text.replace(f"%{number}", value)
            found[key] = text
    base = values.get("retry_base_seconds")
    longest = values.get("retry_max_seconds")
    if isinstance(base, int | float) and isinstance(longest, int | float) and longest < base:
        found["retry_max_seconds"] = QCoreApplication.translate(
            "SettingsDialog",
            "Longest wait between retries must be at least the first retry's wait (%1 s).",
        ).replace("%1", f"{base:g}")
    return found


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, ProblemLabel] = {}

        self.tabs = QTabWidget(self)
        for title, groups in pages():
            page = QWidget(self.tabs)
            column = QVBoxLayout(page)
            for group_title, keys in groups:
                box = QGroupBox(_tr(group_title), page)
                form = QFormLayout(box)
                # Every field spans the row, so the hints under them wrap at the full width.
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                for key in keys:
                    self._add_row(form, key)
                column.addWidget(box)
            column.addStretch(1)
            self.tabs.addTab(page, _tr(title))

        self.general_error = ProblemLabel(self, selectable=True)
        self.errors[GENERAL] = self.general_error

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.defaults_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.restore_defaults)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.show_values(context.store.settings.all())
        # What the widgets showed at first: only what differs from it is written, so a stored
        # value a widget cannot show exactly (set from the command line) is left alone.
        self.initial = self.values()

    # --- building -------------------------------------------------------------------------------
    def _add_row(self, form: QFormLayout, key: str) -> None:
        spec = SETTINGS_BY_KEY[key]
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        help_text = ""
        widget: QWidget
        if isinstance(spec.default, bool):
            widget = QCheckBox(self._check_label(key), box)
            if key == "start_at_login":
                help_text = self.tr("Adds Desktop Publisher to %1.").replace(
                    "%1", home_relative(autostart.entry_location())
                )
            elif key == "close_to_tray":
                help_text = self.tr(
                    "Scheduled posts are published only while Desktop Publisher runs."
                )
        elif key == "language":
            widget = QComboBox(box)
            for code, name in LANGUAGES.items():
                widget.addItem(self.tr("Follow the system") if code == "" else name, code)
            help_text = self.tr("Applies the next time Desktop Publisher starts.")
        elif isinstance(spec.default, int | float):
            suffix, maximum, help_text = NUMBERS.get(key, ("", 1_000_000, ""))
            help_text = _tr(help_text) if help_text else ""
            if isinstance(spec.default, float):
                widget = QDoubleSpinBox(box)
                widget.setDecimals(0)
            else:
                widget = QSpinBox(box)
            widget.setRange(int(spec.minimum or 0), int(maximum))
            if suffix:
                widget.setSuffix(" " + _tr(suffix))
            widget.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            widget.setMinimumWidth(110)
        else:
            widget = QLineEdit(box)
            widget.setPlaceholderText(str(spec.default))
            widget.setMaximumWidth(160)
            declared = _platform_settings().get(key)
            help_text = _tr(declared.help) if declared is not None and declared.help else ""
            if declared is not None and declared.automatic is not None:
                in_use = declared.automatic(self.context.store.settings.get)
                placeholder = self.tr("automatic: %1").replace("%1", in_use)
                widget.setPlaceholderText(placeholder)
                # Wide enough for the value in use to show whole, in any language.
                width = widget.fontMetrics().horizontalAdvance(placeholder) + 24
                widget.setMaximumWidth(max(160, width))
                widget.setMinimumWidth(width)
        widget.setAccessibleName(label_of(key))
        widget.setObjectName(key)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget)
        line.addStretch(1)
        column.addLayout(line)
        if help_text:
            hint = QLabel(help_text, box)
            hint.setWordWrap(True)
            hint.setEnabled(False)  # the palette's quieter text, in light and dark
            column.addWidget(hint)
        error = ProblemLabel(box, selectable=True)
        if isinstance(widget, QCheckBox):
            # Under a check box, text lines up with its label, not with the box.
            style = widget.style()
            indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
                QStyle.PixelMetric.PM_CheckBoxLabelSpacing
            )
            column.setContentsMargins(0, 0, 0, 0)
            for child in box.findChildren(QLabel):
                child.setIndent(indent)
            error.setIndent(indent)
        column.addWidget(error)
        self.errors[key] = error
        self.widgets[key] = widget
        if isinstance(widget, QCheckBox):
            form.addRow(box)
        else:
            form.addRow(label_of(key) + ":", box)

    def _check_label(self, key: str) -> str:
        return {
            "close_to_tray": self.tr("Keep running in the tray when the window closes"),
            "start_minimized": self.tr("Start minimised to the tray"),
            "start_at_login": self.tr("Start at login"),
            "notify_success": self.tr("When a post is published"),
            "notify_failure": self.tr("When a post fails (stays until dismissed)"),
        }.get(key, label_of(key))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_pages()

    def _fit_pages(self) -> None:
        """Tab pages ignore height-for-width, so the wrapped hints would be cut: give each page
        the height its text needs at the width it has."""
        width = self.tabs.currentWidget().width()
        for index in range(self.tabs.count()):
            layout = self.tabs.widget(index).layout()
            if layout is not None and layout.hasHeightForWidth():
                self.tabs.widget(index).setMinimumHeight(layout.totalHeightForWidth(width))
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    # --- values ---------------------------------------------------------------------------------
    def show_values(self, values: Mapping[str, Any]) -> None:
        for key, widget in self.widgets.items():
            value = values.get(key, SETTINGS_BY_KEY[key].default)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(str(value or ""))))
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                widget.setValue(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value or ""))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[key] = str(widget.currentData())
            elif isinstance(widget, QDoubleSpinBox):
                out[key] = float(widget.value())
            elif isinstance(widget, QSpinBox):
                out[key] = int(widget.value())
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text().strip()
        return out

    def restore_defaults(self) -> None:
        self.show_values({key: SETTINGS_BY_KEY[key].default for key in self.widgets})
        self.show_problems({})

    def show_problems(self, found: Mapping[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_problem(found.get(key, ""))
        first = next((key for key in self.widgets if key in found), None)
        if first is not None:
            # Bring the field into view: it may be on another tab.
            widget = self.widgets[first]
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(widget):
                    self.tabs.setCurrentIndex(index)
            widget.setFocus()

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        values = self.values()
        found = problems(values)
        self.show_problems(found)
        if found:
            return
        changed = {key: value for key, value in values.items() if value != self.initial.get(key)}
        try:
            self._apply_start_at_login(values["start_at_login"], changed)
        except UserError as exc:
            self.show_problems({"start_at_login": error_text(exc)})
            return
        settings = self.context.store.settings
        try:
            with self.context.store.atomic():
                for key, value in changed.items():
                    settings.set(key, value)
        except UserError as exc:
            self.show_problems({GENERAL: error_text(exc)})
            return
        self.initial = values
        notifier = self.context.notifier
        notifier.notify_success = bool(values["notify_success"])
        notifier.notify_failure = bool(values["notify_failure"])
        if self.context.engine is not None and changed:
            # The lateness window or lookahead may now include posts it did not before.
            self.context.engine.notify_changed()
        self.accept()

    def _apply_start_at_login(self, wanted: bool, changed: Mapping[str, Any]) -> None:
        if wanted:
            # Rewritten even when unchanged: the command follows a moved install.
            autostart.enable(autostart.launch_command(self.context.data_dir))
        elif "start_at_login" in changed:
            autostart.disable()
