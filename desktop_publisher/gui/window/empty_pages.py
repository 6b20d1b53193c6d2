"""What the centre shows instead of an empty table: a picture, a heading, words and the buttons
that help (no accounts yet, no posts yet, nothing matches the filters)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_publisher.gui.infra import icons


class EmptyState(QWidget):
    """What the centre shows instead of an empty table: words and the buttons that help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []


def empty_page(
    parent: QWidget, title: str, text: str, buttons: list[tuple[str, Callable[[], None]]]
) -> EmptyState:
    page = EmptyState(parent)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    picture = QLabel(page)
    picture.setPixmap(icons.app_icon().pixmap(64, 64))
    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
    heading = QLabel(title, page)
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    heading.setFont(font)
    body = QLabel(text, page)
    body.setWordWrap(True)
    body.setAlignment(Qt.AlignmentFlag.AlignCenter)
    body.setMinimumWidth(min(380, 12 * len(text)))
    body.setMaximumWidth(460)
    row = QHBoxLayout()
    row.addStretch(1)
    for label, slot in buttons:
        button = QPushButton(label, page)
        button.clicked.connect(lambda _checked=False, s=slot: s())
        row.addWidget(button)
        page.buttons.append(button)
    row.addStretch(1)
    if page.buttons:
        page.buttons[0].setDefault(True)
    layout.addWidget(picture)
    layout.addSpacing(8)
    layout.addWidget(heading)
    wrap = QHBoxLayout()
    wrap.addStretch(1)
    wrap.addWidget(body)
    wrap.addStretch(1)
    layout.addLayout(wrap)
    layout.addSpacing(12)
    layout.addLayout(row)
    layout.addStretch(2)
    return page
