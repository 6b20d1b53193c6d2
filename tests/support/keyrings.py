"""Keyring backends for tests only: never the developer's real keyring.

MemoryKeyring for in-process tests; FileKeyring (a JSON file named by DP_TEST_KEYRING_FILE) for
tests that start the CLI in another process, which cannot share memory with the test.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}
        self.calls = 0
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            self.calls += 1
            return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self.calls += 1
            self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            self.calls += 1
            if self.values.pop((service, username), None) is None:
                raise PasswordDeleteError("not found")


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["DP_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self.path.write_text(json.dumps(data))
