"""Which platforms exist, what each declares, and their classes (imported on first use).

A built-in platform is a package of desktop_publisher/platforms whose `__init__.py` holds its
`DECLARATION` (light: no client code); its publisher class lives in the module the declaration
names (`client`) and is imported when first asked for (to publish, test or validate a post).
So the command line's options, the account form and the settings dialog cost no client import.
A platform registered by other code (a test's) brings its class, and so its declaration, along.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.declaration import (
    AccountField,
    ApiUrl,
    Declaration,
    GlobalSetting,
)

if TYPE_CHECKING:
    from desktop_publisher.platforms.base import AccountInfo, Publisher, PublisherOptions

# The built-in platforms, in the order they are offered (command line, editor tabs): id →
# the package holding the declaration.
BUILTIN: dict[str, str] = {
    "linkedin": "desktop_publisher.platforms.linkedin",
    "facebook": "desktop_publisher.platforms.facebook",
    "instagram": "desktop_publisher.platforms.instagram",
    "wordpress": "desktop_publisher.platforms.wordpress",
}

_registry: dict[str, type[Publisher]] = {}
_loaded = False
# Counts the platforms registered by other code: what is built from every declaration (the
# settings, config.SETTINGS) is built again when it changes.
_generation = [0]


def register(cls: type[Publisher]) -> type[Publisher]:
    if cls.platform not in BUILTIN and _registry.get(cls.platform) is not cls:
        _generation[0] += 1
    _registry[cls.platform] = cls
    return cls


def unregister(platform: str) -> None:
    """Forget a platform registered by other code (a test's throw-away one)."""
    if platform not in BUILTIN and _registry.pop(platform, None) is not None:
        _generation[0] += 1


def generation() -> int:
    return _generation[0]


def declaration(platform: str) -> Declaration:
    """What the platform declares, without importing its client."""
    cls = _registry.get(platform)
    if cls is not None:
        return cls.declaration
    if platform in BUILTIN:
        return importlib.import_module(BUILTIN[platform]).DECLARATION
    return publisher_class(platform).declaration


def declarations() -> list[Declaration]:
    """Every platform's declaration: the built-in ones in BUILTIN's order, then the others in
    the order they were registered."""
    extra = [cls.declaration for name, cls in _registry.items() if name not in BUILTIN]
    return [declaration(name) for name in BUILTIN] + extra


def client_modules() -> tuple[str, ...]:
    """The modules holding the built-in publisher classes."""
    return tuple(declaration(name).client for name in BUILTIN)


def _load_builtin() -> None:
    global _loaded
    if not _loaded:
        for name in client_modules():
            importlib.import_module(name)
        _loaded = True


def names() -> list[str]:
    """Every platform id, sorted, without importing any client."""
    return sorted({*BUILTIN, *_registry})


def label(platform: str) -> str:
    """The platform's name for people, without importing its client."""
    return declaration(platform).label


def platforms() -> dict[str, type[Publisher]]:
    _load_builtin()
    return dict(_registry)


def publisher_class(platform: str) -> type[Publisher]:
    cls = _registry.get(platform)
    if cls is not None:
        return cls
    if platform in BUILTIN:
        # Only this platform's client (and what it imports), not every client.
        importlib.import_module(declaration(platform).client)
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


# --- what the declarations add up to --------------------------------------------------------
def account_fields() -> Iterator[AccountField]:
    """Every platform's account fields, one per key (platforms may share a key, as "site_url"
    or "username": the first declaration speaks for it), in the order the command line lists
    their options: text fields first, platform by platform (each by `cli_rank`), then flags."""
    seen: set[str] = set()
    ordered: list[tuple[int, int, int, int, AccountField]] = []
    for position, declared in enumerate(declarations()):
        for index, spec in enumerate(declared.account_fields):
            if spec.key in seen:
                continue
            seen.add(spec.key)
            ordered.append((int(spec.flag), position, spec.cli_rank, index, spec))
    return iter(item[-1] for item in sorted(ordered, key=lambda item: item[:4]))


def api_urls() -> list[ApiUrl]:
    """Every API address the platforms declare, once each."""
    found: dict[str, ApiUrl] = {}
    for declared in declarations():
        for api in declared.api_urls:
            found.setdefault(api.key, api)
    return list(found.values())


def global_settings() -> list[GlobalSetting]:
    """Every global setting the platforms declare, once each, in declaration order."""
    found: dict[str, GlobalSetting] = {}
    for declared in declarations():
        for spec in declared.settings:
            found.setdefault(spec.key, spec)
    return list(found.values())


def media_hosting() -> list[Declaration]:
    """The platforms that can host images for the others."""
    return [d for d in declarations() if d.capabilities.hosts_media]
