"""Parallel across accounts, in order within one account.

Each account has a lane: a heap of due posts and at most one runner in the thread pool. A runner
drains its lane one post at a time, earliest first, so two posts of one brand never race, while
ten brands publish at once.

The runners are daemon threads: stopping never waits for the network. A stop gives the calls in
flight a moment to finish, then ends them (platforms/http.py: abort_calls) and a moment more to
record how they ended; a call still running after that is left to the process's end and found
`publishing` at the next start, which marks it for a check — as after a crash.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime

log = logging.getLogger(__name__)

Work = Callable[[int, bool], object]
# Seconds a stop waits for publish calls to finish by themselves, then to record their end once
# they were ended.
FINISH_GRACE = 2.0
RECORD_GRACE = 1.0


class DaemonPool:
    """A thread pool of daemon threads (concurrent.futures' are joined when the interpreter
    exits, so one blocked on a slow server would hold the process)."""

    def __init__(self, max_workers: int, name: str) -> None:
        self._max = max_workers
        self._name = name
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._closed = False

    def submit(self, fn: Callable[..., object], *args: object) -> None:
        with self._lock:
            if self._closed:
                return
            self._queue.put((fn, args))
            if self._idle == 0:
                self._start_locked()

    def start_threads(self, count: int) -> None:
        """Have `count` threads (at most the pool's size) running before work comes."""
        with self._lock:
            while len(self._threads) < min(count, self._max):
                self._start_locked()

    def _start_locked(self) -> None:
        if len(self._threads) >= self._max:
            return
        thread = threading.Thread(
            target=self._work, name=f"{self._name}_{len(self._threads)}", daemon=True
        )
        self._threads.append(thread)
        thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            item = self._queue.get()
            with self._lock:
                self._idle -= 1
            if item is None:
                return
            fn, args = item
            try:
                fn(*args)
            except Exception:
                log.exception("a publishing worker failed")

    def shutdown(self, timeout: float | None = None) -> bool:
        """No more work; wait up to `timeout` (None: for ever) for the threads. Whether all
        ended."""
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._queue.put(None)
        end = None if timeout is None else time.monotonic() + timeout
        for thread in threads:
            thread.join(None if end is None else max(0.0, end - time.monotonic()))
        return not any(t.is_alive() for t in threads)


class AccountLanes:
    def __init__(self, work: Work, workers: int) -> None:
        self._work = work
        self._workers = workers
        self._warming: threading.Barrier | None = None
        self._pool = DaemonPool(workers, "publish")
        self._lock = threading.Lock()
        self._heaps: dict[int, list[tuple[datetime, int, bool]]] = {}
        self._futures: dict[int, Future] = {}
        self._active: set[int] = set()
        self._in_flight: set[int] = set()
        self._idle = threading.Condition(self._lock)
        self._closed = False

    def submit(
        self, account_id: int, post_id: int, due_at: datetime, manual: bool = False
    ) -> Future:
        """Queue a post on its account's lane. The future resolves with the work's result; a post
        already waiting or running is not queued twice (its existing future is returned)."""
        with self._lock:
            existing = self._futures.get(post_id)
            if existing is not None:
                return existing
            future: Future = Future()
            if self._closed:
                future.cancel()
                return future
            self._futures[post_id] = future
            heapq.heappush(self._heaps.setdefault(account_id, []), (due_at, post_id, manual))
            if account_id not in self._active:
                self._active.add(account_id)
                self._pool.submit(self._drain, account_id)
            return future

    def prestart(self, count: int, warm: Callable[[], object]) -> None:
        """Start `count` workers now, each running `warm` once (it opens the thread's database
        connection), so that posts due at the same second do not wait for threads and
        connections to start. Does not wait for them."""
        count = min(count, self._workers)
        if count <= 0:
            return
        # Each warm-up holds its worker until all have started: an idle worker would take the
        # next warm-up itself and fewer threads would start.
        together = self._warming = threading.Barrier(count)

        def run() -> None:
            try:
                warm()
            except Exception:
                log.exception("a publishing worker could not warm up")
            with contextlib.suppress(threading.BrokenBarrierError):
                together.wait(timeout=2.0)

        self._pool.start_threads(count)
        for _ in range(count):
            self._pool.submit(run)

    def _drain(self, account_id: int) -> None:
        while True:
            with self._lock:
                heap = self._heaps.get(account_id)
                if not heap or self._closed:
                    self._active.discard(account_id)
                    self._heaps.pop(account_id, None)
                    self._idle.notify_all()
                    return
                _, post_id, manual = heapq.heappop(heap)
                self._in_flight.add(post_id)
                future = self._futures[post_id]
            try:
                result = self._work(post_id, manual)
            except Exception as exc:
                log.exception("publishing post %s failed unexpectedly", post_id)
                with self._lock:
                    self._in_flight.discard(post_id)
                    self._futures.pop(post_id, None)
                future.set_exception(exc)
            else:
                with self._lock:
                    self._in_flight.discard(post_id)
                    self._futures.pop(post_id, None)
                future.set_result(result)

    def in_flight(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._in_flight)

    def wait_idle(self, timeout: float | None = None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: not self._active, timeout=timeout)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking posts. With `wait`, give the calls in flight FINISH_GRACE seconds, then end
        them and give their outcome RECORD_GRACE seconds to be written; whatever still runs
        after that is left (see the module's docstring)."""
        from desktop_publisher.platforms.http import abort_calls

        with self._lock:
            self._closed = True
            waiting = [f for pid, f in self._futures.items() if pid not in self._in_flight]
        for future in waiting:
            future.cancel()
        if self._warming is not None:
            self._warming.abort()  # warm-ups still waiting for the others stop waiting
        if not wait:
            self._pool.shutdown(timeout=0)
            return
        if self._pool.shutdown(timeout=FINISH_GRACE):
            return
        ended = abort_calls()
        log.warning("stopping: %d publish call(s) still in flight were ended", ended)
        if not self._pool.shutdown(timeout=RECORD_GRACE):
            left = sorted(self.in_flight())
            log.warning(
                "stopping with post(s) %s still being published: the next start marks them "
                "for a check",
                left,
            )
