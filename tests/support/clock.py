"""A clock a test can move like a laptop that slept: wall time jumps, monotonic does not."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta


class FakeClock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0

    def advance(self, **delta: float) -> None:
        with self._lock:
            self._offset += timedelta(**delta).total_seconds()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.wall(), UTC)

    def wall(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def monotonic(self) -> float:
        return time.monotonic()
