"""Errors a user can act on. Their text is shown as-is in the CLI; the window shows the ones made
with `UserError.translatable` in its own language (gui/problems.py: error_text).

An error about one input names it as a field (`UserError.about`: "text", "at", "account",
"media"), not as the command line's option or the window's label: each front end names the field
its own way (the command line `--text: …`, cli/output.py; the window can point at its widget)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Self

from desktop_publisher.advice import Advice, command_line

if TYPE_CHECKING:
    from desktop_publisher.message import Message


class UserError(Exception):
    """Bad input or a state the user must change; shown as one line, never a traceback."""

    # An English template marked for the catalogues under `context` (see translatable.py) and
    # its values; None for a message the window shows as it is.
    rule: str | None = None
    context = "Error"
    values: Mapping[str, object] = {}
    # What the rule's `{advice}` says the user should do (advice.py): the English text words it
    # for the command line, the window as the place to click; None for a rule without one.
    advice: Advice | None = None
    # The input the error is about ("text", "at", …), and what is wrong with it in words that
    # do not name it (the front end puts its own name for the field in front); None for both
    # when the error is about no one input.
    field: str | None = None
    detail: str | None = None

    @classmethod
    def translatable(
        cls,
        rule: str,
        message: str | None = None,
        context: str = "Error",
        advice: Advice | None = None,
        **values: object,
    ) -> Self:
        """The error for `rule` filled with `values`. `message`, when given, is the English
        text instead (the command line's wording, e.g. with the action the user named);
        `context` is the catalogue's ("Problem" for a form's rule, see platforms.base).
        `advice` fills the rule's `{advice}`: in the English text as the command line says it;
        `values` stay without it (the window words it, see `as_message`)."""
        if message is None:
            words = {**values, "advice": command_line(advice, values)} if advice else values
            message = rule.format(**words)
        error = cls(message)
        error.rule = rule
        error.context = context
        error.values = values
        error.advice = advice
        return error

    def as_message(self) -> Message | None:
        """The error as a message (message.py: rule, values, advice) for a reader that words
        it in its own language; None for an error made from plain text."""
        from desktop_publisher.message import Message  # message.py imports nothing of this

        if self.rule is None:
            return None
        return Message(self.rule, dict(self.values), self.context, self.advice)

    def about(self, field: str, detail: str | None = None) -> Self:
        """This error, marked as about the input `field`; `detail` says what is wrong without
        naming the field (default: the error's text)."""
        self.field = field
        self.detail = str(self) if detail is None else detail
        return self

    def named(self, name: str) -> str:
        """The error's words with the field called `name` ("--text", a form's label); the text as
        it is for an error about no one input."""
        if self.field is None:
            return str(self)
        return f"{name}: {self.detail}"


class StoreError(UserError):
    """The database cannot be opened or migrated; the file is left untouched."""


class CredentialError(UserError):
    """A secret cannot be read or written."""


class KeyringUnavailable(CredentialError):
    """No usable OS keyring (none installed, locked, or the unlock prompt was dismissed)."""
