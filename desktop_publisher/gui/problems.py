"""A validation problem (a post's variant, an account's form) in the UI's language, and the
line under a field that shows it.

The platforms and the account rules write their rules in English, marked for the catalogues
(context "Problem", see translatable.py); here the rule is translated and filled with the
problem's values. A value named "label" is a field's name, translated as the account form's
labels are (context "Platforms").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_publisher.errors import UserError
from desktop_publisher.gui import statuses
from desktop_publisher.platforms.base import Problem
from desktop_publisher.store.models import Status

log = logging.getLogger(__name__)


def platform_tr(text: str) -> str:
    """A platform's own word (a field's label, "access token"…), marked in account_edit.py."""
    return QCoreApplication.translate("Platforms", text)


def problem_text(problem: Problem) -> str:
    rule = QCoreApplication.translate("Problem", problem.rule)
    args = dict(problem.args)
    if isinstance(args.get("label"), str):
        args["label"] = platform_tr(args["label"])
    try:
        return rule.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation that names a value the rule does not have: the English still says it.
        log.warning("the translation of %r does not fit its values", problem.rule)
        return problem.message


def error_text(error: BaseException) -> str:
    """What a person reads for an error: a user error in the UI's language when it was made
    translatable (its English otherwise), anything else as its words."""
    if not isinstance(error, UserError) or error.rule is None:
        return str(error)
    rule = QCoreApplication.translate("Error", error.rule)
    values = dict(error.values)
    if isinstance(values.get("label"), str):  # a platform's word, as in problem_text
        values["label"] = platform_tr(values["label"])
    try:
        return rule.format(**values).strip()
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", error.rule)
        return str(error)


def error_colour(widget: QWidget) -> str:
    colour = statuses.colour(Status.FAILED, widget.palette())
    return colour.name() if colour is not None else "red"


def warning_colour(widget: QWidget) -> str:
    colour = statuses.colour(Status.NEEDS_CHECK, widget.palette())
    return colour.name() if colour is not None else "darkorange"


def set_text_colour(widget: QWidget, colour: str | None) -> None:
    """Colour a label's text (None: the palette's). Qt repolishes a widget on every new style
    sheet, and the editor sets these on every keystroke: an unchanged one is not set again."""
    sheet = f"color: {colour};" if colour else ""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class ProblemLabel(QLabel):
    """The rule a field breaks, in words, right under the field; hidden when there is none.
    `selectable` lets the user copy it (a dialog's answer from a platform, say)."""

    def __init__(self, parent: QWidget | None = None, *, selectable: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_problem(self, text: str) -> None:
        if text:
            self.setText(text)
            set_text_colour(self, error_colour(self))
            self.show()
        else:
            self.clear()
            self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.show_problem("\n".join(messages))
