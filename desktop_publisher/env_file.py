"""The one reader of a .env file (the variables of the earlier publishing service), for the
window's and the command line's "import from environment". No Qt."""

from __future__ import annotations

from pathlib import Path

from desktop_publisher.errors import UserError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

CANNOT_READ = QT_TRANSLATE_NOOP("Error", ".env file: {path} cannot be read ({reason}).")


def read_env_file(path: str | Path) -> dict[str, str]:
    """The file's variables; a variable without a value is left out. A file that cannot be read
    (a folder, no permission) is a user error naming it."""
    from dotenv import dotenv_values  # only needed when importing

    try:
        values = dotenv_values(path)
    except OSError as exc:
        raise UserError.translatable(CANNOT_READ, path=str(path), reason=str(exc)) from None
    return {key: value for key, value in values.items() if value is not None}
