"""Calling code that is handed a named pipe, so that a regression that opens it (and waits for a
writer that never comes) fails the test in seconds instead of hanging until the suite's timeout."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def call_without_waiting(fn: Callable[[], T], pipe: Path, timeout: float = 10.0) -> T:
    """fn()'s result (or its exception, raised here). Should fn still run after `timeout`, it is
    stuck opening `pipe`: a writer is opened to release it, and the test fails."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, fn()))
        except BaseException as exc:  # handed to the caller below
            outcome.append((False, exc))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        with contextlib.suppress(OSError):  # nobody reading after all
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout)
        pytest.fail(f"{fn} waited on the named pipe {pipe}")
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]
