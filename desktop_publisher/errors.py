"""Errors a user can act on. Their text is shown as-is in the CLI; the window shows the ones made
with `UserError.translatable` in its own language (gui/problems.py: error_text)."""

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


class StoreError(UserError):
    """The database cannot be opened or migrated; the file is left untouched."""


class CredentialError(UserError):
    """A secret cannot be read or written."""


class KeyringUnavailable(CredentialError):
    """No usable OS keyring (none installed, locked, or the unlock prompt was dismissed)."""
