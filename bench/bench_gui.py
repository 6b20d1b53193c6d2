"""The window (Qt offscreen): start, queue first paint, month switch, stalls, memory.

1. Start: a fresh process starts the real app (`desktop_publisher.cli main(["gui"])`) on a temp
   data dir and reports when the main window's first paint is done, with its RSS then
   (bench/_gui_child.py); a bare PySide6 main window is started the same way in the same run,
   interleaved, by a lean timer process (bench/_start_timer.py). Cold: the operating system's
   file cache is emptied before each start, as after a reboot (goal: app ≤ 2× bare). Warm: the
   files stay cached, as for a second launch (shown against the same figure). One untimed start
   of each first (bytecode compiled). The app is started on a small DB and on one with
   `--posts` posts (RSS goal ≤ 150 MB).
2. In this process, with `--posts` posts in the DB (default 100k, a year back and a year ahead):
   - queue first paint: MainWindow built and shown until the queue's viewport has painted
     (goal ≤ 300 ms);
   - month switch: the calendar's "next month" button clicked until the calendar has repainted,
     in the default range and in the month range, where the queue follows (goal ≤ 50 ms);
   - longest event-loop stall while `--publish` posts publish through the in-window engine to a
     fake server (`--latency` per answer), seen by a 5 ms QTimer heartbeat (goal ≤ 50 ms);
   - RSS (goal ≤ 150 MB).

    QT_QPA_PLATFORM=offscreen /tmp/venv/bin/python bench/bench_gui.py --posts 100000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _common  # noqa: E402
from _common import header, median, percentile, report, rss_mb, temp_data_dir  # noqa: E402

GOAL_START_RATIO = 2.0
GOAL_FIRST_PAINT_MS = 300.0
GOAL_MONTH_SWITCH_MS = 50.0
GOAL_STALL_MS = 50.0
GOAL_RSS_MB = 150.0
HEARTBEAT_MS = 5


# --- 1. start ----------------------------------------------------------------------------------
TIMER = Path(__file__).resolve().parent / "_start_timer.py"
LABELS = {
    "bare": "bare PySide6 window",
    "floor": "floor: bare + Qt, QStyle types + peewee",
    "app": "the app's main window",
}


def time_starts(cache: str, starts: int, runs: list[tuple[str, Path]]) -> list[list[tuple]]:
    """(seconds, RSS MB) of each timed start of each run, from the lean timer process."""
    lines = []
    for mode, data_dir in runs:
        env = _common.child_env(data_dir, data_dir.parent / "keyring.json")
        lines.append("\t".join([mode, str(data_dir.parent), *(f"{k}={v}" for k, v in env.items())]))
    done = subprocess.run(
        [sys.executable, str(TIMER), str(starts), cache],
        input="\n".join(lines),
        capture_output=True,
        text=True,
        check=True,
    )
    results: list[list[tuple]] = [[] for _ in runs]
    for line in done.stdout.splitlines():
        if line.startswith("#"):
            print(f"   ({line[1:].strip()})")
            continue
        index, took, rss = line.split()
        results[int(index)].append((float(took), float(rss)))
    return results


def report_starts(caches: tuple[str, ...], starts: int, posts: int, big: int) -> None:
    """Each kind of start in each cache state, on DBs built once for all of them."""
    with temp_data_dir("start") as small_dir, temp_data_dir("start-big") as big_dir:
        _common.build_posts(small_dir, posts)
        runs = [("bare", small_dir), ("app", small_dir), ("floor", small_dir)]
        if big:
            _common.build_posts(big_dir, big)
            runs.append(("app", big_dir))
        for cache in caches:
            print(f"-- {cache} start to first paint, {starts} starts each (separate processes)")
            report_medians(cache, runs, time_starts(cache, starts, runs), posts, big)


def report_medians(
    cache: str, runs: list[tuple[str, Path]], results: list[list[tuple]], posts: int, big: int
) -> None:
    medians = []
    for i, (mode, _dir) in enumerate(runs):
        took = [t for t, _ in results[i]]
        rss = max(r for _, r in results[i])
        label = LABELS[mode] + (f", {big if i == 3 else posts:,} posts" if mode == "app" else "")
        medians.append(median(took) * 1000)
        report(
            f"{label} (median)",
            medians[-1],
            "ms",
            note=f"max {max(took) * 1000:.0f} ms; RSS at first paint {rss:.0f} MB",
        )
    # The goal is for a cold start; a warm one is shown against the same figure.
    goal = GOAL_START_RATIO if cache == "cold" else None
    note = "" if goal else f"{GOAL_START_RATIO:g} x is the cold start's goal"
    report("app / bare", medians[1] / medians[0], "x", goal, note=note)
    report(
        "floor / bare (what no app code can remove)",
        medians[2] / medians[0],
        "x",
        note=f"the app's own part: {(medians[1] - medians[2]) / medians[0]:.2f} x bare",
    )
    if big:
        report(f"app / bare with {big:,} posts", medians[3] / medians[0], "x", goal, note=note)
        rss_big = max(r for _, r in results[3])
        report(f"the app's RSS at first paint, {big:,} posts", rss_big, "MB", GOAL_RSS_MB)


# --- 2. in-process ------------------------------------------------------------------------------
class PaintWatch:
    """Remembers which watched widgets have received a paint event since reset()."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    watch.painted.add(id(obj))
                return False

        self.filter = Filter()
        self.painted: set[int] = set()

    def watch(self, *widgets) -> None:  # noqa: ANN002
        for widget in widgets:
            widget.installEventFilter(self.filter)

    def wait(self, app, *widgets, timeout: float = 10.0) -> float:  # noqa: ANN001, ANN002
        """Process events until every widget painted; returns perf_counter at that moment."""
        deadline = time.perf_counter() + timeout
        while not all(id(w) in self.painted for w in widgets):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("no paint")
        return time.perf_counter()


# What the GUI thread was doing: wrapped methods record (name, start, end) while tracing.
SPANS: list[tuple[str, float, float]] = []
TRACED = (
    ("desktop_publisher.gui.window.main_window", "MainWindow", "refresh_now"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_refresh_rest"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "refresh_status"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "refresh_accounts"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_update_range_widgets"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_update_page"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_selection_changed"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_tick"),
    ("desktop_publisher.gui.window.main_window", "MainWindow", "_status_read"),
    ("desktop_publisher.gui.window.status_reads", "RangeTotal", "total"),
    ("desktop_publisher.gui.widgets.calendar_view", "CalendarView", "refresh"),
    ("desktop_publisher.gui.widgets.calendar_grid", "DayGrid", "paintEvent"),
    ("desktop_publisher.gui.widgets.queue_model", "QueueModel", "reload"),
    ("desktop_publisher.accounts", "AccountService", "expiry_warnings"),
)


def trace_gui_methods() -> None:
    """Wrap the window's refresh steps (on the classes, before any window exists) so each stall
    can be matched with what ran during it. Benchmark instrumentation only."""
    import functools
    import importlib
    import threading

    gui_thread = threading.get_ident()
    for module_name, class_name, method in TRACED:
        cls = getattr(importlib.import_module(module_name), class_name)
        original = getattr(cls, method, None)
        if original is None:
            continue  # renamed or gone in this version of the window

        def wrapper(self, *args, __original=original, __name=f"{class_name}.{method}", **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
            started = time.perf_counter()
            try:
                return __original(self, *args, **kw)
            finally:
                if threading.get_ident() == gui_thread:
                    SPANS.append((__name, started, time.perf_counter()))

        setattr(cls, method, functools.wraps(original)(wrapper))


def spans_within(start: float, end: float) -> str:
    """The traced calls that ran inside [start, end], outermost first, with their durations."""
    inside = [(n, a, b) for n, a, b in SPANS if a >= start - 0.001 and b <= end + 0.001]
    inside.sort(key=lambda s: (s[1], -(s[2] - s[1])))
    if not inside:
        return "nothing traced ran (another thread held the interpreter lock, or Qt work)"
    return ", ".join(f"{n} {(b - a) * 1000:.0f}" for n, a, b in inside if b - a >= 0.002)


def in_process(posts: int, publish: int, latency: float, switches: int, profile: bool) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if _common.pad_pyside_none_refcount():
        print("   PySide6 6.12.0: None's reference count padded (see _common.py)")

    # The same order as run_app: the signal-emit guard comes with the window's module.
    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.engine.events import EventKind
    from desktop_publisher.gui.app import Running, create_context, shutdown
    from desktop_publisher.gui.window import main_window as main_window_module
    from desktop_publisher.posts import NewPost, PostService
    from desktop_publisher.store.connection import open_store
    from tests.fakes import fakenet  # noqa: F401  (registers the "fakenet" platform)

    _common.use_test_keyring()
    trace_gui_methods()
    rss_start = rss_mb()[0]
    with temp_data_dir("gui") as data_dir:
        started = time.perf_counter()
        summary = _common.build_posts(data_dir, posts)
        print(
            f"-- in process, {posts:,} posts in the DB (built in "
            f"{time.perf_counter() - started:.1f} s; {summary['by_status']})"
        )
        server = _common.SlowServer(latency)
        store = open_store(data_dir)
        credentials = CredentialStore()
        accounts = AccountService(store, credentials)
        lanes = [
            accounts.add("fakenet", f"Bench {i + 1}", {"endpoint": server.url}, f"tok-bench-{i}x")
            for i in range(5)
        ]
        context, lock = create_context(data_dir, store, credentials, with_engine=True)
        running = Running(context, lock)
        try:
            paint = PaintWatch()
            # Queue first paint: construction, show, until the queue's rows are drawn.
            t0 = time.perf_counter()
            window = main_window_module.MainWindow(context)
            t1 = time.perf_counter()
            paint.watch(window.view.viewport(), window.calendar.grid)
            window.show()
            t2 = paint.wait(app, window.view.viewport())
            report(
                "queue first paint (build + show + paint)",
                (t2 - t0) * 1000,
                "ms",
                GOAL_FIRST_PAINT_MS,
                note=f"build {(t1 - t0) * 1000:.0f} ms, {window.model.rowCount()} rows loaded",
            )
            # Let the deferred start-up work finish before timing anything else.
            _settle(app, 0.5)

            for label, range_kind in (
                ("month switch, default range", None),
                ("month switch, queue follows (month range)", main_window_module.MONTH_RANGE),
            ):
                if range_kind:
                    window.set_range(range_kind)
                    _settle(app, 0.3)
                watched = [window.calendar.grid]
                if range_kind:
                    watched.append(window.view.viewport())
                took = []
                for direction in [1] * switches + [-1] * switches:
                    button = window.calendar.next_button if direction > 0 else None
                    button = button or window.calendar.prev_button
                    paint.painted.clear()
                    t0 = time.perf_counter()
                    button.click()
                    took.append(paint.wait(app, *watched) - t0)
                    _settle(app, 0.02)
                report(
                    f"{label} (median)",
                    median(took) * 1000,
                    "ms",
                    GOAL_MONTH_SWITCH_MS,
                    note=f"p95 {percentile(took, 95) * 1000:.1f}, max {max(took) * 1000:.1f} ms, "
                    f"{len(took)} switches",
                )
            window.set_range(main_window_module.UPCOMING)
            _settle(app, 0.3)
            rss_after_ui = rss_mb()[0]

            # Stalls while posts publish through the in-window engine.
            due = datetime.fromtimestamp(int(time.time()) + 4, UTC)
            post_service = PostService(store)
            for i in range(publish):
                post_service.create([lanes[i % len(lanes)]], NewPost(f"Now {i}", at=due))
            published: set[int] = set()
            context.bridge.event.connect(
                lambda event: (
                    published.add(event.post_id) if event.kind is EventKind.PUBLISHED else None
                )
            )
            beats: list[float] = []
            heartbeat = QTimer()
            heartbeat.setTimerType(heartbeat.timerType().PreciseTimer)
            heartbeat.setInterval(HEARTBEAT_MS)
            heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
            profiler = None
            if profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            SPANS.clear()
            heartbeat.start()
            context.engine.start()
            loop = QEventLoop()
            deadline = time.time() + 4 + 60
            finished_at: list[float] = []

            def check() -> None:
                if len(published) >= publish and not finished_at:
                    finished_at.append(time.perf_counter())
                if finished_at and time.perf_counter() - finished_at[0] > 1.0:
                    loop.quit()  # one more second for the window's refreshes
                elif time.time() > deadline:
                    loop.quit()

            checker = QTimer()
            checker.timeout.connect(check)
            checker.start(50)
            loop.exec()
            checker.stop()
            heartbeat.stop()
            if profiler is not None:
                import pstats

                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            due_perf = time.perf_counter() - (time.time() - due.timestamp())
            gaps = sorted(
                ((b - a, a - due_perf) for a, b in zip(beats, beats[1:], strict=False)),
                reverse=True,
            )
            print(
                f"   {len(published)}/{publish} posts published over {len(lanes)} accounts "
                f"({latency * 1000:.0f} ms per answer); {len(beats)} heartbeats"
            )
            worst = gaps[0][0] * 1000 - HEARTBEAT_MS if gaps else float("nan")
            report(
                "longest event-loop stall while publishing",
                worst,
                "ms",
                GOAL_STALL_MS,
                note="worst gaps at "
                + ", ".join(f"{at:+.2f} s: {g * 1000:.0f} ms" for g, at in gaps[:5])
                + " (relative to the due time)",
            )
            for gap, at in gaps[:5]:
                end = due_perf + at + gap
                print(
                    f"   stall {gap * 1000:.0f} ms at {at:+.2f} s: "
                    f"{spans_within(due_perf + at, end)} (ms)"
                )
            busiest: dict[str, list[float]] = {}
            for name, a, b in SPANS:
                busiest.setdefault(name, []).append(b - a)
            print("   GUI-thread time during the burst (calls, total, longest):")
            for name, values in sorted(busiest.items(), key=lambda kv: -sum(kv[1])):
                print(
                    f"     {name:<36} {len(values):4d} {sum(values) * 1000:8.1f} ms "
                    f"{max(values) * 1000:7.1f} ms"
                )
            rss, peak = rss_mb()
            report(
                f"RSS with {posts:,} posts (after the UI work)",
                rss_after_ui,
                "MB",
                GOAL_RSS_MB,
                note=f"process before the window {rss_start:.0f} MB",
            )
            report(
                f"RSS with {posts:,} posts (end)", rss, "MB", GOAL_RSS_MB, note=f"peak {peak:.0f}"
            )
            window.hide()
        finally:
            shutdown(running)
            server.close()


def _settle(app, seconds: float) -> None:  # noqa: ANN001
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the in-process DB")
    parser.add_argument("--starts", type=int, default=7, help="timed starts of each kind")
    parser.add_argument("--start-posts", type=int, default=200, help="posts in the start DB")
    parser.add_argument(
        "--cache",
        choices=("cold", "warm", "both"),
        default="both",
        help="start with the OS file cache emptied (cold, as after a reboot), kept (warm), both",
    )
    parser.add_argument("--publish", type=int, default=50, help="posts published in part 2")
    parser.add_argument("--latency", type=float, default=0.1, help="fake server answer time (s)")
    parser.add_argument("--switches", type=int, default=12, help="month switches each way")
    parser.add_argument("--skip-start", action="store_true", help="skip the start part")
    parser.add_argument("--profile", action="store_true", help="cProfile the publish burst")
    args = parser.parse_args()
    header("window")
    if not args.skip_start:
        caches = ("cold", "warm") if args.cache == "both" else (args.cache,)
        report_starts(caches, args.starts, args.start_posts, args.posts)
    in_process(args.posts, args.publish, args.latency, args.switches, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
