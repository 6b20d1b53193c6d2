"""Starting the CLI in another process with the test's data dir and file keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(
    *args: str, input: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:  # noqa: A002
    return subprocess.run(
        [sys.executable, "-m", "tests.support.cli_entry", *args],
        input=input,
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
        timeout=timeout,
    )


def run_python(code: str) -> str:
    """Run `code` in a fresh interpreter (nothing imported yet, one thread); its output.
    Fails the test with the error output when it does not exit 0."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def start_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.cli_entry", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=REPO,
    )
