"""One engine per data dir: a file lock the OS releases when the process dies (even kill -9)."""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from desktop_publisher.errors import UserError

LOCK_NAME = "engine.lock"
INFO_NAME = "engine.json"
ACQUIRE_WAIT = 0.5  # seconds


class EngineAlreadyRunning(UserError):
    pass


class EngineLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = FileLock(str(data_dir / LOCK_NAME), mode=0o600)

    def acquire(self, owner: str = "engine") -> None:
        try:
            # Not 0: engine_running() in a CLI command holds the lock for an instant to probe it,
            # and an engine starting at that moment must not take that for another engine.
            self._lock.acquire(timeout=ACQUIRE_WAIT)
        except Timeout:
            raise EngineAlreadyRunning(
                f"Another Desktop Publisher engine is already running for {self.data_dir}"
                f"{describe_owner(self.data_dir)}. Stop it first, or use the window it belongs to."
            ) from None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "owner": owner,
            "started_at": datetime.now(UTC).isoformat(),
        }
        path = self.data_dir / INFO_NAME
        path.write_text(json.dumps(info))
        path.chmod(0o600)

    def release(self) -> None:
        if self._lock.is_locked:
            (self.data_dir / INFO_NAME).unlink(missing_ok=True)
            self._lock.release()


def read_owner(data_dir: Path) -> dict | None:
    try:
        return json.loads((data_dir / INFO_NAME).read_text())
    except (OSError, ValueError):
        return None


def describe_owner(data_dir: Path) -> str:
    info = read_owner(data_dir)
    if not info:
        return ""
    return (
        f" ({info.get('owner', 'engine')}, pid {info.get('pid')}, started {info.get('started_at')})"
    )


def engine_running(data_dir: Path) -> bool:
    """Whether some process holds the engine lock of this data dir."""
    path = data_dir / LOCK_NAME
    if not path.exists():
        return False
    if os.name == "posix":
        return _flock_held(path)
    probe = FileLock(str(path))
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    probe.release()
    return False


def _flock_held(path: Path) -> bool:
    """The probe with a read-only descriptor: flock needs no write access, so a read-only data
    folder (where FileLock cannot open the file for writing) is probed all the same."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def held_by_another_process(data_dir: Path) -> bool:
    """Whether an engine runs for this data dir in a process other than this one."""
    if not engine_running(data_dir):
        return False
    owner = read_owner(data_dir) or {}
    return owner.get("pid") != os.getpid() or owner.get("host") != socket.gethostname()
