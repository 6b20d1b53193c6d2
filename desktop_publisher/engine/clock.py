"""Time sources, injectable so tests can jump the wall clock like a laptop waking up."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def wall(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()
