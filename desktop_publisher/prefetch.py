"""Read ahead the files the window's start needs, so a start after a reboot waits less on disk.

After a reboot nothing of the app is in the operating system's file cache: Qt's libraries and
their Python bindings, the Python modules, fonts and plugins (~150 MB in ~300 files) are read
from the disk while the start runs, one page fault at a time, which makes that start about
twice as slow as later ones. The window records which files its start used (`record`, after its
first paint); the next start asks the kernel to read them all at once (`start`), from a
short-lived child process, while this one imports and builds the window. Firefox did the same
for its libraries on Linux.

Linux only (posix_fadvise and fork); elsewhere both do nothing. No Qt here: `start` runs before
anything heavy is imported.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

# In the data dir: it belongs to one installation of the app, like the log.
LISTING = "start-files.txt"
# Beyond this the listing is not ours (or is damaged): read nothing from it.
MAX_FILES = 2000
# A bigger file is mostly unused by a start (ICU's 32 MB of data): reading it all ahead would
# only hold up the reads that are needed on a slow disk.
MAX_SIZE = 16 * 1024 * 1024


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "posix_fadvise")


def single_threaded() -> bool:
    """Forking is only safe while this process has one thread (a lock held by another thread
    would stay held in the child for ever); the app's start has one at this point."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def start(data_dir: Path) -> bool:
    """Ask the kernel to read the recorded files ahead; True when a reader was started.

    Costs this process one fork (a child that forks the reader and exits at once, so no zombie
    is left): the reader then runs on another core while this one goes on."""
    if not supported() or not single_threaded():
        return False
    try:
        paths = (data_dir / LISTING).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False  # first start, or nothing recorded
    if not paths or len(paths) > MAX_FILES:
        return False
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return True
    try:
        if os.fork() == 0:
            read_ahead(paths)
    finally:
        os._exit(0)  # never back into the app: no atexit handlers, no buffers flushed twice


def read_ahead(paths: list[str]) -> None:
    """Start the kernel's read of each regular file in `paths` and return without waiting for
    it. A missing file is skipped; a FIFO or device never blocks (opened non-blocking and
    left alone)."""
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_SIZE:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def used_files() -> list[str]:
    """The files this process has used so far, roughly in the order it needed them: each
    module's bytecode or extension in import order, then every other mapped file (shared
    libraries, Qt plugins, fonts)."""
    seen: dict[str, None] = {}
    for module in list(sys.modules.values()):
        # The bytecode, or the source where none was written (PYTHONDONTWRITEBYTECODE).
        for path in (getattr(module, "__cached__", None), getattr(module, "__file__", None)):
            if isinstance(path, str) and os.path.isabs(path) and os.path.isfile(path):
                seen.setdefault(path, None)
                break
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                fields = line.split(None, 5)
                if len(fields) == 6 and fields[5].startswith("/"):
                    # " (deleted)" marks a file replaced since it was mapped.
                    path = fields[5].rstrip("\n").removesuffix(" (deleted)")
                    if path not in seen and os.path.isfile(path):
                        seen[path] = None
    except OSError:
        pass
    return list(seen)


def record(data_dir: Path) -> bool:
    """Write the listing for the next start when it changed; True when written. Meant for a
    job thread after the window's first paint (a few milliseconds of stat calls)."""
    if not supported():
        return False
    text = "\n".join(used_files()[:MAX_FILES]) + "\n"
    target = data_dir / LISTING
    try:
        if target.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    partial = target.with_suffix(".tmp")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        return False  # only a slower next start
    return True
