"""PublishingService: claim → ledger → credentials → publisher → record.

At most once: a post is claimed with a compare-and-set (`queued|scheduled → publishing`), a
ledger row is written before the platform is called, and a call whose outcome is unknown is never
repeated by the engine — the post goes to `needs_check` and the user decides.
"""

from __future__ import annotations

import contextlib
import logging
import random
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_publisher.accounts import account_info, publisher_options
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine.clock import SystemClock
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.errors import CredentialError, KeyringUnavailable, StoreError, UserError
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
    PublishResult,
)
from desktop_publisher.platforms.http import make_session
from desktop_publisher.posts import media_host_available, variant_of
from desktop_publisher.redaction import redact
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import from_utc_text, utc_text
from desktop_publisher.store.models import (
    PENDING,
    Account,
    ContentVariant,
    FailureKind,
    PublishAttempt,
    ScheduledPost,
    Status,
)
from desktop_publisher.store.storage_errors import classify
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import format_local

log = logging.getLogger("desktop_publisher.publish")

PublisherFactory = Callable[[AccountInfo, PublisherOptions], Publisher]
# A date job may fire a little early (clock granularity); never much earlier than due.
EARLY_TOLERANCE = timedelta(seconds=2)
DEFAULT_RATE_LIMIT_WAIT = 15 * 60.0

# The publish path's statements are written out: building them through peewee cost more CPU than
# SQLite took to run them, and ten lanes publishing at once share one interpreter lock.
_HAS_RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)
# The pending statuses as an SQL list, for the hand-written statements here and in tasks.
PENDING_SQL = ", ".join(f"'{s}'" for s in PENDING)
_POST_FIELDS = ScheduledPost._meta.sorted_fields
_ACCOUNT_FIELDS = Account._meta.sorted_fields
_VARIANT_FIELDS = ContentVariant._meta.sorted_fields


def _columns(alias: str, fields: list) -> str:
    return ", ".join(f'{alias}."{f.column_name}"' for f in fields)


_STATUS_SQL = "SELECT status, due_at FROM scheduled_post WHERE id = ?"
_CLAIM_SQL = (
    "UPDATE scheduled_post SET status = ?, attempts = attempts + 1, claimed_at = ?, updated_at = ?"
    f" WHERE id = ? AND status IN ({PENDING_SQL})"
)
_ATTEMPT_SQL = (
    "INSERT INTO publish_attempt (post_id, number, started_at, outcome, manual) "
    "VALUES (?, ?, ?, 'started', ?)"
)
# The post with its account and variant in one read, as they are once claimed.
_CLAIMED_SQL = (
    f"SELECT {_columns('p', _POST_FIELDS)}, {_columns('a', _ACCOUNT_FIELDS)}, "
    f"{_columns('v', _VARIANT_FIELDS)} FROM scheduled_post p "
    "JOIN account a ON a.id = p.account_id JOIN content_variant v ON v.id = p.variant_id "
    "WHERE p.id = ?"
)
_PUBLISHED_SQL = (
    "UPDATE scheduled_post SET status = ?, external_id = ?, url = ?, published_at = ?, "
    "updated_at = ?, last_error = NULL, last_error_kind = NULL "
    f"WHERE id = ? AND status IN ('{Status.PUBLISHING}', '{Status.NEEDS_CHECK}')"
)
_FINISH_ATTEMPT_SQL = (
    "UPDATE publish_attempt SET finished_at = ?, outcome = ?, error_kind = ?, message = ? "
    "WHERE id = ?"
)


def _readers(fields: list) -> list[tuple[str, Callable[[object], object]]]:
    return [(f.name, f.python_value) for f in fields]


_POST_READERS = _readers(_POST_FIELDS)
_ACCOUNT_READERS = _readers(_ACCOUNT_FIELDS)
_VARIANT_READERS = _readers(_VARIANT_FIELDS)


def _instance(model: type, readers: list, values: tuple) -> object:
    """A model instance from a row, as peewee's own select would build it."""
    obj = model(
        __no_default__=1,
        **{name: read(v) for (name, read), v in zip(readers, values, strict=True)},
    )
    obj._dirty.clear()
    return obj


class UnrecordedOutcome(StoreError):
    """A publish call ended (the post may well be online) but its outcome could not be written:
    the disk is full, the folder read-only, the database locked. The post stays `publishing`, so
    it is never sent again; an engine writes the outcome once it can (`record_pending`), or
    asks the user to check the post after a restart."""


@dataclass(frozen=True)
class PublishOutcome:
    post_id: int
    claimed: bool
    status: str | None
    message: str | None = None
    url: str | None = None
    retry_at: datetime | None = None


class PublishingService:
    def __init__(
        self,
        store: Store,
        credentials: CredentialStore,
        events: EventBus | None = None,
        clock: SystemClock | None = None,
        publisher_factory: PublisherFactory = registry.create,
        media_host_factory: Callable[[], object | None] | None = None,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.events = events or EventBus()
        self.clock = clock or SystemClock()
        self.publisher_factory = publisher_factory
        self.media_host_factory = media_host_factory
        self._write_lock = threading.RLock()
        # Outcomes not written yet (see UnrecordedOutcome): post id → the write.
        self._pending: dict[int, Callable[[], None]] = {}
        self._pending_lock = threading.Lock()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One of the engine's write transactions. Its threads queue for the write lock here,
        where a release wakes the next at once, rather than in SQLite's busy handler, which
        sleeps 1-100 ms between tries: ten lanes claiming at the same second lost tens of ms."""
        with self._write_lock, self.store.atomic():
            yield

    def _write_outcome(self, post: ScheduledPost, write: Callable[[], None], what: str) -> None:
        """Write a publish call's outcome; when the storage refuses, keep it for later."""
        try:
            with self.writing():
                write()
        except Exception as exc:
            if classify(exc, self.store.path) is None:
                raise
            with self._pending_lock:
                self._pending[post.id] = write
            log.error(
                "post=%s %s, but that cannot be written to the database yet (%s): the post stays "
                "publishing and is not sent again",
                post.id,
                what,
                exc,
            )
            raise UnrecordedOutcome.translatable(
                QT_TRANSLATE_NOOP(
                    "Error",
                    "Post {id}: {what}, but the database could not record it ({reason}). The post "
                    "is not sent again: it shows as publishing until this is recorded, or asks "
                    "you to check it after a restart.",
                ),
                id=post.id,
                what=what,
                reason=str(exc),
            ) from exc

    def pending_outcomes(self) -> frozenset[int]:
        """Posts whose outcome waits to be written (they are not stale, only unrecorded)."""
        with self._pending_lock:
            return frozenset(self._pending)

    def record_pending(self) -> int:
        """Write the outcomes kept by _write_outcome, in order; raises while the storage still
        refuses (what is written stays written). Returns how many were written."""
        with self._pending_lock:
            waiting = list(self._pending.items())
        for post_id, write in waiting:
            with self.writing():
                write()
            with self._pending_lock:
                self._pending.pop(post_id, None)
            log.info("post=%s its outcome is recorded now", post_id)
        return len(waiting)

    def warm_up(self, platforms: Sequence[str] = ()) -> None:
        """What a publisher thread's first publish would do once, done before anything is due:
        open the thread's connection (and read the schema), import these platforms' clients
        and the HTTP stack. At a due second all lanes would wait on the import lock instead."""
        self.store.db.connection().execute(_STATUS_SQL, (0,)).fetchone()
        for platform in platforms:
            with contextlib.suppress(UserError):  # an account of a platform not installed here
                registry.publisher_class(platform)
        make_session().close()

    # --- the one entry point ---------------------------------------------------------------
    def publish_post(self, scheduled_post_id: int, manual: bool = False) -> PublishOutcome:
        row = self.store.db.connection().execute(_STATUS_SQL, (scheduled_post_id,)).fetchone()
        if row is None:
            return PublishOutcome(scheduled_post_id, False, None, "no such post")
        status, due_text = row
        now = self.clock.now()
        if not manual and status in PENDING:
            due_at = from_utc_text(due_text)
            if due_at - now > EARLY_TOLERANCE:
                # Rescheduled later since this job was planned: its own job will come.
                return PublishOutcome(scheduled_post_id, False, status, "not due yet")
            if now - due_at > self._lateness_window():
                late = ScheduledPost.get_or_none(ScheduledPost.id == scheduled_post_id)
                if late is not None and self.mark_missed_if_late(late, now):
                    return PublishOutcome(scheduled_post_id, False, Status.FAILED, "missed")
        claimed = self._claim(scheduled_post_id, now, manual)
        if claimed is None:
            current = self.store.db.connection().execute(_STATUS_SQL, (scheduled_post_id,))
            row = current.fetchone()
            return PublishOutcome(scheduled_post_id, False, row[0] if row else None, "not claimed")
        attempt, post, account, variant_row = claimed
        self.events.emit(
            EngineEvent(
                EventKind.PUBLISHING, post.id, account.name, account.platform, Status.PUBLISHING
            )
        )
        log.info(
            "post=%s account=%r platform=%s status=publishing attempt=%s manual=%s",
            post.id,
            account.name,
            account.platform,
            attempt.number,
            manual,
        )
        try:
            publisher, variant, ctx = self._prepare(post, account, variant_row, attempt)
        except PublishError as exc:
            return self._record_failure(post, account, attempt, exc)
        except KeyringUnavailable as exc:
            # Nothing was sent: wait for the keyring like for a transient network error.
            return self._record_failure(
                post, account, attempt, PublishError(ErrorKind.TRANSIENT, str(exc))
            )
        except CredentialError as exc:
            return self._record_failure(
                post, account, attempt, PublishError(ErrorKind.AUTH, str(exc))
            )
        except Exception as exc:
            # Nothing has been sent yet, whatever went wrong.
            log.exception("post=%s could not prepare the publish call", post.id)
            return self._record_failure(
                post,
                account,
                attempt,
                PublishError(ErrorKind.PERMANENT, f"Could not prepare the post: {redact(exc)}"),
            )
        try:
            result = publisher.publish(variant, ctx)
        except PublishError as exc:
            return self._record_failure(post, account, attempt, exc)
        except Exception as exc:
            # A bug in a client: we cannot know whether it sent anything.
            log.exception("post=%s unexpected error while publishing", post.id)
            return self._record_failure(
                post,
                account,
                attempt,
                PublishError(
                    ErrorKind.UNKNOWN_OUTCOME,
                    f"Unexpected error ({type(exc).__name__}: {redact(exc)}); the post may or may "
                    "not have been published. Check the account, then retry or cancel.",
                ),
            )
        return self._record_success(post, account, attempt, result)

    # --- steps -----------------------------------------------------------------------------
    def _claim(
        self, post_id: int, now: datetime, manual: bool
    ) -> tuple[PublishAttempt, ScheduledPost, Account, ContentVariant] | None:
        """The compare-and-set `scheduled|queued → publishing` and the ledger row, in one
        transaction; then the post as claimed, with its account and variant."""
        stamp = utc_text(now)
        with self.writing():
            conn = self.store.db.connection()
            claim = (Status.PUBLISHING.value, stamp, stamp, post_id)
            if _HAS_RETURNING:
                returned = conn.execute(_CLAIM_SQL + " RETURNING attempts", claim).fetchone()
                if returned is None:
                    return None
                number = returned[0]
            else:
                if not conn.execute(_CLAIM_SQL, claim).rowcount:
                    return None
                number = conn.execute(
                    "SELECT attempts FROM scheduled_post WHERE id = ?", (post_id,)
                ).fetchone()[0]
            cursor = conn.execute(_ATTEMPT_SQL, (post_id, number, stamp, int(manual)))
            attempt = PublishAttempt(
                id=cursor.lastrowid,
                post=post_id,
                number=number,
                started_at=now,
                finished_at=None,
                outcome="started",
                error_kind=None,
                message=None,
                manual=manual,
            )
            attempt._dirty.clear()
            row = conn.execute(_CLAIMED_SQL, (post_id,)).fetchone()
        ends = len(_POST_FIELDS), len(_POST_FIELDS) + len(_ACCOUNT_FIELDS)
        post = _instance(ScheduledPost, _POST_READERS, row[: ends[0]])
        account = _instance(Account, _ACCOUNT_READERS, row[ends[0] : ends[1]])
        variant = _instance(ContentVariant, _VARIANT_READERS, row[ends[1] :])
        post.account = account  # so post.account needs no read of its own
        post.variant = variant
        post._dirty.clear()
        return attempt, post, account, variant

    def _prepare(
        self,
        post: ScheduledPost,
        account: Account,
        variant_row: ContentVariant,
        attempt: PublishAttempt,
    ) -> tuple[Publisher, PostVariant, PublishContext]:
        """Everything before the first request: credentials, client, validation, context."""
        info = account_info(account, self.credentials)
        media_host = None
        if self.media_host_factory and registry.publisher_class(account.platform).needs_media_host:
            media_host = self.media_host_factory()
        publisher = self.publisher_factory(
            info, publisher_options(self.store, media_host, cached=True)
        )
        variant = variant_of(variant_row)
        # Only a platform that needs a media host asks whether one is configured (a read).
        needs_host = getattr(publisher, "needs_media_host", False)
        problems = publisher.validate(variant, media_host_available() if needs_host else False)
        if problems:
            text = "; ".join(str(p).rstrip(".") for p in problems)
            raise PublishError(ErrorKind.INVALID_CONTENT, text + ".")
        # Attempts are counted by the claim alongside their ledger rows: the first has no earlier.
        previous_unknown = attempt.number > 1 and (
            PublishAttempt.select()
            .where(
                (PublishAttempt.post == post.id)
                & (PublishAttempt.id != attempt.id)
                & PublishAttempt.outcome.in_(["started", ErrorKind.UNKNOWN_OUTCOME.value])
            )
            .exists()
        )

        def save_checkpoint(data: dict) -> None:
            ScheduledPost.update(checkpoint=data).where(ScheduledPost.id == post.id).execute()

        ctx = PublishContext(
            post_id=post.id,
            attempt=attempt.number,
            previous_outcome_unknown=previous_unknown,
            checkpoint=dict(post.checkpoint or {}),
            save_checkpoint=save_checkpoint,
        )
        return publisher, variant, ctx

    def _finish_attempt(
        self, attempt: PublishAttempt, outcome: str, kind: str | None, message: str | None
    ) -> None:
        """Inside the caller's transaction."""
        self.store.db.connection().execute(
            _FINISH_ATTEMPT_SQL, (utc_text(self.clock.now()), outcome, kind, message, attempt.id)
        )

    def _record_success(
        self, post: ScheduledPost, account: Account, attempt: PublishAttempt, result: PublishResult
    ) -> PublishOutcome:
        now = self.clock.now()
        stamp = utc_text(now)

        def write() -> None:
            # needs_check too: the monitor may have given up on a very slow call that then
            # succeeded; what we know now is better than what it guessed.
            self.store.db.connection().execute(
                _PUBLISHED_SQL,
                (Status.PUBLISHED.value, result.external_id, result.url, stamp, stamp, post.id),
            )
            self._finish_attempt(attempt, "published", None, result.url)

        self._write_outcome(post, write, f"published at {result.url or '(no link returned)'}")
        log.info(
            "post=%s account=%r platform=%s status=published external_id=%s url=%s attempt=%s",
            post.id,
            account.name,
            account.platform,
            result.external_id,
            result.url,
            attempt.number,
        )
        self.events.emit(
            EngineEvent(
                EventKind.PUBLISHED,
                post.id,
                account.name,
                account.platform,
                Status.PUBLISHED,
                url=result.url,
            )
        )
        return PublishOutcome(post.id, True, Status.PUBLISHED, url=result.url)

    def _backoff(self, post_id: int, retry_after: float | None) -> float:
        failures = (
            PublishAttempt.select()
            .where((PublishAttempt.post == post_id) & (PublishAttempt.outcome == "transient"))
            .count()
        )
        base = float(self.store.settings.cached("retry_base_seconds"))
        cap = float(self.store.settings.cached("retry_max_seconds"))
        # `failures` counts earlier transient attempts: the first retry waits `base`.
        delay = min(cap, base * (2**failures)) * random.uniform(0.8, 1.2)
        return max(delay, retry_after or 0.0)

    def _record_failure(
        self, post: ScheduledPost, account: Account, attempt: PublishAttempt, exc: PublishError
    ) -> PublishOutcome:
        now = self.clock.now()
        kind = exc.kind
        message = redact(exc.message)
        settings = self.store.settings
        retry_at: datetime | None = None
        failure_kind: str = kind.value
        status: str = Status.FAILED

        if kind is ErrorKind.UNKNOWN_OUTCOME:
            status = Status.NEEDS_CHECK
        elif kind in (ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED):
            transient_before = (
                PublishAttempt.select()
                .where(
                    (PublishAttempt.post == post.id)
                    & (PublishAttempt.outcome == "transient")
                    & (PublishAttempt.id != attempt.id)
                )
                .count()
            )
            hold_limit = timedelta(hours=float(settings.cached("rate_limit_hold_hours")))
            if kind is ErrorKind.TRANSIENT and transient_before + 1 >= int(
                settings.cached("max_attempts")
            ):
                failure_kind = FailureKind.RETRIES_EXHAUSTED
                message = f"Gave up after {transient_before + 1} attempts. Last error: {message}"
            elif kind is ErrorKind.RATE_LIMITED and now - post.publication_date > hold_limit:
                failure_kind = FailureKind.RETRIES_EXHAUSTED
                message = f"Still rate-limited {hold_limit} after its time. Last error: {message}"
            else:
                status = Status.QUEUED
                delay = (
                    self._backoff(post.id, exc.retry_after)
                    if kind is ErrorKind.TRANSIENT
                    else (exc.retry_after or DEFAULT_RATE_LIMIT_WAIT)
                )
                retry_at = now + timedelta(seconds=delay)
                message = f"{message} Trying again at {format_local(retry_at)}."

        changes: dict = {
            "status": status,
            "last_error_kind": failure_kind,
            "last_error": message,
            "updated_at": now,
        }
        if retry_at is not None:
            changes["due_at"] = retry_at

        def write() -> None:
            ScheduledPost.update(**changes).where(
                (ScheduledPost.id == post.id) & (ScheduledPost.status == Status.PUBLISHING)
            ).execute()
            outcome = "transient" if kind is ErrorKind.TRANSIENT else kind.value
            self._finish_attempt(attempt, outcome, failure_kind, message)

        self._write_outcome(post, write, f"the publish call ended as {status} ({message})")
        log.warning(
            "post=%s account=%r platform=%s status=%s error_kind=%s attempt=%s error=%s",
            post.id,
            account.name,
            account.platform,
            status,
            failure_kind,
            attempt.number,
            message,
        )
        event_kind = {
            Status.NEEDS_CHECK: EventKind.NEEDS_CHECK,
            Status.QUEUED: EventKind.RETRY,
        }.get(status, EventKind.FAILED)
        self.events.emit(
            EngineEvent(
                event_kind, post.id, account.name, account.platform, status, message=message
            )
        )
        return PublishOutcome(post.id, True, status, message=message, retry_at=retry_at)

    # --- lateness --------------------------------------------------------------------------
    def _lateness_window(self) -> timedelta:
        return timedelta(minutes=float(self.store.settings.cached("lateness_window_minutes")))

    def mark_missed_if_late(self, post: ScheduledPost, now: datetime) -> bool:
        window = self._lateness_window()
        if now - post.due_at <= window:
            return False
        minutes = int(window.total_seconds() // 60)
        message = (
            f"Not published: it was due at {format_local(post.due_at)}, but Desktop Publisher was "
            f"not running or the computer was asleep until {format_local(now)} — more than "
            f"{minutes} min late. Reschedule it or publish it now."
        )
        with self.writing():
            changed = (
                ScheduledPost.update(
                    status=Status.FAILED,
                    last_error_kind=FailureKind.MISSED,
                    last_error=message,
                    updated_at=now,
                )
                .where((ScheduledPost.id == post.id) & ScheduledPost.status.in_(PENDING))
                .execute()
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
            self.events.emit(
                EngineEvent(
                    EventKind.MISSED,
                    post.id,
                    account.name,
                    account.platform,
                    Status.FAILED,
                    message=message,
                )
            )
        return bool(changed)
