"""The engine's reads and writes, by name: the due pass's read, the outcomes of a publish call,
the ledger's counts, the monitor's and the cleanup's queries. The claim is in store/claim.py;
every status change goes through store/post_status.py.

The due pass runs on every tick that sees a change, so its read is written out and run on the
thread's own connection: peewee's query building cost ~30x the SQL there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import peewee
from peewee import fn

from desktop_publisher.lifecycle import PENDING, TERMINAL, Action, Status
from desktop_publisher.store.fields import utc_text
from desktop_publisher.store.models import (
    Account,
    Content,
    ContentVariant,
    FailureKind,
    PublishAttempt,
    ScheduledPost,
)
from desktop_publisher.store.post_status import change_status, status_list
from desktop_publisher.store.sqlite import raw_connection

# A failure's words for the window beside its English (message.detail_data's dict), or None.
Detail = dict[str, Any] | None

# --- the due pass -------------------------------------------------------------------------------
# One read of everything pending up to the horizon (scheduled_post_status_due serves it).
DUE_SQL = (
    "SELECT id, account_id, due_at, status FROM scheduled_post "
    f"WHERE status IN ({status_list(PENDING)}) AND due_at <= ? "
    "ORDER BY due_at, id"
)


def pending_until(db: peewee.Database, horizon: str) -> list[tuple[int, int, str, str]]:
    """(id, account_id, due_at text, status) of every pending post due by `horizon` (UTC text),
    in (due, id) order."""
    return raw_connection(db).execute(DUE_SQL, (horizon,)).fetchall()


def posts_with_accounts(post_ids: Sequence[int]) -> list[ScheduledPost]:
    """The posts, each with its account, in (due, id) order (read whole, before writes)."""
    return list(
        ScheduledPost.select(ScheduledPost, Account)
        .join(Account)
        .where(ScheduledPost.id.in_(list(post_ids)))
        .order_by(ScheduledPost.due_at, ScheduledPost.id)
    )


def queue_posts(db: peewee.Database, post_ids: Sequence[int], now: datetime) -> int:
    """The scheduled ones among `post_ids` become queued; returns how many did."""
    return change_status(
        db, Action.QUEUE, post_ids, Status.QUEUED, values={"updated_at": now}
    ).count


def mark_missed(
    db: peewee.Database, post_id: int, now: datetime, message: str, detail: Detail = None
) -> bool:
    """A pending post past its lateness window fails as missed."""
    values = {
        "last_error_kind": FailureKind.MISSED,
        "last_error": message,
        "last_error_detail": detail,
        "updated_at": now,
    }
    return change_status(db, Action.MISS, post_id, Status.FAILED, values=values).count == 1


# --- a publish call's outcome -------------------------------------------------------------------
_FINISH_ATTEMPT_SQL = (
    "UPDATE publish_attempt SET finished_at = ?, outcome = ?, error_kind = ?, message = ?, "
    "error_detail = ? WHERE id = ?"
)


def record_published(
    db: peewee.Database, post_id: int, now: datetime, external_id: str | None, url: str | None
) -> bool:
    """needs_check too (lifecycle: record success): the monitor may have given up on a very slow
    call that then succeeded; what the platform said is better than what it guessed."""
    values = {
        "external_id": external_id,
        "url": url,
        "published_at": now,
        "updated_at": now,
        "last_error": None,
        "last_error_kind": None,
        "last_error_detail": None,
    }
    return (
        change_status(db, Action.RECORD_SUCCESS, post_id, Status.PUBLISHED, values=values).count
        == 1
    )


def record_failure(db: peewee.Database, post_id: int, status: str, values: dict[str, Any]) -> bool:
    """A publishing post failed for good, waits for another attempt (queued) or needs a check.
    `values` holds last_error and, for the window, last_error_detail (a Detail)."""
    return change_status(db, Action.RECORD_FAILURE, post_id, status, values=values).count == 1


def mark_needs_check(
    db: peewee.Database, post_id: int, now: datetime, message: str, detail: Detail = None
) -> bool:
    """A publishing post whose call's outcome is unknown."""
    values = {
        "last_error_kind": FailureKind.UNKNOWN_OUTCOME,
        "last_error": message,
        "last_error_detail": detail,
        "updated_at": now,
    }
    return (
        change_status(db, Action.NEEDS_CHECK, post_id, Status.NEEDS_CHECK, values=values).count == 1
    )


def finish_attempt(
    db: peewee.Database,
    attempt_id: int,
    now: datetime,
    outcome: str,
    kind: str | None,
    message: str | None,
    detail: Detail = None,
) -> None:
    """Complete a ledger row (inside the caller's transaction)."""
    raw_connection(db).execute(
        _FINISH_ATTEMPT_SQL,
        (utc_text(now), outcome, kind, message, _json(detail), attempt_id),
    )


def _json(detail: Detail) -> str | None:
    """A detail as its column holds it (what JsonField writes)."""
    return None if detail is None else json.dumps(detail, sort_keys=True)


def transient_failures(post_id: int, other_than: int | None = None) -> int:
    """How many of the post's attempts ended in a transient error (other than one attempt)."""
    query = PublishAttempt.select().where(
        (PublishAttempt.post == post_id) & (PublishAttempt.outcome == "transient")
    )
    if other_than is not None:
        query = query.where(PublishAttempt.id != other_than)
    return query.count()


def earlier_unknown_attempt(post_id: int, attempt_id: int, unknown: str) -> bool:
    """Whether an earlier attempt of the post never finished or ended with an unknown outcome
    (`unknown`, the platform layer's name for it)."""
    return (
        PublishAttempt.select()
        .where(
            (PublishAttempt.post == post_id)
            & (PublishAttempt.id != attempt_id)
            & PublishAttempt.outcome.in_(["started", unknown])
        )
        .exists()
    )


def save_checkpoint(post_id: int, data: dict) -> None:
    """What a publisher must remember across attempts (uploaded media ids, a container…)."""
    ScheduledPost.update(checkpoint=data).where(ScheduledPost.id == post_id).execute()


def account_platforms() -> list[str]:
    """The platform of every account (one entry per account)."""
    return [row[0] for row in Account.select(Account.platform).tuples()]


# --- the monitor ----------------------------------------------------------------------------
def publishing_since_before(claimed_before: datetime | None = None) -> list[ScheduledPost]:
    """Posts being published, claimed before `claimed_before` (all when None)."""
    query = ScheduledPost.select().where(ScheduledPost.status == Status.PUBLISHING)
    if claimed_before is not None:
        query = query.where(ScheduledPost.claimed_at < claimed_before)
    return list(query)


def queued_due_before(due_before: datetime) -> list[tuple[int, int, datetime]]:
    """(id, account_id, due_at) of queued posts due before `due_before`."""
    return list(
        ScheduledPost.select(ScheduledPost.id, ScheduledPost.account, ScheduledPost.due_at)
        .where((ScheduledPost.status == Status.QUEUED) & (ScheduledPost.due_at < due_before))
        .tuples()
    )


def status_counts() -> dict[str, int]:
    """How many posts are in each status (every status present, zeros too)."""
    counts = {s.value: 0 for s in Status}
    counts.update(
        dict(
            ScheduledPost.select(ScheduledPost.status, fn.COUNT(ScheduledPost.id))
            .group_by(ScheduledPost.status)
            .tuples()
        )
    )
    return counts


def account_count() -> int:
    return Account.select().count()


# --- the cleanup ----------------------------------------------------------------------------
def finished_before(cutoff: datetime) -> list[tuple[int, int]]:
    """(post id, variant id) of finished posts last changed before `cutoff`."""
    return list(
        ScheduledPost.select(ScheduledPost.id, ScheduledPost.variant)
        .where(ScheduledPost.status.in_(TERMINAL) & (ScheduledPost.updated_at < cutoff))
        .tuples()
    )


def delete_finished(batch: Iterable[tuple[int, int]]) -> int:
    """Inside the caller's transaction: delete these finished posts (still finished), and the
    content they leave without posts. Returns how many posts went."""
    batch = list(batch)
    ids = [post_id for post_id, _ in batch]
    variant_ids = {variant_id for _, variant_id in batch}
    removed = (
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
    return removed


def post(post_id: int) -> ScheduledPost | None:
    """One post (its account is read when asked for)."""
    return ScheduledPost.get_or_none(ScheduledPost.id == post_id)
