"""PublishingService: claim → ledger → credentials → publisher → record.

At most once: a post is claimed with a compare-and-set (`queued|scheduled → publishing`,
store/claim.py), a ledger row is written before the platform is called, and a call whose outcome
is unknown is never repeated by the engine — the post goes to `needs_check` and the user decides.
The due pass is engine/due_pass.py, the lateness rule lifecycle.py and engine/lateness.py.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_publisher.account_clients import account_info, publisher_options
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine import lateness, wording
from desktop_publisher.engine.clock import SystemClock
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.errors import CredentialError, KeyringUnavailable, StoreError, UserError
from desktop_publisher.lifecycle import PENDING, Status, is_missed
from desktop_publisher.message import Message, detail_data
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
from desktop_publisher.store import engine_queries
from desktop_publisher.store.claim import claim_post, status_and_due
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import from_utc_text
from desktop_publisher.store.models import (
    Account,
    ContentVariant,
    FailureKind,
    PublishAttempt,
    ScheduledPost,
)
from desktop_publisher.store.storage_errors import classify
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import format_local

log = logging.getLogger("desktop_publisher.publish")

PublisherFactory = Callable[[AccountInfo, PublisherOptions], Publisher]
# A date job may fire a little early (clock granularity); never much earlier than due.
EARLY_TOLERANCE = timedelta(seconds=2)
DEFAULT_RATE_LIMIT_WAIT = 15 * 60.0


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
        status_and_due(self.store.db, 0)
        for platform in platforms:
            with contextlib.suppress(UserError):  # an account of a platform not installed here
                registry.publisher_class(platform)
        make_session().close()

    # --- the one entry point ---------------------------------------------------------------
    def publish_post(self, scheduled_post_id: int, manual: bool = False) -> PublishOutcome:
        row = status_and_due(self.store.db, scheduled_post_id)
        if row is None:
            return PublishOutcome(scheduled_post_id, False, None, "no such post")
        status, due_text = row
        now = self.clock.now()
        if not manual and status in PENDING:
            due_at = from_utc_text(due_text)
            if due_at - now > EARLY_TOLERANCE:
                # Rescheduled later since this job was planned: its own job will come.
                return PublishOutcome(scheduled_post_id, False, status, "not due yet")
            if is_missed(due_at, now, lateness.window(self.store.settings)):
                late = engine_queries.post(scheduled_post_id)
                if late is not None and lateness.mark_missed_if_late(self, late, now):
                    return PublishOutcome(scheduled_post_id, False, Status.FAILED, "missed")
        with self.writing():
            claimed = claim_post(self.store.db, scheduled_post_id, now, manual)
        if claimed is None:
            row = status_and_due(self.store.db, scheduled_post_id)
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
                post, account, attempt, _from_user_error(ErrorKind.TRANSIENT, exc)
            )
        except CredentialError as exc:
            return self._record_failure(
                post, account, attempt, _from_user_error(ErrorKind.AUTH, exc)
            )
        except Exception as exc:
            # Nothing has been sent yet, whatever went wrong.
            log.exception("post=%s could not prepare the publish call", post.id)
            return self._record_failure(
                post,
                account,
                attempt,
                PublishError(
                    ErrorKind.PERMANENT, Message(wording.COULD_NOT_PREPARE, {"error": redact(exc)})
                ),
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
                    Message(wording.UNEXPECTED, {"error": f"{type(exc).__name__}: {redact(exc)}"}),
                ),
            )
        return self._record_success(post, account, attempt, result)

    # --- steps -----------------------------------------------------------------------------
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
        previous_unknown = attempt.number > 1 and engine_queries.earlier_unknown_attempt(
            post.id, attempt.id, ErrorKind.UNKNOWN_OUTCOME.value
        )

        def save_checkpoint(data: dict) -> None:
            engine_queries.save_checkpoint(post.id, data)

        ctx = PublishContext(
            post_id=post.id,
            attempt=attempt.number,
            previous_outcome_unknown=previous_unknown,
            checkpoint=dict(post.checkpoint or {}),
            save_checkpoint=save_checkpoint,
        )
        return publisher, variant, ctx

    def _finish_attempt(
        self,
        attempt: PublishAttempt,
        outcome: str,
        kind: str | None,
        message: str | None,
        detail: dict | None = None,
    ) -> None:
        """Inside the caller's transaction."""
        engine_queries.finish_attempt(
            self.store.db, attempt.id, self.clock.now(), outcome, kind, message, detail
        )

    def _record_success(
        self, post: ScheduledPost, account: Account, attempt: PublishAttempt, result: PublishResult
    ) -> PublishOutcome:
        now = self.clock.now()

        def write() -> None:
            engine_queries.record_published(
                self.store.db, post.id, now, result.external_id, result.url
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
        failures = engine_queries.transient_failures(post_id)
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
        detail = exc.detail  # the message for the window, when the failure has one
        settings = self.store.settings
        retry_at: datetime | None = None
        failure_kind: str = kind.value
        status: str = Status.FAILED

        if kind is ErrorKind.UNKNOWN_OUTCOME:
            status = Status.NEEDS_CHECK
        elif kind in (ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED):
            transient_before = engine_queries.transient_failures(post.id, other_than=attempt.id)
            hold_limit = timedelta(hours=float(settings.cached("rate_limit_hold_hours")))
            if kind is ErrorKind.TRANSIENT and transient_before + 1 >= int(
                settings.cached("max_attempts")
            ):
                failure_kind = FailureKind.RETRIES_EXHAUSTED
                message, detail = wording.wrapped(
                    wording.GAVE_UP, message, detail, count=transient_before + 1
                )
            elif kind is ErrorKind.RATE_LIMITED and now - post.publication_date > hold_limit:
                failure_kind = FailureKind.RETRIES_EXHAUSTED
                message, detail = wording.wrapped(
                    wording.STILL_RATE_LIMITED,
                    message,
                    detail,
                    hold=str(hold_limit),
                )
            else:
                status = Status.QUEUED
                delay = (
                    self._backoff(post.id, exc.retry_after)
                    if kind is ErrorKind.TRANSIENT
                    else (exc.retry_after or DEFAULT_RATE_LIMIT_WAIT)
                )
                retry_at = now + timedelta(seconds=delay)
                message, detail = wording.wrapped(
                    wording.TRYING_AGAIN, message, detail, time=format_local(retry_at)
                )

        stored = detail_data(detail, message)
        changes: dict = {
            "last_error_kind": failure_kind,
            "last_error": message,
            "last_error_detail": stored,
            "updated_at": now,
        }
        if retry_at is not None:
            changes["due_at"] = retry_at

        def write() -> None:
            engine_queries.record_failure(self.store.db, post.id, status, changes)
            outcome = "transient" if kind is ErrorKind.TRANSIENT else kind.value
            self._finish_attempt(attempt, outcome, failure_kind, message, stored)

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
                event_kind,
                post.id,
                account.name,
                account.platform,
                status,
                message=message,
                detail=detail,
            )
        )
        return PublishOutcome(post.id, True, status, message=message, retry_at=retry_at)


def _from_user_error(kind: ErrorKind, error: UserError) -> PublishError:
    """A credential or keyring error met before anything was sent, as a failure of `kind`."""
    detail = wording.user_error_message(error)
    failure = PublishError(kind, detail if detail is not None else str(error))
    # The English stays the error's own (its rule may word it differently for the window).
    failure.message = redact(str(error))
    return failure
