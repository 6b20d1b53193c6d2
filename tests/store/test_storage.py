"""Storage edge cases, each under the real condition: a tmpfs that fills up, a read-only mount, a
user without permission, another program's lock, a damaged file, a folder where the database
should be, a file where the data folder should be, a closed stdout, a database deleted under a
running engine. What the user reads says what really happened, with the right advice.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_publisher.errors import StoreError
from desktop_publisher.store import connection
from desktop_publisher.store.connection import open_store
from desktop_publisher.store.models import ScheduledPost, Status
from tests.support import mounts
from tests.support.processes import REPO, cli_env, run_cli

PROG = "desktop-publisher"
# Advice that would cost a healthy database its posts.
DANGEROUS = ("move it away", "restore a backup", ".bak", "start afresh")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """Exit 1, no traceback, and one `error:` line (a warning line about the log may precede)."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith(f"{PROG}: error: ")]
    assert len(errors) == 1, done.stderr
    return errors[0]


def make_database(data_dir: Path, posts: int = 1) -> None:
    """A data folder with an account and `posts` scheduled posts, closed cleanly (no -wal)."""
    for n in range(posts):
        if n == 0:
            added = run_cli(
                "--data-dir",
                str(data_dir),
                "account",
                "add",
                "linkedin",
                "--name",
                "Brand A",
                "--author",
                "urn:li:person:abc",
                input="tok-123456",
            )
            assert added.returncode == 0, added.stderr
        done = run_cli(
            "--data-dir",
            str(data_dir),
            "post",
            "add",
            "--account",
            "Brand A",
            "--text",
            f"post {n + 1}",
            "--at",
            "now+30d",
        )
        assert done.returncode == 0, done.stderr


# --- a full disk --------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[mounts.SmallDisk]:
    disk = mounts.SmallDisk(tmp_path / "small", size_kib=1024)
    yield disk
    disk.close()


def test_a_full_disk_is_called_full_never_an_unreadable_database(small_disk):
    data = small_disk.mount_point / "data"
    ran = small_disk.cli("--data-dir", str(data), "status")
    assert ran.returncode == 0, ran.stderr
    small_disk.fill()
    for args in (("status",), ("post", "list"), ("post", "cancel", "1")):
        line = one_error_line(small_disk.cli("--data-dir", str(data), *args))
        assert "is full" in line, line
        assert "free some space" in line, line
        for advice in DANGEROUS:
            assert advice not in line, line
    small_disk.empty()
    again = small_disk.cli("--data-dir", str(data), "status", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["counts"]["scheduled"] == 0


# --- a read-only data folder ----------------------------------------------------------------------
def read_only(data_dir: Path) -> str:
    """Shell for the namespace: the data folder as a read-only bind mount of itself."""
    quoted = str(data_dir).replace("'", "'\\''")
    return f"mount --bind -o ro '{quoted}' '{quoted}'"


def test_read_only_commands_work_on_a_read_only_folder_and_writes_say_why(tmp_path):
    mounts.require_namespaces()
    data = tmp_path / "data"
    make_database(data, posts=2)
    assert not (data / "publisher.db-wal").exists()  # closed cleanly: only the file itself
    before = digest(data / "publisher.db")

    status = mounts.run_in_namespace(read_only(data), "--data-dir", str(data), "status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["counts"]["scheduled"] == 2
    assert any("read-only" in w for w in report["warnings"]), report
    # Logging falls back to the terminal with one warning, and nothing else is said.
    assert status.stderr.splitlines() == [
        line for line in status.stderr.splitlines() if line.startswith("warning: cannot write")
    ]
    assert len(status.stderr.splitlines()) == 1, status.stderr

    listed = mounts.run_in_namespace(
        read_only(data), "--data-dir", str(data), "post", "list", "--json"
    )
    assert listed.returncode == 0, listed.stderr
    assert [p["status"] for p in json.loads(listed.stdout)] == ["scheduled", "scheduled"]
    shown = mounts.run_in_namespace(read_only(data), "--data-dir", str(data), "post", "show", "1")
    assert shown.returncode == 0, shown.stderr
    assert "post 1" in shown.stdout
    accounts = mounts.run_in_namespace(
        read_only(data), "--data-dir", str(data), "account", "list", "--json"
    )
    assert accounts.returncode == 0, accounts.stderr
    assert [a["name"] for a in json.loads(accounts.stdout)] == ["Brand A"]

    for args in (
        ("post", "cancel", "1"),
        ("post", "reschedule", "1", "--at", "now+40d"),
        ("run",),
    ):
        line = one_error_line(
            mounts.run_in_namespace(read_only(data), "--data-dir", str(data), *args)
        )
        assert f"The data folder {data} is read-only" in line, line
        assert "--data-dir" in line and "writable" in line, line
        for advice in DANGEROUS:
            assert advice not in line, line
    assert digest(data / "publisher.db") == before
    assert not (data / "publisher.db-wal").exists()


def test_a_read_only_folder_still_shows_changes_waiting_in_the_wal(store, tmp_path, posts):
    """While another connection has the database open (an engine), its -wal holds the latest
    changes: the read-only open reads them (no immutable shortcut there)."""
    from tests.fakes import fakenet  # noqa: F401

    mounts.require_namespaces()
    data = Path(store.path).parent
    from desktop_publisher.posts import NewPost
    from desktop_publisher.store.models import Account

    account = Account.create(
        name="Brand A", platform="fakenet", settings={"endpoint": "http://127.0.0.1:9"}
    )
    posts.create(
        [account], NewPost(text="only in the wal", at=datetime.now(UTC) + timedelta(days=1))
    )
    assert (data / "publisher.db-wal").stat().st_size > 0
    listed = mounts.run_in_namespace(
        read_only(data), "--data-dir", str(data), "post", "list", "--json"
    )
    assert listed.returncode == 0, listed.stderr
    assert [p["status"] for p in json.loads(listed.stdout)] == ["scheduled"]


# --- permission denied ---------------------------------------------------------------------------
def test_permission_denied_is_said_with_whose_access_to_fix():
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        pytest.skip("needs root to run the command as another user (setpriv)")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed")
    # A folder another user can reach (pytest's own temporary folders are private to root).
    top = Path(tempfile.mkdtemp(prefix="dp-perm-"))
    try:
        top.chmod(0o755)
        data = top / "data"
        make_database(data)
        data.chmod(0o755)  # reachable, but not writable for another user; the file is 0600
        before = digest(data / "publisher.db")
        env = {**cli_env(), "HOME": str(top)}
        for args in (("status",), ("post", "cancel", "1")):
            done = subprocess.run(
                [
                    "setpriv",
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    *mounts.cli_command("--data-dir", str(data), *args),
                ],
                capture_output=True,
                text=True,
                env=env,
                cwd=REPO,
                timeout=60,
            )
            line = one_error_line(done)
            assert "Permission denied" in line and "owner and permissions" in line, line
            for advice in DANGEROUS:
                assert advice not in line, line
        assert digest(data / "publisher.db") == before
    finally:
        shutil.rmtree(top, ignore_errors=True)


# --- another program's lock ---------------------------------------------------------------------
def test_a_lock_held_by_another_program_is_called_locked(
    cli, store, fakenet_account, add_post, monkeypatch
):
    post = add_post(fakenet_account, at=datetime.now(UTC) + timedelta(days=1))
    # How long the CLI waits for the lock, shortened through the documented attribute.
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a write transaction another program keeps open
    other.execute("UPDATE setting SET value = value WHERE key = 'language'")
    try:
        code, out, err = cli("post", "cancel", str(post.id))
        assert code == 1, (out, err)
        assert "locked by another program" in err and "Close that program" in err, err
        for advice in DANGEROUS:
            assert advice not in err, err
        # Readers are not held up by a writer (WAL): status still answers.
        code, out, err = cli("status", "--json")
        assert code == 0, err
        assert json.loads(out)["counts"]["scheduled"] == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ScheduledPost.get_by_id(post.id).status == Status.SCHEDULED


# --- a damaged file, a folder as the database, a file as the data folder -------------------------
def test_a_damaged_database_is_called_damaged_and_pointed_to_the_backups(data_dir):
    make_database(data_dir)
    path = data_dir / "publisher.db"
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(raw))
    before = digest(path)
    line = one_error_line(run_cli("--data-dir", str(data_dir), "status"))
    assert "is damaged" in line and "publisher.db.v*.bak" in line, line
    assert digest(path) == before


def test_a_folder_named_like_the_database_is_one_clear_message(data_dir):
    (data_dir / "publisher.db").mkdir(parents=True)
    line = one_error_line(run_cli("--data-dir", str(data_dir), "status"))
    assert f"{data_dir / 'publisher.db'} is a folder" in line, line
    with pytest.raises(StoreError, match="is a folder"):
        open_store(data_dir)


def test_a_file_as_the_data_folder_is_one_clear_message(tmp_path):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("my notes\n")
    for data in (not_a_folder, not_a_folder / "inside"):
        line = one_error_line(run_cli("--data-dir", str(data), "status"))
        assert "is a file, not a folder" in line, line
    assert not_a_folder.read_text() == "my notes\n"


# --- a closed stdout ----------------------------------------------------------------------------
def test_a_closed_stdout_ends_quietly(data_dir):
    make_database(data_dir, posts=1)
    log = data_dir / "logs" / "desktop-publisher.log"
    log_before = log.read_text() if log.exists() else ""
    for args in (("status",), ("post", "list", "--json")):
        # `status | head -1` where head has gone already: a pipe with no reader.
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run(
                mounts.cli_command("--data-dir", str(data_dir), *args),
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                env=cli_env(),
                cwd=REPO,
                timeout=60,
            )
        finally:
            os.close(write_end)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    log_after = log.read_text() if log.exists() else ""
    assert "Traceback" not in log_after[len(log_before) :]
    assert "unexpected error" not in log_after[len(log_before) :]


def test_status_piped_into_head_prints_its_first_line_only(data_dir):
    make_database(data_dir, posts=1)
    done = subprocess.run(
        [
            "sh",
            "-c",
            f"{' '.join(mounts.cli_command('--data-dir', str(data_dir), 'status'))} | head -1",
        ],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
        timeout=60,
    )
    assert done.stdout.startswith("Engine: ")
    assert len(done.stdout.splitlines()) == 1
    assert "error" not in done.stderr, done.stderr
