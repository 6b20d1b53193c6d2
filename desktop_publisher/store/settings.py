"""Typed access to the settings declared in config.SETTINGS.

`get()` always reads the database. The engine reads a few settings on every pass and every
publish, so it uses `cached()`: all settings read in one statement and held in memory until
`set()` or `ensure_defaults()` here, or `invalidate()` — which the engine calls when its
data_version watch sees another connection (the CLI, another process) commit.
"""

from __future__ import annotations

import threading
from typing import Any

import peewee

from desktop_publisher.config import SETTINGS, SETTINGS_BY_KEY
from desktop_publisher.errors import UserError
from desktop_publisher.store.models import Setting


class Settings:
    def __init__(self, db: peewee.Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._cache: dict[str, Any] | None = None

    def ensure_defaults(self) -> None:
        with self._db.atomic():
            (
                Setting.insert_many(
                    [(s.key, s.default) for s in SETTINGS], [Setting.key, Setting.value]
                )
                .on_conflict_ignore()
                .execute()
            )
        self.invalidate()

    def get(self, key: str) -> Any:
        spec = SETTINGS_BY_KEY[key]
        row = Setting.get_or_none(Setting.key == key)
        return spec.default if row is None or row.value is None else row.value

    def set(self, key: str, value: Any) -> None:
        spec = SETTINGS_BY_KEY.get(key)
        if spec is None:
            raise UserError(f"Unknown setting {key!r}.")
        # ints are accepted where floats are expected; bools are not numbers here.
        int_for_float = (
            isinstance(spec.default, float)
            and isinstance(value, int)
            and not isinstance(value, bool)
        )
        wrong_type = spec.default is not None and not isinstance(value, type(spec.default))
        if wrong_type and not int_for_float:
            raise UserError(
                f"Setting {key!r} must be a {type(spec.default).__name__}, got {value!r}."
            )
        if spec.minimum is not None and isinstance(value, int | float) and value < spec.minimum:
            raise UserError(f"Setting {key!r} must be at least {spec.minimum}.")
        Setting.insert(key=key, value=value).on_conflict_replace().execute()
        self.invalidate()

    def cached(self, key: str) -> Any:
        """The value as of the last read of the table (see the module docstring)."""
        cache = self._cache
        if cache is None:
            cache = self._load()
        return cache[key]

    def invalidate(self) -> None:
        with self._lock:
            self._cache = None

    def _load(self) -> dict[str, Any]:
        with self._lock:
            if self._cache is None:
                # Same rule as get(): a missing or null row means the default.
                stored = {row.key: row.value for row in Setting.select()}
                self._cache = {
                    s.key: s.default if stored.get(s.key) is None else stored[s.key]
                    for s in SETTINGS
                }
            return self._cache

    def all(self) -> dict[str, Any]:
        stored = {row.key: row.value for row in Setting.select()}
        return {s.key: stored.get(s.key, s.default) for s in SETTINGS}
