"""Where data lives and which settings exist (with their defaults).

Settings are declared once here; the store upserts missing ones at start, so a new setting needs no
migration. Values are JSON in the `setting` table.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_publisher import APP_ID

DATA_DIR_ENV = "DESKTOP_PUBLISHER_DATA_DIR"
DB_FILENAME = "publisher.db"
LOG_DIRNAME = "logs"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else the environment variable, else the per-OS user data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()


def default_data_dir() -> Path:
    """The per-OS user data dir, where posts live unless told otherwise."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` private to the user. An existing folder keeps its mode: `--data-dir ~`
    must not lock down a home folder (the files inside are created 0600 anyway)."""
    if path.is_dir():
        return path
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: object
    label: str
    group: str
    minimum: float | None = None


APP_SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "lateness_window_minutes", 60, "Publish late posts up to (minutes)", "publishing", 0
    ),
    SettingSpec("lookahead_minutes", 30, "Plan posts due within (minutes)", "publishing", 1),
    SettingSpec("due_scan_minutes", 15, "Re-scan for due posts every (minutes)", "publishing", 1),
    SettingSpec("max_attempts", 5, "Attempts before a post fails", "publishing", 1),
    SettingSpec("retry_base_seconds", 60.0, "First retry after (seconds)", "publishing", 0),
    SettingSpec(
        "retry_max_seconds", 1800.0, "Longest wait between retries (seconds)", "publishing", 0
    ),
    SettingSpec(
        "rate_limit_hold_hours", 24, "Hold rate-limited posts for at most (hours)", "publishing", 1
    ),
    SettingSpec(
        "stale_publishing_minutes", 10, "A publish call is stale after (minutes)", "publishing", 1
    ),
    SettingSpec("publish_workers", 16, "Accounts published in parallel", "publishing", 1),
    SettingSpec("retention_days", 90, "Remove finished posts after (days)", "cleanup", 1),
    SettingSpec("token_warning_days", 7, "Warn before a token expires (days)", "accounts", 0),
    SettingSpec("token_lifetime_days", 60, "Default token lifetime (days)", "accounts", 1),
    # (Here come the platforms' own settings, declared by each: see _Settings.)
    SettingSpec("notify_success", True, "Notify when a post is published", "notifications"),
    SettingSpec("notify_failure", True, "Notify when a post fails", "notifications"),
    SettingSpec("close_to_tray", True, "Keep running in the tray when the window closes", "app"),
    SettingSpec("start_minimized", False, "Start minimised to the tray", "app"),
    SettingSpec("start_at_login", False, "Start at login", "app"),
    SettingSpec("language", "", "Language (empty: follow the system)", "app"),
    SettingSpec("tray_missing_answer", "", "What to do on close without a tray", "internal"),
    SettingSpec("last_cleanup_at", None, "Last cleanup (UTC)", "internal"),
    # Written by an engine whose writes failed (a full disk…), to learn when they work again.
    SettingSpec("storage_checked_at", None, "Last write check (UTC)", "internal"),
)

# The platforms' settings go after the accounts' ones.
_PLATFORMS_AFTER = "token_lifetime_days"


def all_settings() -> tuple[SettingSpec, ...]:
    """The app's settings and every platform's global settings (an API version), as the
    platforms declare them (platforms/declaration.py: GlobalSetting). A platform registered
    later (a test's) is included from then on."""
    from desktop_publisher.platforms import registry

    declared = tuple(
        SettingSpec(spec.key, spec.default, spec.label, spec.group)
        for spec in registry.global_settings()
    )
    cut = next(i for i, spec in enumerate(APP_SETTINGS) if spec.key == _PLATFORMS_AFTER) + 1
    return APP_SETTINGS[:cut] + declared + APP_SETTINGS[cut:]


class _Settings(Sequence[SettingSpec]):
    """SETTINGS: all_settings(), looked up again when the registered platforms change."""

    def __init__(self) -> None:
        self._seen = -1
        self._specs: tuple[SettingSpec, ...] = ()
        self.by_key: dict[str, SettingSpec] = {}

    def _current(self) -> tuple[SettingSpec, ...]:
        from desktop_publisher.platforms import registry

        seen = registry.generation()
        if seen != self._seen:
            self._specs = all_settings()
            self.by_key = {spec.key: spec for spec in self._specs}
            self._seen = seen
        return self._specs

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - Sequence's signature
        return self._current()[index]

    def __len__(self) -> int:
        return len(self._current())

    def __iter__(self) -> Iterator[SettingSpec]:
        return iter(self._current())


class _SettingsByKey(Mapping[str, SettingSpec]):
    def __getitem__(self, key: str) -> SettingSpec:
        SETTINGS._current()
        return SETTINGS.by_key[key]

    def __len__(self) -> int:
        return len(SETTINGS)

    def __iter__(self) -> Iterator[str]:
        return (spec.key for spec in SETTINGS)


SETTINGS: Sequence[SettingSpec] = _Settings()
SETTINGS_BY_KEY: Mapping[str, SettingSpec] = _SettingsByKey()
