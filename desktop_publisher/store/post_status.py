"""The one writer of a post's status: a compare-and-set the lifecycle table allows.

Every status change — the post service's, the window's, the engine's — is this one UPDATE:
`SET status = <to>, … WHERE id … AND status IN (<what the action accepts>)`. It refuses (as a
programming error) a change the table in lifecycle.py does not list, so the code cannot drift
from the table; and a change whose post moved meanwhile changes nothing (count 0), so it never
undoes what another thread or process did a moment before.

The statement is written out and kept per shape: the engine claims and records posts from ten
lanes at once, where building it through peewee cost more than SQLite took to run it. Statuses
are the lifecycle's own constants, written into the text (not user input); values are bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import peewee

from desktop_publisher.lifecycle import TRANSITIONS, Action, Status
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.store.sqlite import raw_connection

# Each column's conversion to its stored form (aware datetimes to UTC text, dicts to JSON).
_TO_DB: dict[str, Callable[[Any], Any]] = {
    f.column_name: f.db_value for f in ScheduledPost._meta.sorted_fields
}
_STATUS_TEXT = {s.value for s in Status}
_statements: dict[tuple, str] = {}


class Changed(NamedTuple):
    count: int  # rows changed: 0 when no post was in an expected status
    row: tuple | None = None  # what `returning` asked for, for the one post changed


def status_list(statuses: Iterable[str]) -> str:
    """Statuses as an SQL list of literals, in the order of `Status` (stable statement text)."""
    wanted = set(statuses)
    return ", ".join(f"'{s.value}'" for s in Status if s in wanted)


def _statement(
    ids: int, expect: frozenset[str], columns: tuple[str, ...], bump: bool, returning: str
) -> str:
    key = (ids, expect, columns, bump, returning)
    sql = _statements.get(key)
    if sql is None:
        sets = ["status = ?"]
        if bump:
            sets.append("attempts = attempts + 1")
        sets += [f"{c} = ?" for c in columns]
        where = "id = ?" if ids == 1 else f"id IN ({', '.join('?' * ids)})"
        if len(expect) == 1:
            where += f" AND status = '{next(iter(expect))}'"
        else:
            where += f" AND status IN ({status_list(expect)})"
        sql = f"UPDATE scheduled_post SET {', '.join(sets)} WHERE {where}"
        if returning:
            sql += f" RETURNING {returning}"
        if len(_statements) > 256:
            _statements.clear()
        _statements[key] = sql
    return sql


def change_status(
    db: peewee.Database,
    action: Action,
    post_ids: int | Sequence[int],
    to: str,
    *,
    expect: str | Iterable[str] | None = None,
    values: Mapping[str, Any] | None = None,
    count_attempt: bool = False,
    returning: str = "",
) -> Changed:
    """Move the posts `post_ids` to `to` by `action`, only those in `expect` (default: every
    status the action accepts; a narrower set, e.g. the status the caller read, is allowed).

    `values`: other columns to set (Python values, converted as the model stores them).
    `count_attempt`: add one to `attempts`. `returning`: columns to read back (one post).
    Runs in the caller's transaction, if any.
    """
    transition = TRANSITIONS[action]
    if to not in transition.leads_to:
        raise ValueError(f"{action.value} does not lead to {to} (lifecycle.TRANSITIONS)")
    if expect is None:
        expected = transition.accepts & _STATUS_TEXT
    else:
        expected = frozenset((expect,) if isinstance(expect, str) else expect)
        if not expected <= transition.accepts:
            strays = sorted(expected - transition.accepts)
            raise ValueError(f"{action.value} does not start from {strays} (lifecycle.TRANSITIONS)")
    ids = (post_ids,) if isinstance(post_ids, int) else tuple(post_ids)
    if not ids:
        return Changed(0)
    columns = tuple(values) if values else ()
    params: list[Any] = [str(to)]
    for column in columns:
        params.append(_TO_DB[column](values[column]))  # type: ignore[index]
    params += ids
    sql = _statement(len(ids), expected, columns, count_attempt, returning)
    cursor = raw_connection(db).execute(sql, params)
    if returning:
        row = cursor.fetchone()
        return Changed(0 if row is None else 1, row)
    return Changed(cursor.rowcount)
