"""Which account hosts Instagram's images (a WordPress account marked --media-host)."""

from __future__ import annotations

from desktop_publisher.credentials import CredentialStore, get_platform_credentials
from desktop_publisher.store.connection import Store
from desktop_publisher.store.models import Account


def find_media_host(store: Store, credentials: CredentialStore) -> object | None:
    for account in Account.select().where(Account.platform == "wordpress"):
        if (account.settings or {}).get("media_host"):
            from desktop_publisher.accounts import publisher_options
            from desktop_publisher.platforms import wordpress

            host_cls = getattr(wordpress, "WordPressMediaHost", None)
            if host_cls is None:
                return None
            info = get_platform_credentials(account, credentials)
            return host_cls(info, publisher_options(store))
    return None
