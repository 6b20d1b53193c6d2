"""The reads behind the status line and the range's count that grow with the number of posts:
counts per status, token warnings and the range's count run on a job thread (read_status); the
range's count is kept per filter (RangeTotal), so a refresh that cannot change it does not read
it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from desktop_publisher.accounts import TokenWarning
from desktop_publisher.store import queries
from desktop_publisher.store.queries import QueueFilter

# Counts per status, token warnings (None: not read), the range's count for a filter (None: not
# read).
StatusReads = tuple[dict[str, int], list[TokenWarning] | None, tuple[QueueFilter, int] | None]


class QueueRows(Protocol):
    """What RangeTotal needs of the queue's model."""

    def filter(self) -> QueueFilter: ...
    def fully_loaded(self) -> bool: ...
    def rowCount(self) -> int: ...  # noqa: N802
    def loaded_drafts(self) -> int | None: ...


def count_queue(db: Any, flt: QueueFilter, loaded_drafts: int | None) -> int:
    """The range's count; drafts counted only when they are not all loaded already."""
    if loaded_drafts is None:
        return queries.queue_count(db, flt)
    return queries.queue_count(db, flt, include_drafts=False) + loaded_drafts


def read_status(
    posts: Any, accounts: Any, db: Any, flt: QueueFilter | None, loaded_drafts: int | None
) -> StatusReads:
    """Runs on a job thread: the reads behind the status line and the range's count that grow
    with the number of posts."""
    warnings = accounts.expiry_warnings() if accounts is not None else None
    total = (flt, count_queue(db, flt, loaded_drafts)) if flt is not None else None
    return posts.counts(), warnings, total


def status_read(
    context: Any, db: Any, model: QueueRows, warnings: bool, recount: bool
) -> Callable[[], StatusReads]:
    """On the GUI thread: the function a job thread runs, with what it needs captured now."""
    flt = model.filter() if recount else None
    accounts, drafts = context.accounts if warnings else None, model.loaded_drafts()
    return lambda: read_status(context.posts, accounts, db, flt, drafts)


class RangeTotal:
    """The range's count for the heading above the queue."""

    def __init__(self, db: Any, model: QueueRows) -> None:
        self.db = db
        self.model = model
        self.cache: tuple[QueueFilter, int] | None = None
        # While the window is built, the range's count (unless all its rows are loaded) is read
        # with the status line's counts on a job thread: with many posts it reads a large part
        # of an index, which after a reboot comes from the disk (~35 ms for 50k posts) and would
        # hold back the window's first paint.
        self.count_later = True

    def total(self, recount: bool = True) -> int | None:
        """The rows themselves once all are loaded; else without `recount` the last count read
        for this filter (a refresh counts again on a job thread); None while the window is being
        built (read on a job thread)."""
        model = self.model
        flt = model.filter()
        if model.fully_loaded():
            total = model.rowCount()
        else:
            cached = self.cache
            if not recount and cached is not None and cached[0] == flt:
                return cached[1]
            if self.count_later:
                return None
            total = count_queue(self.db, flt, model.loaded_drafts())
        self.cache = (flt, total)
        return total

    def take(self, read: tuple[QueueFilter, int]) -> bool:
        """Keep a count read on a job thread; False when the filter has changed since."""
        if read[0] != self.model.filter():
            return False
        self.cache = read
        return True
