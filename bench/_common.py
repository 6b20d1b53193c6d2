"""Shared pieces of the benchmarks: paths, a bulk database builder, timing and reporting.

Benchmarks print figures and never assert: a missed goal is a finding, not a failure.
"""

from __future__ import annotations

import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # The benchmarks import the product and the test support code (fakes, test keyrings).
    sys.path.insert(0, str(REPO))

from desktop_publisher.store.fields import utc_text  # noqa: E402 - the columns' own text
from desktop_publisher.store.models import new_uid  # noqa: E402


@contextmanager
def temp_data_dir(prefix: str) -> Iterator[Path]:
    """A private data dir that is removed afterwards, whatever happens."""
    root = Path(tempfile.mkdtemp(prefix=f"dp-bench-{prefix}-"))
    try:
        yield root / "data"
    finally:
        shutil.rmtree(root, ignore_errors=True)


def use_test_keyring(keyring_file: Path | None = None) -> None:
    """Never the developer's keyring: an in-memory one here, a file one for child processes."""
    import keyring

    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    if keyring_file is not None:
        os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyrings.FileKeyring"
        os.environ["DP_TEST_KEYRING_FILE"] = str(keyring_file)


def child_env(data_dir: Path, keyring_file: Path) -> dict[str, str]:
    """Environment for a product process started by a benchmark (isolated, offscreen)."""
    env = dict(os.environ)
    # An installed app runs from compiled bytecode. This machine sets PYTHONDONTWRITEBYTECODE,
    # which would make every start compile the app's modules again: keep the bytecode in a
    # cache beside the data dir instead (nothing is written into the checkout).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(data_dir.parent / "pycache")
    env.update(
        {
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
            "DESKTOP_PUBLISHER_DATA_DIR": str(data_dir),
            "PYTHON_KEYRING_BACKEND": "tests.support.keyrings.FileKeyring",
            "DP_TEST_KEYRING_FILE": str(keyring_file),
            "DESKTOP_PUBLISHER_LINKEDIN_URL": "http://127.0.0.1:9",
            "DESKTOP_PUBLISHER_GRAPH_URL": "http://127.0.0.1:9",
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return env


def pad_pyside_none_refcount() -> bool:
    """PySide6 6.12.0 drops one reference to None on every call of a void Qt method from Python
    (`widget.update()`, `app.processEvents()`…); on Python 3.11, where None is not immortal, a
    long run then aborts with "none_dealloc". pyproject.toml keeps 6.12.0 out of installs; when
    a benchmark meets it anyway, None gets a large reserve of references so the run completes.
    Returns whether the reserve was added."""
    import ctypes

    import PySide6

    if PySide6.__version__ != "6.12.0" or sys.version_info >= (3, 12):
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True


# --- the bulk builder ---------------------------------------------------------------------------
BULK_ACCOUNTS = (
    ("linkedin", "LinkedIn Brand", {"author": "urn:li:organization:1001"}),
    ("linkedin", "LinkedIn Me", {"author": "urn:li:person:abc"}),
    ("facebook", "Facebook Page", {"page_id": "1001"}),
    ("facebook", "Facebook Shop", {"page_id": "1002"}),
    ("instagram", "Instagram Brand", {"ig_user_id": "1789"}),
    ("wordpress", "Blog", {"site_url": "https://blog.example.org", "username": "editor"}),
)


@dataclass(frozen=True)
class Shape:
    """How the bulk posts spread over time: `past_days` back (all finished) and `future_days`
    ahead (scheduled). The lookahead window right after now holds a few due posts, as in life."""

    past_days: float = 365.0
    future_days: float = 365.0
    # No post falls due in the first `quiet_hours` from now (an idle engine must stay idle).
    quiet_hours: float = 0.0


def build_posts(
    data_dir: Path, count: int, shape: Shape = Shape(), seed: int = 7
) -> dict[str, object]:
    """Open the real store (schema via open_store), then bulk insert `count` posts, each with
    its own content and variant, in one transaction. Returns a summary of what was made."""
    from desktop_publisher.store.connection import open_store

    store = open_store(data_dir)
    path = store.path
    # Cleanup would otherwise run at the first engine start and delete the old finished posts.
    store.settings.set("last_cleanup_at", datetime.now(UTC).isoformat())
    store.close()

    rng = random.Random(seed)
    now = datetime.now(UTC)
    now_s = now.timestamp()
    start_s = now_s - shape.past_days * 86400
    span = (shape.past_days + shape.future_days) * 86400
    stamp = utc_text(now)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("BEGIN IMMEDIATE")
        account_ids = []
        for platform_name, name, settings in BULK_ACCOUNTS:
            cur = conn.execute(
                "INSERT INTO account (name, platform, settings, token_expires_at, created_at, "
                "uid) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    name,
                    platform_name,
                    json.dumps(settings, sort_keys=True),
                    None if platform_name == "wordpress" else utc_text(now + timedelta(days=45)),
                    stamp,
                    new_uid(),
                ),
            )
            account_ids.append((cur.lastrowid, platform_name))
        first_content = (conn.execute("SELECT coalesce(max(id), 0) FROM content").fetchone()[0]) + 1
        first_variant = (
            (conn.execute("SELECT coalesce(max(id), 0) FROM content_variant").fetchone()[0]) + 1
        )
        counts: dict[str, int] = {}
        batch = 50_000
        for offset in range(0, count, batch):
            contents, variants, posts = [], [], []
            for i in range(offset, min(count, offset + batch)):
                at_s = start_s + rng.random() * span
                if now_s <= at_s < now_s + shape.quiet_hours * 3600:
                    at_s += shape.quiet_hours * 3600
                at = datetime.fromtimestamp(at_s, UTC)
                at_text = utc_text(at)
                account_id, platform_name = account_ids[i % len(account_ids)]
                text = f"Post {i}: news from the team #{i % 97} — see https://example.org/{i}"
                content_id = first_content + i
                variant_id = first_variant + i
                contents.append((content_id, "", text, None, "[]", stamp, stamp))
                variants.append((variant_id, content_id, platform_name, text, "[]", "{}", stamp))
                status, extra = _status_for(at_s, now_s, rng, i)
                counts[status] = counts.get(status, 0) + 1
                posts.append(
                    (
                        variant_id,
                        account_id,
                        at_text,
                        at_text,
                        status,
                        extra.get("attempts", 0),
                        extra.get("kind"),
                        extra.get("error"),
                        extra.get("external_id"),
                        extra.get("url"),
                        at_text if status == "published" else None,
                        at_text if status in ("published", "failed", "needs_check") else None,
                        at_text if at_s < now_s else stamp,
                    )
                )
            conn.executemany(
                "INSERT INTO content (id, title, text, link, media, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                contents,
            )
            conn.executemany(
                "INSERT INTO content_variant (id, content_id, platform, text, media, extra, "
                "accepted, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                variants,
            )
            conn.executemany(
                "INSERT INTO scheduled_post (variant_id, account_id, publication_date, due_at, "
                "status, attempts, last_error_kind, last_error, external_id, url, published_at, "
                "claimed_at, checkpoint, created_at, updated_at) "
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{{}}', '{stamp}', ?)",
                posts,
            )
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return {"posts": count, "by_status": counts, "accounts": len(account_ids)}


def _status_for(at_s: float, now_s: float, rng: random.Random, i: int) -> tuple[str, dict]:
    """Past posts are finished (mostly published); future ones are scheduled."""
    if at_s >= now_s:
        return "scheduled", {}
    roll = rng.random()
    if roll < 0.93:
        return "published", {
            "attempts": 1,
            "external_id": f"ext-{i}",
            "url": f"https://example.org/p/{i}",
        }
    if roll < 0.97:
        return "failed", {
            "attempts": 1,
            "kind": "invalid_content",
            "error": "Text: at most 3000 characters (this one has 3120).",
        }
    if roll < 0.999:
        return "cancelled", {}
    return "needs_check", {
        "attempts": 1,
        "kind": "unknown_outcome",
        "error": "The connection broke after the post was sent.",
    }


# --- a slow fake platform in another process ----------------------------------------------------
class SlowServer:
    """A fake platform script in its own process with a fixed answer time: by default
    bench/_slow_server.py (the fakenet endpoint), or `script` (bench/_slow_linkedin.py).

    In another process its threads do not compete for the measured process's interpreter lock,
    as a real platform would not. `records` holds one dict per request line the script prints.
    """

    def __init__(self, latency: float, script: str = "_slow_server.py") -> None:
        import subprocess
        import threading

        self.records: list[dict] = []
        self._lock = threading.Lock()
        self._proc = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name(script)),
                "--latency",
                str(latency),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        first = self._proc.stdout.readline().split()
        if len(first) != 2 or first[0] != "url":
            raise RuntimeError("the slow server did not start")
        self.url = first[1]
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            record = json.loads(line)
            with self._lock:
                self.records.append(record)

    def snapshot(self) -> list[dict]:
        with self._lock:
            return list(self.records)

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except Exception:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=5)


# --- the engine until a burst is published ------------------------------------------------------
class PublishedWatch:
    """An EventBus that notes when each post is recorded published (`published`: post id →
    time.time()), and `wait()` until `count` are."""

    def __init__(self, count: int) -> None:
        import threading

        from desktop_publisher.engine.events import EventBus, EventKind

        self.events = EventBus()
        self.published: dict[int, float] = {}
        self._done = threading.Event()

        def on_event(event) -> None:  # noqa: ANN001
            if event.kind is EventKind.PUBLISHED and event.post_id is not None:
                self.published[event.post_id] = time.time()
                if len(self.published) >= count:
                    self._done.set()

        self.events.subscribe(on_event)

    def wait(self, timeout: float) -> bool:
        return self._done.wait(timeout)


# --- numbers --------------------------------------------------------------------------------------
def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def time_calls(fn, repeat: int, warmup: int = 3) -> list[float]:  # noqa: ANN001
    """Seconds per call, `repeat` times, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """(current RSS, peak RSS) in MB from /proc (Linux)."""
    values = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc/<pid>/stat (Linux)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    # Fields after the command: state is [0]; utime and stime are the 14th and 15th fields of
    # the whole line, i.e. [11] and [12] here.
    return (int(fields[11]) + int(fields[12])) / ticks


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}")


def report(
    name: str,
    value: float,
    unit: str,
    goal: float | None = None,
    *,
    lower_is_better: bool = True,
    note: str = "",
) -> None:
    """One line: the figure, its goal and value/goal (≤ 1 meets a lower-is-better goal)."""
    line = f"   {name:<46} {value:10.3f} {unit:<6}"
    if goal is not None:
        ratio = value / goal if goal else float("inf")
        met = ratio <= 1 if lower_is_better else ratio >= 1
        line += f"  goal {'≤' if lower_is_better else '≥'} {goal:g} {unit:<4} "
        line += f"ratio {ratio:5.2f}  {'met' if met else 'MISSED'}"
    if note:
        line += f"  ({note})"
    print(line, flush=True)
