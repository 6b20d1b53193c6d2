"""Creating and changing posts (no Qt; used by the CLI and the window).

Every state change is a compare-and-set on the status, so it cannot undo what the engine did a
moment before (a post published while the user clicked Cancel stays published, and says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_publisher.errors import UserError
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PostVariant, is_url
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import (
    PENDING,
    Account,
    Content,
    ContentVariant,
    ScheduledPost,
    Status,
)
from desktop_publisher.when import iso_utc

# A time this far in the past is a typo, not "now".
PAST_TOLERANCE = timedelta(seconds=60)


@dataclass
class NewPost:
    text: str
    at: datetime
    title: str | None = None
    link: str | None = None
    media: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def variant_of(row: ContentVariant) -> PostVariant:
    return PostVariant(
        text=row.text,
        title=row.title,
        link=row.link,
        media=list(row.media or []),
        extra=dict(row.extra or {}),
    )


def media_host_available() -> bool:
    return any(
        (a.settings or {}).get("media_host")
        for a in Account.select().where(Account.platform == "wordpress")
    )


class PostService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, post_id: int) -> ScheduledPost:
        post = ScheduledPost.get_or_none(ScheduledPost.id == post_id)
        if post is None:
            raise UserError(f"No post with id {post_id}.")
        return post

    def create(self, accounts: Sequence[Account], new: NewPost) -> list[ScheduledPost]:
        """One content, one accepted variant per platform, one scheduled post per account."""
        if not accounts:
            raise UserError("--account: name at least one account.")
        if len({a.id for a in accounts}) != len(accounts):
            raise UserError("--account: each account may be named once.")
        if not (new.text or "").strip() and not new.media:
            raise UserError("--text: the post text must not be empty.")
        now = utcnow()
        if new.at < now - PAST_TOLERANCE:
            raise UserError(f'--at: {iso_utc(new.at)} is in the past; give a future time or "now".')
        media = [m if is_url(m) else str(Path(m).expanduser().resolve()) for m in new.media]
        variant_data = PostVariant(new.text, new.title, new.link, media, dict(new.extra))
        problems = []
        host = media_host_available()
        for platform in sorted({a.platform for a in accounts}):
            cls = registry.publisher_class(platform)
            problems += [f"{cls.label} {p}" for p in cls.validate(variant_data, host)]
        if problems:
            raise UserError("; ".join(problems))
        at = max(new.at, now)
        with self.store.atomic():
            content = Content.create(
                title=new.title or "", text=new.text, link=new.link, media=media
            )
            variants = {
                platform: ContentVariant.create(
                    content=content,
                    platform=platform,
                    text=new.text,
                    title=new.title,
                    link=new.link,
                    media=media,
                    extra=dict(new.extra),
                    accepted=True,
                )
                for platform in sorted({a.platform for a in accounts})
            }
            return [
                ScheduledPost.create(
                    variant=variants[account.platform],
                    account=account,
                    publication_date=at,
                    due_at=at,
                    status=Status.SCHEDULED,
                )
                for account in accounts
            ]

    def list(
        self, status: str | None = None, account: Account | None = None, limit: int | None = None
    ) -> list[ScheduledPost]:
        query = ScheduledPost.select(ScheduledPost, Account).join(Account)
        if status:
            if status not in set(Status):
                raise UserError(
                    f"--status: {status!r} is not a status; use one of "
                    f"{', '.join(s.value for s in Status)}."
                )
            query = query.where(ScheduledPost.status == status)
        if account is not None:
            query = query.where(ScheduledPost.account == account)
        query = query.order_by(ScheduledPost.publication_date, ScheduledPost.id)
        if limit:
            query = query.limit(limit)
        return list(query)

    def _transition(
        self, post_id: int, allowed: Iterable[str], action: str, **changes: Any
    ) -> ScheduledPost:
        post = self.get(post_id)
        allowed = tuple(allowed)
        if post.status not in allowed:
            raise UserError(self._refusal(post, action))
        changes.setdefault("updated_at", utcnow())
        with self.store.atomic():
            updated = (
                ScheduledPost.update(**changes)
                .where((ScheduledPost.id == post_id) & (ScheduledPost.status == post.status))
                .execute()
            )
        if not updated:
            # The engine moved it between our read and our write.
            raise UserError(self._refusal(self.get(post_id), action))
        return self.get(post_id)

    @staticmethod
    def _refusal(post: ScheduledPost, action: str) -> str:
        reasons = {
            Status.PUBLISHED: f"it is already published{f' ({post.url})' if post.url else ''}",
            Status.PUBLISHING: "it is being published right now",
            Status.CANCELLED: "it is cancelled",
            Status.NEEDS_CHECK: "its last attempt may have gone out: check the account, then "
            "use retry (if it did not appear) or cancel",
            Status.FAILED: "it has failed; use retry or reschedule",
            Status.SCHEDULED: "it is scheduled and has not been tried yet",
            Status.QUEUED: "it is queued for publishing",
        }
        return f"Cannot {action} post {post.id}: {reasons.get(post.status, post.status)}."

    def cancel(self, post_id: int) -> ScheduledPost:
        return self._transition(
            post_id,
            (*PENDING, Status.FAILED, Status.NEEDS_CHECK),
            "cancel",
            status=Status.CANCELLED,
        )

    def retry(self, post_id: int) -> ScheduledPost:
        """A failed post, or one the user checked and found not published, goes out now."""
        now = utcnow()
        return self._transition(
            post_id,
            (Status.FAILED, Status.NEEDS_CHECK),
            "retry",
            status=Status.QUEUED,
            due_at=now,
            last_error=None,
            last_error_kind=None,
        )

    def reschedule(self, post_id: int, at: datetime) -> ScheduledPost:
        now = utcnow()
        if at < now - PAST_TOLERANCE:
            raise UserError(f"--at: {iso_utc(at)} is in the past; give a future time.")
        at = max(at, now)
        return self._transition(
            post_id,
            (*PENDING, Status.FAILED, Status.CANCELLED),
            "reschedule",
            status=Status.SCHEDULED,
            publication_date=at,
            due_at=at,
            last_error=None,
            last_error_kind=None,
        )

    def counts(self) -> dict[str, int]:
        from peewee import fn

        rows = (
            ScheduledPost.select(ScheduledPost.status, fn.COUNT(ScheduledPost.id))
            .group_by(ScheduledPost.status)
            .tuples()
        )
        counts = {s.value: 0 for s in Status}
        counts.update({status: n for status, n in rows})
        return counts

    def next_due(self) -> ScheduledPost | None:
        return (
            ScheduledPost.select()
            .where(ScheduledPost.status.in_(PENDING))
            .order_by(ScheduledPost.due_at)
            .first()
        )


def post_json(post: ScheduledPost) -> dict[str, Any]:
    return {
        "id": post.id,
        "account": post.account.name,
        "platform": post.account.platform,
        "status": post.status,
        "publication_date": iso_utc(post.publication_date),
        "published_at": iso_utc(post.published_at),
        "external_id": post.external_id,
        "url": post.url,
        "attempts": post.attempts,
        "last_error": (
            {"kind": post.last_error_kind, "message": post.last_error} if post.last_error else None
        ),
    }


def account_json(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "name": account.name,
        "platform": account.platform,
        "settings": dict(account.settings or {}),
        "token_expires_at": iso_utc(account.token_expires_at),
    }
