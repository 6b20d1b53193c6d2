"""Due query: one schedule_due_posts_task pass against a bare indexed SQL query, same file.

For each size a fresh database is built in a temp dir with the real schema (open_store) and
filled in one transaction: posts spread over a year back (finished) and a year ahead
(scheduled), so the handful due in the next 30 minutes sit among many others.

Figures: median time of a pass (after a first pass that queues what is due; later passes change
nothing, as in the steady state), the bare query

    SELECT id, account_id, due_at FROM scheduled_post
    WHERE status IN ('scheduled', 'queued') AND due_at <= ? ORDER BY due_at

through sqlite3 on the same file. Goals: a pass ≤ 10 ms at 1M posts and ≤ 2× the bare query.

    /tmp/venv/bin/python bench/bench_due_query.py --sizes 10000,100000,1000000
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import _common
from _common import header, median, report, temp_data_dir, time_calls

GOAL_MS_AT_1M = 10.0
GOAL_RATIO = 2.0


def bench_size(size: int, repeat: int, profile: bool) -> None:
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.engine.due_pass import schedule_due_posts_task
    from desktop_publisher.engine.publishing import PublishingService
    from desktop_publisher.store.connection import open_store

    with temp_data_dir(f"due{size}") as data_dir:
        started = time.perf_counter()
        summary = _common.build_posts(data_dir, size)
        built = time.perf_counter() - started
        by_status = summary["by_status"]
        print(f"-- {size:,} posts (built in {built:.1f} s; {by_status})")

        store = open_store(data_dir)
        try:
            service = PublishingService(store, CredentialStore())
            first = schedule_due_posts_task(service)
            report_line = (
                f"first pass queued {first.queued}, planned {len(first.planned)}, "
                f"missed {len(first.missed)}"
            )
            print(f"   {report_line}")
            pass_times = time_calls(lambda: schedule_due_posts_task(service), repeat)
            if profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(200):
                    schedule_due_posts_task(service)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
        finally:
            store.close()

        horizon = datetime.now(UTC) + timedelta(minutes=30)
        conn = sqlite3.connect(data_dir / "publisher.db")
        try:
            bare_sql = (
                "SELECT id, account_id, due_at FROM scheduled_post "
                "WHERE status IN ('scheduled', 'queued') AND due_at <= ? ORDER BY due_at"
            )
            bare_args = (_common.utc_text(horizon),)
            plan = conn.execute("EXPLAIN QUERY PLAN " + bare_sql, bare_args).fetchall()
            bare = time_calls(lambda: conn.execute(bare_sql, bare_args).fetchall(), repeat)
        finally:
            conn.close()

        pass_ms = median(pass_times) * 1000
        bare_ms = median(bare) * 1000
        print(f"   bare query plan: {'; '.join(row[-1] for row in plan)}")
        goal = GOAL_MS_AT_1M if size >= 1_000_000 else None
        report(
            "schedule_due_posts_task pass (median)",
            pass_ms,
            "ms",
            goal,
            note=f"p95 {_common.percentile(pass_times, 95) * 1000:.3f} ms",
        )
        report("bare indexed query (median)", bare_ms, "ms")
        report("pass / bare query", pass_ms / bare_ms, "x", GOAL_RATIO)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="comma-separated post counts (default 10000,100000,1000000)",
    )
    parser.add_argument("--repeat", type=int, default=200, help="timed passes per size")
    parser.add_argument("--profile", action="store_true", help="cProfile 200 passes per size")
    args = parser.parse_args()
    header("due query")
    for size in (int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()):
        bench_size(size, args.repeat, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
