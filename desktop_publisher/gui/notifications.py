"""Notifications behind a small interface, so tests can observe them and the tray can show them.

Engine events arrive one by one; several within a short window are grouped into one notification
("3 posts published") instead of a stack of balloons. Failures stay listed until dismissed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import message_text

GROUP_WINDOW_MS = 1500


@dataclass
class Notification:
    kind: str  # "published" or "failed"
    title: str
    message: str
    post_ids: list[int] = field(default_factory=list)
    url: str | None = None
    sticky: bool = False  # failures stay until dismissed


class Notifier(QObject):
    """Collects engine events and emits grouped Notifications; `shown` is what the user sees."""

    shown = Signal(object)  # Notification
    activated = Signal(object)  # Notification the user clicked
    unresolvedChanged = Signal(int)  # failures not yet dismissed

    def __init__(
        self,
        parent: QObject | None = None,
        group_window_ms: int = GROUP_WINDOW_MS,
        notify_success: bool = True,
        notify_failure: bool = True,
    ) -> None:
        super().__init__(parent)
        self.notify_success = notify_success
        self.notify_failure = notify_failure
        self._pending: list[EngineEvent] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(group_window_ms)
        self._timer.timeout.connect(self.flush)
        self.unresolved: list[Notification] = []
        self.history: list[Notification] = []

    def on_event(self, event: EngineEvent) -> None:
        if event.kind is EventKind.PUBLISHED and not self.notify_success:
            return
        if event.kind in (EventKind.FAILED, EventKind.MISSED, EventKind.NEEDS_CHECK) and not (
            self.notify_failure
        ):
            return
        if event.kind not in (
            EventKind.PUBLISHED,
            EventKind.FAILED,
            EventKind.MISSED,
            EventKind.NEEDS_CHECK,
        ):
            return
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        events, self._pending = self._pending, []
        ok = [e for e in events if e.kind is EventKind.PUBLISHED]
        bad = [e for e in events if e.kind is not EventKind.PUBLISHED]
        if ok:
            self._show(self._group_published(ok))
        if bad:
            notification = self._group_failed(bad)
            self.unresolved.append(notification)
            self.unresolvedChanged.emit(len(self.unresolved))
            self._show(notification)

    def dismiss_all(self) -> None:
        self.unresolved.clear()
        self.unresolvedChanged.emit(0)

    def _show(self, notification: Notification) -> None:
        self.history.append(notification)
        self.shown.emit(notification)

    def _group_published(self, events: list[EngineEvent]) -> Notification:
        if len(events) == 1:
            e = events[0]
            return Notification(
                "published",
                fill(self.tr("Published on %1"), platform_label(e.platform)),
                fill(self.tr("%1: the post is online."), e.account or ""),
                [e.post_id or 0],
                e.url,
            )
        accounts = ", ".join(sorted({e.account or "" for e in events}))
        return Notification(
            "published",
            self.tr("%n post(s) published", "", len(events)),
            accounts,
            [e.post_id or 0 for e in events],
        )

    def _group_failed(self, events: list[EngineEvent]) -> Notification:
        if len(events) == 1:
            e = events[0]
            title = fill(
                self.tr("Check a post on %1")
                if e.kind is EventKind.NEEDS_CHECK
                else self.tr("Not published on %1"),
                platform_label(e.platform),
            )
            return Notification(
                "failed", title, f"{e.account}: {event_words(e)}", [e.post_id or 0], sticky=True
            )
        return Notification(
            "failed",
            self.tr("%n post(s) need your attention", "", len(events)),
            "\n".join(
                f"{e.account} ({platform_label(e.platform)}): {event_words(e)}" for e in events[:5]
            ),
            [e.post_id or 0 for e in events],
            sticky=True,
        )


def event_words(event: EngineEvent) -> str:
    """What happened to the post, in the window's language when the event has its detail."""
    if event.detail is not None:
        return message_text(event.detail)
    return event.message or ""


def platform_label(platform: str | None) -> str:
    from desktop_publisher.platforms import registry

    try:
        return registry.label(platform or "")  # built-in labels without importing the clients
    except Exception:
        return platform or "?"
