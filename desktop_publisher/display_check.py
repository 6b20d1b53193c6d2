"""Whether the window can open on this computer, asked before Qt starts (Linux and the BSDs).

Qt cannot open a window without a display, nor load its X11 platform plugin ("xcb") when one of
the twenty-odd system libraries it links is missing, which a minimal or server install often
lacks. In both cases Qt prints a message that blames the wrong library (it always names
libxcb-cursor0) and aborts the process (SIGABRT). Here the same conditions become one UserError
that says what is missing and how to install it.

No Qt here: this runs before anything imports it.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop_publisher import APP_ID
from desktop_publisher.errors import UserError

log = logging.getLogger(__name__)

PLATFORM_ENV = "QT_QPA_PLATFORM"
# Inside the installed PySide6 package.
XCB_PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")
HEADLESS_HINT = f"Without a desktop, `{APP_ID} run` publishes from a terminal."

# The system libraries Qt's X11 plugin, its libQt6XcbQpa and libQt6Gui load, and the package
# that ships each one: (Debian/Ubuntu, Fedora). Checked with `apt-cache show` on Debian 12;
# Ubuntu 24.04's renamed libraries (libglib2.0-0t64) install under the old name too.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
}

# `ldd`: "\tlibxcb-icccm.so.4 => not found" (FreeBSD's adds " (0)")
_LDD_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\b", re.M)
# The dynamic loader's error: "libxcb-icccm.so.4: cannot open shared object file: No such…"
_LOADER_NOT_FOUND = re.compile(r"([\w.+-]+\.so(?:\.[\d.]+)?): cannot open shared object file")

# The loaded plugin stays loaded: Qt loads the same file a moment later, which then costs
# nothing more (unloading it here would make Qt read and relocate it all over again).
_kept_handles: list[int] = []


def applies(platform: str | None = None) -> bool:
    """Only X11/Wayland systems: Qt on Windows and macOS needs neither."""
    platform = sys.platform if platform is None else platform
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly"))


def requested_platforms(environ: Mapping[str, str]) -> list[str]:
    """The Qt platform plugins Qt tries, in its order: QT_QPA_PLATFORM's list ("wayland;xcb",
    each possibly with ":options"), else Wayland first when a Wayland session is announced,
    then X11 (what Qt 6 does when nothing is set)."""
    explicit = environ.get(PLATFORM_ENV, "").strip()
    if explicit:
        names = [part.split(":", 1)[0].strip().lower() for part in explicit.split(";")]
        return [name for name in names if name]
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def check_window_can_open(environ: Mapping[str, str] | None = None) -> None:
    """Raise a UserError when Qt could not open the window here; return when it can (or when
    this cannot tell: then Qt decides, as before)."""
    environ = os.environ if environ is None else environ
    if not applies():
        return
    missing: list[str] = []
    complete = True
    for name in requested_platforms(environ):
        if name == "xcb":
            if not environ.get("DISPLAY"):
                continue
            missing, complete = missing_xcb_libraries(environ)
            if not missing:
                return
        elif name.startswith("wayland"):
            if environ.get("WAYLAND_DISPLAY"):
                return
        else:
            return  # offscreen, minimal, vnc, eglfs, linuxfb…: no display needed
    if missing:
        raise UserError(
            missing_libraries_message(missing, "Qt's X11 platform plugin (xcb)", complete)
        )
    raise UserError(no_display_message(environ))


def no_display_message(environ: Mapping[str, str]) -> str:
    explicit = environ.get(PLATFORM_ENV, "").strip()
    if not explicit:
        return (
            "The window needs a desktop, and none was found: neither DISPLAY (X11) nor "
            f"WAYLAND_DISPLAY (Wayland) is set. {HEADLESS_HINT}"
        )
    needed = []
    for name in requested_platforms(environ):
        variable = "DISPLAY" if name == "xcb" else "WAYLAND_DISPLAY"
        if variable not in needed:
            needed.append(variable)
    unset = "which is not set" if len(needed) == 1 else "and neither is set"
    return (
        f"The window cannot open: {PLATFORM_ENV}={explicit} needs {' or '.join(needed)}, "
        f"{unset}. {HEADLESS_HINT}"
    )


def xcb_plugin(environ: Mapping[str, str]) -> Path | None:
    """The X11 plugin Qt will load: PySide6's own, unless Qt is told to look elsewhere (then
    None: which file Qt picks is not ours to guess)."""
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or environ.get("QT_PLUGIN_PATH"):
        return None
    folder = pyside_folder()
    if folder is None or not (folder / XCB_PLUGIN).is_file():
        return None
    return folder / XCB_PLUGIN


def pyside_folder() -> Path | None:
    """The installed PySide6 package's folder, found without importing it (nor Qt)."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def missing_xcb_libraries(environ: Mapping[str, str]) -> tuple[list[str], bool]:
    """The system libraries the X11 plugin needs and this computer lacks ([] when it loads, or
    when there is no plugin to check), and whether that list is complete."""
    plugin = xcb_plugin(environ)
    if plugin is None:
        return [], True
    return missing_for(plugin)


def missing_for(plugin: Path) -> tuple[list[str], bool]:
    """The libraries `plugin` needs and the loader does not find, and whether that list is
    complete (`ldd` lists them all; without it the loader's error names the first one)."""
    error = load_error(plugin)
    if error is None:
        return [], True
    missing = missing_libraries(plugin)
    complete = missing is not None
    if missing is None:
        missing = missing_from_loader_error(error)
    if not missing and error:
        # Not a missing library (a damaged file, a wrong architecture): Qt says what it is.
        log.warning("the X11 platform plugin does not load: %s", error)
    return missing, complete


def load_error(plugin: Path) -> str | None:
    """Load `plugin` into this process as Qt would (lazily bound): None when it loads, else the
    loader's error ("" without ctypes: then `ldd` alone decides).

    This is the cheap test, run on every start: the loader finds every library or names the
    first it missed, and what it loads Qt would load a moment later anyway."""
    try:
        import _ctypes
    except ImportError:
        return ""
    try:
        _kept_handles.append(_ctypes.dlopen(str(plugin), os.RTLD_LAZY))
    except OSError as exc:
        return str(exc)
    return None


def missing_libraries(path: Path) -> list[str] | None:
    """What `ldd` lists as "not found" for `path` (all of them, unlike the loader's error);
    None when ldd cannot be run."""
    import subprocess  # only when something is missing: the window's start does not need it

    try:
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_ldd(done.stdout)


def parse_ldd(output: str) -> list[str]:
    """The sonames ldd's output reports "not found", each once, in order."""
    return list(dict.fromkeys(_LDD_NOT_FOUND.findall(output)))


def explain_import_error(error: ImportError) -> str | None:
    """The message for Qt's Python modules failing to import because the loader did not find a
    system library Qt needs (libEGL, fontconfig…); None for any other import error."""
    first = missing_from_loader_error(error)
    if not first:
        return None
    # Everything the window's Qt module lacks, not only the first library the loader missed.
    folder = pyside_folder()
    modules = sorted(folder.glob("QtWidgets*.so")) if folder is not None else []
    missing = missing_libraries(modules[0]) if modules else None
    if missing:
        return missing_libraries_message(missing, "Qt", complete=True)
    return missing_libraries_message(first, "Qt", complete=False)


def missing_from_loader_error(error: object) -> list[str]:
    """The library the dynamic loader did not find, from its error (a failed dlopen, or the
    ImportError of an extension module); [] for any other error."""
    found = _LOADER_NOT_FOUND.search(str(error))
    return [found.group(1)] if found else []


def missing_libraries_message(sonames: Sequence[str], needed_by: str, complete: bool) -> str:
    """Which libraries are missing and the commands that install them (a few lines).
    `complete` is False when only the first missing one is known: more may follow."""
    known = [name for name in sonames if name in PACKAGES]
    unknown = [name for name in sonames if name not in PACKAGES]
    debian = list(dict.fromkeys(PACKAGES[name][0] for name in known))
    fedora = list(dict.fromkeys(PACKAGES[name][1] for name in known))
    lines = [
        f"The window cannot open: {needed_by} needs system libraries that are not installed: "
        f"{', '.join(sonames)}" + ("." if complete else " (the first one missed; maybe more).")
    ]
    if known:
        lines += [
            "Install them as root (prefix `sudo` if you are not root), then start again:",
            f"  Debian/Ubuntu: apt-get install {' '.join(debian)}",
            f"  Fedora: dnf install {' '.join(fedora)}",
        ]
    if unknown:
        lines.append(
            f"Your system's package manager finds the package of {', '.join(unknown)} "
            "(Debian/Ubuntu: `apt-file search NAME`; Fedora: `dnf provides '*/NAME'`)."
        )
    return "\n".join(lines)
