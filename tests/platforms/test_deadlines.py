"""Every call has a bound: a server that answers one byte at a time, each well within the read
timeout, never holds a publish, its account's other posts, or a stop (platforms/http.py)."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from desktop_publisher.credentials import entry_name
from desktop_publisher.engine.lock import engine_running
from desktop_publisher.platforms.linkedin.publisher import LinkedInPublisher
from desktop_publisher.store.models import ScheduledPost, Status
from tests.fakes.linkedin import TOKEN
from tests.platforms.test_linkedin import AUTHOR, png
from tests.support.keyrings import FileKeyring
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until

POSTS = r"^/rest/posts$"
UPLOADS = r"^/dms-uploads/"
# Long enough for a regression to show (the call would never end), short for a passing run.
OUTCOME_WITHIN = 30.0


@pytest.fixture
def acct(add_account, linkedin):  # noqa: ANN001, ANN201
    return add_account("linkedin", "Brand A", {"author": AUTHOR})


@pytest.fixture
def short_deadline(monkeypatch) -> float:  # noqa: ANN001
    # Each byte comes every 0.25 s: the 1 s read timeout never fires, only the deadline can.
    monkeypatch.setattr(LinkedInPublisher, "timeout", (2.0, 1.0))
    monkeypatch.setattr(LinkedInPublisher, "deadline", 1.5)
    return 1.5


def publish_in_thread(service, post_id: int) -> ScheduledPost:  # noqa: ANN001
    worker = threading.Thread(target=service.publish_post, args=(post_id,), kwargs={"manual": True})
    worker.start()
    worker.join(OUTCOME_WITHIN)
    assert not worker.is_alive(), "the call never ended"
    return ScheduledPost.get_by_id(post_id)


def status_of(post_id: int) -> str:
    return ScheduledPost.get_by_id(post_id).status


def test_a_final_call_answered_byte_by_byte_ends_as_needs_check(
    service, acct, add_post, linkedin, short_deadline
):
    linkedin.drip(POSTS)
    post = publish_in_thread(service, add_post(acct, "Slowly").id)
    assert post.status == Status.NEEDS_CHECK and post.last_error_kind == "unknown_outcome"
    assert "did not finish answering within 2 s after the post was sent" in post.last_error
    assert linkedin.count("POST", POSTS) == 1


def test_any_other_call_answered_byte_by_byte_is_transient(
    service, acct, add_post, linkedin, short_deadline, tmp_path
):
    image = tmp_path / "a.png"
    image.write_bytes(png())
    linkedin.drip(UPLOADS)
    post = publish_in_thread(service, add_post(acct, "With image", media=[str(image)]).id)
    assert post.status == Status.QUEUED and post.last_error_kind == "transient"
    assert "did not finish answering" in post.last_error
    assert linkedin.count("POST", POSTS) == 0


def test_the_accounts_next_post_does_not_wait_behind_it(
    engine, acct, add_post, linkedin, short_deadline
):
    linkedin.drip(POSTS)
    stuck = add_post(acct, "Slowly")
    after = add_post(acct, "Next")
    engine()
    wait_until(lambda: status_of(after.id) == Status.PUBLISHED, OUTCOME_WITHIN, "next published")
    assert status_of(stuck.id) == Status.NEEDS_CHECK
    assert [p.text for p in linkedin.posts] == ["Next"]


def test_stopping_the_engine_does_not_wait_for_the_network(engine, acct, add_post, linkedin):
    """The default deadline (two minutes) is far away: the stop ends the call itself."""
    linkedin.drip(POSTS)
    post = add_post(acct, "Slowly")
    running = engine()
    wait_until(lambda: linkedin.count("POST", POSTS) == 1, OUTCOME_WITHIN, "the call started")
    stopper = threading.Thread(target=running.stop)
    stopper.start()
    stopper.join(OUTCOME_WITHIN)
    assert not stopper.is_alive(), "stop waited for the network"
    # The call was ended by the stop: its post may have gone out, so it waits for a check.
    assert status_of(post.id) == Status.NEEDS_CHECK
    assert "after the post was sent" in ScheduledPost.get_by_id(post.id).last_error


def test_sigterm_ends_run_while_a_call_hangs_and_nothing_is_sent_twice(
    store, acct, linkedin, data_dir: Path
):
    FileKeyring().set_password("desktop-publisher", entry_name(acct), TOKEN)
    linkedin.drip(POSTS)
    added = run_cli("post", "add", "--account", "Brand A", "--text", "hi", "--at", "now", "--json")
    assert added.returncode == 0, added.stderr
    engine = start_cli("run")
    try:
        wait_until(lambda: linkedin.count("POST", POSTS) == 1, OUTCOME_WITHIN, "the call started")
        engine.send_signal(signal.SIGTERM)
        _, err = engine.communicate(timeout=OUTCOME_WITHIN)
    finally:
        if engine.poll() is None:
            engine.kill()
    assert engine.returncode == 0, err
    assert "Traceback" not in err
    assert not engine_running(data_dir)
    post = ScheduledPost.get()
    assert post.status in (Status.NEEDS_CHECK, Status.PUBLISHING)
    # The next start leaves it for the user's check: never sent again by itself.
    second = start_cli("run")
    try:
        wait_until(lambda: status_of(post.id) == Status.NEEDS_CHECK, OUTCOME_WITHIN, "checked")
    finally:
        second.send_signal(signal.SIGTERM)
        second.communicate(timeout=OUTCOME_WITHIN)
    assert linkedin.count("POST", POSTS) == 1
