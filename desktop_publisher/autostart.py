"""Start at login: the per-OS entry that opens Desktop Publisher when the user logs in.

Linux (and other XDG desktops): a desktop entry in $XDG_CONFIG_HOME/autostart. macOS: a
LaunchAgent plist in ~/Library/LaunchAgents. Windows: a value under the current user's Run key.
No Qt here: the settings dialog calls it, and a script or test can too.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_publisher import APP_ID, APP_NAME
from desktop_publisher.config import default_data_dir
from desktop_publisher.errors import UserError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

ENTRY_FILENAME = f"{APP_ID}.desktop"
MAC_LABEL = f"org.{APP_ID}"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE = APP_NAME


def system() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "xdg"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How to open the window: the installed launcher, else this interpreter with the package.

    The data dir is passed only when it is not the default one, so that a user who keeps posts
    elsewhere gets the same posts after logging in.
    """
    default = default_data_dir()
    if data_dir is not None and Path(data_dir).resolve() != default.resolve():
        cli = shutil.which("desktop-publisher")
        base = [cli] if cli else [_python(), "-m", "desktop_publisher"]
        return [*base, "--data-dir", str(data_dir), "gui"]
    gui = shutil.which("desktop-publisher-gui")
    if gui:
        return [gui]
    return [_python(), "-m", "desktop_publisher", "gui"]


def _python() -> str:
    """On Windows pythonw.exe, so no console window opens at login."""
    exe = Path(sys.executable)
    if system() == "windows":
        windowless = exe.with_name("pythonw.exe")
        if windowless.is_file():
            return str(windowless)
    return str(exe)


# --- XDG -----------------------------------------------------------------------------------------
def xdg_entry_path() -> Path:
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip()
    # The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config_home) if config_home and os.path.isabs(config_home) else None
    return (base or Path.home() / ".config") / "autostart" / ENTRY_FILENAME


def _exec_quote(arg: str) -> str:
    """Quote one argument of a desktop entry's Exec key (Desktop Entry spec, "The Exec key")."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    escaped = arg.replace("%", "%%")
    if not escaped or any(ch in reserved for ch in escaped):
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in escaped)
        escaped = f'"{inner}"'
    # The desktop file format itself unescapes backslashes once more.
    return escaped.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(_exec_quote(arg) for arg in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Publish scheduled posts while you are logged in\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


# --- macOS ---------------------------------------------------------------------------------------
def mac_plist_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"


def _entry_file(kind: str) -> Path:
    """The autostart file of a "macos" or "xdg" system."""
    return mac_plist_path() if kind == "macos" else xdg_entry_path()


def mac_plist(command: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {"Label": MAC_LABEL, "ProgramArguments": list(command), "RunAtLoad": True}
    )


# --- the three together ---------------------------------------------------------------------------
def entry_location() -> str:
    """Where the entry lives, for messages."""
    kind = system()
    if kind == "windows":
        return f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}\\{WINDOWS_VALUE}"
    return str(_entry_file(kind))


def enable(command: Sequence[str]) -> None:
    """Write (or rewrite, so it follows a moved install) the entry. UserError when it cannot."""
    kind = system()
    try:
        if kind == "windows":
            import winreg

            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(
                    key, WINDOWS_VALUE, 0, winreg.REG_SZ, subprocess.list2cmdline(list(command))
                )
            return
        path = _entry_file(kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = mac_plist(command) if kind == "macos" else desktop_entry(command).encode()
        # Written whole then renamed: a half-written entry would break the login of some desktops.
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        raise UserError.translatable(
            QT_TRANSLATE_NOOP("Error", "Start at login: could not write {path} ({reason})."),
            path=entry_location(),
            reason=exc.strerror or str(exc),
        ) from None


def disable() -> None:
    """Remove the entry; nothing to do when there is none."""
    kind = system()
    try:
        if kind == "windows":
            import winreg

            with (
                winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key,
                contextlib.suppress(FileNotFoundError),
            ):
                winreg.DeleteValue(key, WINDOWS_VALUE)
            return
        path = _entry_file(kind)
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise UserError.translatable(
            QT_TRANSLATE_NOOP("Error", "Start at login: could not remove {path} ({reason})."),
            path=entry_location(),
            reason=exc.strerror or str(exc),
        ) from None


def is_enabled() -> bool:
    kind = system()
    if kind == "windows":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                winreg.QueryValueEx(key, WINDOWS_VALUE)
            return True
        except OSError:
            return False
    return _entry_file(kind).is_file()
