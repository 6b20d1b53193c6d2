"""Opening the database: private file, WAL, busy timeout, foreign keys, migrations.

A file that is not a readable SQLite database of ours is reported and never written to. What
stops the database from being opened (a full disk, a read-only folder, a missing permission,
another program's lock, a damaged file) is told apart by store/storage_errors.py.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import peewee

from desktop_publisher.config import DB_FILENAME, ensure_private_dir
from desktop_publisher.errors import StoreError
from desktop_publisher.store import migrations
from desktop_publisher.store.models import database_proxy
from desktop_publisher.store.settings import Settings
from desktop_publisher.store.sqlite import write_transaction
from desktop_publisher.store.storage_errors import (
    Trouble,
    classify,
    folder_error,
    mounted_read_only,
    store_error,
)
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a statement waits for another program's lock before it fails as "locked". Read at
# every open_store, so a test may shorten it by setting this attribute.
BUSY_TIMEOUT_MS = 10_000


def pragmas() -> dict[str, object]:
    return {
        "journal_mode": "wal",
        "busy_timeout": BUSY_TIMEOUT_MS,
        "foreign_keys": 1,
        # WAL + NORMAL is durable across application crashes, which is what we guard against.
        "synchronous": "normal",
    }


class Store:
    """One open database. Models are bound to it through the module's DatabaseProxy."""

    def __init__(self, path: Path, db: peewee.SqliteDatabase, read_only: bool = False) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self.settings = Settings(db)

    def close(self) -> None:
        self.db.close()

    def atomic(self):  # noqa: ANN201 - peewee's transaction context
        """A short write transaction taken at once (IMMEDIATE), so it never fails half-way on
        a lock upgrade."""
        return write_transaction(self.db)


def _create_private(path: Path) -> None:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise store_error(classify(exc, path), path, exc) from exc
    os.close(fd)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise store_error(classify(exc, path), path, exc) from exc
    if head and head != SQLITE_HEADER:
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP(
                "Error",
                "{path} is not a Desktop Publisher database (it is not an SQLite file). It was "
                "left untouched: move it away or restore a backup, then start again.",
            ),
            path=str(path),
        )


def _too_new(path: Path, version: int) -> StoreError:
    return StoreError.translatable(
        QT_TRANSLATE_NOOP(
            "Error",
            "Cannot open the database {path}: it is at schema version {version}, newer "
            "than this app knows ({latest}). Update Desktop Publisher.",
        ),
        path=str(path),
        version=version,
        latest=migrations.latest_version(),
    )


def _failure(path: Path, exc: BaseException) -> StoreError:
    """What to tell for an error SQLite raised while opening `path`."""
    trouble = classify(exc, path)
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    suspect = trouble in (Trouble.DAMAGED, None) or code == sqlite3.SQLITE_CANTOPEN
    # A file that is not SQLite's at all says so. Safe to open here: SQLite cannot use the
    # file, so this process holds no lock on it that closing a descriptor could drop.
    if suspect and not path.is_dir() and path.exists() and os.access(path, os.R_OK):
        _check_header(path)
    return store_error(trouble, path, exc)


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
            raise _too_new(path, version)
        conn.execute("PRAGMA journal_mode=wal")
        conn.execute("PRAGMA foreign_keys=ON")
        migrations.migrate(conn, path)
    except migrations.MigrationError as exc:
        if classify(exc, path) is not None:  # a full disk during the upgrade, say
            raise _failure(path, exc) from exc
        raise StoreError.translatable(
            QT_TRANSLATE_NOOP("Error", "Cannot open the database {path}: {reason}."),
            path=str(path),
            reason=str(exc),
        ) from exc
    except (sqlite3.Error, OSError) as exc:
        raise _failure(path, exc) from exc
    finally:
        conn.close()


def _read_only_uri(path: Path, immutable: bool) -> str:
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def _connect_read_only(path: Path) -> str:
    """The URI under which `path` can be read without writing anything, checked to be of the
    current schema.

    First `mode=ro`: SQLite reads a WAL database read-only when its -wal and -shm files exist
    or can be made (they exist while an engine runs). Where they cannot be made, `immutable=1`
    — only when it is true: SQLite then skips locking and change detection, which is safe only
    for a file nobody can change. On a file system mounted read-only nobody can, and with no
    -wal file beside it every committed change is in the database file itself. Anywhere else
    (another user's folder, a -wal left by an unclean stop) the open is refused instead."""
    attempts = [False]
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    if mounted_read_only(path.parent) and wal_empty:
        attempts.append(True)
    last: BaseException | None = None
    for immutable in attempts:
        uri = _read_only_uri(path, immutable)
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = migrations.current_version(conn)
        except sqlite3.Error as exc:
            last = exc
            code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                break  # the file's content, not the way it was opened
            continue
        except migrations.MigrationError as exc:
            raise StoreError.translatable(
                QT_TRANSLATE_NOOP("Error", "Cannot open the database {path}: {reason}."),
                path=str(path),
                reason=str(exc),
            ) from exc
        finally:
            conn.close()
        if version > migrations.latest_version():
            raise _too_new(path, version)
        if version < migrations.latest_version():
            raise StoreError.translatable(
                QT_TRANSLATE_NOOP(
                    "Error",
                    "The database {path} must be upgraded for this version of Desktop Publisher, "
                    "but its folder is read-only, so it cannot be upgraded (nor read before it "
                    "is). Make the data folder writable and run any command once (the upgrade "
                    "keeps a backup).",
                ),
                path=str(path),
            )
        return uri
    assert last is not None
    raise _failure(path, last) from last


def _open_read_only(path: Path) -> Store:
    uri = _connect_read_only(path)
    db = peewee.SqliteDatabase(
        uri,
        uri=True,
        # No journal_mode here: setting it is a write. query_only: a bug that writes fails at
        # once rather than half-way.
        pragmas={"busy_timeout": BUSY_TIMEOUT_MS, "foreign_keys": 1, "query_only": 1},
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    database_proxy.initialize(db)
    log.info("opened %s read-only: its folder cannot be written", path)
    return Store(path, db, read_only=True)


def _writable(data_dir: Path, path: Path) -> bool:
    """Whether this process may write the database and create its -wal and -shm files
    (os.access knows read-only mounts, and root's rights, better than the mode bits)."""
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def ensure_data_dir(data_dir: Path) -> None:
    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        trouble = classify(exc, data_dir / DB_FILENAME)
        if isinstance(exc, FileExistsError | NotADirectoryError):
            trouble = Trouble.NOT_A_FOLDER  # the folder, or one above it, is a file
        raise folder_error(trouble, data_dir, exc) from exc


def open_store(data_dir: Path, read_only: bool = False) -> Store:
    """The database of `data_dir`, created and upgraded as needed.

    With `read_only` (commands that only read), nothing is written: no settings are added, and
    where the folder cannot be written the file is opened read-only (see _connect_read_only)."""
    ensure_data_dir(data_dir)
    path = data_dir / DB_FILENAME
    if path.is_dir():
        raise store_error(Trouble.IS_FOLDER, path, None)
    if not _writable(data_dir, path):
        if read_only and path.exists():
            return _open_read_only(path)
        trouble = Trouble.READ_ONLY if mounted_read_only(data_dir) else Trouble.PERMISSION
        raise store_error(trouble, path, None)
    # The header is read with a plain file descriptor only when SQLite fails to open the file:
    # closing any descriptor of a file drops every POSIX lock this process holds on it, so
    # connections still open here would lose theirs and another process closing its last
    # connection could checkpoint and delete the WAL under them (a corrupt view of the data).
    if not path.exists():
        _create_private(path)
    _prepare(path)
    # mode=rw: a connection opened later (each thread opens its own) never creates an empty
    # database where the file was deleted meanwhile; it fails, and says so (Trouble).
    db = peewee.SqliteDatabase(
        f"file:{quote(str(path))}?mode=rw",
        uri=True,
        pragmas=pragmas(),
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    database_proxy.initialize(db)
    store = Store(path, db)
    if not read_only:
        try:
            store.settings.ensure_defaults()
        except peewee.DatabaseError as exc:
            db.close()
            raise _failure(path, exc) from exc
    return store
