"""kill -9 of an engine in the middle of a slow request: after a restart, no second request."""

from __future__ import annotations

import os
import signal
import threading

from desktop_publisher.credentials import entry_name
from desktop_publisher.engine.lock import engine_running
from desktop_publisher.store.models import ScheduledPost, Status
from tests.fakes.server import Fault
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until


def test_kill_during_slow_request_then_restart_never_resends(
    store, fakenet_account, data_dir, fake_server
):
    hold = threading.Event()
    fake_server.add_fault(Fault(path="/posts", hold=hold))
    # The other process reads secrets from the file keyring; put the account's secret there.
    from tests.support.keyrings import FileKeyring

    FileKeyring().set_password("desktop-publisher", entry_name(fakenet_account), "tok-123456")
    added = run_cli(
        "post", "add", "--account", "Brand A", "--text", "slow one", "--at", "now", "--json"
    )
    assert added.returncode == 0, added.stderr
    engine = start_cli("run")
    try:
        fake_server.wait_for_requests(1, timeout=30)
        post = ScheduledPost.get()
        assert post.status == Status.PUBLISHING
        os.kill(engine.pid, signal.SIGKILL)
        engine.wait(timeout=10)
    finally:
        hold.set()
        if engine.poll() is None:
            engine.kill()
    wait_until(lambda: not engine_running(data_dir), what="lock released by the dead engine")

    second = start_cli("run")
    try:
        wait_until(
            lambda: ScheduledPost.get_by_id(post.id).status == Status.NEEDS_CHECK,
            timeout=30,
            what="needs_check after restart",
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert second.returncode == 0, second.stderr.read()
    assert len(fake_server.matching("POST", "/posts")) == 1
    assert "stopped while this post was being sent" in ScheduledPost.get_by_id(post.id).last_error
