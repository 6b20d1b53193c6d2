"""Waiting for a condition with a deadline (never a fixed sleep)."""

from __future__ import annotations

import threading
from collections.abc import Callable


def wait_until(predicate: Callable[[], object], timeout: float = 10.0, what: str = "") -> object:
    """Re-check `predicate` every 20 ms until it is truthy; raise TimeoutError at the deadline."""
    gate = threading.Event()
    deadline = timeout / 0.02
    for _ in range(int(deadline) + 1):
        value = predicate()
        if value:
            return value
        gate.wait(0.02)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what or predicate}")
