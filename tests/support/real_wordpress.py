"""A real WordPress on 127.0.0.1 for the tests (scripts/wordpress-test-server.sh).

`DP_WORDPRESS_ENV` names the env file of a site already started (scripts/test.sh does that).
Without it, the session starts its own site when this machine has the packages, and stops it
at the end; otherwise the WordPress tests are skipped with the reason.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "wordpress-test-server.sh"


@dataclass(frozen=True)
class WordPressSite:
    url: str
    user: str
    app_password: str
    author_user: str  # an Author: may publish and upload, may not create categories or tags
    author_app_password: str
    contributor_user: str  # may write posts but not publish them
    contributor_app_password: str
    state_dir: Path

    def rest(self, route: str, **params: object) -> object:
        """GET a REST route as the administrator (the tests' view of what the site holds)."""
        response = requests.get(
            f"{self.url}/",
            params={"rest_route": route, **params},
            auth=(self.user, self.app_password),
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def permalinks(self, mode: str) -> None:
        """'plain' (no /wp-json/ routing) or 'pretty' (/%postname%/)."""
        subprocess.run(
            ["bash", str(SCRIPT), "permalinks", mode, str(self.state_dir)],
            check=True,
            capture_output=True,
            timeout=60,
        )

    @contextmanager
    def plain_permalinks(self) -> Iterator[None]:
        self.permalinks("plain")
        try:
            yield
        finally:
            self.permalinks("pretty")


def read_env(path: Path) -> dict[str, str]:
    """The script's env file: KEY='value' lines."""
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if "=" not in line or line.lstrip().startswith("#"):
            continue
        key, _, raw = line.partition("=")
        parts = shlex.split(raw)
        values[key.strip()] = parts[0] if parts else ""
    return values


def site_from_env(path: Path) -> WordPressSite:
    env = read_env(path)
    return WordPressSite(
        url=env["WP_URL"],
        user=env["WP_USER"],
        app_password=env["WP_APP_PASSWORD"],
        author_user=env["WP_AUTHOR_USER"],
        author_app_password=env["WP_AUTHOR_APP_PASSWORD"],
        contributor_user=env["WP_CONTRIBUTOR_USER"],
        contributor_app_password=env["WP_CONTRIBUTOR_APP_PASSWORD"],
        state_dir=path.parent,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unavailable_reason() -> str | None:
    try:
        done = subprocess.run(
            ["bash", str(SCRIPT), "available"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run {SCRIPT.name}: {exc}"
    if done.returncode == 0:
        return None
    return (done.stderr.strip() or "not available") + (
        f" (install with: sudo bash {SCRIPT.relative_to(REPO)} install)"
    )


@pytest.fixture(scope="session")
def wordpress_site() -> Iterator[WordPressSite]:
    given = os.environ.get("DP_WORDPRESS_ENV")
    if given:
        path = Path(given)
        if not path.is_file():
            pytest.fail(f"DP_WORDPRESS_ENV={given} names no file: was the site started?")
        yield site_from_env(path)
        return
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"no real WordPress here: {reason}")
    state = Path(tempfile.mkdtemp(prefix="dp-wordpress-"))
    done = subprocess.run(
        ["bash", str(SCRIPT), "start", str(free_port()), str(state)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(f"WordPress could not be started: {done.stderr.strip()[-2000:]}")
    try:
        yield site_from_env(state / "env")
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(state)], capture_output=True, timeout=120)
        subprocess.run(["rm", "-rf", str(state)], check=False)
