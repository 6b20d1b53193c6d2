"""The range's count (status_reads.RangeTotal): read when asked, kept for a refresh that cannot
change it, and a late count for an older filter is not taken."""

from __future__ import annotations

from desktop_publisher.gui.window.status_reads import RangeTotal
from desktop_publisher.store.queries import QueueFilter


class Rows:
    def __init__(self, flt: QueueFilter, loaded: int, fully: bool) -> None:
        self.flt, self.loaded, self.fully = flt, loaded, fully

    def filter(self) -> QueueFilter:
        return self.flt

    def fully_loaded(self) -> bool:
        return self.fully

    def rowCount(self) -> int:  # noqa: N802
        return self.loaded

    def loaded_drafts(self) -> int | None:
        return None


def test_all_rows_loaded_are_the_count_without_a_read(ctx) -> None:  # noqa: ANN001
    total = RangeTotal(ctx.store.db, Rows(QueueFilter(text="a"), 7, fully=True))
    assert total.total() == 7
    assert total.cache == (QueueFilter(text="a"), 7)


def test_while_the_window_is_built_the_count_waits_for_the_job_thread(ctx) -> None:  # noqa: ANN001
    rows = Rows(QueueFilter(text="a"), 100, fully=False)
    total = RangeTotal(ctx.store.db, rows)
    assert total.total() is None
    # A count read for another filter (the user typed on meanwhile) is not taken.
    assert not total.take((QueueFilter(text="b"), 5))
    assert total.take((QueueFilter(text="a"), 250))
    assert total.total(recount=False) == 250
    total.count_later = False
    # Asked to count again: the database says (no post matches "a" in an empty store).
    assert total.total() == 0
    assert total.cache == (QueueFilter(text="a"), 0)
