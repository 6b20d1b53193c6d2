"""Icons drawn for this app (resources/icons/*.svg): the app, each platform, each status."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop_publisher.gui.infra.resources import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("app")


def platform_icon(platform: str) -> QIcon:
    return icon(f"platform-{platform}")


def status_icon(status: str) -> QIcon:
    return icon(f"status-{status}")
