"""The post lifecycle: the statuses, which status each action accepts, what it leads to, why it is
refused, and when a post is too late to publish. The one place these rules are written.

The post service (posts.py), the engine, the command line and the window all ask here; the store
performs each change as one compare-and-set on the status this table allows (store/posts.py), so a
change can never undo what another thread or process did a moment before. No Qt, no database:
docs/architecture.md draws the transitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desktop_publisher.errors import UserError
from desktop_publisher.translatable import QT_TRANSLATE_NOOP


class Status(StrEnum):
    SCHEDULED = "scheduled"
    QUEUED = "queued"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    NEEDS_CHECK = "needs_check"
    CANCELLED = "cancelled"


# Waiting for their time (scheduled) or for a lane (queued): nothing has gone out.
PENDING = (Status.SCHEDULED, Status.QUEUED)
TERMINAL = (Status.PUBLISHED, Status.FAILED, Status.CANCELLED)
# A content without any post yet: the queue lists it beside the posts, only "delete draft" and
# "edit" apply to it.
DRAFT = "draft"


class Action(StrEnum):
    """What can happen to a post. The value is the action's name in the command line's words."""

    # The user's (post service, command line, window).
    EDIT = "edit"
    CANCEL = "cancel"
    RETRY = "retry"
    RESCHEDULE = "reschedule"
    PUBLISH_NOW = "publish now"
    MARK_PUBLISHED = "mark published"
    DELETE_DRAFT = "delete draft"
    # The engine's own.
    QUEUE = "queue"  # the due pass: its time is near, a lane will take it
    CLAIM = "claim"  # a lane (or "publish now") takes it: exactly one caller wins
    RECORD_SUCCESS = "record success"
    RECORD_FAILURE = "record failure"  # failed for good, or queued again for a later attempt
    NEEDS_CHECK = "needs check"  # the outcome of a call is unknown (crash, lost answer)
    MISS = "miss"  # its lateness window ended before it could go out


@dataclass(frozen=True)
class Transition:
    accepts: frozenset[str]  # the statuses the action may start from
    leads_to: frozenset[str]  # the statuses it may leave behind (empty: the row goes away)


def _t(accepts: tuple[str, ...], leads_to: tuple[str, ...]) -> Transition:
    return Transition(frozenset(accepts), frozenset(leads_to))


# Posts whose content may still change: nothing has gone out, nothing is in flight or unknown.
EDITABLE = (Status.SCHEDULED, Status.QUEUED, Status.FAILED, Status.CANCELLED)

TRANSITIONS: Mapping[Action, Transition] = {
    # An edit schedules the post again at its (new) time.
    Action.EDIT: _t(EDITABLE, (Status.SCHEDULED,)),
    Action.CANCEL: _t((*PENDING, Status.FAILED, Status.NEEDS_CHECK), (Status.CANCELLED,)),
    # A failed post, or one the user checked and found not published, goes out now.
    Action.RETRY: _t((Status.FAILED, Status.NEEDS_CHECK), (Status.QUEUED,)),
    Action.RESCHEDULE: _t((*PENDING, Status.FAILED, Status.CANCELLED), (Status.SCHEDULED,)),
    Action.PUBLISH_NOW: _t(PENDING, (Status.PUBLISHING,)),
    # The user found a post whose outcome was unknown on the platform.
    Action.MARK_PUBLISHED: _t((Status.NEEDS_CHECK,), (Status.PUBLISHED,)),
    Action.DELETE_DRAFT: _t((DRAFT,), ()),
    Action.QUEUE: _t((Status.SCHEDULED,), (Status.QUEUED,)),
    Action.CLAIM: _t(PENDING, (Status.PUBLISHING,)),
    # needs_check too: the monitor may have given up on a very slow call that then succeeded;
    # what the platform said is better than what the monitor guessed.
    Action.RECORD_SUCCESS: _t((Status.PUBLISHING, Status.NEEDS_CHECK), (Status.PUBLISHED,)),
    Action.RECORD_FAILURE: _t(
        (Status.PUBLISHING,), (Status.FAILED, Status.QUEUED, Status.NEEDS_CHECK)
    ),
    Action.NEEDS_CHECK: _t((Status.PUBLISHING,), (Status.NEEDS_CHECK,)),
    Action.MISS: _t(PENDING, (Status.FAILED,)),
}


def allows(action: Action, status: str) -> bool:
    """Whether `action` may start from a post (or draft) in `status`."""
    return status in TRANSITIONS[action].accepts


def accepted(action: Action) -> tuple[str, ...]:
    """The statuses `action` starts from, in the order of `Status` (a draft last)."""
    accepts = TRANSITIONS[action].accepts
    return tuple(s for s in (*Status, DRAFT) if s in accepts)


# Why an action is refused, by the post's status. The command line names the action
# ("Cannot cancel post 3: it is cancelled."); the window, where the user has just chosen it, says
# what the post is (REFUSALS, translated).
REASONS: Mapping[str, str] = {
    Status.PUBLISHED: "it is already published{url_note}",
    Status.PUBLISHING: "it is being published right now",
    Status.CANCELLED: "it is cancelled",
    Status.NEEDS_CHECK: "its last attempt may have gone out: check the account, then "
    "use retry (if it did not appear) or cancel",
    Status.FAILED: "it has failed; use retry or reschedule",
    Status.SCHEDULED: "it is scheduled and has not been tried yet",
    Status.QUEUED: "it is queued for publishing",
}
REFUSALS: Mapping[str, str] = {
    Status.PUBLISHED: QT_TRANSLATE_NOOP(
        "Error", "Post {id} cannot be changed: it is already published. {url}"
    ),
    Status.PUBLISHING: QT_TRANSLATE_NOOP(
        "Error", "Post {id} cannot be changed: it is being published right now."
    ),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Error", "Post {id} cannot be changed: it is cancelled."),
    Status.NEEDS_CHECK: QT_TRANSLATE_NOOP(
        "Error",
        "Post {id} cannot be changed: its last attempt may have gone out. Check the account, "
        "then use Retry (if it did not appear) or Cancel.",
    ),
    Status.FAILED: QT_TRANSLATE_NOOP(
        "Error", "Post {id} cannot be changed: it has failed. Use Retry or Reschedule."
    ),
    Status.SCHEDULED: QT_TRANSLATE_NOOP(
        "Error", "Post {id} cannot be changed: it is scheduled and has not been tried yet."
    ),
    Status.QUEUED: QT_TRANSLATE_NOOP(
        "Error", "Post {id} cannot be changed: it is queued for publishing."
    ),
}


def refusal(action: Action, status: str, post_id: int, url: str | None = None) -> UserError:
    """The error for `action` refused on post `post_id` in `status`."""
    url_note = f" ({url})" if url else ""
    reason = REASONS.get(status, status).format(url_note=url_note)
    message = f"Cannot {action.value} post {post_id}: {reason}."
    rule = REFUSALS.get(status)
    if rule is None:
        return UserError(message)
    return UserError.translatable(rule, message, id=post_id, url=url or "")


def check(action: Action, status: str, post_id: int, url: str | None = None) -> None:
    """Raise the refusal unless `action` may start from `status`."""
    if not allows(action, status):
        raise refusal(action, status, post_id, url)


# --- lateness ---------------------------------------------------------------------------------
# A post is published late up to the lateness window (the `lateness_window_minutes` setting)
# after its due time; past that it is missed (failed, kind "missed"): an announcement published
# hours late can do more harm than none, so the user decides.


def lateness_window(minutes: float) -> timedelta:
    return timedelta(minutes=float(minutes))


def late_cutoff(now: datetime, window: timedelta) -> datetime:
    """Posts due before this moment are missed."""
    return now - window


def is_missed(due_at: datetime, now: datetime, window: timedelta) -> bool:
    return now - due_at > window
