"""Before Qt starts, the window's entry points say what is missing instead of letting Qt abort:
no display, or a system library Qt's X11 platform plugin needs (display_check.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_publisher import display_check
from desktop_publisher.display_check import (
    PACKAGES,
    check_window_can_open,
    missing_libraries_message,
    parse_ldd,
    requested_platforms,
)
from desktop_publisher.errors import UserError
from tests.support.processes import REPO, cli_env

FIXTURES = Path(__file__).parent / "fixtures"
WITHOUT_LIBRARIES = Path(__file__).parent / "support" / "without_libraries.sh"
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")
QT_ABORT = re.compile(r"could not load the Qt platform plugin|could not connect to display", re.I)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")


def env_without_display(**extra: str) -> dict[str, str]:
    env = cli_env()
    for name in DISPLAY_VARIABLES:
        env.pop(name, None)
    env.update(extra)
    return env


# --- which platform Qt will try -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["xcb"]),
        ({"DISPLAY": ":0"}, ["xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["wayland", "xcb"]),
        ({"XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "Wayland;xcb:nomitshm "}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, ["vnc"]),
        ({"QT_QPA_PLATFORM": "  "}, ["xcb"]),
    ],
)
def test_the_platforms_qt_tries_follow_qt_qpa_platform_or_the_session(environ, expected):
    assert requested_platforms(environ) == expected


@linux_only
@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "vnc"},
        {"QT_QPA_PLATFORM": "xcb;offscreen"},
        {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        # Qt told where its plugins are: which X11 plugin it loads is not for the check to guess.
        {"DISPLAY": ":0", "QT_QPA_PLATFORM_PLUGIN_PATH": "/nowhere"},
    ],
)
def test_a_platform_that_needs_no_display_or_has_one_passes(environ):
    check_window_can_open(environ)


@linux_only
@pytest.mark.parametrize(
    ("environ", "message"),
    [
        (
            {},
            "The window needs a desktop, and none was found: neither DISPLAY (X11) nor "
            "WAYLAND_DISPLAY (Wayland) is set. Without a desktop, `desktop-publisher run` "
            "publishes from a terminal.",
        ),
        (
            {"XDG_SESSION_TYPE": "wayland"},
            "The window needs a desktop, and none was found",
        ),
        (
            {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"},
            "The window cannot open: QT_QPA_PLATFORM=xcb needs DISPLAY, which is not set. "
            "Without a desktop, `desktop-publisher run` publishes from a terminal.",
        ),
        (
            {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},
            "The window cannot open: QT_QPA_PLATFORM=wayland needs WAYLAND_DISPLAY, which is not "
            "set.",
        ),
        (
            {"QT_QPA_PLATFORM": "wayland;xcb"},
            "The window cannot open: QT_QPA_PLATFORM=wayland;xcb needs WAYLAND_DISPLAY or "
            "DISPLAY, and neither is set.",
        ),
    ],
)
def test_without_the_display_the_platform_needs_one_line_says_so(environ, message):
    with pytest.raises(UserError) as raised:
        check_window_can_open(environ)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_only_x11_and_wayland_systems_are_checked():
    assert display_check.applies("linux")
    assert display_check.applies("freebsd14")
    assert not display_check.applies("win32")
    assert not display_check.applies("darwin")


# --- the entry points without a display ------------------------------------------------------
ENTRY_POINTS = {
    "desktop-publisher": ["-m", "tests.support.cli_entry"],
    "desktop-publisher gui": ["-m", "tests.support.cli_entry", "gui"],
    "python -m desktop_publisher": ["-m", "desktop_publisher"],
    "python main.py": [str(REPO / "main.py")],
}


@linux_only
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_without_a_display_each_entry_point_says_so_in_one_line_and_exits_1(entry):
    # The data dir is the test's (DESKTOP_PUBLISHER_DATA_DIR, tests/conftest.py).
    done = subprocess.run(
        [sys.executable, *ENTRY_POINTS[entry]],
        capture_output=True,
        text=True,
        env=env_without_display(),
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)  # not -6 (SIGABRT) as before
    assert done.stderr.splitlines() == [
        "desktop-publisher: error: The window needs a desktop, and none was found: neither "
        "DISPLAY (X11) nor WAYLAND_DISPLAY (Wayland) is set. Without a desktop, "
        "`desktop-publisher run` publishes from a terminal."
    ]
    assert done.stdout == ""


@linux_only
def test_the_launchers_take_a_data_dir(tmp_path):
    """`python main.py --data-dir DIR` used to be a usage error: the launcher puts "gui" first."""
    folder = tmp_path / "chosen"
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=env_without_display(),
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr  # the display check, not a usage error (2)
    assert "none was found" in done.stderr
    assert folder.is_dir()  # the data dir given is the one used


@linux_only
def test_the_installed_gui_launcher_says_so_too():
    launcher = Path(sys.executable).with_name("desktop-publisher-gui")
    if not launcher.exists():
        pytest.skip(f"{launcher} is not installed (pip install -e .)")
    done = subprocess.run(
        [str(launcher)],
        capture_output=True,
        text=True,
        env=env_without_display(),
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "none was found: neither DISPLAY (X11) nor WAYLAND_DISPLAY" in done.stderr
    assert not QT_ABORT.search(done.stderr)


# --- missing libraries ---------------------------------------------------------------------------
def test_ldd_of_the_plugin_without_two_libraries_names_them_and_their_packages():
    """tests/fixtures/ldd_libqxcb_without_icccm_keysyms.txt is `ldd` of PySide6 6.11.3's
    Qt/plugins/platforms/libqxcb.so on Debian 12 with libxcb-icccm.so.4 and libxcb-keysyms.so.1
    hidden (tests/support/without_libraries.sh, in a private mount namespace; the venv's path
    shortened to /home/user/.venv): the computer of the report, which had libxcb-cursor0."""
    output = (FIXTURES / "ldd_libqxcb_without_icccm_keysyms.txt").read_text(encoding="utf-8")
    missing = parse_ldd(output)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]  # each once, in order
    message = missing_libraries_message(missing, "Qt's X11 platform plugin (xcb)", True)
    assert message.splitlines() == [
        "The window cannot open: Qt's X11 platform plugin (xcb) needs system libraries that are "
        "not installed: libxcb-icccm.so.4, libxcb-keysyms.so.1.",
        "Install them as root (prefix `sudo` if you are not root), then start again:",
        "  Debian/Ubuntu: apt-get install libxcb-icccm4 libxcb-keysyms1",
        "  Fedora: dnf install xcb-util-wm xcb-util-keysyms",
    ]
    assert "cursor" not in message  # what Qt blamed


def test_a_library_without_a_known_package_is_named_with_how_to_find_its_package():
    message = missing_libraries_message(["libxcb-util.so.1", "libfoo.so.3"], "Qt", True)
    assert "not installed: libxcb-util.so.1, libfoo.so.3." in message
    assert "apt-get install libxcb-util1\n" in message
    assert "dnf install xcb-util\n" in message
    assert "package of libfoo.so.3 (Debian/Ubuntu: `apt-file search NAME`" in message


def test_shared_packages_are_named_once():
    message = missing_libraries_message(
        ["libxcb-shape.so.0", "libxcb-randr.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0"],
        "Qt",
        True,
    )
    assert "apt-get install libxcb-shape0 libxcb-randr0 libglib2.0-0\n" in message
    assert message.endswith("dnf install libxcb glib2")


def xcb_plugin_here() -> Path:
    plugin = display_check.xcb_plugin({})
    if plugin is None:
        pytest.skip("PySide6 has no X11 platform plugin here")
    return plugin


def probe(plugin: Path, env: dict[str, str]) -> str:
    """display_check.missing_for(plugin) in a fresh interpreter: the loader's answer must not
    depend on what this test process has loaded already."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom pathlib import Path\nfrom desktop_publisher import display_check\n"
            "print(display_check.missing_for(Path(sys.argv[1])))",
            str(plugin),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@linux_only
def test_a_plugin_whose_library_is_not_found_is_reported_by_the_loader_and_ldd(tmp_path):
    # A copy of the real plugin outside PySide6 does not find Qt's libraries beside it.
    copy = tmp_path / "libqxcb.so"
    shutil.copy(xcb_plugin_here(), copy)
    if shutil.which("ldd"):
        assert probe(copy, cli_env()) == (
            "(['libQt6XcbQpa.so.6', 'libQt6Gui.so.6', 'libQt6Core.so.6'], True)"
        )
    # Without ldd, the loader's error names the first library it missed.
    assert probe(copy, {**cli_env(), "PATH": str(tmp_path)}) == "(['libQt6XcbQpa.so.6'], False)"
    message = missing_libraries_message(["libQt6XcbQpa.so.6"], "Qt", False)
    assert "not installed: libQt6XcbQpa.so.6 (the first one missed; maybe more)." in message


@linux_only
def test_the_installed_plugin_loads_here():
    """What the X11 window test relies on: this machine has the libraries (CI installs them with
    scripts/install-test-system-deps.sh)."""
    assert probe(xcb_plugin_here(), cli_env()) == "([], True)"


# --- on a computer without the libraries (a private mount namespace hides them) -------------
def library_folder(soname: str) -> Path:
    """The folder the loader finds `soname` in, here."""
    done = subprocess.run(["ldd", str(xcb_plugin_here())], capture_output=True, text=True)
    found = re.search(rf"^\s*{re.escape(soname)} => (/\S+)", done.stdout, re.M)
    if not found:
        pytest.skip(f"{soname} is not installed here")
    return Path(os.path.realpath(found.group(1))).parent


def run_without(libraries: str, *command: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    folder = library_folder(libraries.split()[0])
    if not shutil.which("unshare"):
        pytest.skip("unshare (util-linux) is missing")
    allowed = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "true"], capture_output=True
    )
    if allowed.returncode != 0:
        pytest.skip("no private mount namespace here (needs root)")
    return subprocess.run(
        ["unshare", "-m", "--propagation", "private", "bash", str(WITHOUT_LIBRARIES)]
        + [str(folder), libraries, *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


@linux_only
def test_the_window_without_two_xcb_libraries_names_them_instead_of_aborting(data_dir):
    # DISPLAY is set: Qt would try X11 (nothing needs to listen there: the check comes first).
    done = run_without(
        "libxcb-icccm.so.4 libxcb-keysyms.so.1",
        sys.executable,
        "-m",
        "desktop_publisher",
        "--data-dir",
        str(data_dir),
        env=env_without_display(DISPLAY=":97"),
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert not QT_ABORT.search(done.stderr)
    assert done.stderr.splitlines() == [
        "desktop-publisher: error: The window cannot open: Qt's X11 platform plugin (xcb) needs "
        "system libraries that are not installed: libxcb-icccm.so.4, libxcb-keysyms.so.1.",
        "Install them as root (prefix `sudo` if you are not root), then start again:",
        "  Debian/Ubuntu: apt-get install libxcb-icccm4 libxcb-keysyms1",
        "  Fedora: dnf install xcb-util-wm xcb-util-keysyms",
    ]


@linux_only
def test_qt_itself_without_libegl_names_it_instead_of_asking_to_reinstall(data_dir):
    # Offscreen needs no display, but Qt's own modules need libEGL to import at all.
    done = run_without(
        "libEGL.so.1",
        sys.executable,
        "-m",
        "desktop_publisher",
        "--data-dir",
        str(data_dir),
        env=env_without_display(QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Reinstall" not in done.stderr
    assert done.stderr.splitlines() == [
        "desktop-publisher: error: The window cannot open: Qt needs system libraries that are "
        "not installed: libEGL.so.1.",
        "Install them as root (prefix `sudo` if you are not root), then start again:",
        "  Debian/Ubuntu: apt-get install libegl1",
        "  Fedora: dnf install libglvnd-egl",
    ]


# --- what the README and the install script name ------------------------------------------------
def commands_in_readme() -> tuple[list[str], list[str]]:
    """The packages of the README's window-library commands (apt-get, dnf)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install and start", 1)[1].split("\n## ", 1)[0]
    # A command goes on over lines ending in a backslash.
    apt = re.search(r"apt-get install --no-install-recommends ((?:[^`\n\\]|\\\n)+)", section)
    dnf = re.search(r"dnf install ((?:[^`\n\\]|\\\n)+)", section)
    assert apt and dnf, "README's install section lists the window's system packages"
    return apt.group(1).replace("\\", " ").split(), dnf.group(1).replace("\\", " ").split()


def test_the_readme_and_the_test_install_script_name_the_packages_of_the_table():
    apt, dnf = commands_in_readme()
    debian = {package for package, _ in PACKAGES.values()}
    fedora = {package for _, package in PACKAGES.values()}
    assert set(apt) <= debian, set(apt) - debian
    assert set(dnf) <= fedora, set(dnf) - fedora
    # The xcb-specific ones (a desktop may lack them) are all there.
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= set(apt)
    script = (REPO / "scripts" / "install-test-system-deps.sh").read_text(encoding="utf-8")
    installed = set(re.findall(r"[\w.+-]+", script))
    assert set(apt) <= installed, set(apt) - installed
    assert {"xvfb", "x11-utils"} <= installed
