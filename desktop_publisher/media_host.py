"""Which account hosts Instagram's images (a WordPress account marked --media-host)."""

from __future__ import annotations

from desktop_publisher.credentials import CredentialStore, get_platform_credentials
from desktop_publisher.store.models import Account


def media_host_account(except_id: int | None = None) -> Account | None:
    """The account (other than `except_id`) that hosts Instagram's images; only one may."""
    for account in Account.select().where(Account.platform == "wordpress"):
        if account.id != except_id and (account.settings or {}).get("media_host"):
            return account
    return None


def find_media_host(credentials: CredentialStore) -> object | None:
    account = media_host_account()
    if account is None:
        return None
    from desktop_publisher.platforms.wordpress import WordPressMediaHost

    return WordPressMediaHost(get_platform_credentials(account, credentials))
