"""The settings dialog: values saved and read back, invalid values refused with a message naming
the field and the rule, defaults restored, changes reaching the engine and the notifier, and start
at login writing the XDG autostart entry (under a temporary XDG_CONFIG_HOME)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from desktop_publisher import autostart
from desktop_publisher.config import SETTINGS_BY_KEY
from desktop_publisher.engine.due_pass import schedule_due_posts_task
from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog
from desktop_publisher.platforms.api_versions import linkedin_default
from desktop_publisher.store.models import ScheduledPost, Status


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Start at login must never write into the developer's own ~/.config."""
    home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.fixture
def open_dialog(qtbot, ctx):  # noqa: ANN001, ANN201
    def make() -> SettingsDialog:
        dialog = SettingsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def click_ok(qtbot, dialog: SettingsDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_settings_are_saved_and_read_back(qtbot, ctx, open_dialog):
    dialog = open_dialog()
    w = dialog.widgets
    assert isinstance(w["lateness_window_minutes"], QSpinBox)
    assert w["lateness_window_minutes"].value() == 60
    w["lateness_window_minutes"].setValue(15)
    w["max_attempts"].setValue(3)
    w["retry_base_seconds"].setValue(30)
    w["retention_days"].setValue(30)
    w["notify_success"].setChecked(False)
    w["close_to_tray"].setChecked(False)
    w["start_minimized"].setChecked(True)
    language = w["language"]
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("pl"))
    w["linkedin_version"].clear()
    qtbot.keyClicks(w["linkedin_version"], "202601")
    w["graph_version"].setText("v24.0")
    click_ok(qtbot, dialog)

    assert dialog.result() == dialog.DialogCode.Accepted
    settings = ctx.store.settings
    assert settings.get("lateness_window_minutes") == 15
    assert settings.get("max_attempts") == 3
    assert settings.get("retry_base_seconds") == 30.0
    assert settings.get("retention_days") == 30
    assert settings.get("notify_success") is False
    assert settings.get("notify_failure") is True
    assert settings.get("close_to_tray") is False
    assert settings.get("start_minimized") is True
    assert settings.get("language") == "pl"
    assert settings.get("linkedin_version") == "202601"
    assert settings.get("graph_version") == "v24.0"
    assert ctx.notifier.notify_success is False, "takes effect without a restart"

    again = open_dialog()
    assert again.values() == dialog.values()
    assert again.widgets["language"].currentText() == "Polski"


def test_an_empty_linkedin_version_follows_the_calendar(qtbot, ctx, open_dialog):
    dialog = open_dialog()
    version = dialog.widgets["linkedin_version"]
    assert version.text() == "" and linkedin_default() in version.placeholderText()
    version.setText("202301")
    click_ok(qtbot, dialog)
    assert ctx.store.settings.get("linkedin_version") == "202301"
    again = open_dialog()
    again.widgets["linkedin_version"].clear()
    click_ok(qtbot, again)
    assert ctx.store.settings.get("linkedin_version") == ""


def test_an_invalid_value_is_refused_with_a_message_naming_field_and_rule(qtbot, ctx, open_dialog):
    dialog = open_dialog()
    version = dialog.widgets["linkedin_version"]
    assert isinstance(version, QLineEdit)
    version.setText("2025-10")
    dialog.widgets["retry_base_seconds"].setValue(600)
    dialog.widgets["retry_max_seconds"].setValue(60)
    dialog.widgets["max_attempts"].setValue(2)
    click_ok(qtbot, dialog)

    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    message = dialog.errors["linkedin_version"].text()
    assert message.startswith("LinkedIn-Version header must be empty")
    assert "YYYYMM" in message and linkedin_default() in message
    assert "at least the first retry's wait (600 s)" in dialog.errors["retry_max_seconds"].text()
    assert dialog.errors["graph_version"].isHidden()
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.widgets["retry_max_seconds"])
    assert version.text() == "2025-10", "what was typed stays to be corrected"
    # Nothing at all was saved, not even the valid change.
    assert ctx.store.settings.get("linkedin_version") == ""
    assert ctx.store.settings.get("max_attempts") == 5

    version.setText("")  # back to following the calendar
    dialog.widgets["retry_max_seconds"].setValue(3600)
    click_ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ctx.store.settings.get("max_attempts") == 2


def test_a_spin_box_keeps_a_number_within_the_declared_minimum(open_dialog):
    dialog = open_dialog()
    attempts = dialog.widgets["max_attempts"]
    assert attempts.minimum() == SETTINGS_BY_KEY["max_attempts"].minimum
    attempts.setValue(0)
    assert attempts.value() == 1


def test_restore_defaults_then_cancel_changes_nothing(qtbot, ctx, open_dialog):
    ctx.store.settings.set("lateness_window_minutes", 5)
    ctx.store.settings.set("notify_failure", False)
    dialog = open_dialog()
    assert dialog.widgets["lateness_window_minutes"].value() == 5
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.widgets["lateness_window_minutes"].value() == 60
    assert dialog.widgets["notify_failure"].isChecked()
    dialog.reject()
    assert ctx.store.settings.get("lateness_window_minutes") == 5

    dialog = open_dialog()
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    assert ctx.store.settings.get("lateness_window_minutes") == 60
    assert ctx.store.settings.get("notify_failure") is True


def test_a_shorter_lateness_window_reaches_the_engine(
    qtbot, open_dialog, service, fakenet_account, add_post
):
    late = add_post(fakenet_account, "Late", at=datetime.now(UTC) + timedelta(days=1))
    # Due half an hour ago (the app was closed): within the default window of 60 minutes.
    past = datetime.now(UTC) - timedelta(minutes=30)
    ScheduledPost.update(due_at=past, publication_date=past).where(
        ScheduledPost.id == late.id
    ).execute()
    assert schedule_due_posts_task(service).missed == [], "60 minutes: still published"
    dialog = open_dialog()
    dialog.widgets["lateness_window_minutes"].setValue(10)
    click_ok(qtbot, dialog)

    report = schedule_due_posts_task(service)
    assert report.missed == [late.id]
    post = ScheduledPost.get_by_id(late.id)
    assert post.status == Status.FAILED
    assert post.last_error_kind == "missed"
    assert "more than 10 min late" in post.last_error


@pytest.mark.skipif(autostart.system() != "xdg", reason="the XDG autostart entry is Linux's")
def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot, ctx, open_dialog, config_home
):
    entry = config_home / "autostart" / "desktop-publisher.desktop"
    dialog = open_dialog()
    check = dialog.widgets["start_at_login"]
    assert isinstance(check, QCheckBox) and not check.isChecked()
    check.setChecked(True)
    click_ok(qtbot, dialog)

    assert entry.is_file()
    text = entry.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(("desktop-publisher-gui", " gui"))
    assert str(ctx.data_dir) in exec_line, "a data dir other than the default is passed on"
    assert ctx.store.settings.get("start_at_login") is True

    dialog = open_dialog()
    assert dialog.widgets["start_at_login"].isChecked()
    dialog.widgets["start_at_login"].setChecked(False)
    click_ok(qtbot, dialog)
    assert not entry.exists()
    assert ctx.store.settings.get("start_at_login") is False


@pytest.mark.skipif(autostart.system() != "xdg", reason="the XDG autostart entry is Linux's")
def test_an_autostart_entry_that_cannot_be_written_is_said_by_the_field(
    qtbot, ctx, open_dialog, config_home
):
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")
    dialog = open_dialog()
    dialog.widgets["start_at_login"].setChecked(True)
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["start_at_login"].text().startswith("Start at login: could not write")
    assert ctx.store.settings.get("start_at_login") is False


def test_a_value_the_dialog_cannot_show_is_left_alone(qtbot, ctx, open_dialog):
    ctx.store.settings.set("lateness_window_minutes", 50_000)  # set from the command line
    dialog = open_dialog()
    dialog.widgets["max_attempts"].setValue(4)
    click_ok(qtbot, dialog)
    assert ctx.store.settings.get("max_attempts") == 4
    assert ctx.store.settings.get("lateness_window_minutes") == 50_000
