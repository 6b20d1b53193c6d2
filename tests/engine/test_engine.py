"""The running engine: timing, retries, failures, lateness, change and wake detection."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from desktop_publisher.engine.events import EventKind
from desktop_publisher.engine.scheduler import Engine
from desktop_publisher.errors import UserError
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.fakes.server import Fault, Response
from tests.support.clock import FakeClock
from tests.support.processes import run_cli
from tests.support.waiting import wait_until


def status_of(post_id: int) -> str:
    return ScheduledPost.get_by_id(post_id).status


def test_post_is_published_at_its_time(engine, fakenet_account, add_post, fake_server, events):
    seen = []
    events.subscribe(seen.append)
    due = datetime.now(UTC) + timedelta(seconds=1.5)
    post = add_post(fakenet_account, "On the dot", at=due)
    engine()
    request = fake_server.wait_for_requests(1, timeout=15)[0]
    arrived = datetime.fromtimestamp(request.received_at, UTC)
    assert arrived >= due - timedelta(milliseconds=50), "sent before its time"
    assert arrived - due < timedelta(seconds=5), "sent late"
    wait_until(lambda: status_of(post.id) == Status.PUBLISHED, what="published")
    row = ScheduledPost.get_by_id(post.id)
    assert row.url and row.external_id == "fn-1"
    wait_until(
        lambda: any(e.kind is EventKind.PUBLISHED and e.post_id == post.id for e in seen),
        what="published event",
    )


def test_transient_error_retries_with_backoff_and_publishes_once(
    store, engine, fakenet_account, add_post, fake_server
):
    store.settings.set("retry_base_seconds", 0.3)
    fake_server.add_fault(
        Fault(path="/posts", response=Response(503, {"message": "busy"}), count=2)
    )
    post = add_post(fakenet_account, "Try again")
    engine()
    wait_until(lambda: status_of(post.id) == Status.PUBLISHED, timeout=20, what="published")
    requests = fake_server.matching("POST", "/posts")
    assert len(requests) == 3
    gaps = [b.received_at - a.received_at for a, b in zip(requests, requests[1:], strict=False)]
    assert gaps[0] >= 0.3 * 0.8 - 0.05 and gaps[1] >= 0.6 * 0.8 - 0.05, gaps  # backoff grows
    outcomes = [a.outcome for a in PublishAttempt.select().order_by(PublishAttempt.number)]
    assert outcomes == ["transient", "transient", "published"]


def test_transient_errors_exhaust_attempts(store, service, fakenet_account, add_post, fake_server):
    store.settings.set("max_attempts", 2)
    fake_server.add_fault(
        Fault(path="/posts", response=Response(503, {"message": "busy"}), count=5)
    )
    post = add_post(fakenet_account, "No luck")
    first = service.publish_post(post.id, manual=True)
    assert first.status == Status.QUEUED and first.retry_at is not None
    second = service.publish_post(post.id, manual=True)
    assert second.status == Status.FAILED
    row = ScheduledPost.get_by_id(post.id)
    assert row.last_error_kind == "retries_exhausted"
    assert "Gave up after 2 attempts" in row.last_error
    assert len(fake_server.requests) == 2


def test_auth_error_fails_after_one_request(service, fakenet_account, add_post, fake_server):
    fake_server.add_fault(Fault(path="/posts", response=Response(401, {"message": "expired"})))
    post = add_post(fakenet_account)
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.FAILED
    row = ScheduledPost.get_by_id(post.id)
    assert row.last_error_kind == "auth"
    assert len(fake_server.requests) == 1


def test_dropped_connection_after_request_needs_check_and_is_never_resent(
    engine, fakenet_account, add_post, fake_server
):
    fake_server.add_fault(Fault(path="/posts", drop=True))
    post = add_post(fakenet_account)
    running = engine()
    wait_until(lambda: status_of(post.id) == Status.NEEDS_CHECK, what="needs_check")
    running.due_pass()
    running.monitor()
    running.wait_idle(5)
    assert len(fake_server.requests) == 1
    row = ScheduledPost.get_by_id(post.id)
    assert row.last_error_kind == "unknown_outcome"
    assert "may or may not" in row.last_error


def test_connection_refused_is_transient(store, service, add_account, add_post):
    account = add_account("fakenet", "Offline", {"endpoint": "http://127.0.0.1:9"})
    post = add_post(account)
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.QUEUED
    assert ScheduledPost.get_by_id(post.id).last_error_kind == "transient"


def test_overdue_within_window_is_published_beyond_is_missed(
    store, engine, fakenet_account, add_post, fake_server, events
):
    seen = []
    events.subscribe(seen.append)
    recent = add_post(fakenet_account, "recent")
    old = add_post(fakenet_account, "old")
    now = datetime.now(UTC)
    # As if the app had been closed: one post due 30 min ago, one 3 hours ago.
    ScheduledPost.update(
        due_at=now - timedelta(minutes=30), publication_date=now - timedelta(minutes=30)
    ).where(ScheduledPost.id == recent.id).execute()
    ScheduledPost.update(
        due_at=now - timedelta(hours=3), publication_date=now - timedelta(hours=3)
    ).where(ScheduledPost.id == old.id).execute()
    engine()
    wait_until(lambda: status_of(recent.id) == Status.PUBLISHED, what="recent published")
    row = ScheduledPost.get_by_id(old.id)
    assert row.status == Status.FAILED and row.last_error_kind == "missed"
    assert "more than 60 min late" in row.last_error
    assert [r.json()["text"] for r in fake_server.requests] == ["recent"]
    assert any(e.kind is EventKind.MISSED and e.post_id == old.id for e in seen)


def test_change_from_another_process_is_planned(engine, fakenet_account, fake_server, data_dir):
    running = engine()
    passes_before = running.due_passes
    result = run_cli(
        "post", "add", "--account", "Brand A", "--text", "from the CLI", "--at", "now+3s", "--json"
    )
    assert result.returncode == 0, result.stderr
    request = fake_server.wait_for_requests(1, timeout=20)[0]
    assert request.json()["text"] == "from the CLI"
    assert running.due_passes > passes_before


def test_wake_up_triggers_a_due_check(
    store, credentials, events, fakenet_account, add_post, fake_server
):
    clock = FakeClock()
    seen = []
    events.subscribe(seen.append)
    post = add_post(fakenet_account, "due later", at=datetime.now(UTC) + timedelta(minutes=45))
    running = Engine(store, credentials, events, clock=clock)
    running.start()
    try:
        wait_until(lambda: running.due_passes >= 1, what="first due pass")
        assert status_of(post.id) == Status.SCHEDULED
        clock.advance(hours=2)  # the lid was shut for two hours
        wait_until(lambda: running.wakeups >= 1, what="wake detected")
        wait_until(lambda: status_of(post.id) == Status.FAILED, what="missed after wake")
    finally:
        running.stop()
    assert ScheduledPost.get_by_id(post.id).last_error_kind == "missed"
    assert any(e.kind is EventKind.WOKE_UP for e in seen)
    assert fake_server.requests == []


def test_parallel_across_accounts_in_order_within_one(engine, add_account, add_post, fake_server):
    from threading import Event

    a = add_account("fakenet", "A", {"endpoint": fake_server.url})
    b = add_account("fakenet", "B", {"endpoint": fake_server.url})
    hold = Event()
    # The first request (whichever account) is held: the other account must still go through.
    fault = fake_server.add_fault(Fault(path="/posts", hold=hold))
    base = datetime.now(UTC) + timedelta(seconds=1)
    a1 = add_post(a, "a1", at=base)
    a2 = add_post(a, "a2", at=base)
    b1 = add_post(b, "b1", at=base)
    engine()
    try:
        wait_until(lambda: len(fake_server.requests) >= 2, timeout=15, what="two in parallel")
        texts = [r.json()["text"] for r in fake_server.requests]
        held = texts[0]
        assert held != texts[1]
        assert {held, texts[1]} & {"b1"}, "the other account was blocked"
    finally:
        hold.set()
    wait_until(
        lambda: all(status_of(p.id) == Status.PUBLISHED for p in (a1, a2, b1)), what="all published"
    )
    texts = [r.json()["text"] for r in fake_server.requests]
    assert texts.index("a1") < texts.index("a2")
    assert fault.count == 0


def test_restart_turns_leftover_publishing_into_needs_check(
    store, credentials, events, fakenet_account, add_post, fake_server
):
    post = add_post(fakenet_account, at=datetime.now(UTC) + timedelta(hours=1))
    ScheduledPost.update(status=Status.PUBLISHING, claimed_at=datetime.now(UTC)).where(
        ScheduledPost.id == post.id
    ).execute()
    running = Engine(store, credentials, events)
    running.start()
    running.stop()
    row = ScheduledPost.get_by_id(post.id)
    assert row.status == Status.NEEDS_CHECK
    assert "stopped while this post was being sent" in row.last_error
    assert fake_server.requests == []


def test_pause_holds_posts_and_resume_publishes(engine, fakenet_account, add_post, fake_server):
    running = engine()
    running.pause()
    assert running.state == "paused"
    post = add_post(fakenet_account, "paused", at=datetime.now(UTC) + timedelta(seconds=1))
    running.notify_changed()
    wait_until(lambda: status_of(post.id) == Status.QUEUED, what="queued while paused")
    running.due_pass()
    running.wait_idle(5)
    assert fake_server.requests == []
    running.resume()
    wait_until(lambda: status_of(post.id) == Status.PUBLISHED, timeout=15, what="published")


def test_publish_now_resolves_with_the_outcome(engine, fakenet_account, add_post, fake_server):
    running = engine()
    post = add_post(fakenet_account, "now!", at=datetime.now(UTC) + timedelta(days=1))
    # Hold the platform's answer so the second click lands while the first call is in flight.
    hold = threading.Event()
    fake_server.add_fault(Fault(path="/posts", hold=hold))
    try:
        future = running.publish_now(post.id)
        fake_server.wait_for_requests(1)
        assert status_of(post.id) == Status.PUBLISHING
        with pytest.raises(UserError, match="is being published right now"):
            running.publish_now(post.id)
    finally:
        hold.set()
    outcome = future.result(timeout=10)
    assert outcome.status == Status.PUBLISHED
    assert status_of(post.id) == Status.PUBLISHED
    with pytest.raises(UserError, match="is published"):
        running.publish_now(post.id)
    assert len(fake_server.requests) == 1


def test_rescheduled_post_is_not_sent_by_its_old_job(
    store, service, fakenet_account, add_post, posts, fake_server
):
    post = add_post(fakenet_account, "moved")
    posts.reschedule(post.id, datetime.now(UTC) + timedelta(hours=2))
    outcome = service.publish_post(post.id)  # what the old date job would do
    assert not outcome.claimed
    assert fake_server.requests == []


# --- the right secret for the right account, while the engine runs ------------------------------
def bearer_of_last_post(fake_server) -> str | None:  # noqa: ANN001
    return fake_server.matching("POST", "/posts")[-1].header("Authorization")


def test_a_reconnect_elsewhere_reaches_the_running_engine(
    store, engine, add_account, add_post, fake_server
):
    """A reconnect from another process (its own keyring cache): the engine's next publish
    carries the new token, without a restart."""
    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.store.models import Account

    account = add_account("fakenet", "Brand A", {"endpoint": fake_server.url}, "tok-old-111")
    running = engine()
    first = add_post(account, "one")
    running.notify_changed()
    wait_until(lambda: status_of(first.id) == Status.PUBLISHED, what="first published")
    assert bearer_of_last_post(fake_server) == "Bearer tok-old-111"

    elsewhere = AccountService(store, CredentialStore())
    elsewhere.update_secret(Account.get_by_id(account.id), "tok-new-222", None)
    second = add_post(account, "two")
    running.notify_changed()
    wait_until(lambda: status_of(second.id) == Status.PUBLISHED, what="second published")
    assert bearer_of_last_post(fake_server) == "Bearer tok-new-222"


def test_an_account_added_after_a_removal_publishes_with_its_own_token(
    store, engine, add_account, add_post, fake_server
):
    """Remove + add elsewhere while the engine runs: the new account never inherits the removed
    one's row id, nor the token the engine had read for it."""
    from desktop_publisher.accounts import AccountService
    from desktop_publisher.credentials import CredentialStore

    removed = add_account("fakenet", "Brand A", {"endpoint": fake_server.url}, "tok-removed-1")
    running = engine()
    first = add_post(removed, "one")
    running.notify_changed()
    wait_until(lambda: status_of(first.id) == Status.PUBLISHED, what="first published")

    elsewhere = AccountService(store, CredentialStore())
    elsewhere.remove("Brand A")
    added = elsewhere.add("fakenet", "Brand B", {"endpoint": fake_server.url}, "tok-added-2")
    assert added.id != removed.id
    second = add_post(added, "two")
    running.notify_changed()
    wait_until(lambda: status_of(second.id) == Status.PUBLISHED, what="second published")
    assert bearer_of_last_post(fake_server) == "Bearer tok-added-2"
    assert second.id != first.id
