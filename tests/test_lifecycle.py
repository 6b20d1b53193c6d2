"""The lifecycle table (lifecycle.TRANSITIONS) against the code that performs each action.

For every action and every status, the real code path is run on a post in that status: an
allowed action succeeds and leaves a status the table lists; a refused one is refused (the
user's actions with lifecycle.refusal's words) and changes nothing. The table itself is pinned
below, so a change to it is a reviewed change of this file too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_publisher import lifecycle
from desktop_publisher.engine.scheduler import Engine
from desktop_publisher.errors import UserError
from desktop_publisher.lifecycle import DRAFT, PENDING, TRANSITIONS, Action, Status
from desktop_publisher.store import engine_queries
from desktop_publisher.store.claim import claim_post
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.store.post_status import change_status

POST_STATUSES = tuple(Status)
EVERY_STATUS = (*POST_STATUSES, DRAFT)

# The table as reviewed: action → (the statuses it starts from, the statuses it may leave).
S, Q, P = Status.SCHEDULED, Status.QUEUED, Status.PUBLISHING
D, F, N, C = Status.PUBLISHED, Status.FAILED, Status.NEEDS_CHECK, Status.CANCELLED
EXPECTED = {
    Action.EDIT: ({S, Q, F, C}, {S}),
    Action.CANCEL: ({S, Q, F, N}, {C}),
    Action.RETRY: ({F, N}, {Q}),
    Action.RESCHEDULE: ({S, Q, F, C}, {S}),
    Action.PUBLISH_NOW: ({S, Q}, {P}),
    Action.MARK_PUBLISHED: ({N}, {D}),
    Action.DELETE_DRAFT: ({DRAFT}, set()),
    Action.QUEUE: ({S}, {Q}),
    Action.CLAIM: ({S, Q}, {P}),
    Action.RECORD_SUCCESS: ({P, N}, {D}),
    Action.RECORD_FAILURE: ({P}, {F, Q, N}),
    Action.NEEDS_CHECK: ({P}, {N}),
    Action.MISS: ({S, Q}, {F}),
}


def test_the_table_is_the_reviewed_one():
    assert set(TRANSITIONS) == set(Action), "an action without a row"
    for action, (accepts, leads_to) in EXPECTED.items():
        assert TRANSITIONS[action].accepts == accepts, action
        assert TRANSITIONS[action].leads_to == leads_to, action
        assert lifecycle.accepted(action) == tuple(s for s in EVERY_STATUS if s in accepts)
        for status in EVERY_STATUS:
            assert lifecycle.allows(action, status) == (status in accepts), (action, status)


@pytest.mark.parametrize("status", POST_STATUSES)
def test_every_status_has_a_refusal_in_both_wordings(status):
    error = lifecycle.refusal(Action.CANCEL, status, 7, "https://example.com/7")
    assert str(error).startswith("Cannot cancel post 7: ")
    assert error.rule is not None and "{id}" in error.rule
    for action in Action:
        if lifecycle.allows(action, status):
            lifecycle.check(action, status, 7)  # no refusal
            continue
        with pytest.raises(UserError) as refused:
            lifecycle.check(action, status, 7)
        assert str(refused.value).startswith(f"Cannot {action.value} post 7: ")


def test_the_lateness_rule():
    now = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
    window = lifecycle.lateness_window(60)
    assert lifecycle.late_cutoff(now, window) == now - timedelta(minutes=60)
    assert not lifecycle.is_missed(now - timedelta(minutes=60), now, window)
    assert lifecycle.is_missed(now - timedelta(minutes=60, seconds=1), now, window)


# --- the real code paths -------------------------------------------------------------------
def _in(post_id: int, status: str) -> None:
    ScheduledPost.update(status=status).where(ScheduledPost.id == post_id).execute()


def _status(post_id: int) -> str:
    return ScheduledPost.get_by_id(post_id).status


def _user_action(action: Action, posts, service, post: ScheduledPost):  # noqa: ANN001, ANN202
    """Run a user's action the way the command line and the window do."""
    future = datetime.now(UTC) + timedelta(days=2)
    if action is Action.EDIT:
        data = posts.load_post(post.id)
        data.at = future
        return posts.update_post(post.id, data, data.variant_for(post.account.platform))
    if action is Action.CANCEL:
        return posts.cancel(post.id)
    if action is Action.RETRY:
        return posts.retry(post.id)
    if action is Action.RESCHEDULE:
        return posts.reschedule(post.id, future)
    raise AssertionError(action)


@pytest.mark.parametrize("status", POST_STATUSES)
@pytest.mark.parametrize(
    "action", [Action.EDIT, Action.CANCEL, Action.RETRY, Action.RESCHEDULE], ids=str
)
def test_the_post_services_actions_follow_the_table(
    action, status, posts, service, fakenet_account, add_post
):
    post = add_post(fakenet_account, f"{action} from {status}")
    _in(post.id, status)
    if lifecycle.allows(action, status):
        changed = _user_action(action, posts, service, post)
        assert changed.status in TRANSITIONS[action].leads_to
        assert _status(post.id) == changed.status
    else:
        with pytest.raises(UserError) as refused:
            _user_action(action, posts, service, post)
        expected = lifecycle.refusal(action, status, post.id, post.url)
        assert str(refused.value) == str(expected)
        assert refused.value.rule == expected.rule
        assert _status(post.id) == status


@pytest.mark.parametrize("status", POST_STATUSES)
def test_publish_now_follows_the_table(
    status, store, credentials, events, service, fakenet_account, add_post
):
    post = add_post(fakenet_account, f"publish now from {status}")
    _in(post.id, status)
    outcome = service.publish_post(post.id, manual=True)  # the command line's and the window's
    allowed = lifecycle.allows(Action.PUBLISH_NOW, status)
    assert outcome.claimed == allowed
    if allowed:
        assert _status(post.id) == Status.PUBLISHED  # claimed (publishing), then recorded
        return
    assert _status(post.id) == status
    engine = Engine(store, credentials, events)  # its publish_now refuses before any lane
    with pytest.raises(UserError, match=f"Post {post.id} is"):
        engine.publish_now(post.id)


@pytest.mark.parametrize("status", POST_STATUSES)
def test_mark_published_follows_the_table(status, posts, fakenet_account, add_post):
    post = add_post(fakenet_account, f"mark published from {status}")
    _in(post.id, status)
    allowed = lifecycle.allows(Action.MARK_PUBLISHED, status)
    assert posts.mark_published(post.id, "https://example.com/found") == allowed
    after = ScheduledPost.get_by_id(post.id)
    if allowed:
        assert after.status in TRANSITIONS[Action.MARK_PUBLISHED].leads_to
        assert after.url == "https://example.com/found"
    else:
        assert (after.status, after.url) == (status, None)


@pytest.mark.parametrize("status", EVERY_STATUS)
def test_delete_draft_follows_the_table(status, posts, fakenet_account, add_post):
    from desktop_publisher.posts import EditedContent
    from desktop_publisher.store.models import Content

    if status == DRAFT:
        content_id = posts.save_draft(EditedContent(text="a draft"))
    else:
        post = add_post(fakenet_account, f"content of a post {status}")
        _in(post.id, status)
        content_id = post.variant.content_id
    allowed = lifecycle.allows(Action.DELETE_DRAFT, status)
    assert posts.delete_draft(content_id) == allowed
    gone = Content.get_or_none(Content.id == content_id) is None
    assert gone == allowed


def _engine_action(action: Action, store, post_id: int, to: str) -> bool:  # noqa: ANN001
    """Run one of the engine's own transitions through the store function the engine calls."""
    now = datetime.now(UTC)
    db = store.db
    if action is Action.QUEUE:
        return engine_queries.queue_posts(db, [post_id], now) == 1
    if action is Action.CLAIM:
        with store.atomic():
            return claim_post(db, post_id, now, manual=False) is not None
    if action is Action.RECORD_SUCCESS:
        return engine_queries.record_published(db, post_id, now, "x-1", "https://example.com/1")
    if action is Action.RECORD_FAILURE:
        values = {"last_error_kind": "transient", "last_error": "down", "updated_at": now}
        return engine_queries.record_failure(db, post_id, to, values)
    if action is Action.NEEDS_CHECK:
        return engine_queries.mark_needs_check(db, post_id, now, "unknown")
    if action is Action.MISS:
        return engine_queries.mark_missed(db, post_id, now, "too late")
    raise AssertionError(action)


ENGINE_CASES = [
    (action, to)
    for action in (
        Action.QUEUE,
        Action.CLAIM,
        Action.RECORD_SUCCESS,
        Action.RECORD_FAILURE,
        Action.NEEDS_CHECK,
        Action.MISS,
    )
    for to in sorted(TRANSITIONS[action].leads_to)
]


@pytest.mark.parametrize("status", POST_STATUSES)
@pytest.mark.parametrize(("action", "to"), ENGINE_CASES, ids=lambda v: str(v))
def test_the_engines_transitions_follow_the_table(
    action, to, status, store, fakenet_account, add_post
):
    post = add_post(fakenet_account, f"{action} from {status}")
    _in(post.id, status)
    allowed = lifecycle.allows(action, status)
    assert _engine_action(action, store, post.id, to) == allowed
    assert _status(post.id) == (to if allowed else status)


def test_the_one_writer_refuses_a_change_the_table_does_not_list(store, fakenet_account, add_post):
    post = add_post(fakenet_account, "no such move")
    with pytest.raises(ValueError, match="does not lead to"):
        change_status(store.db, Action.RETRY, post.id, Status.PUBLISHED)
    with pytest.raises(ValueError, match="does not start from"):
        change_status(store.db, Action.RETRY, post.id, Status.QUEUED, expect=Status.PUBLISHED)
    assert _status(post.id) == Status.SCHEDULED
    assert set(PENDING) == TRANSITIONS[Action.CLAIM].accepts
