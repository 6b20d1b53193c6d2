"""Started by bench_gui.py: times window starts (bench/_gui_child.py) from a lean process.

    python bench/_start_timer.py STARTS cold|warm < RUNS

RUNS has one line per kind of start: the child's mode ("bare", "app", "floor"), the working
directory, then the child's environment as KEY=VALUE fields, all separated by tabs. After one
untimed start of each (bytecode compiled, files cached), every round starts each kind once, in
order; each start prints "<run index> <seconds to first paint> <RSS in MB then>".

Cold: before every timed start the operating system's file cache is emptied, as after a reboot
(the usual meaning of a desktop app's cold start: its libraries, Python modules, fonts and data
come from the disk). As root that is the kernel's whole page cache (/proc/sys/vm/drop_caches);
otherwise each file under the interpreter's prefixes, the checkout, the working directories and
the system fonts is dropped with posix_fadvise(DONTNEED), which leaves shared system libraries
(libc, libstdc++, OpenSSL…) cached; the first line printed says which. Warm: the files stay
cached between starts (a second launch).

This process imports nothing beyond what starting a child needs: a file it has mapped (its own
extension modules, libpython) stays cached for the children, so it must hold none that only the
app would read (the builder's sqlite3, for one).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_gui_child.py")


def drop_page_cache() -> bool:
    """The kernel's whole page cache, when this process may (root)."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("3\n")
    except OSError:
        return False
    return True


def evict_files(roots: list[str]) -> int:
    """Drop the cached pages of every file under `roots`; returns how many files were asked."""
    os.sync()
    count = 0
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                try:
                    fd = os.open(os.path.join(folder, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    count += 1
                finally:
                    os.close(fd)
    return count


def start_once(mode: str, cwd: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the first paint, and the RSS (MB) then."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, CHILD, mode],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    took = time.perf_counter() - started
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    words = line.split()
    if not words or words[0] != "painted":
        raise RuntimeError(f"the {mode} window never reported its first paint")
    return took, float(words[1])


def main() -> int:
    starts, cache = int(sys.argv[1]), sys.argv[2]
    runs = []
    for line in sys.stdin.read().splitlines():
        mode, cwd, *pairs = line.split("\t")
        runs.append((mode, cwd, dict(pair.split("=", 1) for pair in pairs)))
    roots = sorted({sys.prefix, sys.base_prefix, *(cwd for _, cwd, _ in runs), *FONT_DIRS})
    roots.append(os.path.dirname(os.path.dirname(CHILD)))  # the checkout
    for mode, cwd, env in runs:
        start_once(mode, cwd, env)  # untimed: bytecode compiled, caches filled
    if cache == "cold" and drop_page_cache():
        empty, how = drop_page_cache, "the kernel's page cache dropped before each start"
    elif cache == "cold":
        empty, how = lambda: evict_files(roots), "files evicted with fadvise before each start"
    else:
        empty, how = lambda: None, "files cached"
    print(f"# {how}", flush=True)
    for _ in range(starts):
        for index, (mode, cwd, env) in enumerate(runs):
            empty()
            took, rss = start_once(mode, cwd, env)
            print(f"{index} {took:.6f} {rss:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
