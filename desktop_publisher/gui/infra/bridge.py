"""Engine events → Qt signals on the GUI thread.

The engine calls listeners on its worker threads; emitting a signal of an object that lives on
the GUI thread queues the call there, so widgets are only ever touched on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind


class EngineBridge(QObject):
    event = Signal(object)  # every EngineEvent
    postChanged = Signal(int, str)  # post id, new status: only statuses changed
    postsChanged = Signal()  # anything may have changed (new posts, drafts, edits): read all
    published = Signal(object)  # EngineEvent of kind PUBLISHED
    failed = Signal(object)  # FAILED, MISSED or NEEDS_CHECK
    engineStateChanged = Signal(str)  # running / paused / stopped / elsewhere (another process)
    # Why the engine's writes fail (a storage_errors.Trouble value), or "" when they work again.
    storageChanged = Signal(str)

    def __init__(self, events: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.storage_trouble = ""  # as last told, read on the GUI thread
        # Connected first, so it is up to date when the window's and tray's slots run.
        self.storageChanged.connect(self._remember_storage)
        self._unsubscribe = events.subscribe(self._on_event)

    def _remember_storage(self, trouble: str) -> None:
        self.storage_trouble = trouble

    def _on_event(self, event: EngineEvent) -> None:
        # Runs on an engine thread: only emit, never touch anything else here.
        self.event.emit(event)
        if event.post_id is not None and event.status:
            self.postChanged.emit(event.post_id, event.status)
        if event.kind is EventKind.PUBLISHED:
            self.published.emit(event)
        elif event.kind in (EventKind.FAILED, EventKind.MISSED, EventKind.NEEDS_CHECK):
            self.failed.emit(event)
        elif event.kind is EventKind.ENGINE_STATE:
            self.engineStateChanged.emit(event.status or "")
        elif event.kind is EventKind.POSTS_CHANGED:
            self.postsChanged.emit()
        elif event.kind is EventKind.STORAGE:
            self.storageChanged.emit("" if event.status == "ok" else event.status or "")

    def close(self) -> None:
        self._unsubscribe()
