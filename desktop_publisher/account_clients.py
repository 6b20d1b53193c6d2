"""What a platform client gets for an account: its settings and secret, the shared options,
and where it keeps what it learns (no Qt; the engine and the account service build clients
with these)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop_publisher.credentials import CredentialStore, get_platform_credentials
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import AccountInfo, PublisherOptions
from desktop_publisher.store.connection import Store
from desktop_publisher.store.models import Account, database_proxy

log = logging.getLogger(__name__)


def publisher_options(
    store: Store,
    media_host=None,  # noqa: ANN001
    *,
    cached: bool = False,
) -> PublisherOptions:
    """`cached`: the engine's hot path reads the settings cache instead of the table."""
    read = store.settings.cached if cached else store.settings.get
    return PublisherOptions(
        urls={api.key: api.resolve() for api in registry.api_urls()},
        settings={spec.key: read(spec.key) for spec in registry.global_settings()},
        media_host=media_host,
        remember=lambda key, value: remember_setting(store, key, value),
    )


def remember_setting(store: Store, key: str, value: object) -> None:
    """Keep a global setting a client learned (an API version that works). A failure to keep it
    costs the next publish one more request, never this one: logged, not raised."""
    try:
        store.settings.set(key, value)
    except Exception:
        log.exception("could not keep the learned setting %s", key)


def account_info(account: Account, credentials: CredentialStore) -> AccountInfo:
    """What a client gets for the account: its settings, its secret, and where it keeps what it
    learns from the platform (account_memory)."""
    info = get_platform_credentials(account, credentials)
    info.remember = account_memory(account.id)
    return info


def account_memory(account_id: int) -> Callable[[str, object], None]:
    """AccountInfo.remember for this account: a learned setting (LinkedIn's author URN) goes
    into the account's settings unless one is there already (the user's stays)."""

    def remember(key: str, value: object) -> None:
        try:
            with database_proxy.atomic("IMMEDIATE"):
                row = Account.get_or_none(Account.id == account_id)
                if row is None or (row.settings or {}).get(key):
                    return
                settings = {**(row.settings or {}), key: value}
                Account.update(settings=settings).where(Account.id == account_id).execute()
        except Exception:
            log.exception("could not keep the learned setting %s of account %s", key, account_id)

    return remember
