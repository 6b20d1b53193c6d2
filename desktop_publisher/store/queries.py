"""The reads (and two small writes) behind the main window: the queue, the calendar, drafts.

No Qt here. Every read is bounded (a page, or one grouped row per day and status) and walks an
existing index, so the window stays quick with 100k–1M posts:

- the queue pages by keyset on (publication_date, id), which the index
  `scheduled_post_publication_date` already holds in that order (an index entry ends with the
  rowid); a filter that selects few rows (one failed post among 100k) lets SQLite use
  `status_due` / `account_status` and sort those few instead;
- the calendar counts per local day with one index range scan per visible day (see day_counts);
- drafts come from a partial index of content without posts (see _IS_DRAFT).

Times in the database are fixed-width UTC text (store/fields.py), so text comparisons are time
comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from time import monotonic
from typing import Any

import peewee

from desktop_publisher.lifecycle import DRAFT, Action, Status
from desktop_publisher.store.fields import from_utc_text, utc_text, utcnow
from desktop_publisher.store.post_status import change_status
from desktop_publisher.store.sqlite import write_transaction

# DRAFT (lifecycle.py): the queue's name for content that has no scheduled post.
PREVIEW_CHARS = 280
# Under this many matching rows a selective filter (status, account) is cheaper through its own
# index plus a sort than walking the whole time index for matches.
SELECTIVE_ROWS = 20_000


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere (escape character: backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. Empty sets and None mean "no restriction"."""

    statuses: frozenset[str] = frozenset()  # Status values and/or DRAFT
    platforms: frozenset[str] = frozenset()
    account_ids: frozenset[int] | None = None
    start: datetime | None = None  # aware, inclusive
    end: datetime | None = None  # aware, exclusive
    text: str = ""
    descending: bool = False
    # Drafts have no date: None shows them only when no range is set; True shows them with an
    # open-ended range too (the window's "Upcoming"), False never.
    drafts: bool | None = None

    def wants_posts(self) -> bool:
        return not self.statuses or bool(self.statuses - {DRAFT})

    def wants_drafts(self) -> bool:
        # A draft has no account either: choosing accounts leaves it out.
        if (self.statuses and DRAFT not in self.statuses) or self.account_ids is not None:
            return False
        if self.drafts is None:
            return self.start is None and self.end is None
        return self.drafts

    def without_range(self) -> QueueFilter:
        return QueueFilter(
            self.statuses, self.platforms, self.account_ids, None, None, self.text, False
        )


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue: a scheduled post, or a draft (kind DRAFT, id = content id)."""

    kind: str  # "post" or DRAFT
    id: int
    content_id: int
    status: str
    preview: str
    platforms: tuple[str, ...]
    account_id: int | None = None
    account: str | None = None
    when: datetime | None = None  # publication_date (UTC); for a draft its last change
    attempts: int = 0
    error_kind: str | None = None
    error: str | None = None
    url: str | None = None
    # The error's detail as stored (JSON text, see message.detail_data): the window words it.
    error_detail: str | None = None
    sort_key: tuple[str, int] = field(default=("", 0), compare=False)

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    @property
    def platform(self) -> str | None:
        return self.platforms[0] if self.platforms else None


# --- the posts part of the queue ------------------------------------------------------------
def _post_conditions(
    flt: QueueFilter, with_range: bool = True, text_column: str | None = None
) -> tuple[list[str], list[Any]]:
    """WHERE terms on `scheduled_post sp`; `text_column` names the variant text when the query
    joins the variant already."""
    where: list[str] = []
    params: list[Any] = []
    statuses = sorted(flt.statuses - {DRAFT})
    if statuses:
        where.append(f"sp.status IN ({', '.join('?' * len(statuses))})")
        params += statuses
    if flt.account_ids is not None:
        ids = sorted(flt.account_ids)
        if not ids:
            where.append("0")
        else:
            where.append(f"sp.account_id IN ({', '.join('?' * len(ids))})")
            params += ids
    if flt.platforms:
        platforms = sorted(flt.platforms)
        # Through the small account table: no join needed for the filter itself.
        where.append(
            "sp.account_id IN (SELECT id FROM account WHERE platform IN "
            f"({', '.join('?' * len(platforms))}))"
        )
        params += platforms
    if with_range and flt.start is not None:
        where.append("sp.publication_date >= ?")
        params.append(utc_text(flt.start))
    if with_range and flt.end is not None:
        where.append("sp.publication_date < ?")
        params.append(utc_text(flt.end))
    if flt.text.strip():
        # Correlated per row, so a page query stops after `limit` matches instead of scanning
        # every variant first.
        column = text_column or "(SELECT text FROM content_variant WHERE id = sp.variant_id)"
        where.append(f"{column} LIKE ? ESCAPE '\\'")
        params.append(like_pattern(flt.text.strip()))
    return where, params


_plan_cache: dict[tuple[int, QueueFilter], tuple[float, bool]] = {}
_PLAN_TTL = 60.0


def _walk_time_index(db: peewee.Database, flt: QueueFilter) -> bool:
    """Choose how a page is read: walk the time index in order and stop after `limit` matches
    (best when matches are dense, or the range is bounded), or fetch the few matching rows
    through their own index (status, account) or a plain scan (text) and sort them.

    Only speed depends on the answer, never the result; it is kept a minute per filter so that
    paging does not probe again.
    """
    restricting = (flt.statuses - {DRAFT}) or flt.account_ids is not None or flt.platforms
    if not (restricting or flt.text.strip()):
        return True
    if flt.start is not None and flt.end is not None:
        return True
    key = (id(db), flt)
    now = monotonic()
    cached = _plan_cache.get(key)
    if cached is not None and now - cached[0] < _PLAN_TTL:
        return cached[1]
    where, params = _post_conditions(flt, with_range=False, text_column="v.text")
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM scheduled_post sp"
        " JOIN content_variant v ON v.id = sp.variant_id"
        f" WHERE {' AND '.join(where)} LIMIT ?)"
    )
    dense = db.execute_sql(sql, [*params, SELECTIVE_ROWS + 1]).fetchone()[0] > SELECTIVE_ROWS
    if len(_plan_cache) > 32:
        _plan_cache.clear()
    _plan_cache[key] = (now, dense)
    return dense


def queue_page(
    db: peewee.Database,
    flt: QueueFilter,
    after: tuple[str, int] | None = None,
    limit: int = 200,
    offset: int | None = None,
) -> list[QueueRow]:
    """Posts in time order (then id), the page after the key `after` (a row's sort_key).

    `offset` is accepted for callers that page by position; keyset paging (`after`) stays fast
    however deep the user scrolls.
    """
    if not flt.wants_posts():
        return []
    where, params = _post_conditions(flt, text_column="v.text")
    if after is not None:
        op = "<" if flt.descending else ">"
        # Two terms: the first bounds the index range, the second breaks ties on the same time.
        where.append(
            f"sp.publication_date {op}= ? AND (sp.publication_date {op} ? OR sp.id {op} ?)"
        )
        params += [after[0], after[0], after[1]]
    order = "DESC" if flt.descending else "ASC"
    walk = _walk_time_index(db, flt)
    index = "INDEXED BY scheduled_post_publication_date" if walk else ""
    # A unary + keeps SQLite from walking the time index just to avoid the sort.
    plus = "" if walk else "+"
    sql = f"""
        SELECT sp.id, v.content_id, sp.account_id, a.name, a.platform, sp.publication_date,
               sp.status, sp.attempts, sp.last_error_kind, sp.last_error, sp.url,
               substr(v.text, 1, {PREVIEW_CHARS}), sp.last_error_detail
        FROM scheduled_post sp {index}
        CROSS JOIN account a ON a.id = sp.account_id
        CROSS JOIN content_variant v ON v.id = sp.variant_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {plus}sp.publication_date {order}, {plus}sp.id {order}
        LIMIT ? {"OFFSET ?" if offset else ""}
    """
    params.append(limit)
    if offset:
        params.append(offset)
    rows = []
    for r in db.execute_sql(sql, params).fetchall():
        rows.append(
            QueueRow(
                kind="post",
                id=r[0],
                content_id=r[1],
                account_id=r[2],
                account=r[3],
                platforms=(r[4],),
                when=from_utc_text(r[5]),
                status=r[6],
                attempts=r[7],
                error_kind=r[8],
                error=r[9],
                url=r[10],
                preview=_one_line(r[11]),
                error_detail=r[12],
                sort_key=(r[5], r[0]),
            )
        )
    return rows


def queue_count(db: peewee.Database, flt: QueueFilter, include_drafts: bool = True) -> int:
    """How many rows the queue holds for this filter (posts, plus drafts when they are shown).

    A caller that has already loaded every draft can pass include_drafts=False and add what it
    holds.
    """
    total = 0
    if flt.wants_posts():
        searching = bool(flt.text.strip())
        where, params = _post_conditions(flt, text_column="v.text" if searching else None)
        sql = "SELECT count(*) FROM scheduled_post sp" + (
            " JOIN content_variant v ON v.id = sp.variant_id" if searching else ""
        )
        sql += f" WHERE {' AND '.join(where)}" if where else ""
        total += db.execute_sql(sql, params).fetchone()[0]
    if include_drafts and flt.wants_drafts():
        where, params = _draft_conditions(flt)
        sql = f"SELECT count(*) FROM content c WHERE {' AND '.join(where)}"
        total += db.execute_sql(sql, params).fetchone()[0]
    return total


# --- drafts ---------------------------------------------------------------------------------
# `content.posts` counts a content's scheduled posts (kept by triggers, schema version 2), and
# the partial index `content_draft` holds the drafts alone: reading or counting drafts costs
# what there are drafts, not posts.
_IS_DRAFT = "c.posts = 0"
# The delete checks the posts themselves, for its one content row (two index seeks).
_NO_POSTS = (
    "NOT EXISTS (SELECT 1 FROM content_variant dv JOIN scheduled_post dp"
    " ON dp.variant_id = dv.id WHERE dv.content_id = c.id)"
)


def _draft_conditions(flt: QueueFilter) -> tuple[list[str], list[Any]]:
    where = [_IS_DRAFT]
    params: list[Any] = []
    if flt.platforms:
        platforms = sorted(flt.platforms)
        where.append(
            "EXISTS (SELECT 1 FROM content_variant pv WHERE pv.content_id = c.id AND pv.platform"
            f" IN ({', '.join('?' * len(platforms))}))"
        )
        params += platforms
    if flt.text.strip():
        pattern = like_pattern(flt.text.strip())
        where.append(
            "(c.text LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
            "content_variant tv WHERE tv.content_id = c.id AND tv.text LIKE ? ESCAPE '\\'))"
        )
        params += [pattern, pattern, pattern]
    return where, params


def drafts(
    db: peewee.Database, flt: QueueFilter, before_id: int | None = None, limit: int = 200
) -> list[QueueRow]:
    """Content without any scheduled post, newest first (keyset on the content id)."""
    if not flt.wants_drafts():
        return []
    where, params = _draft_conditions(flt)
    if before_id is not None:
        where.append("c.id < ?")
        params.append(before_id)
    sql = f"""
        SELECT c.id, c.title, substr(c.text, 1, {PREVIEW_CHARS}), c.updated_at,
               (SELECT group_concat(platform, ',') FROM (SELECT DISTINCT platform
                 FROM content_variant WHERE content_id = c.id ORDER BY platform))
        FROM content c
        WHERE {" AND ".join(where)}
        ORDER BY c.id DESC
        LIMIT ?
    """
    params.append(limit)
    rows = []
    for content_id, title, text, updated, platforms in db.execute_sql(sql, params).fetchall():
        preview = _one_line(text) or _one_line(title)
        rows.append(
            QueueRow(
                kind=DRAFT,
                id=content_id,
                content_id=content_id,
                status=DRAFT,
                preview=preview,
                platforms=tuple(p for p in (platforms or "").split(",") if p),
                when=from_utc_text(updated),
                sort_key=("", content_id),
            )
        )
    return rows


def has_content(db: peewee.Database) -> bool:
    """Anything at all to show (a post or a draft): decides the window's empty state."""
    return db.execute_sql("SELECT EXISTS (SELECT 1 FROM content)").fetchone()[0] == 1


# --- the calendar ---------------------------------------------------------------------------
def local_day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants at which a local day starts and ends (23 or 25 hours around DST)."""
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end


def day_counts(
    db: peewee.Database,
    start_utc: datetime,
    end_utc: datetime,
    tz: tzinfo,
    flt: QueueFilter | None = None,
) -> dict[date, dict[str, int]]:
    """Posts per local day and status between two instants, for the calendar.

    Rather than grouping by UTC hour and mapping hours to days (wrong for zones 30 or 45 minutes
    off UTC, like India or Nepal), each visible local day becomes one [start, end) pair of UTC
    texts and is counted with its own range scan of the (publication_date, status) index —
    DST-correct by construction, the work bounded by the posts actually in view, and without a
    filter the index alone answers (no table row is read).
    """
    flt = (flt or QueueFilter()).without_range()
    if not flt.wants_posts():
        return {}
    first = start_utc.astimezone(tz).date()
    last = (end_utc - timedelta(microseconds=1)).astimezone(tz).date()
    days: list[date] = []
    bounds: list[Any] = []
    day = first
    while day <= last:
        lo, hi = local_day_bounds(day, tz)
        lo, hi = max(lo, start_utc), min(hi, end_utc)
        if lo < hi:
            bounds += [len(days), utc_text(lo), utc_text(hi)]
            days.append(day)
        day += timedelta(days=1)
    if not days:
        return {}
    where, params = _post_conditions(flt, with_range=False)
    values = ", ".join("(?, ?, ?)" for _ in days)
    # CROSS JOIN keeps the day list as the outer loop: one index range scan per day.
    sql = f"""
        WITH days(idx, lo, hi) AS (VALUES {values})
        SELECT days.idx, sp.status, count(*)
        FROM days CROSS JOIN scheduled_post sp INDEXED BY scheduled_post_publication_status
          ON sp.publication_date >= days.lo AND sp.publication_date < days.hi
        {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY days.idx, sp.status
    """
    result: dict[date, dict[str, int]] = {}
    for idx, status, count in db.execute_sql(sql, [*bounds, *params]).fetchall():
        result.setdefault(days[idx], {})[status] = count
    return result


# --- small writes the window needs ------------------------------------------------------------
# (The post service's mark_published and delete_draft are the same writes, asked of the lifecycle
# first: the window is meant to call those.)
def mark_published(db: peewee.Database, post_id: int, url: str | None = None) -> bool:
    """The user checked the platform and found a needs_check post online.

    Compare-and-set from needs_check only, so it can never overwrite what the engine recorded.
    Returns False when the post was no longer waiting for a check.
    """
    now = utcnow()
    values = {
        "url": url or None,
        "published_at": now,
        "updated_at": now,
        "last_error": None,
        "last_error_kind": None,
    }
    with write_transaction(db):
        changed = change_status(db, Action.MARK_PUBLISHED, post_id, Status.PUBLISHED, values=values)
    return changed.count == 1


def delete_draft(db: peewee.Database, content_id: int) -> bool:
    """Remove a draft (its variants go with it). Content that has a scheduled post is never
    touched: the check and the delete are one statement inside one transaction."""
    with write_transaction(db):
        cursor = db.execute_sql(
            f"DELETE FROM content AS c WHERE c.id = ? AND {_NO_POSTS}",
            [content_id],
        )
    return cursor.rowcount == 1


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def statuses_in(order: Sequence[str], counts: dict[str, int]) -> list[tuple[str, int]]:
    """(status, n) for the non-zero counts, in the given order."""
    return [(s, counts[s]) for s in order if counts.get(s)]
