"""The engine's side of the lateness rule (lifecycle.py): a pending post past its window is
marked missed, said in the log and to the window, and left for the user to reschedule or
publish now."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desktop_publisher import lifecycle
from desktop_publisher.engine import wording
from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.lifecycle import Status
from desktop_publisher.message import detail_data
from desktop_publisher.store import engine_queries
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.store.settings import Settings

if TYPE_CHECKING:
    from desktop_publisher.engine.publishing import PublishingService

log = logging.getLogger("desktop_publisher.publish")


def window(settings: Settings) -> timedelta:
    """The lateness window now (the `lateness_window_minutes` setting)."""
    return lifecycle.lateness_window(settings.cached("lateness_window_minutes"))


def mark_missed_if_late(service: PublishingService, post: ScheduledPost, now: datetime) -> bool:
    """Whether `post` (with its account) was pending and is now missed."""
    late_after = window(service.store.settings)
    if not lifecycle.is_missed(post.due_at, now, late_after):
        return False
    minutes = int(late_after.total_seconds() // 60)
    message, detail = wording.missed(post.due_at, now, minutes)
    with service.writing():
        changed = engine_queries.mark_missed(
            service.store.db, post.id, now, message, detail_data(detail, message)
        )
    if changed:
        account = post.account
        log.warning(
            "post=%s account=%r platform=%s status=failed error_kind=missed due_at=%s",
            post.id,
            account.name,
            account.platform,
            post.due_at.isoformat(),
        )
        service.events.emit(
            EngineEvent(
                EventKind.MISSED,
                post.id,
                account.name,
                account.platform,
                Status.FAILED,
                message=message,
                detail=detail,
            )
        )
    return changed
