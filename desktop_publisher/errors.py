"""Errors a user can act on. Their text is shown as-is in the CLI and the window."""


class UserError(Exception):
    """Bad input or a state the user must change; shown as one line, never a traceback."""


class StoreError(UserError):
    """The database cannot be opened or migrated; the file is left untouched."""


class CredentialError(UserError):
    """A secret cannot be read or written."""


class KeyringUnavailable(CredentialError):
    """No usable OS keyring (none installed, locked, or the unlock prompt was dismissed)."""
