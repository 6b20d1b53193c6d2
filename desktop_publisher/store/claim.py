"""The claim: `scheduled|queued → publishing` for exactly one caller, with its ledger row.

A lane at a post's due second, "publish now" from the window or the command line, and another
process's engine may reach the same post at once; the compare-and-set on the status
(store/post_status.py) lets one win, and the winner's ledger row (publish_attempt) is written
in the same transaction, before any platform is called.

The statements are written out, and the claimed post, its account and its variant come back in
one read built into model instances here: peewee's query building cost more CPU than SQLite
took to run them, and ten lanes claiming at once share one interpreter lock.

With a database server instead of SQLite the compare-and-set stays as it is (one UPDATE … WHERE
status IN …); a queue shared by many engines would pick its next posts with
`FOR UPDATE SKIP LOCKED` (docs/architecture.md, "Another database").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

import peewee

from desktop_publisher.lifecycle import Action, Status
from desktop_publisher.store.fields import utc_text
from desktop_publisher.store.models import Account, ContentVariant, PublishAttempt, ScheduledPost
from desktop_publisher.store.post_status import change_status
from desktop_publisher.store.sqlite import HAS_RETURNING, raw_connection

_POST_FIELDS = ScheduledPost._meta.sorted_fields
_ACCOUNT_FIELDS = Account._meta.sorted_fields
_VARIANT_FIELDS = ContentVariant._meta.sorted_fields


def _columns(alias: str, fields: list) -> str:
    return ", ".join(f'{alias}."{f.column_name}"' for f in fields)


_STATUS_SQL = "SELECT status, due_at FROM scheduled_post WHERE id = ?"
_ATTEMPTS_SQL = "SELECT attempts FROM scheduled_post WHERE id = ?"
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


def _readers(fields: list) -> list[tuple[str, Callable[[object], object]]]:
    return [(f.name, f.python_value) for f in fields]


_POST_READERS = _readers(_POST_FIELDS)
_ACCOUNT_READERS = _readers(_ACCOUNT_FIELDS)
_VARIANT_READERS = _readers(_VARIANT_FIELDS)
_ENDS = len(_POST_FIELDS), len(_POST_FIELDS) + len(_ACCOUNT_FIELDS)


def _instance(model: type, readers: list, values: tuple) -> object:
    """A model instance from a row, as peewee's own select would build it."""
    obj = model(
        __no_default__=1,
        **{name: read(v) for (name, read), v in zip(readers, values, strict=True)},
    )
    obj._dirty.clear()
    return obj


class Claimed(NamedTuple):
    attempt: PublishAttempt
    post: ScheduledPost
    account: Account
    variant: ContentVariant


def status_and_due(db: peewee.Database, post_id: int) -> tuple[str, str] | None:
    """A post's status and its due time (as stored text); None when there is no such post."""
    return raw_connection(db).execute(_STATUS_SQL, (post_id,)).fetchone()


def claim_post(db: peewee.Database, post_id: int, now: datetime, manual: bool) -> Claimed | None:
    """Inside the caller's write transaction: the claim (attempts counted), the ledger row, and
    the post as claimed with its account and variant; None when another caller has it, or it is
    no longer pending."""
    changes = {"claimed_at": now, "updated_at": now}
    if HAS_RETURNING:
        changed = change_status(
            db,
            Action.CLAIM,
            post_id,
            Status.PUBLISHING,
            values=changes,
            count_attempt=True,
            returning="attempts",
        )
        if changed.row is None:
            return None
        number = changed.row[0]
    else:
        changed = change_status(
            db, Action.CLAIM, post_id, Status.PUBLISHING, values=changes, count_attempt=True
        )
        if not changed.count:
            return None
        conn = raw_connection(db)
        number = conn.execute(_ATTEMPTS_SQL, (post_id,)).fetchone()[0]
    conn = raw_connection(db)
    cursor = conn.execute(_ATTEMPT_SQL, (post_id, number, utc_text(now), int(manual)))
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
    post = _instance(ScheduledPost, _POST_READERS, row[: _ENDS[0]])
    account = _instance(Account, _ACCOUNT_READERS, row[_ENDS[0] : _ENDS[1]])
    variant = _instance(ContentVariant, _VARIANT_READERS, row[_ENDS[1] :])
    post.account = account  # so post.account needs no read of its own
    post.variant = variant
    post._dirty.clear()
    return Claimed(attempt, post, account, variant)  # type: ignore[arg-type]
