"""Where icons, translations and the .desktop file are: the checkout's resources/ folder, or the
copy installed inside the package (see pyproject.toml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parents[2]
    checkout = package.parent / "resources"
    if checkout.is_dir():
        return checkout
    installed = package / "resources"  # an installed package on disk: no import needed
    if installed.is_dir():
        return installed
    from importlib import resources as importlib_resources  # a zipped install

    return Path(str(importlib_resources.files("desktop_publisher.resources")))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
