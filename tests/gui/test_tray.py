"""Tray state, notifications, closing the window with and without a tray, single instance."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop_publisher.engine.events import EngineEvent, EventKind
from desktop_publisher.gui.infra import single_instance
from desktop_publisher.gui.tray import TrayController


class Window(QMainWindow):
    """A stand-in main window honouring the close_handler contract of MainWindow."""

    def __init__(self) -> None:
        super().__init__()
        self.close_handler = None
        self.forwarded = 0

    def bring_forward(self) -> None:
        self.forwarded += 1
        self.show()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.close_handler is not None and self.close_handler(event):
            event.ignore()
            self.hide()
            return
        event.accept()


@pytest.fixture
def window(qtbot):  # noqa: ANN201
    created = Window()
    created.show()
    yield created
    created.close_handler = None  # the test's tray must not ask anything while tearing down
    created.close()
    created.deleteLater()
    QApplication.setQuitOnLastWindowClosed(True)


def test_icon_reflects_failures_and_pause(qtbot, engine_ctx, window):
    tray = TrayController(engine_ctx, window)
    assert tray.state() == "normal"
    engine_ctx.notifier.on_event(
        EngineEvent(EventKind.FAILED, 1, "Brand A", "linkedin", "failed", message="expired")
    )
    engine_ctx.notifier.flush()
    assert tray.state() == "failed"
    assert "attention" in tray.icon.toolTip()
    tray.open_window()  # opening the window dismisses the failures
    assert tray.state() == "normal"
    tray.toggle_pause()
    assert engine_ctx.engine.state == "paused" and tray.state() == "paused"
    assert tray.pause_action.text() == "Resume publishing"
    tray.toggle_pause()
    assert engine_ctx.engine.state == "running"


def test_close_keeps_running_in_the_tray(qtbot, ctx, window, monkeypatch):
    monkeypatch.setattr(TrayController, "available", staticmethod(lambda: True))
    tray = TrayController(ctx, window)
    window.close()
    assert not window.isVisible()
    assert QApplication.quitOnLastWindowClosed() is False
    assert tray.told_still_running
    tray.open_window()
    assert window.isVisible() and window.forwarded == 1


def test_close_without_tray_asks_once(qtbot, ctx, window):
    assert not TrayController.available()  # offscreen has no tray
    TrayController(ctx, window)
    asked = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        keep = next(b for b in box.buttons() if b.text() == "Keep publishing")
        keep.click()

    QTimer.singleShot(0, answer)
    window.close()
    assert len(asked) == 1 and "no system tray" in asked[0]
    assert not window.isVisible()
    assert ctx.store.settings.get("tray_missing_answer") == "background"
    window.show()
    window.close()  # remembered: not asked again
    assert len(asked) == 1 and not window.isVisible()


def test_second_launch_is_forwarded_to_the_first(qtbot, tmp_path):
    name = single_instance.server_name(tmp_path)
    assert not single_instance.forward(name)  # nobody listens yet
    first = single_instance.SingleInstance(name)
    try:
        with qtbot.waitSignal(first.messageReceived, timeout=5000) as signal:
            assert single_instance.forward(name, "show")
        assert signal.args == ["show"]
    finally:
        first.close()
