"""Opening the database: private file, WAL, busy timeout, foreign keys, migrations.

A file that is not a readable SQLite database of ours is reported and never written to.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import peewee

from desktop_publisher.config import DB_FILENAME, ensure_private_dir
from desktop_publisher.errors import StoreError
from desktop_publisher.store import migrations
from desktop_publisher.store.models import database_proxy
from desktop_publisher.store.settings import Settings
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": BUSY_TIMEOUT_MS,
    "foreign_keys": 1,
    # WAL + NORMAL is durable across application crashes, which is what we guard against.
    "synchronous": "normal",
}


class Store:
    """One open database. Models are bound to it through the module's DatabaseProxy."""

    def __init__(self, path: Path, db: peewee.SqliteDatabase) -> None:
        self.path = path
        self.db = db
        self.settings = Settings(db)

    def close(self) -> None:
        self.db.close()

    def atomic(self):  # noqa: ANN201 - peewee's transaction context
        """A short write transaction taken at once (IMMEDIATE), so it never fails half-way on
        a lock upgrade."""
        return self.db.atomic("IMMEDIATE")


def _create_private(path: Path) -> None:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP(
                "Error", "Cannot read the database {path}: {reason}. Check the file's permissions."
            ),
            path=str(path),
            reason=exc.strerror,
        ) from exc
    if head and head != SQLITE_HEADER:
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP(
                "Error",
                "{path} is not a Desktop Publisher database (it is not an SQLite file). It was "
                "left untouched: move it away or restore a backup, then start again.",
            ),
            path=str(path),
        )


def _prepare(path: Path) -> None:
    """Validate and migrate with a plain sqlite3 connection in autocommit mode."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Read before anything writes (switching to WAL writes the header): a damaged, foreign
        # or too new file fails here and stays exactly as it was.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = migrations.current_version(conn)
        if version > migrations.latest_version():
            raise StoreError.translatable(
                QT_TRANSLATE_NOOP(
                    "Error",
                    "Cannot open the database {path}: it is at schema version {version}, newer "
                    "than this app knows ({latest}). Update Desktop Publisher.",
                ),
                path=str(path),
                version=version,
                latest=migrations.latest_version(),
            )
        conn.execute("PRAGMA journal_mode=wal")
        conn.execute("PRAGMA foreign_keys=ON")
        migrations.migrate(conn, path)
    except migrations.MigrationError as exc:
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP("Error", "Cannot open the database {path}: {reason}."),
            path=str(path),
            reason=str(exc),
        ) from exc
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CANTOPEN):
            _check_header(path)  # safe here: SQLite cannot use the file (see open_store)
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP(
                "Error",
                "The database {path} cannot be read ({reason}). It was left untouched: restore "
                "a backup (files named publisher.db.v*.bak beside it) or move it away to start "
                "afresh.",
            ),
            path=str(path),
            reason=str(exc),
        ) from exc
    finally:
        conn.close()


def open_store(data_dir: Path) -> Store:
    ensure_private_dir(data_dir)
    path = data_dir / DB_FILENAME
    # The header is read with a plain file descriptor only when SQLite fails to open the file:
    # closing any descriptor of a file drops every POSIX lock this process holds on it, so
    # connections still open here would lose theirs and another process closing its last
    # connection could checkpoint and delete the WAL under them (a corrupt view of the data).
    if not path.exists():
        _create_private(path)
    _prepare(path)
    db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    database_proxy.initialize(db)
    store = Store(path, db)
    store.settings.ensure_defaults()
    return store
