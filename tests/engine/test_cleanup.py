"""cleanup_old_posts_task removes only old finished posts; never pending ones or drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_publisher.engine import cleanup, health
from desktop_publisher.store.models import Content, PublishAttempt, ScheduledPost, Status


def age(post_id: int, status: str, days: int) -> None:
    ScheduledPost.update(status=status, updated_at=datetime.now(UTC) - timedelta(days=days)).where(
        ScheduledPost.id == post_id
    ).execute()


def test_cleanup_removes_only_old_terminal_posts(store, service, fakenet_account, add_post):
    old = {}
    for status in (
        Status.PUBLISHED,
        Status.FAILED,
        Status.CANCELLED,
        Status.NEEDS_CHECK,
        Status.SCHEDULED,
        Status.QUEUED,
    ):
        post = add_post(fakenet_account, f"old {status}")
        age(post.id, status, 200)
        old[status] = post.id
    recent = add_post(fakenet_account, "recent published")
    age(recent.id, Status.PUBLISHED, 3)
    PublishAttempt.create(post=old[Status.PUBLISHED], number=1)
    draft = Content.create(title="draft", text="never scheduled")
    Content.update(updated_at=datetime.now(UTC) - timedelta(days=400)).where(
        Content.id == draft.id
    ).execute()

    removed = cleanup.cleanup_old_posts_task(service)

    assert removed == 3
    left = {p.id for p in ScheduledPost.select()}
    assert left == {old[Status.NEEDS_CHECK], old[Status.SCHEDULED], old[Status.QUEUED], recent.id}
    assert PublishAttempt.select().count() == 0  # the ledger of removed posts goes with them
    assert Content.get_or_none(Content.id == draft.id) is not None
    assert Content.select().count() == 1 + len(left)
    assert store.settings.get("last_cleanup_at") is not None


def test_cleanup_respects_the_retention_setting(store, service, fakenet_account, add_post):
    post = add_post(fakenet_account)
    age(post.id, Status.PUBLISHED, 10)
    assert cleanup.cleanup_old_posts_task(service) == 0
    store.settings.set("retention_days", 7)
    assert cleanup.cleanup_old_posts_task(service) == 1


def test_monitor_turns_stale_publishing_into_needs_check(store, service, fakenet_account, add_post):
    stale = add_post(fakenet_account, "stale")
    busy = add_post(fakenet_account, "in flight")
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    ScheduledPost.update(status=Status.PUBLISHING, claimed_at=long_ago).where(
        ScheduledPost.id.in_([stale.id, busy.id])
    ).execute()
    report = health.monitor_publishing_status_task(service, in_flight=frozenset({busy.id}))
    assert report.stale == [stale.id]
    assert ScheduledPost.get_by_id(stale.id).status == Status.NEEDS_CHECK
    assert ScheduledPost.get_by_id(busy.id).status == Status.PUBLISHING
    assert report.counts["needs_check"] == 1 and report.counts["publishing"] == 1
