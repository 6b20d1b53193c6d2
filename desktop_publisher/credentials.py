"""Account secrets in the OS keyring, and the legacy environment variables.

Secrets live only in the keyring, under one service name. Each entry is named after this data
folder's random id and the account's uid (`folder-<id>/account-<uid>`, see store/migrations.py,
version 4): two data folders on one keyring never share an entry, and an account added after
another was removed never finds the removed one's secret, whatever row ids the database gives
out. Keyring calls are serialised (some backends are not thread-safe and a second unlock prompt
would confuse the user) and cached per secret revision: the account row's `secret_rev` grows with
every change of the secret, from this process or another, so a reconnect is used by the next
publish without a restart and an unchanged secret is never read twice. There is no plaintext
fallback: if the keyring cannot be used, the user is told what to do.

`keyring` (~50 ms to import, more with its backends) is imported at the first keyring call, so
the window can show before it is loaded.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_publisher.advice import Advice
from desktop_publisher.errors import CredentialError, KeyringUnavailable
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import AccountInfo
from desktop_publisher.redaction import redact, register_secret
from desktop_publisher.store.models import Account, DataFolder, database_proxy
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "desktop-publisher"

_NO_KEYRING = QT_TRANSLATE_NOOP(
    "Error",
    "No system keyring is available to keep account secrets. Install and start one (GNOME "
    "Keyring, KWallet or KeePassXC's Secret Service on Linux; it is built into macOS and Windows), "
    "then try again. Secrets are never stored in plain text.",
)
_LOCKED = QT_TRANSLATE_NOOP(
    "Error",
    "The system keyring is locked. Unlock it (log in to your desktop session or open your "
    "keyring manager), then try again.",
)
_DISMISSED = QT_TRANSLATE_NOOP(
    "Error",
    "The system keyring could not be opened: its unlock prompt was dismissed or no prompt could "
    "be shown. Unlock the keyring, then try again.",
)


_folder_ids: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def folder_id() -> str:
    """The random id of the open database's data folder (read once per database)."""
    db = database_proxy.obj
    found = _folder_ids.get(db)
    if found is None:
        found = _folder_ids[db] = DataFolder.get_by_id(1).uid
    return found


def entry_name(account: Account) -> str:
    """The keyring entry (its "username" under SERVICE) that holds this account's secret."""
    return f"folder-{folder_id()}/account-{account.uid}"


def explain_keyring_error(exc: BaseException) -> KeyringUnavailable:
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringUnavailable.translatable(_NO_KEYRING)
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringUnavailable.translatable(_LOCKED)
    if isinstance(exc, keyring.errors.InitError):
        return KeyringUnavailable.translatable(_DISMISSED)
    return KeyringUnavailable.translatable(
        QT_TRANSLATE_NOOP(
            "Error",
            "The system keyring failed ({failure}). Check that it is running and unlocked, then "
            "try again.",
        ),
        failure=f"{type(exc).__name__}: {redact(exc)}",
    )


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[int, str | None]] = {}  # uid → (secret_rev, secret)

    def _keyring(self) -> KeyringBackend:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def _call(self, fn_name: str, *args: str) -> object:
        import keyring.errors

        try:
            return getattr(self._keyring(), fn_name)(SERVICE, *args)
        except keyring.errors.PasswordDeleteError:
            return None
        except Exception as exc:  # every backend failure becomes one clear message
            raise explain_keyring_error(exc) from None

    def get_secret(self, account: Account) -> str | None:
        """The secret of `account` as of the row given: a row with a newer `secret_rev` than
        the cached one (the secret was replaced, here or in another process) reads it anew."""
        with self._lock:
            cached = self._cache.get(account.uid)
            if cached is not None and cached[0] == account.secret_rev:
                return cached[1]
            value = self._call("get_password", entry_name(account))
            if value is None and account.legacy_secret:
                value = self._adopt_legacy(account)
            secret = value if isinstance(value, str) else None
            register_secret(secret)
            self._cache[account.uid] = (account.secret_rev, secret)
            return secret

    def _adopt_legacy(self, account: Account) -> object:
        """Move a secret stored under the old name (`account-<row id>`, shared by every data
        folder) to this account's own entry. The old entry is deleted once moved: if another
        data folder's account had the same row id, it finds nothing and is reconnected, rather
        than both going on with a secret only one of them can own."""
        legacy = account.legacy_secret
        value = self._call("get_password", legacy)
        if isinstance(value, str) and value:
            self._call("set_password", entry_name(account), value)
            self._call("delete_password", legacy)
        Account.update(legacy_secret=None).where(
            (Account.id == account.id) & (Account.legacy_secret == legacy)
        ).execute()
        account.legacy_secret = None
        return value

    def set_secret(self, account: Account, secret: str) -> None:
        """Store the secret, then count a new revision in the account's row (other processes'
        engines see it there and read the new secret at their next publish)."""
        if not secret:
            raise CredentialError.translatable(QT_TRANSLATE_NOOP("Error", "The secret is empty."))
        register_secret(secret)
        with self._lock:
            self._call("set_password", entry_name(account), secret)
            Account.update(secret_rev=Account.secret_rev + 1, legacy_secret=None).where(
                Account.id == account.id
            ).execute()
            row = Account.get_or_none(Account.id == account.id)
            account.secret_rev = row.secret_rev if row is not None else account.secret_rev + 1
            account.legacy_secret = None
            self._cache[account.uid] = (account.secret_rev, secret)

    def delete_secret(self, account: Account) -> None:
        """Delete this account's own entry (and an old-named one it never moved)."""
        self._delete_entry(entry_name(account), account.uid)
        if account.legacy_secret:
            self._delete_entry(account.legacy_secret)

    def _delete_entry(self, name: str, uid: str | None = None) -> None:
        with self._lock:
            self._call("delete_password", name)
            if uid is not None:
                self._cache.pop(uid, None)

    def forget_cache(self) -> None:
        with self._lock:
            self._cache.clear()


def get_platform_credentials(account: Account, credentials: CredentialStore) -> AccountInfo:
    """Everything a publisher needs for one account: its settings and its secret."""
    secret = credentials.get_secret(account)
    if not secret:
        label = registry.publisher_class(account.platform).secret_label
        raise CredentialError.translatable(
            QT_TRANSLATE_NOOP(
                "Error", "The {label} of account {account!r} is missing from the keyring: {advice}."
            ),
            advice=Advice.ENTER_SECRET_AGAIN,
            label=label,
            account=account.name,
        )
    return AccountInfo(
        id=account.id,
        name=account.name,
        platform=account.platform,
        settings=dict(account.settings or {}),
        secret=secret,
    )


@dataclass
class LegacyAccount:
    platform: str
    settings: dict
    secret: str = field(repr=False)


def read_legacy_env(env: Mapping[str, str]) -> tuple[list[LegacyAccount], list[str]]:
    """Accounts described by the original design's variables; and what is incomplete, in words."""
    found: list[LegacyAccount] = []
    incomplete: list[str] = []
    for platform, cls in sorted(registry.platforms().items()):
        if not cls.secret_env:
            continue
        settings_vars = {f.key: f.env for f in cls.setting_fields if f.env}
        present = [v for v in [cls.secret_env, *settings_vars.values()] if env.get(v, "").strip()]
        if not present:
            continue
        missing = [cls.secret_env] if not env.get(cls.secret_env, "").strip() else []
        missing += [
            f.env
            for f in cls.setting_fields
            if f.env and f.required and not env.get(f.env, "").strip()
        ]
        if missing:
            incomplete.append(f"{cls.label}: {', '.join(missing)} not set")
            continue
        settings = {
            key: env[var].strip() for key, var in settings_vars.items() if env.get(var, "").strip()
        }
        found.append(LegacyAccount(platform, settings, env[cls.secret_env].strip()))
    return found, incomplete
