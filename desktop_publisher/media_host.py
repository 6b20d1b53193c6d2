"""Which account hosts images for the platforms that need a public address (Instagram): one
account of a platform declaring `hosts_media`, marked with its `media_host` flag."""

from __future__ import annotations

from desktop_publisher.credentials import CredentialStore, get_platform_credentials
from desktop_publisher.platforms import registry
from desktop_publisher.store.models import Account

# The account field that marks the hosting account (a flag of the hosting platforms).
MEDIA_HOST_FIELD = "media_host"


def media_host_account(except_id: int | None = None) -> Account | None:
    """The account (other than `except_id`) that hosts the images; only one may."""
    hosting = [declared.platform for declared in registry.media_hosting()]
    for account in Account.select().where(Account.platform.in_(hosting)):
        if account.id != except_id and (account.settings or {}).get(MEDIA_HOST_FIELD):
            return account
    return None


def find_media_host(credentials: CredentialStore) -> object | None:
    account = media_host_account()
    if account is None:
        return None
    cls = registry.publisher_class(account.platform)
    return cls.media_host(get_platform_credentials(account, credentials))
