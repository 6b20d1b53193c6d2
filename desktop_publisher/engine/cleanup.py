"""The daily cleanup: finished posts older than the retention go."""

from __future__ import annotations

import logging
from datetime import timedelta

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.engine.publishing import PublishingService
from desktop_publisher.store import engine_queries
from desktop_publisher.store.sqlite import batches

log = logging.getLogger("desktop_publisher.tasks")


def cleanup_old_posts_task(service: PublishingService) -> int:
    """Remove finished posts (published, failed, cancelled) older than the retention; never
    anything pending or waiting for a check. Content left without posts goes with them; drafts
    (content that never had posts) stay."""
    store = service.store
    now = service.clock.now()
    cutoff = now - timedelta(days=float(store.settings.get("retention_days")))
    old = engine_queries.finished_before(cutoff)
    removed = 0
    for batch in batches(old):
        with service.writing():
            removed += engine_queries.delete_finished(batch)
    store.settings.set("last_cleanup_at", now.isoformat())
    log.info("cleanup removed=%d older_than=%s", removed, cutoff.isoformat())
    if removed:
        service.events.emit(EngineEvent(EventKind.POSTS_CHANGED))
    return removed
