"""Secrets in the keyring: caching, serialising, clear messages, never a plaintext fallback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from desktop_publisher.advice import Advice
from desktop_publisher.credentials import CredentialStore, get_platform_credentials
from desktop_publisher.errors import CredentialError, KeyringUnavailable
from desktop_publisher.store.models import Account
from tests.support.processes import REPO


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (keyring.errors.NoKeyringError("no backend"), "No system keyring is available"),
        (keyring.errors.KeyringLocked("locked"), "keyring is locked"),
        (keyring.errors.InitError("Failed to unlock the collection!"), "prompt was dismissed"),
    ],
)
def test_keyring_problems_become_one_clear_message_and_no_account(accounts, error, expected):
    keyring.set_keyring(BrokenKeyring(error))
    with pytest.raises(KeyringUnavailable, match=expected):
        accounts.add("linkedin", "Brand A", {}, "tok-secret-1")
    # No half-made account, and nothing written anywhere in plain text.
    assert Account.select().count() == 0


def test_secret_is_read_once_per_revision(accounts, memory_keyring):
    account = accounts.add("linkedin", "Brand A", {}, "tok-secret-1")
    fresh = CredentialStore()
    calls = memory_keyring.calls
    assert fresh.get_secret(Account.get_by_id(account.id)) == "tok-secret-1"
    assert fresh.get_secret(Account.get_by_id(account.id)) == "tok-secret-1"
    assert memory_keyring.calls == calls + 1
    # Replaced elsewhere (another process's CredentialStore): the row says so, the next read
    # takes the new secret instead of the cached one.
    accounts.update_secret(Account.get_by_id(account.id), "tok-secret-2", None)
    assert fresh.get_secret(Account.get_by_id(account.id)) == "tok-secret-2"


def test_entries_are_named_after_the_folder_and_the_account(accounts, memory_keyring, store):
    first = accounts.add("linkedin", "Brand A", {}, "tok-a")
    accounts.remove("Brand A")
    second = accounts.add("linkedin", "Brand B", {}, "tok-b")
    folder = store.db.execute_sql("SELECT uid FROM data_folder").fetchone()[0]
    assert second.id != first.id  # row ids are never given out twice
    assert memory_keyring.values == {
        ("desktop-publisher", f"folder-{folder}/account-{second.uid}"): "tok-b"
    }


def test_keyring_calls_are_serialised(accounts, memory_keyring):
    seven = accounts.add("linkedin", "Brand A", {}, "tok-seven")
    eight = accounts.add("linkedin", "Brand B", {}, "tok-eight")
    inside = []
    overlap = []
    original = memory_keyring.get_password
    entered = threading.Event()

    def slow_get(service: str, username: str) -> str | None:
        if inside:
            overlap.append(username)
        inside.append(username)
        entered.set()
        value = original(service, username)
        inside.remove(username)
        return value

    memory_keyring.get_password = slow_get  # type: ignore[method-assign]
    store = CredentialStore()
    rows = [Account.get_by_id(seven.id), Account.get_by_id(eight.id)]
    threads = [threading.Thread(target=store.get_secret, args=(rows[i % 2],)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert overlap == []
    assert store.get_secret(rows[0]) == "tok-seven"


def test_missing_secret_says_how_to_fix(store, credentials):
    account = Account.create(name="Orphan", platform="facebook", settings={"page_id": "1"})
    with pytest.raises(
        CredentialError, match="missing from the keyring: enter it again .*account reconnect"
    ):
        get_platform_credentials(account, credentials)


def test_missing_secret_carries_the_advice_not_the_command(store, credentials):
    account = Account.create(name="Orphan", platform="facebook", settings={"page_id": "1"})
    with pytest.raises(CredentialError) as caught:
        get_platform_credentials(account, credentials)
    # The command line reads what it always read.
    assert str(caught.value) == (
        "The page access token of account 'Orphan' is missing from the keyring: enter it again "
        "(`desktop-publisher account reconnect 'Orphan'`)."
    )
    message = caught.value.as_message()
    assert message.advice is Advice.ENTER_SECRET_AGAIN
    assert message.english() == str(caught.value)
    assert "desktop-publisher" not in message.to_json()


def test_no_dbus_gives_the_keyring_message_without_traceback(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_", "DP_TEST"))
    }
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        DESKTOP_PUBLISHER_DATA_DIR=str(tmp_path / "d"),
        PYTHONPATH=str(REPO),
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop_publisher", "account", "add", "linkedin", "--name", "A"],
        input="tok-abcdef",
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "keyring" in lines[0] and "try again" in lines[0]
    assert "tok-abcdef" not in result.stderr + result.stdout


@pytest.mark.keyring_integration
def test_real_secret_service_round_trip(accounts):
    """Runs inside a private D-Bus session with an unlocked gnome-keyring (see .ci/run)."""
    if os.environ.get("DP_REAL_KEYRING") != "1":
        pytest.skip("needs the real Secret Service: run through .ci/run (DP_REAL_KEYRING=1)")
    from keyring.backends import SecretService

    keyring.set_keyring(SecretService.Keyring())
    account = accounts.add(
        "wordpress",
        "Real Blog",
        {"site_url": "https://blog.example", "username": "ed"},
        "abcd efgh ijkl mnop",
    )
    fresh = CredentialStore()  # no cache: this reads from the daemon
    assert fresh.get_secret(Account.get_by_id(account.id)) == "abcd efgh ijkl mnop"
    folder = accounts.store.db.execute_sql("SELECT uid FROM data_folder").fetchone()[0]
    entry = f"folder-{folder}/account-{account.uid}"
    assert SecretService.Keyring().get_password("desktop-publisher", entry) == (
        "abcd efgh ijkl mnop"
    )
    accounts.remove("Real Blog")
    assert SecretService.Keyring().get_password("desktop-publisher", entry) is None


def test_upgrade_moves_old_entries_to_each_folders_own(tmp_path, memory_keyring):
    """Before schema 4 every data folder's account 1 used the entry `account-1`. The first
    keyring access after the upgrade moves it to the folder's own entry; a second folder
    upgraded from the same keyring is asked to reconnect instead of getting that secret."""
    from desktop_publisher.store.connection import open_store
    from tests.store.test_store import load_fixture

    memory_keyring.set_password("desktop-publisher", "account-1", "tok-linkedin")
    memory_keyring.set_password("desktop-publisher", "account-2", "wp app password")
    load_fixture(3, tmp_path / "first")
    store = open_store(tmp_path / "first")
    try:
        folder = store.db.execute_sql("SELECT uid FROM data_folder").fetchone()[0]
        brand = Account.get(Account.name == "Brand A")
        assert brand.legacy_secret == "account-1"
        info = get_platform_credentials(brand, CredentialStore())
        assert info.secret == "tok-linkedin"
        assert (
            memory_keyring.values[("desktop-publisher", f"folder-{folder}/account-{brand.uid}")]
            == "tok-linkedin"
        )
        assert ("desktop-publisher", "account-1") not in memory_keyring.values
        assert Account.get_by_id(brand.id).legacy_secret is None
        # Read again by another process: from the new entry.
        assert CredentialStore().get_secret(Account.get_by_id(brand.id)) == "tok-linkedin"
    finally:
        store.close()

    load_fixture(3, tmp_path / "second")
    other = open_store(tmp_path / "second")
    try:
        brand = Account.get(Account.name == "Brand A")
        with pytest.raises(CredentialError, match="account reconnect 'Brand A'"):
            get_platform_credentials(brand, CredentialStore())
        # Its account 2 still had its old entry: moved to this folder's own.
        blog = Account.get(Account.name == "Blog")
        assert CredentialStore().get_secret(blog) == "wp app password"
    finally:
        other.close()
