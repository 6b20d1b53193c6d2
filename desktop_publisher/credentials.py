"""Account secrets in the OS keyring, and the legacy environment variables.

Secrets live only in the keyring, under one service name, keyed by account id. Keyring calls are
serialised (some backends are not thread-safe and a second unlock prompt would confuse the user)
and cached for the life of the process, so a scheduled publish never prompts again. There is no
plaintext fallback: if the keyring cannot be used, the user is told what to do.

`keyring` (~50 ms to import, more with its backends) is imported at the first keyring call, so
the window can show before it is loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_publisher.errors import CredentialError, KeyringUnavailable
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import AccountInfo
from desktop_publisher.redaction import redact, register_secret
from desktop_publisher.store.models import Account
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


def _username(account_id: int) -> str:
    return f"account-{account_id}"


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
        self._cache: dict[int, str | None] = {}

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

    def get_secret(self, account_id: int) -> str | None:
        with self._lock:
            if account_id in self._cache:
                return self._cache[account_id]
            value = self._call("get_password", _username(account_id))
            secret = value if isinstance(value, str) else None
            register_secret(secret)
            self._cache[account_id] = secret
            return secret

    def set_secret(self, account_id: int, secret: str) -> None:
        if not secret:
            raise CredentialError.translatable(QT_TRANSLATE_NOOP("Error", "The secret is empty."))
        register_secret(secret)
        with self._lock:
            self._call("set_password", _username(account_id), secret)
            self._cache[account_id] = secret

    def delete_secret(self, account_id: int) -> None:
        with self._lock:
            self._call("delete_password", _username(account_id))
            self._cache.pop(account_id, None)

    def forget_cache(self) -> None:
        with self._lock:
            self._cache.clear()


def get_platform_credentials(account: Account, credentials: CredentialStore) -> AccountInfo:
    """Everything a publisher needs for one account: its settings and its secret."""
    secret = credentials.get_secret(account.id)
    if not secret:
        label = registry.publisher_class(account.platform).secret_label
        raise CredentialError.translatable(
            QT_TRANSLATE_NOOP(
                "Error",
                "The {label} of account {name} is missing from the keyring: edit the account "
                "and enter it again.",
            ),
            # The command line's own way to put it back.
            f"The {label} of account {account.name!r} is missing from the keyring: add the "
            f"account again (`desktop-publisher account add {account.platform} --name "
            f"{account.name} …`).",
            label=label,
            name=repr(account.name),
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
