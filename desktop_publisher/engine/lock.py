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
    if not (data_dir / LOCK_NAME).exists():
        return False
    probe = FileLock(str(data_dir / LOCK_NAME))
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    probe.release()
    return False
