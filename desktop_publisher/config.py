"""Where data lives and which settings exist (with their defaults).

Settings are declared once here; the store upserts missing ones at start, so a new setting needs no
migration. Values are JSON in the `setting` table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_publisher import APP_ID

DATA_DIR_ENV = "DESKTOP_PUBLISHER_DATA_DIR"
LINKEDIN_URL_ENV = "DESKTOP_PUBLISHER_LINKEDIN_URL"
GRAPH_URL_ENV = "DESKTOP_PUBLISHER_GRAPH_URL"
DEFAULT_LINKEDIN_URL = "https://api.linkedin.com"
DEFAULT_GRAPH_URL = "https://graph.facebook.com"
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


def linkedin_base_url() -> str:
    return os.environ.get(LINKEDIN_URL_ENV, DEFAULT_LINKEDIN_URL).rstrip("/")


def graph_base_url() -> str:
    return os.environ.get(GRAPH_URL_ENV, DEFAULT_GRAPH_URL).rstrip("/")


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: object
    label: str
    group: str
    minimum: float | None = None


SETTINGS: tuple[SettingSpec, ...] = (
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
    # "" follows the calendar (platforms/api_versions.py); a month set by hand is kept.
    SettingSpec("linkedin_version", "", "LinkedIn-Version header (YYYYMM)", "api"),
    # Moved forward by the client when Meta says it served a newer one (platforms/graph.py).
    SettingSpec("graph_version", "v25.0", "Graph API version", "api"),
    SettingSpec("linkedin_version_learned", None, "LinkedIn version that worked", "internal"),
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

SETTINGS_BY_KEY = {spec.key: spec for spec in SETTINGS}
