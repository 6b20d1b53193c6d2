"""A validation problem (a post's variant, an account's form) or a user error in the UI's
language, and the line under a field that shows a problem.

The platforms and the account rules write their rules in English, marked for the catalogues
(context "Problem", see translatable.py), as do the user errors the window can meet (context
"Error", errors.py); here the rule is translated and filled with its values. A value named
"label" is a field's name, translated as the account form's labels are (context "Platforms").
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_publisher.advice import Advice
from desktop_publisher.errors import UserError
from desktop_publisher.gui.text import statuses
from desktop_publisher.message import Message, stored_detail
from desktop_publisher.platforms.base import Problem
from desktop_publisher.store.models import Status
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


def platform_tr(text: str) -> str:
    """A platform's own word (a field's label, "access token"…), marked in account_edit.py."""
    return QCoreApplication.translate("Platforms", text)


def _translated_rule(tr_context: str, rule: str, values: Mapping[str, object], english: str) -> str:
    """`rule` (a {name} template) translated in `tr_context` and filled with `values`."""
    translated = QCoreApplication.translate(tr_context, rule)
    values = dict(values)
    if isinstance(values.get("label"), str):
        values["label"] = platform_tr(values["label"])
    try:
        # (A value left empty, e.g. a published post's missing link, leaves no trailing space.)
        return translated.format(**values).strip()
    except (KeyError, IndexError, ValueError):
        # A translation that names a value the rule does not have: the English still says it.
        log.warning("the translation of %r does not fit its values", rule)
        return english


# Where the window sends the user for each advice (advice.py): the place to click, never a
# command. Filled with the message's values ({account}).
_ADVICE = {
    Advice.RECONNECT: QT_TRANSLATE_NOOP(
        "Advice", "open Accounts, choose Edit… for account {account} and paste a new token"
    ),
    Advice.REPLACE_TOKEN: QT_TRANSLATE_NOOP(
        "Advice", "a wrong token is replaced in Accounts: Edit… for account {account}"
    ),
    Advice.SET_AUTHOR: QT_TRANSLATE_NOOP(
        "Advice", "enter the author in the account's settings (Accounts → Edit…)"
    ),
    Advice.ADD_MEDIA_HOST: QT_TRANSLATE_NOOP(
        "Advice", "add a WordPress account that hosts images (Accounts → Add account)"
    ),
    Advice.GIVE_AUTHOR: QT_TRANSLATE_NOOP(
        "Advice", "enter the author in the account's settings (Accounts → Edit…)"
    ),
    Advice.ENTER_SECRET_AGAIN: QT_TRANSLATE_NOOP(
        "Advice", "open Accounts, choose Edit… for account {account} and enter it again"
    ),
}


def advice_text(advice: Advice, values: Mapping[str, object]) -> str:
    """What the window tells the user to do for `advice`, in the UI's language."""
    rule = _ADVICE[advice]
    return _filled(QCoreApplication.translate("Advice", rule), rule, values)


def message_text(message: Message) -> str:
    """A message (message.py) in the UI's language: its rule translated in its context, its
    values filled (a value that is a message worded the same way), its advice said as where to
    click. A translation that does not fit its values falls back to the English rule."""
    return _worded(message).strip()


def _worded(message: Message) -> str:
    values: dict[str, object] = {
        key: _worded(value) if isinstance(value, Message) else value
        for key, value in message.values.items()
    }
    if isinstance(values.get("label"), str):
        values["label"] = platform_tr(values["label"])
    if message.advice is not None:
        values["advice"] = advice_text(message.advice, values)
    translated = QCoreApplication.translate(message.context, message.rule)
    return _filled(translated, message.rule, values)


def _filled(translated: str, rule: str, values: Mapping[str, object]) -> str:
    """`translated` filled with `values`; the English `rule` when the translation names a value
    the rule does not have (no surrounding space is stripped: a nested part may start with one)."""
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its values", rule)
        try:
            return rule.format(**values)
        except (KeyError, IndexError, ValueError):
            return rule


def stored_text(data: object, english: str | None) -> str:
    """A stored failure (its English and the detail stored beside it, message.stored_detail) in
    the UI's language; its English when there is no detail, or a stale one."""
    message = stored_detail(data, english)
    return message_text(message) if message is not None else english or ""


def problem_text(problem: Problem) -> str:
    return _translated_rule("Problem", problem.rule, problem.args, problem.message)


def error_text(error: BaseException) -> str:
    """What a person reads for an error: a user error in the UI's language when it was made
    translatable (its English otherwise), anything else as its words."""
    if not isinstance(error, UserError) or error.rule is None:
        return str(error)
    if error.advice is not None:
        # Its English names a command; the window says where to click instead.
        message = error.as_message()
        if message is not None:
            return message_text(message)
    return _translated_rule(error.context, error.rule, error.values, str(error))


# What the status line and the tray say while the engine cannot write to its database, by
# storage_errors.Trouble value.
_STORAGE = {
    "disk_full": QT_TRANSLATE_NOOP(
        "Storage", "The disk is full: nothing is published until there is space again"
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "Storage", "The data folder is read-only: nothing is published until it is writable"
    ),
    "permission": QT_TRANSLATE_NOOP(
        "Storage", "The data folder cannot be written (permission denied): nothing is published"
    ),
    "locked": QT_TRANSLATE_NOOP(
        "Storage", "Another program locks the database: publishing waits for it"
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "Storage", "The database is damaged: nothing is published (see the log)"
    ),
    "disk_error": QT_TRANSLATE_NOOP(
        "Storage", "The disk reports errors: nothing is published until it works again"
    ),
    "replaced": QT_TRANSLATE_NOOP(
        "Storage",
        "The database file was deleted or replaced: publishing stopped. Quit Desktop Publisher "
        "and start it again",
    ),
}


def storage_text(trouble: str) -> str:
    """The engine's storage trouble in the UI's language ("" for none)."""
    if not trouble:
        return ""
    rule = _STORAGE.get(trouble, _STORAGE["disk_error"])
    return QCoreApplication.translate("Storage", rule)


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
