"""What went wrong with the data folder or the database file, told apart, each with its advice.

SQLite and the OS report the same few situations in many ways ("disk I/O error" is a full disk
when SQLite cannot size its shared-memory file; "unable to open database file" is a read-only
folder, a missing permission or a folder where the file should be). `classify` turns an
exception into one `Trouble`, looking at the file system where the error code alone cannot
tell; `store_error` gives the message a person can act on. Only a damaged file is pointed to the
backups: a healthy database must never be moved away or replaced because of a full disk.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from desktop_publisher.errors import StoreError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# Less free space than this on the data folder's disk counts as full: SQLite needs 32 KiB for a
# new shared-memory file and 4 KiB for every page it appends to the write-ahead log, and the
# log file needs its lines too.
FULL_BELOW_BYTES = 1024 * 1024


class Trouble(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    PERMISSION = "permission"
    LOCKED = "locked"
    DAMAGED = "damaged"
    IS_FOLDER = "is_folder"  # publisher.db is a folder
    NOT_A_FOLDER = "not_a_folder"  # the data folder is a file
    DISK_ERROR = "disk_error"
    REPLACED = "replaced"  # the file an open connection uses was deleted or replaced


# Primary result codes (the low byte of sqlite_errorcode) and what they mean here.
_BY_CODE = {
    sqlite3.SQLITE_FULL: Trouble.DISK_FULL,
    sqlite3.SQLITE_READONLY: Trouble.READ_ONLY,
    sqlite3.SQLITE_PERM: Trouble.PERMISSION,
    sqlite3.SQLITE_AUTH: Trouble.PERMISSION,
    sqlite3.SQLITE_BUSY: Trouble.LOCKED,
    sqlite3.SQLITE_LOCKED: Trouble.LOCKED,
    sqlite3.SQLITE_CORRUPT: Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: Trouble.DAMAGED,
}
# SQLITE_READONLY_DBMOVED: SQLite noticed that the file it has open is no longer at its path.
_READONLY_DBMOVED = sqlite3.SQLITE_READONLY | (4 << 8)
_BY_ERRNO = {
    errno.ENOSPC: Trouble.DISK_FULL,
    errno.EDQUOT: Trouble.DISK_FULL,
    errno.EROFS: Trouble.READ_ONLY,
    errno.EACCES: Trouble.PERMISSION,
    errno.EPERM: Trouble.PERMISSION,
    errno.EISDIR: Trouble.IS_FOLDER,
    errno.ENOTDIR: Trouble.NOT_A_FOLDER,
    errno.EIO: Trouble.DISK_ERROR,
}


def free_bytes(folder: Path) -> int | None:
    """Space an ordinary user may still fill on the disk holding `folder` (None: unknown)."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return None
    return st.f_bavail * st.f_frsize


def disk_full(folder: Path) -> bool:
    free = free_bytes(folder)
    return free is not None and free < FULL_BELOW_BYTES


def mounted_read_only(folder: Path) -> bool:
    """Whether the file system holding `folder` is mounted read-only (nobody can write it)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (peewee keeps SQLite's error as its first argument) and
    what it was raised from."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [a for a in current.args[:1] if isinstance(a, BaseException)]
        todo += [c for c in (current.__cause__, current.__context__) if c is not None]


def classify(exc: BaseException, db_path: Path) -> Trouble | None:
    """The trouble behind `exc`, raised while using the database at `db_path`; None when it is
    not a storage problem (a bug, a constraint, a network error)."""
    for cause in _causes(exc):
        if isinstance(cause, sqlite3.Error):
            code = getattr(cause, "sqlite_errorcode", None)
            if code is None:
                continue
            if code == _READONLY_DBMOVED:
                return Trouble.REPLACED
            primary = code & 0xFF
            if primary in _BY_CODE:
                if primary == sqlite3.SQLITE_READONLY and not mounted_read_only(db_path.parent):
                    # A write refused on a writable disk: the file or folder forbids it.
                    return probe(db_path) or Trouble.READ_ONLY
                return _BY_CODE[primary]
            if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR):
                found = probe(db_path)
                if found is None and primary == sqlite3.SQLITE_IOERR:
                    found = Trouble.DISK_ERROR
                return found or Trouble.DISK_ERROR
        elif isinstance(cause, OSError) and cause.errno in _BY_ERRNO:
            trouble = _BY_ERRNO[cause.errno]
            if trouble is Trouble.PERMISSION and mounted_read_only(db_path.parent):
                return Trouble.READ_ONLY
            return trouble
    return None


def probe(db_path: Path) -> Trouble | None:
    """Why the database cannot be opened or written, read from the file system: SQLite says
    only "unable to open" or "disk I/O error". Cheap checks, no file is opened."""
    try:
        return _probe(db_path)
    except PermissionError:  # a folder on the way may not even be looked into
        return Trouble.PERMISSION
    except OSError:
        return None


def _probe(db_path: Path) -> Trouble | None:
    folder = db_path.parent
    if folder.exists() and not folder.is_dir():
        return Trouble.NOT_A_FOLDER
    if db_path.is_dir():
        return Trouble.IS_FOLDER
    if not db_path.exists():
        # It existed (it is created before it is opened): deleted or moved away meanwhile.
        return Trouble.REPLACED
    if mounted_read_only(folder):
        return Trouble.READ_ONLY
    # SQLite creates -wal and -shm beside the database: the folder must be writable too.
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return Trouble.PERMISSION
    for path in (db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))):
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return Trouble.PERMISSION
    if disk_full(folder):
        return Trouble.DISK_FULL
    return None


def store_error(trouble: Trouble | None, db_path: Path, exc: BaseException | None) -> StoreError:
    """The message for `trouble` with the database at `db_path`: what happened, what it means
    for the posts, what to do."""
    folder = db_path.parent
    reason = _reason(exc)
    values = {"path": str(db_path), "folder": str(folder), "reason": reason}
    if trouble is Trouble.DISK_FULL:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The disk holding the data folder {folder} is full, so Desktop Publisher cannot "
            "save anything there. The database is fine and nothing was changed: free some space "
            "on that disk, then try again.",
        )
    elif trouble is Trouble.READ_ONLY:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The data folder {folder} is read-only, so nothing can be changed there. Make it "
            "writable again (e.g. remount its disk read-write), or copy the folder somewhere "
            "writable and use it with --data-dir. Commands that only read (status, post list, "
            "post show, account list) still work.",
        )
    elif trouble is Trouble.PERMISSION:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Permission denied on {path} or its folder: the user running Desktop Publisher may "
            "not read and write there. Give that user access to the data folder {folder} (its "
            "owner and permissions), or use another data folder with --data-dir.",
        )
    elif trouble is Trouble.LOCKED:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The database {path} is locked by another program, which kept it busy for longer "
            "than Desktop Publisher waits. Close that program (a database browser, a backup or "
            "sync tool), then try again. Nothing was changed.",
        )
    elif trouble is Trouble.DAMAGED:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The database {path} is damaged ({reason}). It was left untouched. Restore a backup: "
            "the files named publisher.db.v*.bak beside it hold the database as it was before "
            "each upgrade; copy the newest over publisher.db while Desktop Publisher is closed.",
        )
    elif trouble is Trouble.IS_FOLDER:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "{path} is a folder, but Desktop Publisher keeps its database in a file of that "
            "name. That folder is not Desktop Publisher's: move or rename it, or use another "
            "data folder with --data-dir.",
        )
    elif trouble is Trouble.NOT_A_FOLDER:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "{folder} is a file, not a folder, so it cannot be the data folder. Use another "
            "data folder (--data-dir or DESKTOP_PUBLISHER_DATA_DIR), or move that file away.",
        )
    elif trouble is Trouble.REPLACED:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The database file {path} was deleted or replaced while it was open. Quit every "
            "Desktop Publisher window and stop `desktop-publisher run`, then start again.",
        )
    elif trouble is Trouble.DISK_ERROR:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The disk holding {path} reported an error ({reason}). Check the disk (is it still "
            "connected? does the system report errors for it?), then try again. The database "
            "was left untouched.",
        )
    else:
        rule = QT_TRANSLATE_NOOP(
            "Error", "The database {path} cannot be used ({reason}). It was left untouched."
        )
    error = StoreError.translatable(rule, **values)
    error.trouble = trouble  # type: ignore[attr-defined]
    return error


def folder_error(trouble: Trouble | None, folder: Path, exc: BaseException) -> StoreError:
    """The data folder itself cannot be made or used."""
    from desktop_publisher.config import DB_FILENAME

    if trouble is None:
        return StoreError.translatable(
            QT_TRANSLATE_NOOP("Error", "Cannot use {folder} as the data folder ({reason})."),
            folder=str(folder),
            reason=_reason(exc),
        )
    return store_error(trouble, folder / DB_FILENAME, exc)


def _reason(exc: BaseException | None) -> str:
    if exc is None:
        return ""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
