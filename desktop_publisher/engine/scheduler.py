"""The engine: APScheduler wiring, per-account lanes, change and wake detection. No Qt.

The same Engine object runs headless (`desktop-publisher run`) and inside the window.
Jobs are computed from the database, never kept only in memory: every due pass re-plans what the
DB says is due, so a restart, a wake-up or an edit from another process converges on the truth.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, timedelta
from typing import TypeVar

from apscheduler.events import EVENT_JOB_ERROR, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor as JobExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from desktop_publisher import lifecycle
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine import cleanup, health
from desktop_publisher.engine.clock import SystemClock
from desktop_publisher.engine.due_pass import DueReport, Planned, schedule_due_posts_task
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.engine.lanes import AccountLanes
from desktop_publisher.engine.publishing import PublishingService, PublishOutcome
from desktop_publisher.engine.storage_watch import StorageWatch, storage_message
from desktop_publisher.errors import StoreError, UserError
from desktop_publisher.lifecycle import Action, Status
from desktop_publisher.posts import NO_POST
from desktop_publisher.store import engine_queries, sqlite
from desktop_publisher.store.connection import Store
from desktop_publisher.store.storage_errors import Trouble, classify, store_error
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import local_zone

log = logging.getLogger("desktop_publisher.engine")

TICK_SECONDS = 1.0
MONITOR_MINUTES = 30
# A wall-clock jump larger than this against the monotonic clock means sleep or a clock change.
WAKE_JUMP_SECONDS = 10.0

T = TypeVar("T")


class Engine(StorageWatch):
    def __init__(
        self,
        store: Store,
        credentials: CredentialStore,
        events: EventBus | None = None,
        clock: SystemClock | None = None,
        service: PublishingService | None = None,
        tick_seconds: float = TICK_SECONDS,
    ) -> None:
        self.store = store
        self.events = events or EventBus()
        self.clock = clock or SystemClock()
        self.service = service or PublishingService(
            store,
            credentials,
            self.events,
            self.clock,
            media_host_factory=self._media_host,
        )
        self.tick_seconds = tick_seconds
        self._paused = threading.Event()
        self._due_lock = threading.Lock()
        # Posts waiting for their due instant, one date job per instant (not per post): a hundred
        # posts due at the same second reach their lanes in one go, and re-planning an already
        # planned post on every due pass costs a dict lookup rather than a job store update.
        self._plan_lock = threading.Lock()
        self._waiting: dict[datetime, dict[int, int]] = {}  # due_at → {post_id: account_id}
        self._waiting_due: dict[int, datetime] = {}  # post_id → its due_at in _waiting
        self._lanes = AccountLanes(self._publish, int(store.settings.get("publish_workers")))
        self._scheduler = BackgroundScheduler(
            timezone="UTC",
            executors={"default": JobExecutor(4)},
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._scheduler.add_listener(self._job_error, EVENT_JOB_ERROR)
        self._watch: sqlite.ChangeWatch | None = None
        self._data_version: int | None = None
        self._last_offset: float | None = None
        self._last_tick: float | None = None
        self.due_passes = 0  # observable by tests and the status line
        self.wakeups = 0
        self._init_storage_watch()
        self.running = False

    # --- lifecycle -----------------------------------------------------------------------
    def start(self) -> None:
        # Settings read before now may have been changed since by another process.
        self.store.settings.invalidate()
        fixed = health.reconcile_after_crash(self.service)
        if fixed:
            log.warning("after an unclean stop, %d post(s) need a check: %s", len(fixed), fixed)
        self._watch = sqlite.ChangeWatch(self.store.path)
        self._data_version = self._read_data_version()
        self._identity = self._files_identity()  # what _tick compares the folder's files with
        self._last_offset = self.clock.wall() - self.clock.monotonic()
        self._last_tick = self.clock.monotonic()
        now = datetime.now(local_zone())
        scan = float(self.store.settings.get("due_scan_minutes"))
        add = self._scheduler.add_job
        add(
            self.due_pass,
            IntervalTrigger(minutes=scan),
            id="schedule_due_posts_task",
            next_run_time=now,
        )
        add(
            self.monitor,
            IntervalTrigger(minutes=MONITOR_MINUTES),
            id="monitor_publishing_status_task",
        )
        # Daily at 02:00 local; at once as well when the last run is over a day old (the laptop
        # was off at 02:00).
        cleanup_first = {"next_run_time": now} if self._cleanup_overdue() else {}
        add(
            self.cleanup,
            CronTrigger(hour=2, minute=0, timezone=local_zone()),
            id="cleanup_old_posts_task",
            **cleanup_first,
        )
        add(self._tick, IntervalTrigger(seconds=self.tick_seconds), id="tick")
        self._scheduler.start()
        # One worker per account, up to the pool's size, ready before anything falls due.
        accounts = engine_queries.account_platforms()
        platforms = sorted(set(accounts))
        self._lanes.prestart(len(accounts), lambda: self.service.warm_up(platforms))
        self.running = True
        log.info("engine started for %s", self.store.path)
        self.events.emit(EngineEvent(EventKind.ENGINE_STATE, status=self.state))

    def stop(self, wait: bool = True) -> None:
        if not self.running:
            return
        self.running = False
        self._scheduler.shutdown(wait=wait)
        self._lanes.shutdown(wait=wait)
        if self._watch is not None:
            self._watch.close()
        log.info("engine stopped")
        self.events.emit(EngineEvent(EventKind.ENGINE_STATE, status="stopped"))

    @property
    def state(self) -> str:
        if not self.running:
            return "stopped"
        return "paused" if self._paused.is_set() else "running"

    def pause(self) -> None:
        self._paused.set()
        log.info("publishing paused")
        self.events.emit(EngineEvent(EventKind.ENGINE_STATE, status=self.state))

    def resume(self) -> None:
        if self._lost:
            log.warning("%s", storage_message(Trouble.REPLACED, self.store.path))
            self.events.emit(EngineEvent(EventKind.STORAGE, status=Trouble.REPLACED.value))
            return
        self._paused.clear()
        log.info("publishing resumed")
        self.events.emit(EngineEvent(EventKind.ENGINE_STATE, status=self.state))
        self.notify_changed()

    # --- entry points for the window and the CLI ---------------------------------------------
    def notify_changed(self) -> None:
        """Posts changed in this process: plan them now rather than at the next tick."""
        if self.running:
            # Pull the periodic due pass forward (a one-off job would race with shutdown).
            self._scheduler.modify_job(
                "schedule_due_posts_task", next_run_time=datetime.now(local_zone())
            )

    def publish_now(self, post_id: int) -> Future:
        """Publish a post at once (the user asked). Resolves with a PublishOutcome."""
        post = engine_queries.post(post_id)
        if post is None:
            raise UserError.translatable(NO_POST, id=post_id)
        if post.status == Status.PUBLISHING:
            # The due pass (or another publish-now) took it first: it is going out already.
            raise UserError.translatable(
                QT_TRANSLATE_NOOP(
                    "Error",
                    "Post {id} is being published right now; its result shows in the queue.",
                ),
                id=post_id,
            )
        if not lifecycle.allows(Action.PUBLISH_NOW, post.status):
            raise UserError.translatable(
                QT_TRANSLATE_NOOP(
                    "Error",
                    "Post {id} is {status}; only scheduled or queued posts can be published now.",
                ),
                id=post_id,
                status=post.status,
            )
        return self._lanes.submit(post.account_id, post.id, self.clock.now(), manual=True)

    # --- the tasks -----------------------------------------------------------------------
    def due_pass(self) -> DueReport:
        def work() -> DueReport:
            with self._due_lock:
                report = schedule_due_posts_task(self.service)
                self.due_passes += 1
            return report

        # On storage trouble, tried again once writes work (_storage_recovered).
        report = self._unless_storage_fails(work, DueReport())
        for planned in report.planned:
            self._plan(planned)
        return report

    def monitor(self) -> health.HealthReport | None:
        # An outcome waiting to be written is not a call that never finished.
        busy = self._lanes.in_flight() | self.service.pending_outcomes()
        report = self._unless_storage_fails(
            lambda: health.monitor_publishing_status_task(self.service, busy), None
        )
        for planned in report.stuck_queued if report is not None else ():
            self._plan(planned)
        return report

    def cleanup(self) -> int:
        # On storage trouble, the next day's run does it.
        return self._unless_storage_fails(lambda: cleanup.cleanup_old_posts_task(self.service), 0)

    def _unless_storage_fails(self, work: Callable[[], T], fallback: T) -> T:
        """A task's work, or `fallback` when the database is lost or refuses writes (reported
        once by _storage_trouble, not as a job's traceback every time)."""
        if self._lost:
            return fallback
        try:
            return work()
        except Exception as exc:
            if not self._storage_trouble(exc):
                raise
            return fallback

    def _cleanup_overdue(self) -> bool:
        last = self.store.settings.get("last_cleanup_at")
        if not last:
            return True
        return self.clock.now() - datetime.fromisoformat(last) > timedelta(hours=24)

    # --- planning and running --------------------------------------------------------------
    def _plan(self, planned: Planned) -> None:
        post_id, due_at = planned.post_id, planned.due_at
        if due_at <= self.clock.now():
            self._forget(post_id)
            self._enqueue(post_id, planned.account_id, due_at)
            return
        with self._plan_lock:
            if self._waiting_due.get(post_id) == due_at:
                return  # already planned for that instant
            self._forget_locked(post_id)
            bucket = self._waiting.get(due_at)
            new_instant = bucket is None
            if bucket is None:
                bucket = self._waiting[due_at] = {}
            bucket[post_id] = planned.account_id
            self._waiting_due[post_id] = due_at
            if new_instant:
                self._scheduler.add_job(
                    self._fire,
                    "date",
                    run_date=due_at,
                    args=(due_at,),
                    id=self._job_id(due_at),
                    replace_existing=True,
                )

    @staticmethod
    def _job_id(due_at: datetime) -> str:
        return f"publish-at:{due_at.isoformat()}"

    def _fire(self, due_at: datetime) -> None:
        """Every post due at this instant onto its lane, in (due, id) order."""
        with self._plan_lock:
            bucket = self._waiting.pop(due_at, {})
            for post_id in bucket:
                self._waiting_due.pop(post_id, None)
        for post_id in sorted(bucket):
            self._enqueue(post_id, bucket[post_id], due_at)

    def _forget(self, post_id: int) -> None:
        with self._plan_lock:
            self._forget_locked(post_id)

    def _forget_locked(self, post_id: int) -> None:
        """Take a post out of the instant it was planned for (rescheduled, or due now)."""
        due_at = self._waiting_due.pop(post_id, None)
        if due_at is None:
            return
        bucket = self._waiting.get(due_at)
        if bucket is None:
            return
        bucket.pop(post_id, None)
        if not bucket:
            del self._waiting[due_at]
            with contextlib.suppress(JobLookupError):
                self._scheduler.remove_job(self._job_id(due_at))

    def _enqueue(self, post_id: int, account_id: int, due_at: datetime) -> None:
        if self._paused.is_set():
            return  # stays queued; resume() plans it again (or it is missed, and said so)
        self._lanes.submit(account_id, post_id, due_at)

    def _publish(self, post_id: int, manual: bool) -> PublishOutcome | None:
        if self._lost:
            if manual:
                raise store_error(Trouble.REPLACED, self.store.path, None)
            return None
        if self._paused.is_set() and not manual:
            return None
        try:
            outcome = self.service.publish_post(post_id, manual=manual)
        except Exception as exc:
            trouble = classify(exc, self.store.path)
            if trouble is None:
                raise
            # Not claimed (it stays queued, the due pass plans it again once writes work), or
            # sent and its outcome kept until it can be written: never sent twice.
            self._storage_failed(trouble)
            if manual:
                if isinstance(exc, StoreError):
                    raise
                raise store_error(trouble, self.store.path, exc) from exc
            return None
        if outcome.claimed and self.storage_problem is not None:
            self._storage_recovered()  # a write worked
        if outcome.retry_at is not None:
            post = engine_queries.post(post_id)
            if post is not None:  # (removed meanwhile: nothing to plan)
                self._plan(Planned(post_id, post.account_id, outcome.retry_at))
        return outcome

    def unplan(self, post_id: int) -> None:
        self._forget(post_id)

    # --- change and wake detection ---------------------------------------------------------
    def _read_data_version(self) -> int:
        assert self._watch is not None
        return self._watch.version()

    def _tick(self) -> None:
        if self._database_lost():
            return  # nothing more: the file this engine writes is not the folder's any more
        if self.storage_problem is not None:
            self._retry_storage()
        try:
            self._watch_changes()
        except Exception as exc:
            if not self._storage_trouble(exc):
                raise

    def _watch_changes(self) -> None:
        woke = self._detect_wake()
        version = self._read_data_version()
        changed = version != self._data_version
        self._data_version = version
        if changed:
            # Another connection committed: it may have changed settings (the CLI, the window).
            self.store.settings.invalidate()
        if woke:
            self.wakeups += 1
            log.info("the computer woke up or the clock changed: checking due posts")
            self.events.emit(EngineEvent(EventKind.WOKE_UP))
        if woke or changed:
            self.due_pass()
            if changed:
                self.events.emit(EngineEvent(EventKind.POSTS_CHANGED))

    def _detect_wake(self) -> bool:
        offset = self.clock.wall() - self.clock.monotonic()
        mono = self.clock.monotonic()
        jumped = (
            self._last_offset is not None and abs(offset - self._last_offset) > WAKE_JUMP_SECONDS
        )
        # Where the monotonic clock keeps counting through sleep, a long gap between ticks of a
        # one-second job tells the same story.
        stalled = self._last_tick is not None and mono - self._last_tick > max(
            WAKE_JUMP_SECONDS, 5 * self.tick_seconds
        )
        self._last_offset = offset
        self._last_tick = mono
        return jumped or stalled

    def _job_error(self, event: JobExecutionEvent) -> None:
        if self._storage_trouble(event.exception):
            return
        log.error("scheduled job %s failed: %r\n%s", event.job_id, event.exception, event.traceback)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._lanes.wait_idle(timeout)

    def _media_host(self) -> object | None:
        from desktop_publisher.media_host import find_media_host

        return find_media_host(self.service.credentials)
