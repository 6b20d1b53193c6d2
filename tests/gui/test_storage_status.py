"""The window's status line and the tray say when the engine cannot write its database, in the
UI's language, and stop saying it once writes work again."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.gui.text import i18n
from desktop_publisher.gui.tray import TrayController
from desktop_publisher.gui.window.main_window import MainWindow


def build(qtbot, ctx) -> tuple[MainWindow, TrayController]:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    tray = TrayController(ctx, window)
    return window, tray


def test_a_deleted_database_shows_in_the_status_line_and_tray_in_polish(
    qtbot, qapp, engine_ctx, store
):
    i18n.install(qapp, "pl")
    try:
        window, tray = build(qtbot, engine_ctx)
        store.path.unlink()  # under the running engine, for real
        polish = "Plik bazy danych został usunięty lub podmieniony"
        qtbot.waitUntil(lambda: polish in window.status_line.text(), timeout=5000)
        assert polish in tray.icon.toolTip()
        assert engine_ctx.engine.state == "paused"
    finally:
        window.close_handler = None  # type: ignore[attr-defined]
        i18n.uninstall(qapp)
        QApplication.setQuitOnLastWindowClosed(True)


def test_a_full_disk_is_shown_until_writes_work_again(qtbot, engine_ctx):
    window, tray = build(qtbot, engine_ctx)
    events = engine_ctx.engine.events
    events.emit(EngineEvent(EventKind.STORAGE, status="disk_full", message="full"))
    qtbot.waitUntil(lambda: "The disk is full" in window.status_line.text(), timeout=3000)
    assert tray.state() == "storage"
    assert "The disk is full" in tray.icon.toolTip()
    events.emit(EngineEvent(EventKind.STORAGE, status="ok"))
    qtbot.waitUntil(lambda: "The disk is full" not in window.status_line.text(), timeout=3000)
    assert "Publishing on" in window.status_line.text()
    assert tray.state() == "normal"
    window.close_handler = None  # type: ignore[attr-defined]
    QApplication.setQuitOnLastWindowClosed(True)
