"""What a non-editable install contains: pyproject.toml names the packages one by one (resources/
is mapped into the package), so a new sub-package must be named there too."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_is_installed() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    packages = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "desktop_publisher").rglob("__init__.py")
    }
    assert packages - listed == set()
