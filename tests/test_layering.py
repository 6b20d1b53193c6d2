"""The layers of docs/architecture.md, enforced: every import of the package (at the top of a module
or inside a function) is read from the source and checked against the arrows allowed."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_publisher"

QT = ("PySide6", "shiboken6")
# Services and everything above them: what the store and the platform clients must never reach.
SERVICES = (
    "accounts",
    "posts",
    "post_content",
    "post_checks",
    "credentials",
    "media_host",
    "engine",
    "cli",
    "gui",
)
# What each part may not import (names relative to the package; a prefix covers its submodules).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "store": (*SERVICES, "platforms"),
    "platforms": (*SERVICES, "store"),
    "lifecycle": (*SERVICES, "platforms", "store"),
    "engine": ("cli", "gui"),
    "accounts": ("engine", "cli", "gui"),
    "posts": ("engine", "cli", "gui"),
    "post_content": ("posts", "post_checks", "engine", "cli", "gui"),
    "post_checks": ("posts", "post_content", "engine", "cli", "gui"),
    "credentials": ("accounts", "posts", "post_content", "post_checks", "engine", "cli", "gui"),
}


def _part(module: str) -> str:
    """`store.models` → `store`; a top-level module is its own part."""
    return module.split(".")[0]


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file at `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(
                    ["desktop_publisher", *base[1:], *([node.module] if node.module else [])]
                )
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # `from desktop_publisher import cli` names a module in its alias.
            if name == "desktop_publisher":
                found += [(node.lineno, f"desktop_publisher.{a.name}") for a in node.names]
    return found


def violations(package: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).with_suffix("")
        parts = [p for p in relative.parts if p != "__init__"]
        module = ".".join(["desktop_publisher", *parts])
        own = parts[0] if parts else ""
        where = f"{path.relative_to(package.parent)}"
        for line, name in _imports(path, module):
            if name.split(".")[0] in QT and own != "gui":
                problems.append(f"{where}:{line}: imports {name}: only gui/ may import Qt")
                continue
            if not name.startswith("desktop_publisher."):
                continue
            target = name.removeprefix("desktop_publisher.")
            # The command line's `gui` command is how the window starts.
            if own not in ("gui", "cli") and _part(target) == "gui":
                problems.append(f"{where}:{line}: imports {name}: nothing below gui/ imports it")
                continue
            for banned in FORBIDDEN.get(own, ()):
                if target == banned or target.startswith(banned + "."):
                    problems.append(f"{where}:{line}: {own} imports {name}, a layer above it")
    return problems


def test_the_package_keeps_its_layers() -> None:
    assert violations(PACKAGE) == []


def _write(root: Path, relative: str, source: str) -> None:
    path = root / "desktop_publisher" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


def test_a_wrong_import_is_found(tmp_path: Path) -> None:
    _write(tmp_path, "__init__.py", "")
    _write(tmp_path, "store/__init__.py", "")
    _write(tmp_path, "store/models.py", "from desktop_publisher.posts import PostService\n")
    _write(tmp_path, "platforms/__init__.py", "")
    _write(
        tmp_path,
        "platforms/demo.py",
        "def later():\n    from ..credentials import CredentialStore\n",
    )
    _write(tmp_path, "engine/lanes.py", "from PySide6.QtCore import QTimer\n")
    _write(tmp_path, "posts.py", "from desktop_publisher import gui\n")
    _write(
        tmp_path,
        "gui/window.py",
        "from PySide6 import QtWidgets\nfrom desktop_publisher import cli\n",
    )
    found = violations(tmp_path / "desktop_publisher")
    assert found == [
        "desktop_publisher/engine/lanes.py:1: imports PySide6.QtCore: only gui/ may import Qt",
        "desktop_publisher/platforms/demo.py:2: platforms imports "
        "desktop_publisher.credentials, a layer above it",
        "desktop_publisher/posts.py:1: imports desktop_publisher.gui: "
        "nothing below gui/ imports it",
        "desktop_publisher/store/models.py:1: store imports desktop_publisher.posts, "
        "a layer above it",
    ]
