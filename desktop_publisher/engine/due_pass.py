"""The due pass: what is due soon becomes queued and planned; what is past its lateness window
is missed.

engine/scheduler.py runs it every few minutes and whenever the database changed, and plans a
date job for each post it returns. It writes nothing when there is nothing to change (so an
idle engine does not wake itself through change detection).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.engine.lateness import mark_missed_if_late
from desktop_publisher.engine.publishing import PublishingService
from desktop_publisher.lifecycle import Status, late_cutoff
from desktop_publisher.store import engine_queries
from desktop_publisher.store.fields import from_utc_text, utc_text
from desktop_publisher.store.sqlite import batches


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


# A pass runs every tick that sees a change, so it is kept close to the cost of its one read
# (store/engine_queries.py: pending_until); overdue, to-queue and to-plan are told apart here.
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


def schedule_due_posts_task(service: PublishingService) -> DueReport:
    """Due within the lookahead → queued and planned; overdue past the lateness window → missed."""
    db = service.store.db
    settings = service.store.settings
    now = service.clock.now()
    horizon = utc_text(now + _minutes(settings.cached("lookahead_minutes")))
    report = DueReport()
    rows = engine_queries.pending_until(db, horizon)
    if not rows:
        return report

    # Rows come in due order: only a prefix can be overdue (lifecycle.py: the lateness rule).
    late = late_cutoff(now, _minutes(settings.cached("lateness_window_minutes")))
    if _due_value(rows[0][2]) < late:
        overdue = []
        for post_id, _, due_text, _ in rows:
            if _due_value(due_text) >= late:
                break
            overdue.append(post_id)
        for batch in batches(overdue):
            posts = engine_queries.posts_with_accounts(batch)
            report.missed += [p.id for p in posts if mark_missed_if_late(service, p, now)]

    missed = set(report.missed)
    to_queue = [r[0] for r in rows if r[3] == _SCHEDULED and r[0] not in missed]
    if to_queue:
        for batch in batches(to_queue):
            with service.writing():
                report.queued += engine_queries.queue_posts(db, batch, now)
    if missed or to_queue:
        # Something was written (or raced with another writer): plan from what the DB says now.
        rows = engine_queries.pending_until(db, horizon)
    report.planned = [_planned(row) for row in rows if row[3] == _QUEUED]
    if report.queued or missed:
        service.events.emit(EngineEvent(EventKind.POSTS_CHANGED))
    return report
