"""A guard against a reference-counting bug in PySide6 6.12.0.

There, `SignalInstance.emit()` returns Python's True without taking a reference to it, so every
signal emitted from Python code takes one reference away from True. On Python 3.11 (where True is
not immortal) the count reaches zero after some thousands of emits — the engine bridge emits a
few per engine event — and the interpreter aborts with "Fatal Python error: bool_dealloc". 6.11
and earlier do not have the bug; the real fix is to keep such a version out (pyproject.toml).

`install()` checks whether the running PySide6 has the bug (a few emits of a private signal,
watching True's reference count) and only then wraps `SignalInstance.emit` so it gives back the
reference the call took. On a fixed PySide6 it changes nothing.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_PROBES = 64
_lock = threading.Lock()
_installed: bool | None = None  # None: not checked yet; then whether the wrapper is in place


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        import ctypes  # only where the bug is (ctypes is not needed to start otherwise)

        # Give back what the probe itself took.
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    # Other threads may touch True's count meanwhile; the bug loses one per emit.
    return lost >= _PROBES // 2


def install() -> bool:
    """Apply the guard when this PySide6 needs it; True when it is in place. Idempotent."""
    global _installed
    with _lock:
        if _installed is not None:
            return _installed
        if not _emit_leaks_a_reference():
            _installed = False
            return False
        import ctypes

        original = SignalInstance.emit

        def emit(self: SignalInstance, *args: Any) -> Any:
            result = original(self, *args)
            if result is True or result is False:
                # The reference the C code should have taken for the value it returned.
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
            return result

        SignalInstance.emit = emit  # type: ignore[method-assign]
        _installed = True
        log.warning(
            "PySide6 %s loses a reference on each signal emit; guarded here. Use another "
            "PySide6 version.",
            _version(),
        )
        return True


def _version() -> str:
    try:
        import PySide6

        return str(PySide6.__version__)
    except Exception:  # pragma: no cover - only for the log line
        return "?"
