"""Which platform classes exist. The built-in ones are imported on first use.

The built-in platforms' ids and labels are known here without importing their clients, so the
command line's choices and the window's account list cost nothing at start; a client module is
imported when its class is first asked for (its fields, limits, or to publish).
"""

from __future__ import annotations

import importlib

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.base import AccountInfo, Publisher, PublisherOptions

# platform id → (module, label). tests/test_startup_imports.py checks these against the classes.
BUILTIN: dict[str, tuple[str, str]] = {
    "linkedin": ("desktop_publisher.platforms.linkedin", "LinkedIn"),
    "facebook": ("desktop_publisher.platforms.facebook", "Facebook"),
    "instagram": ("desktop_publisher.platforms.instagram", "Instagram"),
    "wordpress": ("desktop_publisher.platforms.wordpress", "WordPress"),
}
BUILTIN_MODULES = tuple(module for module, _label in BUILTIN.values())

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


def names() -> list[str]:
    """Every platform id, sorted, without importing any client."""
    return sorted({*BUILTIN, *_registry})


def label(platform: str) -> str:
    """The platform's name for people; a built-in one's without importing its client."""
    cls = _registry.get(platform)
    if cls is not None:
        return cls.label
    if platform in BUILTIN:
        return BUILTIN[platform][1]
    return publisher_class(platform).label


def platforms() -> dict[str, type[Publisher]]:
    _load_builtin()
    return dict(_registry)


def publisher_class(platform: str) -> type[Publisher]:
    cls = _registry.get(platform)
    if cls is not None:
        return cls
    if platform in BUILTIN:
        # Only this platform's client (and what it imports), not every client.
        importlib.import_module(BUILTIN[platform][0])
        if platform in _registry:
            return _registry[platform]
    _load_builtin()
    try:
        return _registry[platform]
    except KeyError:
        known = ", ".join(sorted(_registry))
        raise UserError(f"Unknown platform {platform!r}: choose one of {known}.") from None


def create(account: AccountInfo, options: PublisherOptions) -> Publisher:
    return publisher_class(account.platform)(account, options)
