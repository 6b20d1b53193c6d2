"""What only SQLite has, in one place: the rest of the store and the engine ask here.

- the write transaction taken at once (`BEGIN IMMEDIATE`), so it never fails half-way on a
  lock upgrade;
- RETURNING (SQLite 3.35+), which the claim uses when it can;
- the thread's own sqlite3 connection, which the engine's hot statements run on directly;
- the change check (`PRAGMA data_version`): whether another connection committed;
- a copy of the open database (`VACUUM INTO`), made when its file was deleted under the engine;
- how many ids one statement may bind.

The triggers that count a content's posts are part of the schema (store/migrations.py).
A database server would replace each of these (docs/architecture.md, "Another database").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import peewee

T = TypeVar("T")
HAS_RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)


def write_transaction(db: peewee.Database):  # noqa: ANN201 - peewee's transaction context
    """A short write transaction, its write lock taken at the start."""
    return db.atomic("IMMEDIATE")


def raw_connection(db: peewee.Database) -> sqlite3.Connection:
    """This thread's sqlite3 connection, as peewee's execute_sql would use, minus its wrapping
    (for the statements run many times a second)."""
    return db.connection()


class ChangeWatch:
    """A connection of its own that tells whether another connection committed since the last
    look (its data_version moves only for other connections' commits)."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False)

    def version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def copy_to(self, target: Path) -> None:
        """The database as this connection sees it, written to `target` (a new file)."""
        self._conn.execute("VACUUM INTO ?", (str(target),))

    def close(self) -> None:
        self._conn.close()


# What a failed copy raises, besides OSError.
Error = sqlite3.Error


def batches(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """`items` in slices small enough for one statement's bound parameters (SQLite before 3.32
    allowed 999)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
