"""Reading files the user names (a post's text, its images) without trusting what they are.

A path may name a pipe (opening it waits for a writer that never comes), a device (/dev/zero never
ends), a folder, or a file far larger than anything a platform takes (a sparse 2 GB ".jpg" costs
no disk space). So the path is looked at before it is opened, opened without waiting, looked at
again through the open descriptor (it may have been swapped meanwhile), and read no further than
one byte past the cap: nothing here reads more than `cap + 1` bytes or waits for anyone.
"""

from __future__ import annotations

import os
import stat

# No flag where the platform has none (Windows has no pipes to open by path this way).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


class FileRefused(Exception):
    """The file is not one to read: see the subclasses. `path` is the path as given."""

    def __init__(self, path: str | os.PathLike[str], cap: int) -> None:
        self.path = str(path)
        self.cap = cap
        super().__init__(self.path)


class NotRegularFile(FileRefused):
    """A folder, a device, a pipe or a socket: nothing a post is made of."""


class FileTooLarge(FileRefused):
    """More than `cap` bytes (by its size, or by what reading it gave)."""


def megabytes(size: int) -> str:
    """'1', '4', '8', '0.5': sizes in the decimal megabytes the messages speak of."""
    return f"{size / 1_000_000:g}"


def check_file(path: str | os.PathLike[str], cap: int) -> int:
    """The size of the regular file at `path` (links followed), without opening it.

    Raises NotRegularFile, FileTooLarge, or OSError (FileNotFoundError, PermissionError...)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, cap)
    if info.st_size > cap:
        raise FileTooLarge(path, cap)
    return info.st_size


def read_capped(path: str | os.PathLike[str], cap: int) -> bytes:
    """The bytes of the regular file at `path`, at most `cap` of them.

    Raises NotRegularFile, FileTooLarge (also when the file grew past the cap since it was
    looked at: reading stops one byte past the cap), or OSError."""
    check_file(path, cap)
    # O_NONBLOCK: had the path become a pipe since the check, opening it would wait for a writer;
    # for a regular file the flag changes nothing.
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC | _BINARY)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, cap)
        if info.st_size > cap:
            raise FileTooLarge(path, cap)
        chunks: list[bytes] = []
        left = cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > cap:
        raise FileTooLarge(path, cap)
    return data
