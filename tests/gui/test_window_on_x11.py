"""The README's start on a real X server: the window opens through Qt's X11 platform plugin (not
offscreen), shows, and quits cleanly. So the suite cannot pass while that start aborts, as it did
on a Debian without libxcb-icccm4 and libxcb-keysyms1."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_publisher import APP_NAME
from desktop_publisher.logs import LOG_DIRNAME, LOG_FILENAME
from tests.support.processes import REPO, cli_env
from tests.support.waiting import wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux")

# What the test needs from the system (scripts/install-test-system-deps.sh installs them).
TOOLS = {"Xvfb": "xvfb", "xwininfo": "x11-utils"}


def require_tools() -> None:
    missing = [f"{tool} ({package})" for tool, package in TOOLS.items() if not shutil.which(tool)]
    if not missing:
        return
    reason = f"missing: {', '.join(missing)}; run scripts/install-test-system-deps.sh"
    if os.environ.get("CI"):
        pytest.fail(f"CI must start the real window: {reason}")  # never a silent pass
    pytest.skip(reason)


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb; its display name (":N", a free number Xvfb picks and reports itself)."""
    require_tools()
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            server.kill()
            _, errors = server.communicate()
            pytest.fail(f"Xvfb did not start: {errors.decode(errors='replace')[-2000:]}")
        yield f":{number}"
    finally:
        os.close(read_end)
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if server.stderr:
            server.stderr.close()


def map_state(display: str, title: str) -> str:
    """xwininfo's "Map State" of the window titled `title` ("" while there is none)."""
    done = subprocess.run(
        ["xwininfo", "-display", display, "-name", title],
        capture_output=True,
        text=True,
        timeout=10,
    )
    for line in done.stdout.splitlines():
        if line.strip().startswith("Map State:"):
            return line.split(":", 1)[1].strip()
    return ""


def test_the_window_opens_on_x11_and_quits_cleanly_on_sigterm(x_display: str, data_dir: Path):
    # As the README starts it on an X11 desktop: no QT_QPA_PLATFORM, so Qt picks X11 (xcb) itself.
    env = cli_env()
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        env.pop(name, None)
    env["DISPLAY"] = x_display
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop_publisher", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        try:
            wait_until(
                lambda: app.poll() is not None or map_state(x_display, APP_NAME) == "IsViewable",
                60,
                "the window on the X server",
            )
        except TimeoutError:
            pytest.fail(f"no window after 60 s; map state {map_state(x_display, APP_NAME)!r}")
        assert app.poll() is None, f"exited with {app.returncode}: {app.communicate()[1]}"
        app.send_signal(signal.SIGTERM)
        _, errors = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, errors  # not -6: Qt's abort
    assert "Qt platform plugin" not in errors, errors
    log = (data_dir / LOG_DIRNAME / LOG_FILENAME).read_text(encoding="utf-8")
    assert "asked to stop by a signal" in log
