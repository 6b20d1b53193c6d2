"""What the engine tells the outside world (the CLI log, the window's signal bridge, the tray).

Listeners are called on engine threads: a GUI listener must hand over to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_publisher.message import Message

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    RETRY = "retry"  # back to queued, a new attempt is planned
    NEEDS_CHECK = "needs_check"
    MISSED = "missed"
    POSTS_CHANGED = "posts_changed"  # anything else changed (due pass, cleanup, other process)
    ENGINE_STATE = "engine_state"  # running / paused / stopped
    WOKE_UP = "woke_up"
    # The database cannot take the engine's writes (status: a storage_errors.Trouble value, the
    # message in English), or can again (status "ok").
    STORAGE = "storage"


@dataclass(frozen=True)
class EngineEvent:
    kind: EventKind
    post_id: int | None = None
    account: str | None = None
    platform: str | None = None
    status: str | None = None
    message: str | None = None  # English (the log, the command line)
    url: str | None = None
    # `message` as a rule and values, for the window to word in its language (None: show the
    # English).
    detail: Message | None = None


Listener = Callable[[EngineEvent], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: EngineEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a broken listener must not stop publishing
                log.exception("event listener failed for %s", event.kind)
