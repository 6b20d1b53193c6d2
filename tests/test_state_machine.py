"""Compare-and-set transitions: whoever loses a race does nothing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from desktop_publisher.errors import UserError
from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status
from tests.fakes.server import Fault


def test_two_threads_claim_one_post_one_wins(service, fakenet_account, add_post, fake_server):
    post = add_post(fakenet_account, "only once")
    barrier = threading.Barrier(8)
    outcomes = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        outcome = service.publish_post(post.id, manual=True)
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(o.claimed for o in outcomes) == 1
    assert len(fake_server.requests) == 1
    assert PublishAttempt.select().count() == 1
    assert ScheduledPost.get_by_id(post.id).status == Status.PUBLISHED


def test_claim_ledger_row_is_written_before_the_call(
    service, fakenet_account, add_post, fake_server
):
    hold = threading.Event()
    fake_server.add_fault(Fault(path="/posts", hold=hold))
    post = add_post(fakenet_account)
    thread = threading.Thread(target=service.publish_post, args=(post.id, True))
    thread.start()
    try:
        fake_server.wait_for_requests(1)
        # While the platform has the request, the ledger already says so.
        attempt = PublishAttempt.get(PublishAttempt.post == post.id)
        assert attempt.outcome == "started"
        assert ScheduledPost.get_by_id(post.id).status == Status.PUBLISHING
    finally:
        hold.set()
        thread.join(timeout=10)
    assert PublishAttempt.get(PublishAttempt.post == post.id).outcome == "published"


def test_cancel_refuses_a_published_post(service, posts, fakenet_account, add_post):
    post = add_post(fakenet_account)
    service.publish_post(post.id, manual=True)
    with pytest.raises(UserError, match="already published"):
        posts.cancel(post.id)
    assert ScheduledPost.get_by_id(post.id).status == Status.PUBLISHED


def test_cancel_during_publishing_is_refused(posts, fakenet_account, add_post):
    post = add_post(fakenet_account)
    ScheduledPost.update(status=Status.PUBLISHING).where(ScheduledPost.id == post.id).execute()
    with pytest.raises(UserError, match="being published right now"):
        posts.cancel(post.id)


def test_cancelled_post_is_never_claimed(service, posts, fakenet_account, add_post, fake_server):
    post = add_post(fakenet_account)
    posts.cancel(post.id)
    outcome = service.publish_post(post.id, manual=True)
    assert not outcome.claimed
    assert fake_server.requests == []


def test_retry_needs_check_then_publish(service, posts, fakenet_account, add_post, fake_server):
    fake_server.add_fault(Fault(path="/posts", drop=True))
    post = add_post(fakenet_account)
    assert service.publish_post(post.id, manual=True).status == Status.NEEDS_CHECK
    with pytest.raises(UserError, match="may have gone out"):
        posts.reschedule(post.id, datetime.now(UTC) + timedelta(hours=1))
    posts.retry(post.id)  # the user checked: it is not online
    assert service.publish_post(post.id).status == Status.PUBLISHED
    assert len(fake_server.requests) == 2


def test_reschedule_failed_post(posts, service, fakenet_account, add_post, fake_server):
    from tests.fakes.server import Response

    fake_server.add_fault(Fault(path="/posts", response=Response(422, {"message": "too long"})))
    post = add_post(fakenet_account)
    assert service.publish_post(post.id, manual=True).status == Status.FAILED
    later = datetime.now(UTC) + timedelta(hours=3)
    moved = posts.reschedule(post.id, later)
    assert moved.status == Status.SCHEDULED
    assert abs((moved.publication_date - later).total_seconds()) < 1
    assert moved.last_error is None


def test_unknown_platform_fails_without_sending(service, add_account, add_post, fake_server):
    from desktop_publisher.store.models import Account

    account = add_account("fakenet", "Gone", {"endpoint": fake_server.url})
    post = add_post(account)
    Account.update(platform="myspace").where(Account.id == account.id).execute()
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.FAILED
    row = ScheduledPost.get_by_id(post.id)
    assert row.last_error_kind == "permanent" and "myspace" in row.last_error
    assert fake_server.requests == []
