"""Start at login on Linux: the XDG autostart entry is written, rewritten and removed under
$XDG_CONFIG_HOME (never the developer's own ~/.config)."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest

from desktop_publisher import autostart
from desktop_publisher.errors import UserError

pytestmark = pytest.mark.skipif(
    autostart.system() != "xdg", reason="the XDG autostart entry is the Linux/BSD one"
)


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read_string(path.read_text())
    return parser["Desktop Entry"]


def unquote_exec(value: str) -> list[str]:
    """Read an Exec value as the Desktop Entry spec says: string escapes first (`\\\\` is a
    backslash), then arguments split on spaces, where a quoted one may hold `\\"`, `` \\` ``,
    `\\$` and `\\\\`; `%%` is a literal percent sign."""
    value = value.replace("\\\\", "\\")
    args: list[str] = []
    current: list[str] = []
    quoted = in_quotes = False
    i = 0
    while i < len(value):
        char = value[i]
        if in_quotes and char == "\\" and value[i + 1] in '"`$\\':
            current.append(value[i + 1])
            i += 2
            continue
        if char == '"':
            in_quotes, quoted = not in_quotes, True
        elif char == " " and not in_quotes:
            if current or quoted:
                args.append("".join(current))
            current, quoted = [], False
        else:
            current.append(char)
        i += 1
    assert not in_quotes, f"unbalanced quotes in {value!r}"
    if current or quoted:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def test_enable_writes_the_entry_and_disable_removes_it(config_home: Path) -> None:
    path = config_home / "autostart" / "desktop-publisher.desktop"
    assert not autostart.is_enabled()

    autostart.enable(["/opt/dp/bin/desktop-publisher-gui"])

    assert autostart.xdg_entry_path() == path
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Desktop Publisher"
    assert entry["Exec"] == "/opt/dp/bin/desktop-publisher-gui"
    assert entry["Icon"] == "desktop-publisher"
    assert autostart.is_enabled()
    assert not list(path.parent.glob("*.part")), "no half-written file is left behind"

    autostart.disable()
    assert not path.exists()
    assert not autostart.is_enabled()
    autostart.disable()  # already gone: nothing to do, no error


def test_arguments_with_spaces_and_specials_survive_the_exec_quoting(config_home: Path) -> None:
    odd = '/home/a b/100% $x "q" `c` back\\slash'
    command = [sys.executable, "-m", "desktop_publisher", "--data-dir", odd, "gui"]
    autostart.enable(command)
    assert unquote_exec(read_entry(autostart.xdg_entry_path())["Exec"]) == command


def test_enable_again_rewrites_the_command(config_home: Path) -> None:
    autostart.enable(["/old/desktop-publisher-gui"])
    autostart.enable(["/new/desktop-publisher-gui"])
    assert read_entry(autostart.xdg_entry_path())["Exec"] == "/new/desktop-publisher-gui"


def test_without_xdg_config_home_the_entry_goes_under_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert autostart.xdg_entry_path() == (
        tmp_path / "home" / ".config" / "autostart" / "desktop-publisher.desktop"
    )
    # A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    assert autostart.xdg_entry_path().is_relative_to(tmp_path / "home" / ".config")


def test_an_unwritable_place_is_a_clear_error(config_home: Path) -> None:
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")
    with pytest.raises(UserError, match=r"Start at login: could not write .*autostart"):
        autostart.enable(["/opt/dp/bin/desktop-publisher-gui"])


def test_a_custom_data_dir_is_passed_to_the_window(tmp_path: Path) -> None:
    command = autostart.launch_command(tmp_path / "posts")
    assert command[-3:] == ["--data-dir", str(tmp_path / "posts"), "gui"]
