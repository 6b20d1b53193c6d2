"""How each post status looks: its words, its icon, and a colour that reads on the current palette.

Colour is never the only cue (every status has an icon and words); the colours come in a light and
a dark variant, picked from the palette's window lightness, so they keep their contrast in both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPalette

from desktop_publisher.gui.infra import icons
from desktop_publisher.lifecycle import DRAFT, Action, Status, accepted
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# The order statuses are listed in (status line, calendar tooltips, filter menu).
ORDER: tuple[str, ...] = tuple(Status)
# What needs the user ("Needs attention"): the posts only the user's retry (or cancel) moves on.
PROBLEMS: frozenset[str] = frozenset(accepted(Action.RETRY))

# (on a light window, on a dark window); None = the palette's own text colour.
_COLOURS: dict[str, tuple[str, str] | None] = {
    Status.SCHEDULED: None,
    Status.QUEUED: ("#1a5fb4", "#8cb8f0"),
    Status.PUBLISHING: ("#1a5fb4", "#8cb8f0"),
    Status.PUBLISHED: ("#1b7a36", "#7fd494"),
    Status.FAILED: ("#c01c28", "#ff8a80"),
    Status.NEEDS_CHECK: ("#8a5a00", "#f6c445"),
    Status.CANCELLED: ("#6e737a", "#9a9ea5"),
    DRAFT: None,
}


# Marked for the translation tool, translated when shown (one lookup per cell painted).
_LABELS = {
    Status.SCHEDULED: QT_TRANSLATE_NOOP("Status", "Scheduled"),
    Status.QUEUED: QT_TRANSLATE_NOOP("Status", "Queued"),
    Status.PUBLISHING: QT_TRANSLATE_NOOP("Status", "Publishing…"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("Status", "Published"),
    Status.FAILED: QT_TRANSLATE_NOOP("Status", "Failed"),
    Status.NEEDS_CHECK: QT_TRANSLATE_NOOP("Status", "Needs check"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Status", "Cancelled"),
    DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
}


def label(status: str) -> str:
    """The status in words, as the user reads it."""
    text = _LABELS.get(status)
    return QCoreApplication.translate("Status", text) if text is not None else status


def counted(status: str, n: int) -> str:
    """'3 scheduled', '1 failed' — for the status line and calendar tooltips."""
    text = {
        Status.SCHEDULED: QCoreApplication.translate("Status", "%Ln scheduled", "", n),
        Status.QUEUED: QCoreApplication.translate("Status", "%Ln queued", "", n),
        Status.PUBLISHING: QCoreApplication.translate("Status", "%Ln publishing", "", n),
        Status.PUBLISHED: QCoreApplication.translate("Status", "%Ln published", "", n),
        Status.FAILED: QCoreApplication.translate("Status", "%Ln failed", "", n),
        Status.NEEDS_CHECK: QCoreApplication.translate("Status", "%Ln to check", "", n),
        Status.CANCELLED: QCoreApplication.translate("Status", "%Ln cancelled", "", n),
        DRAFT: QCoreApplication.translate("Status", "%Ln draft(s)", "", n),
    }.get(status)
    return text if text is not None else f"{n} {status}"


def icon(status: str) -> QIcon:
    return icons.status_icon(status)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colour(status: str, palette: QPalette) -> QColor | None:
    """The status's text colour on this palette, or None for the palette's normal text."""
    pair = _COLOURS.get(status)
    if pair is None:
        return None
    return QColor(pair[1] if is_dark(palette) else pair[0])
