"""The reads behind one refresh of the window, each timed alone, at several database sizes.

When the window misses a goal (first paint, month switch, stalls while publishing), this says
which read costs what: the queue page and drafts (`store/queries.py`), the range label's count,
the calendar's per-day counts for a month, and the status line's counts, next due post and token
warnings (`posts.py`, `accounts.py`). No Qt. The filter is the window's default ("Upcoming":
from today, drafts on top) unless said otherwise.

    /tmp/venv/bin/python bench/bench_window_queries.py --sizes 100000
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta

import _common
from _common import header, median, report, temp_data_dir, time_calls


def bench_size(size: int, repeat: int) -> None:
    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.posts import PostService
    from desktop_publisher.store import queries
    from desktop_publisher.store.connection import open_store
    from desktop_publisher.when import local_zone

    with temp_data_dir(f"wq{size}") as data_dir:
        _common.build_posts(data_dir, size)
        store = open_store(data_dir)
        try:
            db = store.db
            tz = local_zone()  # what gui/timefmt.zone() returns
            today = datetime.now(tz).date()
            upcoming = queries.QueueFilter(
                start=queries.local_day_bounds(today, tz)[0], drafts=True
            )
            first = today.replace(day=1)
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            month = queries.QueueFilter(
                start=queries.local_day_bounds(first, tz)[0],
                end=queries.local_day_bounds(nxt, tz)[0],
            )
            grid_first = first - timedelta(days=first.weekday())
            grid = (
                queries.local_day_bounds(grid_first, tz)[0],
                queries.local_day_bounds(grid_first + timedelta(days=41), tz)[1],
            )
            posts = PostService(store)
            accounts = AccountService(store, CredentialStore())
            cases = {
                "queue_page (Upcoming, 200 rows)": lambda: queries.queue_page(db, upcoming),
                "drafts (Upcoming, 200 rows)": lambda: queries.drafts(db, upcoming),
                "queue_count (Upcoming, with drafts)": lambda: queries.queue_count(db, upcoming),
                "queue_page (this month)": lambda: queries.queue_page(db, month),
                "queue_count (this month)": lambda: queries.queue_count(db, month),
                "day_counts (42-day month grid)": lambda: queries.day_counts(
                    db, grid[0], grid[1], tz, upcoming
                ),
                "posts.counts (per status)": posts.counts,
                "posts.next_due": posts.next_due,
                "accounts.expiry_warnings": accounts.expiry_warnings,
                "has_content": lambda: queries.has_content(db),
            }
            print(f"-- {size:,} posts; {len(accounts.expiry_warnings())} token warning(s)")
            for name, fn in cases.items():
                times = time_calls(fn, repeat, warmup=2)
                report(f"{name} (median)", median(times) * 1000, "ms")
        finally:
            store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated post counts")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls per read")
    args = parser.parse_args()
    header("window reads")
    print(f"   today is {date.today()} here")
    for size in (int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()):
        bench_size(size, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
