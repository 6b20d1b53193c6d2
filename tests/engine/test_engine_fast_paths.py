"""The engine's lean paths: settings held in memory, the one-statement due pass, the claim
without RETURNING, one date job per due instant, workers started before anything is due."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

from desktop_publisher.engine.due_pass import schedule_due_posts_task
from desktop_publisher.store import claim
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.support.waiting import wait_until


def _set_from_another_connection(path, key: str, value: str) -> None:
    """As the command line does from its own process: a commit on another connection."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE setting SET value = ? WHERE key = ?", (value, key))
    finally:
        conn.close()


def test_cached_settings_follow_set(store):
    assert store.settings.cached("lateness_window_minutes") == 60
    store.settings.set("lateness_window_minutes", 15)
    assert store.settings.cached("lateness_window_minutes") == 15


def test_cached_settings_are_kept_until_invalidated(store):
    assert store.settings.cached("max_attempts") == 5
    _set_from_another_connection(store.path, "max_attempts", "3")
    assert store.settings.cached("max_attempts") == 5, "read again without being told"
    store.settings.invalidate()
    assert store.settings.cached("max_attempts") == 3


def test_engine_sees_settings_changed_by_another_process(store, engine):
    # A recent cleanup, so that the start's catch-up cleanup (which writes a setting) stays out.
    store.settings.set("last_cleanup_at", datetime.now(UTC).isoformat())
    running = engine()
    assert running.store.settings.cached("lateness_window_minutes") == 60
    _set_from_another_connection(store.path, "lateness_window_minutes", "7")
    wait_until(
        lambda: store.settings.cached("lateness_window_minutes") == 7,
        what="the engine's change watch to drop the cached settings",
    )


def test_engine_start_forgets_settings_read_before(store, engine):
    assert store.settings.cached("lookahead_minutes") == 30
    _set_from_another_connection(store.path, "lookahead_minutes", "45")
    engine()
    assert store.settings.cached("lookahead_minutes") == 45


def _move(post_id: int, due: datetime, status: str = Status.SCHEDULED) -> None:
    ScheduledPost.update(due_at=due, publication_date=due, status=status).where(
        ScheduledPost.id == post_id
    ).execute()


def test_due_pass_tells_missed_queued_and_planned_apart(service, fakenet_account, add_post):
    now = datetime.now(UTC)
    missed = add_post(fakenet_account, "3 h late")
    late_ok = add_post(fakenet_account, "10 min late")
    to_queue = add_post(fakenet_account, "in 5 min")
    queued = add_post(fakenet_account, "queued, in 2 min")
    later = add_post(fakenet_account, "in 2 h")
    _move(missed.id, now - timedelta(hours=3))
    _move(late_ok.id, now - timedelta(minutes=10))
    _move(to_queue.id, now + timedelta(minutes=5))
    _move(queued.id, now + timedelta(minutes=2), Status.QUEUED)
    _move(later.id, now + timedelta(hours=2))

    report = schedule_due_posts_task(service)

    assert report.missed == [missed.id]
    assert report.queued == 2  # late_ok and to_queue
    assert [p.post_id for p in report.planned] == [late_ok.id, queued.id, to_queue.id]
    assert all(p.account_id == fakenet_account.id for p in report.planned)
    assert report.planned[1].due_at == ScheduledPost.get_by_id(queued.id).due_at
    assert ScheduledPost.get_by_id(missed.id).status == Status.FAILED
    assert ScheduledPost.get_by_id(later.id).status == Status.SCHEDULED
    # The steady state: nothing to change, the same plan.
    again = schedule_due_posts_task(service)
    assert (again.missed, again.queued) == ([], 0)
    assert again.planned == report.planned


def test_claim_without_returning_records_the_same_attempt(
    monkeypatch, service, fakenet_account, add_post, fake_server
):
    monkeypatch.setattr(claim, "HAS_RETURNING", False)
    post = add_post(fakenet_account, "old SQLite")
    outcome = service.publish_post(post.id)
    assert outcome.status == Status.PUBLISHED
    row = ScheduledPost.get_by_id(post.id)
    assert row.attempts == 1
    attempts = list(PublishAttempt.select().where(PublishAttempt.post == post.id))
    assert [(a.number, a.outcome) for a in attempts] == [(1, "published")]
    # A claimed post is not claimed again.
    assert service.publish_post(post.id).claimed is False
    assert len(fake_server.requests) == 1


def test_posts_due_at_one_instant_all_go_in_order_per_account(
    engine, add_account, add_post, fake_server
):
    a = add_account("fakenet", "A", {"endpoint": fake_server.url})
    b = add_account("fakenet", "B", {"endpoint": fake_server.url})
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2)
    made = [add_post(a if i % 2 else b, f"post {i}", at=due) for i in range(6)]
    engine()
    requests = fake_server.wait_for_requests(6, timeout=20)
    for request in requests:
        assert datetime.fromtimestamp(request.received_at, UTC) >= due - timedelta(
            milliseconds=50
        ), "sent before its time"
    wait_until(
        lambda: all(ScheduledPost.get_by_id(p.id).status == Status.PUBLISHED for p in made),
        what="all published",
    )
    texts = [r.json()["text"] for r in requests]
    # Each account's posts in (due, id) order; the two accounts interleave freely.
    assert [t for t in texts if int(t.split()[1]) % 2] == ["post 1", "post 3", "post 5"]
    assert [t for t in texts if not int(t.split()[1]) % 2] == ["post 0", "post 2", "post 4"]


def test_engine_starts_a_worker_per_account_before_anything_is_due(
    engine, add_account, fake_server
):
    for name in ("A", "B", "C"):
        add_account("fakenet", name, {"endpoint": fake_server.url})
    running = engine()

    def publishers() -> int:
        return sum(1 for t in threading.enumerate() if t.name.startswith("publish"))

    wait_until(lambda: publishers() >= 3, what="three publishing workers")
    assert running.running
