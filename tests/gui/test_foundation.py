"""The bridge delivers engine events on the GUI thread; jobs run off it; notifications group."""

from __future__ import annotations

import threading

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.gui.notifications import Notifier


def test_bridge_delivers_events_on_the_gui_thread(qtbot, ctx):
    gui_thread = threading.current_thread()
    received = []
    ctx.bridge.published.connect(lambda e: received.append((e, threading.current_thread())))
    event = EngineEvent(EventKind.PUBLISHED, 1, "Brand A", "linkedin", "published", url="u")
    worker = threading.Thread(target=ctx.bridge._on_event, args=(event,))
    with qtbot.waitSignal(ctx.bridge.published, timeout=5000):
        worker.start()
    worker.join()
    assert received == [(event, gui_thread)]


def test_bridge_tells_a_status_change_from_any_change(qtbot, ctx):
    """A status event says which post changed (postChanged); only POSTS_CHANGED asks for a full
    read (postsChanged): the window reads the drafts and warnings again only then."""
    seen: list[str] = []
    ctx.bridge.postChanged.connect(lambda post_id, status: seen.append(f"{post_id}:{status}"))
    ctx.bridge.postsChanged.connect(lambda: seen.append("all"))
    ctx.bridge._on_event(EngineEvent(EventKind.PUBLISHED, 7, "Brand A", "linkedin", "published"))
    ctx.bridge._on_event(EngineEvent(EventKind.POSTS_CHANGED))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == ["7:published", "all"]


def test_jobs_run_off_the_gui_thread_and_report_back_on_it(qtbot, ctx):
    gui_thread = threading.current_thread()
    seen = {}

    def work(x: int) -> int:
        seen["worker"] = threading.current_thread()
        return x * 2

    done = []
    ctx.jobs.run(work, 21, on_done=lambda r: done.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: len(done) == 1, timeout=5000)
    assert done == [(42, gui_thread)]
    assert seen["worker"] is not gui_thread

    errors = []

    def boom() -> None:
        raise ValueError("nope")

    ctx.jobs.run(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_notifications_are_grouped(qtbot):
    notifier = Notifier(group_window_ms=50)
    shown = []
    notifier.shown.connect(shown.append)
    for i in range(3):
        notifier.on_event(
            EngineEvent(EventKind.PUBLISHED, i, f"Brand {i}", "linkedin", "published")
        )
    notifier.on_event(
        EngineEvent(EventKind.FAILED, 9, "Brand X", "facebook", "failed", message="Token expired")
    )
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    published, failed = shown
    assert published.kind == "published" and published.post_ids == [0, 1, 2]
    assert "3" in published.title
    assert failed.kind == "failed" and failed.sticky and "Token expired" in failed.message
    assert len(notifier.unresolved) == 1
    notifier.dismiss_all()
    assert notifier.unresolved == []


def test_the_queue_paints_its_rows_area_like_any_table(qtbot):
    """Its viewport is made in Python (start-up cost); it must still be painted with Base."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QTableView

    from desktop_publisher.gui.widgets.queue_view import QueueView

    view = QueueView()
    qtbot.addWidget(view)
    plain = QTableView()
    qtbot.addWidget(plain)
    viewport = view.viewport()
    assert viewport.parent() is view
    assert viewport.backgroundRole() == plain.viewport().backgroundRole() == QPalette.ColorRole.Base
    assert viewport.autoFillBackground() == plain.viewport().autoFillBackground()
