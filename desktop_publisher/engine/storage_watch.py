"""What the engine knows of its storage, and what it does when writes fail.

A full disk, a read-only folder or a lock taken by another program: said once (log, event),
tried again every few seconds until writes work, then what waited is written. The database file
deleted or replaced while the engine runs: publishing stops for good (so that no post is sent
twice or lost), with a copy of what the engine still sees saved beside it.

A part of Engine (engine/scheduler.py), kept apart for its size.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_publisher.engine.clock import SystemClock
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.store import sqlite
from desktop_publisher.store.connection import Store
from desktop_publisher.store.storage_errors import Trouble, classify, disk_full, store_error

if TYPE_CHECKING:
    from desktop_publisher.engine.publishing import PublishingService

log = logging.getLogger("desktop_publisher.engine")

# While its writes fail (a full disk…), how often the engine tries one again.
STORAGE_RETRY_SECONDS = 5.0

FileIdentity = tuple[int, int] | None


def file_identity(path: Path) -> FileIdentity:
    """(device, inode) of the file now at `path`; None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def storage_message(trouble: Trouble, path: Path) -> str:
    """What the log and `run`'s terminal say while the engine cannot write (the window says it
    in its own words, from the event's status)."""
    if trouble is Trouble.DISK_FULL:
        return (
            f"the disk holding {path.parent} is full: posts cannot be recorded, so none is "
            "published until there is space again (nothing is lost; publishing carries on by "
            "itself)"
        )
    if trouble is Trouble.REPLACED:
        return (
            f"the database file {path} was deleted or replaced while the engine was running: "
            "publishing stopped, so that no post is sent twice or lost. Stop the engine (quit "
            "the window, or stop `desktop-publisher run`) and start it again"
        )
    return f"the database cannot take changes: {store_error(trouble, path, None)}"


class StorageWatch:
    """The Engine's storage state and its handling (a mixin: Engine sets the attributes)."""

    store: Store
    events: EventBus
    clock: SystemClock
    service: PublishingService
    _paused: threading.Event
    _watch: sqlite.ChangeWatch | None

    def _init_storage_watch(self) -> None:
        # What the engine knows of its storage: why its writes fail now, if they do; the
        # (device, inode) of publisher.db and its WAL at start; whether they were lost since.
        self.storage_problem: Trouble | None = None
        self._identity: tuple[FileIdentity, FileIdentity] | None = None
        self._lost = False
        self._next_storage_try = 0.0
        self._storage_lock = threading.Lock()

    def notify_changed(self) -> None:
        raise NotImplementedError  # Engine's

    # --- the database file and the disk ------------------------------------------------------
    def _files_identity(self) -> tuple[FileIdentity, FileIdentity]:
        path = self.store.path
        return file_identity(path), file_identity(path.with_name(path.name + "-wal"))

    def _database_lost(self) -> bool:
        """Whether the database and WAL files in the folder are still the ones this engine has
        open (two stat calls). A deleted or replaced file would take every later write with it
        (or split the truth in two): publishing stops for good, with a message."""
        if self._lost:
            return True
        if self._identity is None:
            return False
        db_now, wal_now = self._files_identity()
        db_then, wal_then = self._identity
        if db_now == db_then and (wal_then is None or wal_now == wal_then):
            return False
        self._lose_database()
        return True

    def _lose_database(self) -> None:
        with self._storage_lock:
            if self._lost:
                return
            self._lost = True
            self.storage_problem = Trouble.REPLACED
        # `_lost` already keeps every publish, due pass and cleanup from writing.
        message = storage_message(Trouble.REPLACED, self.store.path)
        rescued = self._rescue_copy()
        if rescued is not None:
            message += f". What it had is saved in {rescued}"
        log.error("%s", message)
        self.events.emit(
            EngineEvent(EventKind.STORAGE, status=Trouble.REPLACED.value, message=message)
        )
        self._paused.set()
        self.events.emit(EngineEvent(EventKind.ENGINE_STATE, status=self.state))

    def _rescue_copy(self) -> Path | None:
        """A copy of the database as this engine still sees it, beside the lost one: the posts
        of a file deleted by mistake are then not gone when the engine stops."""
        if self._watch is None:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.store.path.with_name(f"{self.store.path.name}.rescued-{stamp}")
        try:
            self._watch.copy_to(target)
            target.chmod(0o600)
        except (sqlite.Error, OSError) as exc:
            log.warning("could not save a copy of the lost database to %s: %s", target, exc)
            with contextlib.suppress(OSError):
                target.unlink()
            return None
        return target

    def _storage_trouble(self, exc: BaseException) -> bool:
        """Whether `exc` is the storage refusing a write (then it is reported, once): the jobs
        catch these themselves, so no traceback is logged for a full disk every second."""
        trouble = classify(exc, self.store.path)
        if trouble is None:
            return False
        # A deleted WAL makes SQLite fail with a disk I/O error before the tick's check sees
        # the file gone: the lost file is the cause to report, not a disk error.
        if trouble is not Trouble.REPLACED and self._database_lost():
            return True
        self._storage_failed(trouble)
        return True

    def _storage_failed(self, trouble: Trouble) -> None:
        """The engine's writes fail: said once (log, event), then tried again every few seconds
        by the tick until they work."""
        if trouble is Trouble.REPLACED:
            self._lose_database()
            return
        with self._storage_lock:
            if self.storage_problem is trouble:
                return
            self.storage_problem = trouble
            self._next_storage_try = self.clock.monotonic() + STORAGE_RETRY_SECONDS
        message = storage_message(trouble, self.store.path)
        log.error("%s", message)
        self.events.emit(EngineEvent(EventKind.STORAGE, status=trouble.value, message=message))

    def _retry_storage(self) -> None:
        """A real write (the last check's time), at most every STORAGE_RETRY_SECONDS; when it
        works, what waited is written and the due pass plans what could not be sent."""
        now = self.clock.monotonic()
        if now < self._next_storage_try:
            return
        self._next_storage_try = now + STORAGE_RETRY_SECONDS
        if self.storage_problem is Trouble.DISK_FULL and disk_full(self.store.path.parent):
            return  # still full: no need to ask SQLite
        try:
            with self.service.writing():
                self.store.settings.set("storage_checked_at", datetime.now(UTC).isoformat())
            self.service.record_pending()
        except Exception as exc:
            if not self._storage_trouble(exc):
                raise
            return
        self._storage_recovered()

    def _storage_recovered(self) -> None:
        with self._storage_lock:
            if self.storage_problem is None or self._lost:
                return
            self.storage_problem = None
        log.info("the database takes changes again: publishing carries on")
        self.events.emit(EngineEvent(EventKind.STORAGE, status="ok"))
        self.events.emit(EngineEvent(EventKind.POSTS_CHANGED))
        self.notify_changed()
