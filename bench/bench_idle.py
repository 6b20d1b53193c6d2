"""Idle engine: CPU time per hour and memory of a headless `desktop-publisher run`.

The real command runs in its own process on a temp data dir holding `--posts` posts (a year back
and a year ahead, a few due within the lookahead so date jobs are planned) and nothing to send
during the measurement. After it has settled, its CPU time (user + system, /proc/<pid>/stat) and
wake-ups (voluntary context switches of all its threads) are sampled over `--seconds`.

Figures: CPU seconds per hour, extrapolated (goal ≈ 0, taken as ≤ 3.6 s/h = 0.1 % of one core:
no busy polling), wake-ups per second, and RSS at the end (goal ≤ 80 MB headless).

    /tmp/venv/bin/python bench/bench_idle.py --seconds 60
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import _common
from _common import cpu_seconds, header, report, rss_mb, temp_data_dir

GOAL_CPU_S_PER_HOUR = 3.6
GOAL_RSS_MB = 80.0


def wakeups(pid: int) -> int:
    """Voluntary context switches of every thread: each is a sleep that ended (a wake-up)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
        except OSError:
            continue  # the thread ended meanwhile
    return total


def threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def run(seconds: float, posts: int, settle: float) -> None:
    with temp_data_dir("idle") as data_dir:
        # Nothing falls due during the run: a due post would be published (or fail), not idle.
        quiet = _common.Shape(quiet_hours=2 + seconds / 3600)
        summary = _common.build_posts(data_dir, posts, quiet)
        keyring_file = data_dir.parent / "keyring.json"
        env = _common.child_env(data_dir, keyring_file)
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_publisher", "run"],
            env=env,
            cwd=data_dir.parent,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started = threading.Event()
        lines: list[str] = []

        def drain() -> None:
            # Read every console line, so a full pipe never blocks the engine's logging.
            assert proc.stderr is not None
            for line in proc.stderr:
                lines.append(line.rstrip())
                if "Publishing from" in line:
                    started.set()

        threading.Thread(target=drain, daemon=True).start()
        try:
            if not started.wait(timeout=60):
                print("   the engine did not start:", *lines[-5:], sep="\n   ")
                return
            time.sleep(settle)
            cpu0, wake0, t0 = cpu_seconds(proc.pid), wakeups(proc.pid), time.monotonic()
            samples = [(0.0, rss_mb(proc.pid)[0])]
            step = max(1.0, seconds / 20)
            while time.monotonic() - t0 < seconds:
                time.sleep(min(step, max(0.0, seconds - (time.monotonic() - t0))))
                samples.append((time.monotonic() - t0, rss_mb(proc.pid)[0]))
            cpu1, wake1, t1 = cpu_seconds(proc.pid), wakeups(proc.pid), time.monotonic()
            rss, peak = rss_mb(proc.pid)
            thread_count = threads(proc.pid)
        finally:
            stop_started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            stop_took = time.monotonic() - stop_started

    wall = t1 - t0
    print(
        f"-- headless `run` idle for {wall:.0f} s with {summary['posts']:,} posts in the DB, "
        f"{thread_count} threads"
    )
    per_hour = (cpu1 - cpu0) / wall * 3600
    report(
        "CPU time per hour (extrapolated)",
        per_hour,
        "s/h",
        GOAL_CPU_S_PER_HOUR,
        note=f"{cpu1 - cpu0:.2f} s CPU in {wall:.0f} s; {per_hour / 36:.3f} % of one core",
    )
    report("wake-ups per second (all threads)", (wake1 - wake0) / wall, "/s")
    report("RSS at the end", rss, "MB", GOAL_RSS_MB, note=f"peak {peak:.1f} MB")
    first, last = samples[0], samples[-1]
    growth = (last[1] - first[1]) / max(1e-9, last[0] - first[0]) * 3600
    report(
        "RSS growth while idle",
        growth,
        "MB/h",
        note=f"{first[1]:.1f} MB → {last[1]:.1f} MB; samples "
        + " ".join(f"{mb:.1f}" for _, mb in samples[:: max(1, len(samples) // 6)]),
    )
    report("stop on SIGTERM took", stop_took, "s")
    logged = [line for line in lines if "Publishing from" not in line]
    print(f"   console lines while running: {len(logged)}")
    for line in logged[-5:]:
        print(f"     {line[:140]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="measured idle time")
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the database")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds before measuring")
    args = parser.parse_args()
    header("idle engine")
    run(args.seconds, args.posts, args.settle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
