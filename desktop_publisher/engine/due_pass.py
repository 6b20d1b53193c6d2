"""The four tasks of the original design, as plain functions over the store.

They decide; engine/scheduler.py wires them to time. Each write is a short compare-and-set
transaction, and a task writes nothing when there is nothing to change (so an idle engine does
not wake itself through change detection).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import chunked, fn

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.engine.publishing import PENDING_SQL, PublishingService
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import from_utc_text, utc_text
from desktop_publisher.store.models import (
    TERMINAL,
    Account,
    Content,
    ContentVariant,
    FailureKind,
    ScheduledPost,
    Status,
)
from desktop_publisher.when import format_local

log = logging.getLogger("desktop_publisher.tasks")

STUCK_QUEUED_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class Planned:
    post_id: int
    account_id: int
    due_at: datetime


@dataclass
class DueReport:
    planned: list[Planned] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    queued: int = 0


# One read of everything pending up to the horizon (scheduled_post_status_due serves it); overdue,
# to-queue and to-plan are told apart in Python. A pass runs every tick that sees a change, so it
# is kept close to the cost of the SQL itself: peewee's query building cost ~30x the SQL here.
DUE_SQL = (
    "SELECT id, account_id, due_at, status FROM scheduled_post "
    f"WHERE status IN ({PENDING_SQL}) AND due_at <= ? "
    "ORDER BY due_at, id"
)
# Planned is immutable and wholly given by its row, so one object per row is reused across passes
# (the same queued posts come back on every pass until they publish).
_planned_by_row: dict[tuple, Planned] = {}
_due_by_text: dict[str, datetime] = {}
_minutes_td: dict[float, timedelta] = {}
_CACHE_MAX = 20_000
_SCHEDULED = Status.SCHEDULED.value
_QUEUED = Status.QUEUED.value


def _due_value(text: str) -> datetime:
    due = _due_by_text.get(text)
    if due is None:
        if len(_due_by_text) >= _CACHE_MAX:
            _due_by_text.clear()
        due = _due_by_text[text] = from_utc_text(text)
    return due


def _planned(row: tuple) -> Planned:
    planned = _planned_by_row.get(row)
    if planned is None:
        if len(_planned_by_row) >= _CACHE_MAX:
            _planned_by_row.clear()
        planned = _planned_by_row[row] = Planned(row[0], row[1], _due_value(row[2]))
    return planned


def _minutes(value: object) -> timedelta:
    delta = _minutes_td.get(value)  # type: ignore[call-overload]
    if delta is None:
        delta = _minutes_td[value] = timedelta(minutes=float(value))  # type: ignore[arg-type]
    return delta


def _pending_until(store: Store, horizon: str) -> list[tuple[int, int, str, str]]:
    # The thread's own sqlite3 connection, as peewee's execute_sql would use, minus its wrapping.
    return store.db.connection().execute(DUE_SQL, (horizon,)).fetchall()


def schedule_due_posts_task(service: PublishingService) -> DueReport:
    """Due within the lookahead → queued and planned; overdue past the lateness window → missed."""
    store = service.store
    settings = store.settings
    now = service.clock.now()
    horizon = utc_text(now + _minutes(settings.cached("lookahead_minutes")))
    report = DueReport()
    rows = _pending_until(store, horizon)
    if not rows:
        return report

    # Rows come in due order: only a prefix can be overdue.
    late = now - _minutes(settings.cached("lateness_window_minutes"))
    if _due_value(rows[0][2]) < late:
        overdue = []
        for post_id, _, due_text, _ in rows:
            if _due_value(due_text) >= late:
                break
            overdue.append(post_id)
        for batch in chunked(overdue, 500):
            # Read whole before the writes below (one read, the account with each post).
            posts = list(
                ScheduledPost.select(ScheduledPost, Account)
                .join(Account)
                .where(ScheduledPost.id.in_(batch))
                .order_by(ScheduledPost.due_at, ScheduledPost.id)
            )
            report.missed += [p.id for p in posts if service.mark_missed_if_late(p, now)]

    missed = set(report.missed)
    to_queue = [r[0] for r in rows if r[3] == _SCHEDULED and r[0] not in missed]
    if to_queue:
        for batch in chunked(to_queue, 500):
            with service.writing():
                report.queued += (
                    ScheduledPost.update(status=Status.QUEUED, updated_at=now)
                    .where(ScheduledPost.id.in_(batch) & (ScheduledPost.status == Status.SCHEDULED))
                    .execute()
                )
    if missed or to_queue:
        # Something was written (or raced with another writer): plan from what the DB says now.
        rows = _pending_until(store, horizon)
    report.planned = [_planned(row) for row in rows if row[3] == _QUEUED]
    if report.queued or missed:
        service.events.emit(EngineEvent(EventKind.POSTS_CHANGED))
    return report


def publish_post_task(service: PublishingService, scheduled_post_id: int, manual: bool = False):  # noqa: ANN201
    """At publication_date (or on "publish now"): see PublishingService.publish_post."""
    return service.publish_post(scheduled_post_id, manual=manual)


@dataclass
class HealthReport:
    counts: dict[str, int]
    stale: list[int]
    stuck_queued: list[Planned]


def monitor_publishing_status_task(
    service: PublishingService, in_flight: frozenset[int] = frozenset()
) -> HealthReport:
    """Counts per status; stale `publishing` → needs_check; stuck `queued` to be planned again."""
    store = service.store
    now = service.clock.now()
    stale_after = timedelta(minutes=float(store.settings.get("stale_publishing_minutes")))
    stale_rows = list(
        ScheduledPost.select().where(
            (ScheduledPost.status == Status.PUBLISHING)
            & (ScheduledPost.claimed_at < now - stale_after)
        )
    )
    stale = [post for post in stale_rows if post.id not in in_flight]
    for post in stale:
        mark_needs_check(
            post,
            now,
            f"A publish call started at {format_local(post.claimed_at)} never finished (the app "
            "stopped or the network hung), so the post may or may not be online. Check the "
            "account, then retry or cancel.",
        )
        service.events.emit(
            EngineEvent(
                EventKind.NEEDS_CHECK,
                post.id,
                post.account.name,
                post.account.platform,
                Status.NEEDS_CHECK,
            )
        )
    stuck = [
        Planned(post_id, account_id, due_at)
        for post_id, account_id, due_at in ScheduledPost.select(
            ScheduledPost.id, ScheduledPost.account, ScheduledPost.due_at
        )
        .where(
            (ScheduledPost.status == Status.QUEUED)
            & (ScheduledPost.due_at < now - STUCK_QUEUED_AFTER)
        )
        .tuples()
    ]
    counts = {s.value: 0 for s in Status}
    counts.update(
        dict(
            ScheduledPost.select(ScheduledPost.status, fn.COUNT(ScheduledPost.id))
            .group_by(ScheduledPost.status)
            .tuples()
        )
    )
    log.info(
        "health %s stale_fixed=%d stuck_queued=%d accounts=%d",
        " ".join(f"{k}={v}" for k, v in counts.items()),
        len(stale),
        len(stuck),
        Account.select().count(),
    )
    return HealthReport(counts, [p.id for p in stale], stuck)


def mark_needs_check(post: ScheduledPost, now: datetime, message: str) -> bool:
    changed = (
        ScheduledPost.update(
            status=Status.NEEDS_CHECK,
            last_error_kind=FailureKind.UNKNOWN_OUTCOME,
            last_error=message,
            updated_at=now,
        )
        .where((ScheduledPost.id == post.id) & (ScheduledPost.status == Status.PUBLISHING))
        .execute()
    )
    if changed:
        log.warning(
            "post=%s account_id=%s status=needs_check reason=%s", post.id, post.account_id, message
        )
    return bool(changed)


def reconcile_after_crash(service: PublishingService) -> list[int]:
    """At start: a `publishing` post was in flight when the last engine died — outcome unknown."""
    now = service.clock.now()
    left = list(ScheduledPost.select().where(ScheduledPost.status == Status.PUBLISHING))
    fixed = []
    for post in left:
        if mark_needs_check(
            post,
            now,
            f"Desktop Publisher stopped while this post was being sent (at "
            f"{format_local(post.claimed_at)}), so it may or may not be online. Check the account,"
            " then retry or cancel.",
        ):
            fixed.append(post.id)
            service.events.emit(
                EngineEvent(
                    EventKind.NEEDS_CHECK,
                    post.id,
                    post.account.name,
                    post.account.platform,
                    Status.NEEDS_CHECK,
                )
            )
    return fixed


def cleanup_old_posts_task(service: PublishingService) -> int:
    """Remove finished posts (published, failed, cancelled) older than the retention; never
    anything pending or waiting for a check. Content left without posts goes with them; drafts
    (content that never had posts) stay."""
    store = service.store
    now = service.clock.now()
    cutoff = now - timedelta(days=float(store.settings.get("retention_days")))
    old = list(
        ScheduledPost.select(ScheduledPost.id, ScheduledPost.variant)
        .where(ScheduledPost.status.in_(TERMINAL) & (ScheduledPost.updated_at < cutoff))
        .tuples()
    )
    removed = 0
    for batch in chunked(old, 500):
        ids = [post_id for post_id, _ in batch]
        variant_ids = {variant_id for _, variant_id in batch}
        with service.writing():
            removed += (
                ScheduledPost.delete()
                .where(ScheduledPost.id.in_(ids) & ScheduledPost.status.in_(TERMINAL))
                .execute()
            )
            content_ids = {
                row[0]
                for row in ContentVariant.select(ContentVariant.content)
                .where(ContentVariant.id.in_(list(variant_ids)))
                .tuples()
            }
            still_used = {
                row[0]
                for row in ContentVariant.select(ContentVariant.content)
                .join(ScheduledPost)
                .where(ContentVariant.content.in_(list(content_ids)))
                .tuples()
            }
            orphaned = list(content_ids - still_used)
            if orphaned:
                Content.delete().where(Content.id.in_(orphaned)).execute()
    store.settings.set("last_cleanup_at", now.isoformat())
    log.info("cleanup removed=%d older_than=%s", removed, cutoff.isoformat())
    if removed:
        service.events.emit(EngineEvent(EventKind.POSTS_CHANGED))
    return removed
