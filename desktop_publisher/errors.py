"""Errors a user can act on. Their text is shown as-is in the CLI; the window shows the ones made
with `UserError.translatable` in its own language (gui/problems.py: error_text).

An error about one input names it as a field (`UserError.about`: "text", "at", "account",
"media"), not as the command line's option or the window's label: each front end names the field
its own way (the command line `--text: …`, cli/output.py; the window can point at its widget)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self


class UserError(Exception):
    """Bad input or a state the user must change; shown as one line, never a traceback."""

    # An English template marked for the catalogues under `context` (see translatable.py) and
    # its values; None for a message the window shows as it is.
    rule: str | None = None
    context = "Error"
    values: Mapping[str, object] = {}
    # The input the error is about ("text", "at", …), and what is wrong with it in words that
    # do not name it (the front end puts its own name for the field in front); None for both
    # when the error is about no one input.
    field: str | None = None
    detail: str | None = None

    @classmethod
    def translatable(
        cls, rule: str, message: str | None = None, context: str = "Error", **values: object
    ) -> Self:
        """The error for `rule` filled with `values`. `message`, when given, is the English
        text instead (the command line's wording, e.g. with the action the user named);
        `context` is the catalogue's ("Problem" for a form's rule, see platforms.base)."""
        error = cls(message if message is not None else rule.format(**values))
        error.rule = rule
        error.context = context
        error.values = values
        return error

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
