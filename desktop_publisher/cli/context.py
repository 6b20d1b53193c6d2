"""What a command works with: the data folder, and the store, keyring and services opened from it
on first use (a command that needs none of them opens none)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_publisher import config
from desktop_publisher.cli.output import PROG
from desktop_publisher.errors import UserError


@dataclass
class Context:
    data_dir: Path
    # A command that only reads: it writes nothing, and works on a read-only data folder.
    read_only: bool = False
    _store: Any = None
    _credentials: Any = None

    @property
    def store(self):  # noqa: ANN201
        if self._store is None:
            from desktop_publisher.store.connection import open_store

            self._refuse_a_second_database()
            self._store = open_store(self.data_dir, read_only=self.read_only)
        return self._store

    def _refuse_a_second_database(self) -> None:
        """No new, empty database beside an engine that still has the old one open: its file
        was deleted or moved away while it ran, and the two would drift apart (posts sent twice,
        or never)."""
        if (self.data_dir / config.DB_FILENAME).exists() or not self.data_dir.is_dir():
            return
        from desktop_publisher.engine.lock import describe_owner, held_by_another_process

        if held_by_another_process(self.data_dir):
            raise UserError(
                f"There is no database in {self.data_dir}, but an engine is running for this "
                f"folder{describe_owner(self.data_dir)}: its database file was deleted or moved "
                "away while it ran. Stop that engine (quit the window, or stop "
                f"`{PROG} run`) and start it again; no new database is made while it runs."
            )

    @property
    def credentials(self):  # noqa: ANN201
        if self._credentials is None:
            from desktop_publisher.credentials import CredentialStore

            self._credentials = CredentialStore()
        return self._credentials

    @property
    def accounts(self):  # noqa: ANN201
        from desktop_publisher.accounts import AccountService

        return AccountService(self.store, self.credentials)

    @property
    def posts(self):  # noqa: ANN201
        from desktop_publisher.posts import PostService

        return PostService(self.store)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def engine_running(self) -> bool:
        from desktop_publisher.engine.lock import engine_running

        return engine_running(self.data_dir)
