"""The real app in its own process: one window per data dir, and a clean stop on SIGTERM."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from desktop_publisher.engine.lock import engine_running
from desktop_publisher.gui.infra import single_instance
from desktop_publisher.logs import LOG_DIRNAME, LOG_FILENAME
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _log(data_dir: Path) -> str:
    path = data_dir / LOG_DIRNAME / LOG_FILENAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_second_launch_brings_the_first_forward_and_sigterm_quits_cleanly(qapp, data_dir):
    first = start_cli("--data-dir", str(data_dir), "gui")
    try:
        name = single_instance.server_name(data_dir)
        # Up when it answers on its socket (this first message is logged too).
        wait_until(lambda: single_instance.forward(name, "probe"), 60, "the first window")
        # The socket listens before the store opens: the engine comes up a moment later.
        wait_until(lambda: engine_running(data_dir), 30, "the first window's engine")

        second = run_cli("--data-dir", str(data_dir), "gui", timeout=60)
        assert second.returncode == 0, second.stderr
        wait_until(lambda: "asked for the window (show)" in _log(data_dir), 10, "the hand-over")
        assert first.poll() is None  # the first one goes on

        first.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert "asked to stop by a signal" in _log(data_dir)
    assert not engine_running(data_dir)  # the engine lock went with it
