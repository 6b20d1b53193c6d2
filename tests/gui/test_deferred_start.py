"""The window's engine is built and started after the window's first paint (DeferredEngine)."""

from __future__ import annotations

import gc
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop_publisher import prefetch
from desktop_publisher.engine.events import EventKind
from desktop_publisher.engine.lock import EngineLock, engine_running
from desktop_publisher.gui.app import (
    DeferredEngine,
    Running,
    _FirstPaint,
    after_first_paint,
    create_context,
)
from desktop_publisher.gui.tray import TrayController
from desktop_publisher.gui.window.main_window import MainWindow
from desktop_publisher.store.models import Status
from tests.gui.conftest import shutdown_context


@pytest.fixture
def deferred_ctx(qapp, data_dir, store, credentials):  # noqa: ANN001, ANN201
    context, lock = create_context(data_dir, store, credentials, defer_engine=True)
    assert lock is None  # the DeferredEngine takes it when it starts
    yield context
    shutdown_context(Running(context, lock))


def test_the_engine_lock_is_taken_when_the_engine_starts_and_freed_when_it_stops(
    deferred_ctx, data_dir
):  # noqa: ANN001
    assert not engine_running(data_dir)
    deferred_ctx.engine.start()
    assert engine_running(data_dir)
    deferred_ctx.engine.stop(wait=True)
    assert not engine_running(data_dir)


def test_after_the_first_paint_the_collector_is_on_and_the_engine_runs(
    qtbot, deferred_ctx, data_dir, monkeypatch
):  # noqa: ANN001
    # Where the lock is taken: it may wait half a second for a command-line probe.
    acquire = EngineLock.acquire
    threads: list[threading.Thread] = []

    def watched(self: EngineLock, owner: str = "engine") -> None:
        threads.append(threading.current_thread())
        acquire(self, owner)

    monkeypatch.setattr(EngineLock, "acquire", watched)
    window = MainWindow(deferred_ctx)
    qtbot.addWidget(window)
    window.close_handler = None
    failures: list[Exception] = []
    gc.disable()  # as `cli.main` leaves it for the window's start
    try:
        after_first_paint(deferred_ctx, window, failures.append)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what the start made is left out of collections
    finally:
        gc.enable()
        gc.unfreeze()  # this process goes on to other tests
    # The engine's modules load on a job thread: the start comes back through the event loop,
    # which keeps turning meanwhile.
    assert not deferred_ctx.engine.started
    qtbot.waitUntil(lambda: deferred_ctx.engine.started, timeout=10_000)
    assert engine_running(data_dir) and failures == []
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_after_the_first_paint_the_start_s_files_are_listed_for_the_next_start(
    qtbot, deferred_ctx, data_dir
):  # noqa: ANN001
    import PySide6.QtCore

    window = MainWindow(deferred_ctx)
    qtbot.addWidget(window)
    window.close_handler = None
    listing = data_dir / prefetch.LISTING
    assert not listing.exists()
    try:
        after_first_paint(deferred_ctx, window, [].append)
    finally:
        gc.unfreeze()  # this process goes on to other tests
    # Written on a job thread; the next `desktop-publisher` reads these ahead (prefetch.start).
    qtbot.waitUntil(listing.is_file, timeout=10_000)
    listed = listing.read_text().splitlines()
    assert PySide6.QtCore.__file__ in listed
    main_window = sys.modules["desktop_publisher.gui.window.main_window"]
    assert {main_window.__cached__, main_window.__file__} & set(listed)


def test_an_engine_that_cannot_start_is_reported(qtbot, deferred_ctx):  # noqa: ANN001
    window = MainWindow(deferred_ctx)
    qtbot.addWidget(window)
    window.close_handler = None

    def broken() -> None:
        raise OSError("no room for the engine")

    deferred_ctx.engine._build = broken
    failures: list[Exception] = []
    try:
        after_first_paint(deferred_ctx, window, failures.append)
    finally:
        gc.unfreeze()  # this process goes on to other tests
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert str(failures[0]) == "no room for the engine"
    assert not deferred_ctx.engine.started


def test_when_another_process_publishes_the_window_says_so_once_it_knows(
    qtbot, deferred_ctx, data_dir
):  # noqa: ANN001
    other = EngineLock(data_dir)  # a headless `run` for the same data dir
    other.acquire(owner="engine")
    try:
        window = MainWindow(deferred_ctx)
        qtbot.addWidget(window)
        tray = TrayController(deferred_ctx, window)
        window.close_handler = None
        assert window.pause_action.isEnabled() and tray.pause_action.isEnabled()

        failures: list[Exception] = []
        try:
            after_first_paint(deferred_ctx, window, failures.append)
        finally:
            gc.unfreeze()  # this process goes on to other tests
        qtbot.waitUntil(lambda: deferred_ctx.engine is None, timeout=10_000)
        assert failures == []
        assert deferred_ctx.engine_owner is not None and "engine, pid" in deferred_ctx.engine_owner
        qtbot.waitUntil(
            lambda: "Published by another process" in window.status_line.text(), timeout=5000
        )
        assert not window.pause_action.isEnabled() and not tray.pause_action.isEnabled()
        tray.icon.hide()
    finally:
        other.release()


def test_before_it_starts_the_window_sees_the_state_it_is_about_to_have(qtbot, deferred_ctx):
    engine = deferred_ctx.engine
    assert isinstance(engine, DeferredEngine) and not engine.started
    states: list[str] = []
    deferred_ctx.bridge.engineStateChanged.connect(states.append)
    window = MainWindow(deferred_ctx)
    qtbot.addWidget(window)
    tray = TrayController(deferred_ctx, window)
    # Closing at teardown must not ask about the tray (a modal question would hang the run),
    # even when an assertion below fails first.
    window.close_handler = None
    assert window.pause_action.isEnabled() and tray.pause_action.isEnabled()
    assert "Publishing on" in window.status_line.text()

    tray.toggle_pause()  # paused before the engine exists: it starts paused
    assert engine.state == "paused" and states == ["paused"]
    assert "paused" in window.status_line.text()
    engine.start()
    assert engine.started and engine.state == "paused" and engine.running
    window.toggle_pause()
    assert engine.state == "running"
    assert "Publishing on" in window.status_line.text()
    tray.icon.hide()


def test_publish_now_starts_the_engine_at_once(qtbot, deferred_ctx, fakenet_account, add_post):  # noqa: ANN001
    # Due tomorrow: a post due now could be claimed by the engine's first due pass before this
    # publish-now (the claim keeps that to one publish; the race is tested with the engine).
    post = add_post(fakenet_account, "now", at=datetime.now(UTC) + timedelta(days=1))
    engine = deferred_ctx.engine
    outcome = engine.publish_now(post.id).result(30)
    assert engine.started
    assert outcome.status == Status.PUBLISHED


def test_stopped_before_starting_never_starts(deferred_ctx):  # noqa: ANN001
    engine = deferred_ctx.engine
    engine.stop(wait=True)
    assert engine.state == "stopped" and not engine.started
    with pytest.raises(RuntimeError):
        engine.start()


class Painted(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        self.painted += 1
        super().paintEvent(event)


def test_the_start_waits_for_the_first_paint(qtbot):  # noqa: ANN001
    window = Painted()
    qtbot.addWidget(window)
    calls: list[bool] = []
    _FirstPaint(window, lambda: calls.append(window.painted > 0))
    window.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls == [True]  # once, and only after the window was painted


def test_the_engine_events_reach_the_window_after_a_deferred_start(qtbot, deferred_ctx):  # noqa: ANN001
    seen: list[str] = []
    deferred_ctx.bridge.event.connect(
        lambda event: seen.append(event.status) if event.kind is EventKind.ENGINE_STATE else None
    )
    deferred_ctx.engine.start()
    assert seen[-1] == "running"
