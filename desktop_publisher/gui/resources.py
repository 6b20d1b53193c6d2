"""Where icons, translations and the .desktop file are: the checkout's resources/ folder, or the
copy installed inside the package (see pyproject.toml)."""

from __future__ import annotations

from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path


@cache
def resources_dir() -> Path:
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    return Path(str(importlib_resources.files("desktop_publisher.resources")))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
