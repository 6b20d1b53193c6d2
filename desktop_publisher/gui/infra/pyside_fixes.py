"""Workarounds for two PySide6 behaviours that hurt this app, each a no-op where not needed.

**A reference-counting bug in PySide6 6.12.0** (`install()`). There, `SignalInstance.emit()`
returns Python's True without taking a reference to it, so every signal emitted from Python code
takes one reference away from True. On Python 3.11 (where True is not immortal) the count reaches
zero after some thousands of emits — the engine bridge emits a few per engine event — and the
interpreter aborts with "Fatal Python error: bool_dealloc". 6.11 and earlier do not have the bug;
the real fix is to keep such a version out (pyproject.toml). `install()` checks whether the
running PySide6 has the bug (a few emits of a private signal, watching True's reference count)
and only then wraps `SignalInstance.emit` so it gives back the reference the call took.

**A slow scan on every import** (`speed_up_import_scan()`). Once PySide6 is imported, its import
hook looks at each module named by an import statement for the first time (to find the modules
that opt into its `__feature__` switches), by reading the module's whole source through
`inspect.getsource` — tokenizing it and keeping every line in `linecache` for the life of the
process. The window's start names ~150 modules after PySide6: ~15 ms of its start and a few MB.
The question asked stays the same ("does the source mention PySide6?") and so does the answer;
it is answered with a plain read, and without reading for the standard library, which never
mentions it.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import ModuleType
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


def speed_up_import_scan() -> bool:
    """Answer PySide's per-import question cheaply; True when in place. Idempotent.

    Call it right after PySide6 is first imported: every import before it pays the slow scan."""
    feature = sys.modules.get("shibokensupport.feature")
    slow = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(slow):
        return False  # a PySide6 without the scan
    if getattr(slow, "speeded_up", False):
        return True
    standard_library = sys.stdlib_module_names
    # This module sits in the window package's infra/ sub-package.
    own, window = __name__.partition(".")[0], (__package__ or "").rpartition(".")[0]

    def uses_pyside(module: ModuleType) -> Any:
        name = str(getattr(module, "__name__", ""))
        top = name.partition(".")[0]
        if top in standard_library:
            return False
        if top == own:
            # Only the window package imports Qt (a test holds the rest to it): no need to read
            # the source, which on a start after a reboot comes from the disk.
            return name == window or name.startswith(window + ".")
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return slow(module)  # anything unusual: PySide's own answer

    uses_pyside.speeded_up = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True


def _version() -> str:
    try:
        import PySide6

        return str(PySide6.__version__)
    except Exception:  # pragma: no cover - only for the log line
        return "?"
