"""Parallel across accounts, in order within one account.

Each account has a lane: a heap of due posts and at most one runner in the thread pool. A runner
drains its lane one post at a time, earliest first, so two posts of one brand never race, while
ten brands publish at once.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime

log = logging.getLogger(__name__)

Work = Callable[[int, bool], object]


class AccountLanes:
    def __init__(self, work: Work, workers: int) -> None:
        self._work = work
        self._workers = workers
        self._warming: threading.Barrier | None = None
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="publish")
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
        with self._lock:
            self._closed = True
            waiting = [f for pid, f in self._futures.items() if pid not in self._in_flight]
        for future in waiting:
            future.cancel()
        if self._warming is not None:
            self._warming.abort()  # warm-ups still waiting for the others stop waiting
        self._pool.shutdown(wait=wait, cancel_futures=True)
