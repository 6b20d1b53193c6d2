"""The accounts dialog: secrets only in the keyring, edit keeps the secret, Test connection over
real HTTP (name, reason, responsiveness), import from a .env file, removal, and the keyring
dialog instead of a crash."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_publisher.credentials import SERVICE, entry_name
from desktop_publisher.gui.dialogs import accounts_dialog
from desktop_publisher.gui.dialogs.account_edit import AccountEditDialog
from desktop_publisher.gui.dialogs.accounts_dialog import COL_CHECK, COL_TOKEN, AccountsDialog
from desktop_publisher.gui.dialogs.keyring_dialog import KeyringDialog, check_keyring
from desktop_publisher.gui.text import timefmt
from desktop_publisher.store.models import Account, ScheduledPost, Status
from tests.fakes.server import Fault, Response
from tests.gui.modal import answer_next_modal, click_button
from tests.support.keyrings import MemoryKeyring

SECRET = "tok-Zq8-very-secret-4711"


def answer_next_box(handle: Callable[[QWidget], None]) -> list[QWidget]:
    return answer_next_modal(handle, QMessageBox)


class LockedKeyring(KeyringBackend):
    """A keyring whose every call fails the way a locked Secret Service does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


@pytest.fixture
def open_dialog(qtbot, ctx):  # noqa: ANN001, ANN201
    def make() -> AccountsDialog:
        dialog = AccountsDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def row_texts(dialog: AccountsDialog) -> dict[str, tuple[str, str]]:
    """account name → (last check, token) as shown."""
    tree = dialog.tree
    return {
        tree.topLevelItem(i).text(0): (
            tree.topLevelItem(i).text(COL_CHECK),
            tree.topLevelItem(i).text(COL_TOKEN),
        )
        for i in range(tree.topLevelItemCount())
    }


def select(dialog: AccountsDialog, name: str) -> None:
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        if item.text(0) == name:
            dialog.tree.setCurrentItem(item)
            return
    raise AssertionError(f"no row {name!r}")


def open_editor(qtbot, dialog: AccountsDialog, platform: str | None = None) -> AccountEditDialog:  # noqa: ANN001
    if platform is None:
        dialog.edit_selected()
    else:
        dialog.add_account(platform)
    editor = dialog.edit_dialog
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    return editor


def save_and_wait(qtbot, editor: AccountEditDialog) -> None:  # noqa: ANN001
    """Click Save; return once the account is saved (the form then closes and is deleted)."""
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


# --- adding and editing ---------------------------------------------------------------------------
def test_an_added_account_keeps_its_secret_in_the_keyring_never_in_the_data_dir(
    qtbot, open_dialog, memory_keyring, data_dir
):
    dialog = open_dialog()
    assert dialog.stack.currentWidget() is dialog.empty, "no account yet: the empty state shows"
    editor = open_editor(qtbot, dialog, "facebook")
    assert editor.secret_edit.echoMode() == editor.secret_edit.EchoMode.Password
    qtbot.keyClicks(editor.name_edit, "Brand A")
    qtbot.keyClicks(editor._setting_widgets["page_id"], "1234567")
    qtbot.keyClicks(editor.secret_edit, SECRET)
    save_and_wait(qtbot, editor)
    account = Account.get(Account.name == "Brand A")
    assert account.platform == "facebook"
    assert account.settings == {"page_id": "1234567"}
    assert memory_keyring.values[(SERVICE, entry_name(account))] == SECRET
    assert row_texts(dialog)["Brand A"][0] == "Not tested yet"
    assert dialog.stack.currentWidget() is dialog.tree
    # The database (with its WAL), the logs, everything in the data dir: never the secret.
    assert files_containing(data_dir, SECRET) == []
    assert files_containing(data_dir, "1234567"), "the check itself can find what is stored"


def test_editing_without_retyping_the_secret_keeps_it(
    qtbot, open_dialog, add_account, memory_keyring
):
    account = add_account("facebook", "Brand A", {"page_id": "111"}, secret=SECRET)
    dialog = open_dialog()
    select(dialog, "Brand A")
    editor = open_editor(qtbot, dialog)
    assert editor.secret_edit.text() == "", "the stored secret is never shown back"
    assert not editor.platform_combo.isEnabled()
    editor.name_edit.setText("Brand A (EU)")
    editor._setting_widgets["page_id"].setText("222")
    save_and_wait(qtbot, editor)
    stored = Account.get_by_id(account.id)
    assert (stored.name, stored.settings) == ("Brand A (EU)", {"page_id": "222"})
    assert memory_keyring.values[(SERVICE, entry_name(account))] == SECRET
    assert "Brand A (EU)" in row_texts(dialog)

    # A secret typed on edit replaces the stored one.
    editor = open_editor(qtbot, dialog)
    qtbot.keyClicks(editor.secret_edit, "tok-new-one-2")
    save_and_wait(qtbot, editor)
    assert memory_keyring.values[(SERVICE, entry_name(account))] == "tok-new-one-2"


def test_field_errors_are_shown_by_the_field_and_nothing_typed_is_lost(
    qtbot, open_dialog, memory_keyring
):
    dialog = open_dialog()
    editor = open_editor(qtbot, dialog, "wordpress")
    qtbot.keyClicks(editor.name_edit, "Blog")
    qtbot.keyClicks(editor._setting_widgets["site_url"], "http://blog.example.com")
    qtbot.keyClicks(editor.secret_edit, SECRET)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.isVisible()
    assert "https://" in editor.errors["site_url"].text()
    assert "Site URL" in editor.errors["site_url"].text()
    assert "User name must not be empty" in editor.errors["username"].text()
    assert editor.errors["secret"].isHidden()
    assert editor._setting_widgets["site_url"].text() == "http://blog.example.com"
    assert editor.secret_edit.text() == SECRET
    assert Account.select().count() == 0
    assert memory_keyring.values == {}

    # Switching platform and back keeps what was typed for each field.
    editor.platform_combo.setCurrentIndex(editor.platform_combo.findData("facebook"))
    editor.platform_combo.setCurrentIndex(editor.platform_combo.findData("wordpress"))
    assert editor._setting_widgets["site_url"].text() == "http://blog.example.com"
    assert editor.name_edit.text() == "Blog"

    editor._setting_widgets["site_url"].setText("https://blog.example.com/")
    qtbot.keyClicks(editor._setting_widgets["username"], "editor")
    save_and_wait(qtbot, editor)
    assert Account.get(Account.name == "Blog").settings == {
        "site_url": "https://blog.example.com",
        "username": "editor",
    }


def test_field_errors_speak_the_ui_language(qtbot, qapp, open_dialog, memory_keyring):  # noqa: ANN001
    from desktop_publisher.gui.text import i18n

    try:
        i18n.install(qapp, "pl")
        dialog = open_dialog()
        editor = open_editor(qtbot, dialog, "wordpress")
        qtbot.keyClicks(editor.name_edit, "Blog")
        qtbot.keyClicks(editor._setting_widgets["site_url"], "http://blog.example.com")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert "Adres witryny „http://blog.example.com” używa http://" in (
            editor.errors["site_url"].text()
        )
        # The field's name is translated inside the rule too.
        assert editor.errors["username"].text() == (
            "Pole „Nazwa użytkownika” nie może być puste: wymagają go konta WordPress."
        )
        assert editor.errors["secret"].text() == (
            "Pole „Hasło aplikacji” nie może być puste: po nim WordPress cię rozpoznaje."
        )
        # The form grew for the wrapped lines: none is squeezed below its height.
        shown = [error for error in editor.errors.values() if error.isVisible()]
        assert len(shown) == 3
        for error in shown:
            assert error.height() >= error.heightForWidth(error.width()), error.text()
        assert Account.select().count() == 0
    finally:
        i18n.uninstall(qapp)


def test_a_duplicate_name_is_refused_by_the_name_field(qtbot, open_dialog, add_account):
    add_account("facebook", "Brand A", {"page_id": "1"})
    editor = open_editor(qtbot, open_dialog(), "linkedin")
    qtbot.keyClicks(editor.name_edit, "Brand A")
    qtbot.keyClicks(editor.secret_edit, SECRET)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "already exists" in editor.errors["name"].text()
    assert Account.select().count() == 1


def test_token_expiry_is_editable_and_warned_about(qtbot, open_dialog, add_account):
    soon = datetime.now(UTC) + timedelta(days=3, hours=1)
    add_account("facebook", "Brand A", {"page_id": "1"}, expires=soon)
    add_account("linkedin", "Brand B", {})  # the usual 60 days
    dialog = open_dialog()
    select(dialog, "Brand A")
    item = dialog.tree.currentItem()
    assert item.text(COL_TOKEN).startswith(("Expires in 3 days", "Expires in 4 days"))
    assert item.foreground(COL_TOKEN).color().name() in ("#8a5a00", "#f6c445"), "amber"
    assert row_texts(dialog)["Brand B"][1].startswith("Expires ")
    assert "in" not in row_texts(dialog)["Brand B"][1].split()[1:2], "far off: no warning"

    select(dialog, "Brand B")
    editor = open_editor(qtbot, dialog)
    assert editor.expires_check.isChecked()
    editor.expires_check.setChecked(False)
    save_and_wait(qtbot, editor)
    assert Account.get(Account.name == "Brand B").token_expires_at is None
    assert row_texts(dialog)["Brand B"][1] == "Does not expire"

    editor = open_editor(qtbot, dialog)
    editor.expires_check.setChecked(True)
    editor.expires_date.setDate(QDate(2031, 5, 17))
    save_and_wait(qtbot, editor)
    stored = Account.get(Account.name == "Brand B").token_expires_at
    local = stored.astimezone(timefmt.zone())
    assert (local.date(), local.hour, local.minute) == (date(2031, 5, 17), 0, 0)


# --- test connection ------------------------------------------------------------------------------
def test_test_connection_shows_the_name_the_platform_knows(
    qtbot, open_dialog, fakenet_account, fake_server
):
    dialog = open_dialog()
    select(dialog, "Brand A")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "Fake Brand" in dialog.result.text(), timeout=10_000)
    assert dialog.result.text() == "Brand A works: connected as Fake Brand."
    assert row_texts(dialog)["Brand A"][0] == "Works — connected as Fake Brand"
    assert fake_server.matching("GET", "/me")[0].header("Authorization") == "Bearer tok-123456"
    assert Account.get_by_id(fakenet_account.id).last_check_ok is True


def test_a_failed_test_shows_the_exact_reason(qtbot, open_dialog, fakenet_account, fake_server):
    fake_server.add_fault(Fault("GET", "/me", response=Response(401, {"message": "bad token"})))
    dialog = open_dialog()
    select(dialog, "Brand A")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "does not work" in dialog.result.text(), timeout=10_000)
    assert dialog.result.text() == "Brand A does not work: FakeNet rejected the token."
    assert row_texts(dialog)["Brand A"][0] == "FakeNet rejected the token."


def test_the_dialog_stays_responsive_while_a_test_waits_for_a_slow_server(
    qtbot, open_dialog, fakenet_account, fake_server
):
    release = threading.Event()
    fake_server.add_fault(Fault("GET", "/me", hold=release))
    dialog = open_dialog()
    select(dialog, "Brand A")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    try:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert row_texts(dialog)["Brand A"][0] == "Testing…"
        assert not dialog.test_button.isEnabled(), "no second test of the same account"
        qtbot.waitUntil(lambda: bool(fake_server.matching("GET", "/me")), timeout=10_000)
        start = len(ticks)
        # The server holds its answer; the event loop must keep turning meanwhile.
        qtbot.waitUntil(lambda: len(ticks) >= start + 30, timeout=5_000)
        gaps = [b - a for a, b in zip(ticks[start:], ticks[start + 1 :], strict=False)]
        assert max(gaps) < 0.5, f"the event loop stalled for {max(gaps):.2f}s"
        assert "Testing Brand A" in dialog.result.text()
    finally:
        release.set()
        timer.stop()
    qtbot.waitUntil(lambda: "Fake Brand" in dialog.result.text(), timeout=10_000)
    assert dialog.test_button.isEnabled()


# --- import ---------------------------------------------------------------------------------------
def test_import_from_a_dotenv_file(qtbot, open_dialog, memory_keyring, tmp_path, monkeypatch):
    env_file = tmp_path / "service.env"
    env_file.write_text(
        "LINKEDIN_ACCESS_TOKEN=tok-li-secret-1\n"
        "FACEBOOK_ACCESS_TOKEN='tok-fb-secret-2'\n"
        "FACEBOOK_PAGE_ID=42\n"
        "INSTAGRAM_ACCESS_TOKEN=tok-ig-secret-3\n"  # no INSTAGRAM_ACCOUNT_ID: incomplete
    )
    monkeypatch.setattr(accounts_dialog, "choose_env_file", lambda _parent: str(env_file))
    dialog = open_dialog()
    dialog.import_from_file()

    qtbot.waitUntil(lambda: dialog.summary_box is not None, timeout=10_000)
    summary = dialog.summary_box.informativeText()
    assert "Created: facebook, linkedin" in summary
    assert "Instagram: INSTAGRAM_ACCOUNT_ID not set" in summary
    assert set(row_texts(dialog)) == {"facebook", "linkedin"}
    facebook = Account.get(Account.name == "facebook")
    assert facebook.settings == {"page_id": "42"}
    assert memory_keyring.values[(SERVICE, entry_name(facebook))] == "tok-fb-secret-2"
    dialog.summary_box.close()

    # Again, with a changed token: the accounts are updated, not doubled.
    env_file.write_text("LINKEDIN_ACCESS_TOKEN=tok-li-secret-9\n")
    dialog.summary_box = None
    dialog.import_from_file()
    qtbot.waitUntil(lambda: dialog.summary_box is not None, timeout=10_000)
    assert "Updated (settings and secret): linkedin" in dialog.summary_box.informativeText()
    linkedin = Account.get(Account.name == "linkedin")
    assert memory_keyring.values[(SERVICE, entry_name(linkedin))] == "tok-li-secret-9"
    assert Account.select().count() == 2


def test_an_env_file_without_the_variables_says_which_are_expected(qtbot, open_dialog, tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("UNRELATED=1\n")
    dialog = open_dialog()
    dialog.import_file(str(env_file))
    qtbot.waitUntil(lambda: "LINKEDIN_ACCESS_TOKEN" in dialog.result.text(), timeout=10_000)
    assert dialog.import_button.isEnabled()


# --- removal --------------------------------------------------------------------------------------
def test_remove_says_what_happens_to_the_scheduled_posts(
    qtbot, open_dialog, add_account, add_post, memory_keyring
):
    account = add_account("facebook", "Brand A", {"page_id": "1"})
    post = add_post(account, "Launch", at=datetime.now(UTC) + timedelta(days=1))
    dialog = open_dialog()
    select(dialog, "Brand A")

    seen = answer_next_box(lambda box: click_button(box, "Cancel"))
    dialog.remove_selected()
    assert "1 scheduled post will not be published" in seen[0].informativeText()
    assert "page access token is deleted from the system keyring" in seen[0].informativeText()
    assert Account.get_or_none(Account.id == account.id) is not None

    answer_next_box(lambda box: click_button(box, "Remove account"))
    dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.result.text() == "Removed Brand A.", timeout=10_000)
    assert Account.get_or_none(Account.id == account.id) is None
    assert ScheduledPost.get_or_none(ScheduledPost.id == post.id) is None
    assert memory_keyring.values == {}
    assert dialog.stack.currentWidget() is dialog.empty


def test_an_account_with_a_post_to_check_is_not_removed(qtbot, open_dialog, add_account, add_post):
    account = add_account("facebook", "Brand A", {"page_id": "1"})
    post = add_post(account, "Launch")
    ScheduledPost.update(status=Status.NEEDS_CHECK).where(ScheduledPost.id == post.id).execute()
    dialog = open_dialog()
    select(dialog, "Brand A")
    dialog.remove_selected()
    box = next(w for w in dialog.findChildren(QMessageBox) if w.isVisible())
    assert "cannot be removed yet" in box.text()
    assert Account.get_or_none(Account.id == account.id) is not None


# --- keyring unavailable --------------------------------------------------------------------------
def test_a_locked_keyring_opens_the_keyring_dialog_and_retry_saves(
    qtbot, open_dialog, memory_keyring
):
    keyring.set_keyring(LockedKeyring())
    dialog = open_dialog()
    editor = open_editor(qtbot, dialog, "linkedin")
    qtbot.keyClicks(editor.name_edit, "Brand A")
    qtbot.keyClicks(editor.secret_edit, SECRET)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: editor.findChild(KeyringDialog) is not None, timeout=10_000)
    prompt = editor.findChild(KeyringDialog)
    qtbot.waitUntil(prompt.isVisible)
    assert "locked" in prompt.message.text()
    assert editor.isVisible(), "the form stays open with what was typed"
    assert editor.secret_edit.text() == SECRET
    assert Account.select().count() == 0, "no account without its secret"

    keyring.set_keyring(memory_keyring)  # the user unlocked it
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        qtbot.mouseClick(prompt.retry_button, Qt.MouseButton.LeftButton)
    account = Account.get(Account.name == "Brand A")
    assert memory_keyring.values[(SERVICE, entry_name(account))] == SECRET


def test_a_locked_keyring_at_start_is_explained_not_a_crash(qtbot, ctx, add_account):
    add_account("facebook", "Brand A", {"page_id": "1"})
    ctx.credentials.forget_cache()
    keyring.set_keyring(LockedKeyring())
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    check_keyring(ctx, window)
    qtbot.waitUntil(lambda: window.findChild(KeyringDialog) is not None, timeout=10_000)
    prompt = window.findChild(KeyringDialog)
    assert "Unlock" in prompt.message.text()

    keyring.set_keyring(MemoryKeyring())  # unlocked (and empty): Retry finds no problem
    qtbot.mouseClick(prompt.retry_button, Qt.MouseButton.LeftButton)
    ctx.jobs.wait(10_000)
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in window.findChildren(KeyringDialog)))


def test_the_keyring_explanation_speaks_the_ui_language(qtbot, qapp, ctx, add_account):  # noqa: ANN001
    from desktop_publisher.gui.text import i18n

    add_account("facebook", "Brand A", {"page_id": "1"})
    ctx.credentials.forget_cache()
    keyring.set_keyring(LockedKeyring())
    try:
        i18n.install(qapp, "pl")
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        check_keyring(ctx, window)
        qtbot.waitUntil(lambda: window.findChild(KeyringDialog) is not None, timeout=10_000)
        assert (
            window.findChild(KeyringDialog)
            .message.text()
            .startswith("Systemowy magazyn haseł jest zablokowany. Odblokuj go")
        )
    finally:
        i18n.uninstall(qapp)
        keyring.set_keyring(MemoryKeyring())


def test_a_secret_missing_from_the_keyring_says_how_to_fix_it(
    qtbot, ctx, open_dialog, fakenet_account, memory_keyring, fake_server
):
    memory_keyring.values.clear()  # removed by hand in the keyring manager
    ctx.credentials.forget_cache()
    dialog = open_dialog()
    select(dialog, "Brand A")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not work" in dialog.result.text(), timeout=10_000)
    assert dialog.result.text() == (
        "Brand A does not work: its access token is missing from the system keyring — "
        "click Edit… and paste it again."
    )
    assert row_texts(dialog)["Brand A"][0].startswith("its access token is missing")
    assert fake_server.requests == [], "nothing is sent without a secret"


def test_reconnect_on_a_failed_post_opens_that_accounts_form(qtbot, ctx, add_account, add_post):
    """The details pane's Reconnect leads straight to the form of the post's account."""
    from desktop_publisher.gui.window.main_window import MainWindow

    add_account("fakenet", "Brand A", {"endpoint": "http://127.0.0.1:9"})
    other = add_account("fakenet", "Brand B", {"endpoint": "http://127.0.0.1:9"})
    post = add_post(other, "Refused", at=datetime.now(UTC) + timedelta(days=1))
    ScheduledPost.update(status=Status.FAILED, last_error_kind="auth", last_error="expired").where(
        ScheduledPost.id == post.id
    ).execute()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_post(post.id)
    seen: list[AccountEditDialog] = []
    tries: list[int] = []

    def answer() -> None:
        form = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, AccountEditDialog)
             and w.isVisible()),
            None,
        )  # fmt: skip
        if form is None:
            tries.append(1)
            if len(tries) > 500:  # no form after ~5 s: close the dialog so the test fails
                QApplication.activeModalWidget().reject()
                return
            QTimer.singleShot(10, answer)
            return
        seen.append(form)
        form.reject()
        QApplication.activeModalWidget().reject()  # then the accounts dialog itself

    QTimer.singleShot(0, answer)
    window._details_action("reconnect")
    assert len(seen) == 1 and seen[0].account.id == other.id
