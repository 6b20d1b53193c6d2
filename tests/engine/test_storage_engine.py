"""The engine and its storage: a database deleted or replaced under it, writes refused by another
program's lock or by a full disk. It says so, never sends a post twice, loses nothing, and
carries on by itself once writes work again.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.accounts import AccountService
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine import storage_watch
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.engine.lock import engine_running
from desktop_publisher.engine.scheduler import Engine
from desktop_publisher.posts import NewPost, PostService
from desktop_publisher.store import connection
from desktop_publisher.store.connection import open_store
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.fakes.server import Fault
from tests.support import mounts
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until


def storage_events(events: EventBus) -> list[EngineEvent]:
    seen: list[EngineEvent] = []
    events.subscribe(lambda e: seen.append(e) if e.kind is EventKind.STORAGE else None)
    return seen


# --- the database deleted or replaced under a running engine --------------------------------------
@pytest.mark.parametrize("victim", ["publisher.db", "publisher.db-wal"])
def test_a_deleted_database_or_wal_stops_publishing_with_a_message(
    engine, store, events, fakenet_account, add_post, fake_server, victim, caplog
):
    seen = storage_events(events)
    running = engine()
    post = add_post(fakenet_account, at=datetime.now(UTC) + timedelta(days=1))
    (store.path.parent / victim).unlink()
    wait_until(lambda: running.state == "paused", what="publishing stopped")
    assert [e.status for e in seen] == ["replaced"]
    assert "deleted or replaced while the engine was running" in seen[0].message
    assert "deleted or replaced while the engine was running" in caplog.text
    # What the engine had is saved beside it: a deleted file's posts are not gone.
    rescued = sorted(store.path.parent.glob("publisher.db.rescued-*"))
    assert len(rescued) == 1
    import sqlite3

    copy = sqlite3.connect(rescued[0])
    assert copy.execute("SELECT id FROM scheduled_post").fetchall() == [(post.id,)]
    copy.close()
    # Nothing brings publishing back but a restart.
    running.resume()
    assert running.state == "paused"
    assert running.due_pass().planned == []
    with pytest.raises(Exception, match="deleted or replaced"):
        running._publish(post.id, manual=True)
    assert fake_server.matching("POST", "/posts") == []


def test_a_replaced_database_stops_publishing(engine, store, events):
    seen = storage_events(events)
    running = engine()
    replacement = store.path.with_name("restored.db")
    replacement.write_bytes(store.path.read_bytes())
    os.replace(replacement, store.path)
    wait_until(lambda: running.state == "paused", what="publishing stopped")
    assert [e.status for e in seen] == ["replaced"]


def test_the_cli_makes_no_new_database_beside_a_running_engine(data_dir):
    assert run_cli("status").returncode == 0  # the database exists
    process = start_cli("run")
    said = mounts.Lines(process.stderr)
    try:
        # Started, with the database open (the lock alone is taken before the database opens).
        wait_until(lambda: "Publishing from" in said.text(), timeout=30, what="engine started")
        assert engine_running(data_dir)
        (data_dir / "publisher.db").unlink()
        wait_until(
            lambda: list(data_dir.glob("publisher.db.rescued-*")),
            timeout=30,
            what="the engine noticed",
        )
        for args in (("status",), ("post", "list")):
            done = run_cli(*args)
            assert done.returncode == 1, done.stdout
            assert "no new database is made while it runs" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
        assert not (data_dir / "publisher.db").exists()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        said.join()
    err = said.text()
    assert "deleted or replaced while the engine was running" in err, err
    assert "Traceback" not in err, err


# --- writes refused by another program's lock: the outcome waits, never sent twice ---------------
@pytest.fixture
def short_lock_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    # How long the engine waits for a lock, shortened through the documented attribute.
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(storage_watch, "STORAGE_RETRY_SECONDS", 0.2)
    opened = open_store(tmp_path / "locked-data")
    yield opened
    opened.close()


def test_an_outcome_that_cannot_be_written_waits_and_is_never_sent_again(
    short_lock_store, fake_server
):
    import sqlite3

    store = short_lock_store
    credentials = CredentialStore()
    account = AccountService(store, credentials).add(
        "fakenet", "Brand A", {"endpoint": fake_server.url}, "tok-123456", None
    )
    events = EventBus()
    seen = storage_events(events)
    hold = threading.Event()
    fake_server.add_fault(Fault(path="/posts", hold=hold))
    post = PostService(store).create([account], NewPost(text="hello", at=datetime.now(UTC)))[0]
    engine = Engine(store, credentials, events)
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        engine.start()
        fake_server.wait_for_requests(1, timeout=30)  # claimed, and on its way
        other.execute("BEGIN IMMEDIATE")  # another program takes the write lock…
        other.execute("UPDATE setting SET value = value WHERE key = 'language'")
        hold.set()  # …as the platform answers: the outcome cannot be written
        wait_until(lambda: [e.status for e in seen] == ["locked"], timeout=30, what="locked")
        assert ScheduledPost.get_by_id(post.id).status == Status.PUBLISHING
        assert engine.storage_problem is not None
        other.execute("ROLLBACK")
        wait_until(
            lambda: ScheduledPost.get_by_id(post.id).status == Status.PUBLISHED,
            timeout=30,
            what="the outcome written",
        )
        wait_until(lambda: engine.storage_problem is None, what="the problem cleared")
        assert [e.status for e in seen] == ["locked", "ok"]
        assert engine.service.pending_outcomes() == frozenset()
        assert len(fake_server.matching("POST", "/posts")) == 1
        attempts = list(PublishAttempt.select().where(PublishAttempt.post == post.id))
        assert [a.outcome for a in attempts] == ["published"]
    finally:
        hold.set()
        other.close()
        engine.stop()


# --- a disk that fills up under a running engine -------------------------------------------------
def test_a_disk_full_under_the_engine_is_reported_and_publishing_carries_on(tmp_path, fake_server):
    disk = mounts.SmallDisk(tmp_path / "small", size_kib=2048)
    data = disk.mount_point / "data"
    engine = None
    try:
        assert disk.cli("--data-dir", str(data), "status").returncode == 0
        # The account as the window would add it (`account add` has no option for fakenet's
        # endpoint), in a process inside the namespace.
        setup = disk.run(
            [
                mounts.cli_command()[0],
                "-c",
                "import sys\n"
                "from pathlib import Path\n"
                "from desktop_publisher.accounts import AccountService\n"
                "from desktop_publisher.credentials import CredentialStore\n"
                "from desktop_publisher.store.connection import open_store\n"
                "from tests.fakes import fakenet\n"
                f"store = open_store(Path({str(data)!r}))\n"
                "AccountService(store, CredentialStore()).add('fakenet', 'Brand A', "
                f"{{'endpoint': {fake_server.url!r}}}, 'tok-123456', None)\n"
                "store.close()\n",
            ]
        )
        assert setup.returncode == 0, setup.stderr
        engine = disk.start_cli("--data-dir", str(data), "run")
        engine_err = mounts.Lines(engine.stderr)
        wait_until(
            lambda: "Publishing from" in engine_err.text() or engine.poll() is not None,
            timeout=30,
            what="the engine started",
        )
        assert engine.poll() is None, engine_err.text()
        added = disk.cli(
            "--data-dir",
            str(data),
            "post",
            "add",
            "--account",
            "Brand A",
            "--text",
            "hi",
            "--at",
            "now+4s",
            "--json",
        )
        assert added.returncode == 0, added.stderr
        post_id = json.loads(added.stdout)[0]["id"]
        disk.fill()
        wait_until(
            lambda: "is full: posts cannot be recorded" in engine_err.text(),
            timeout=30,
            what="the engine reported the full disk",
        )
        status = disk.cli("--data-dir", str(data), "status", "--json")
        assert status.returncode == 0, status.stderr
        report = json.loads(status.stdout)
        assert report["engine_running"] is True
        assert any("is full" in w for w in report["warnings"]), report
        assert fake_server.matching("POST", "/posts") == []  # nothing sent unrecorded

        disk.empty()

        def published() -> bool:
            listed = disk.cli("--data-dir", str(data), "post", "list", "--json")
            assert listed.returncode == 0, listed.stderr
            return [p["status"] for p in json.loads(listed.stdout)] == ["published"]

        wait_until(published, timeout=30, what="published once there was space")
        assert len(fake_server.matching("POST", "/posts")) == 1
        assert "takes changes again" in engine_err.text()
        after = json.loads(disk.cli("--data-dir", str(data), "status", "--json").stdout)
        assert not any("is full" in w for w in after["warnings"]), after
        shown = json.loads(
            disk.cli("--data-dir", str(data), "post", "show", str(post_id), "--json").stdout
        )
        assert shown["attempts"] == 1
    finally:
        if engine is not None:
            engine.send_signal(signal.SIGTERM)
            engine.wait(timeout=30)
        disk.close()
    assert engine.returncode == 0
    text = engine_err.text()
    assert "Traceback" not in text, text
    assert text.count("is full: posts cannot be recorded") == 1, text
