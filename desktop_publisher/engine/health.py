"""Posts whose publish call never finished: at start (the last engine stopped mid-call) and
every half hour (a call that hung). Their outcome is unknown, so they go to needs_check and the
user decides; the engine never sends them again by itself. The same round plans queued posts
that were left behind, and logs the counts per status."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_publisher.engine import wording
from desktop_publisher.engine.due_pass import Planned
from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.engine.publishing import PublishingService
from desktop_publisher.lifecycle import Status
from desktop_publisher.message import Message, detail_data
from desktop_publisher.store import engine_queries
from desktop_publisher.store.models import ScheduledPost

log = logging.getLogger("desktop_publisher.tasks")

STUCK_QUEUED_AFTER = timedelta(minutes=5)


@dataclass
class HealthReport:
    counts: dict[str, int]
    stale: list[int]
    stuck_queued: list[Planned]


def _needs_check_event(service: PublishingService, post: ScheduledPost) -> None:
    service.events.emit(
        EngineEvent(
            EventKind.NEEDS_CHECK,
            post.id,
            post.account.name,
            post.account.platform,
            Status.NEEDS_CHECK,
        )
    )


def monitor_publishing_status_task(
    service: PublishingService, in_flight: frozenset[int] = frozenset()
) -> HealthReport:
    """Counts per status; stale `publishing` → needs_check; stuck `queued` to be planned again."""
    store = service.store
    now = service.clock.now()
    stale_after = timedelta(minutes=float(store.settings.get("stale_publishing_minutes")))
    stale_rows = engine_queries.publishing_since_before(now - stale_after)
    stale = [post for post in stale_rows if post.id not in in_flight]
    for post in stale:
        message, detail = wording.never_finished(post.claimed_at)
        mark_needs_check(service, post, now, message, detail)
        _needs_check_event(service, post)
    stuck = [
        Planned(post_id, account_id, due_at)
        for post_id, account_id, due_at in engine_queries.queued_due_before(
            now - STUCK_QUEUED_AFTER
        )
    ]
    counts = engine_queries.status_counts()
    log.info(
        "health %s stale_fixed=%d stuck_queued=%d accounts=%d",
        " ".join(f"{k}={v}" for k, v in counts.items()),
        len(stale),
        len(stuck),
        engine_queries.account_count(),
    )
    return HealthReport(counts, [p.id for p in stale], stuck)


def mark_needs_check(
    service: PublishingService,
    post: ScheduledPost,
    now: datetime,
    message: str,
    detail: Message | None = None,
) -> bool:
    changed = engine_queries.mark_needs_check(
        service.store.db, post.id, now, message, detail_data(detail, message)
    )
    if changed:
        log.warning(
            "post=%s account_id=%s status=needs_check reason=%s", post.id, post.account_id, message
        )
    return changed


def reconcile_after_crash(service: PublishingService) -> list[int]:
    """At start: a `publishing` post was in flight when the last engine died — outcome unknown."""
    now = service.clock.now()
    fixed = []
    for post in engine_queries.publishing_since_before():
        message, detail = wording.stopped_while_sending(post.claimed_at)
        if mark_needs_check(service, post, now, message, detail):
            fixed.append(post.id)
            _needs_check_event(service, post)
    return fixed
