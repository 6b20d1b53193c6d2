"""Background work for the window: anything that may touch the network or the keyring.

`jobs.run(fn, *args, on_done=…, on_error=…)` runs fn on a pool thread and calls the callbacks on
the GUI thread. A receiver that is deleted before the job ends is simply not called: Qt drops the
connection of a deleted object's method; for any other callback (a lambda), pass the object it
works on as `owner`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.base import PublishError

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    error = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # delivered to on_error on the GUI thread
            if not isinstance(exc, UserError | PublishError):
                log.exception("background job %s failed", getattr(self.fn, "__name__", self.fn))
            self._deliver(self.relay.error, exc)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The relay went with the application (a job still running at exit): nobody is
            # left to tell.
            log.debug("a background job finished after its receiver was deleted")


class Jobs(QObject):
    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        relay = _Relay()  # lives on the GUI thread: its signals are delivered there
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        if on_done is not None:
            relay.done.connect(_while_alive(owner, on_done))
        if on_error is not None:
            relay.error.connect(_while_alive(owner, on_error))
        relay.done.connect(finish)
        relay.error.connect(finish)
        self.pool.start(_Job(fn, args, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


def _while_alive(owner: QObject | None, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    if owner is None:
        return fn

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call
