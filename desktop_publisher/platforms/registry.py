"""Which platform classes exist. The built-in ones are imported on first use."""

from __future__ import annotations

import importlib

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.base import AccountInfo, Publisher, PublisherOptions

BUILTIN_MODULES = (
    "desktop_publisher.platforms.linkedin",
    "desktop_publisher.platforms.facebook",
    "desktop_publisher.platforms.instagram",
    "desktop_publisher.platforms.wordpress",
)

_registry: dict[str, type[Publisher]] = {}
_loaded = False


def register(cls: type[Publisher]) -> type[Publisher]:
    _registry[cls.platform] = cls
    return cls


def _load_builtin() -> None:
    global _loaded
    if not _loaded:
        for name in BUILTIN_MODULES:
            importlib.import_module(name)
        _loaded = True


def platforms() -> dict[str, type[Publisher]]:
    _load_builtin()
    return dict(_registry)


def publisher_class(platform: str) -> type[Publisher]:
    _load_builtin()
    try:
        return _registry[platform]
    except KeyError:
        known = ", ".join(sorted(_registry))
        raise UserError(f"Unknown platform {platform!r}: choose one of {known}.") from None


def create(account: AccountInfo, options: PublisherOptions) -> Publisher:
    return publisher_class(account.platform)(account, options)
