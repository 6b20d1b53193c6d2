"""Answering the modal dialogs a GUI test opens (the test itself is blocked in their exec())."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def answer_next_modal(
    handle: Callable[[QWidget], None], kind: type[QWidget] = QWidget
) -> list[QWidget]:
    """Call handle(dialog) once a modal dialog of `kind` is open; returns what it saw."""
    seen: list[QWidget] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, poll)
            return
        seen.append(widget)
        handle(widget)

    QTimer.singleShot(0, poll)
    return seen


def click_button(box: QWidget, text: str) -> None:
    """Click the message box's button labelled `text` (its mnemonic's "&" aside)."""
    assert isinstance(box, QMessageBox)
    for button in box.buttons():
        if button.text().replace("&", "") == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")
