"""Creating and changing posts (no Qt; used by the CLI and the window).

Every state change is a compare-and-set on the status, so it cannot undo what the engine did a
moment before (a post published while the user clicked Cancel stays published, and says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop_publisher import lifecycle, post_content
from desktop_publisher.errors import UserError
from desktop_publisher.lifecycle import Action
from desktop_publisher.platforms.base import PostVariant
from desktop_publisher.post_checks import (
    LATER,
    check_accounts,
    check_media_addresses,
    media_host_available,
    post_time,
)
from desktop_publisher.post_checks import problems as post_problems
from desktop_publisher.post_content import (
    DRAFT_KEY,
    EditedContent,
    NewPost,
    clean_variant,
    create_variant_row,
    has_posts,
    normalize_media,
    take_draft,
    variant_of,
)
from desktop_publisher.store import queries
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
from desktop_publisher.store.post_status import change_status
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# Names other modules import from here (the window: EditedContent, media_host_available; the
# engine: media_host_available, variant_of, NO_POST), though they live beside it.
__all__ = [
    "DRAFT_KEY",
    "NO_POST",
    "EditedContent",
    "NewPost",
    "PostService",
    "media_host_available",
    "variant_of",
]


def _schedule(
    content: Content, accounts: Sequence[Account], variants: dict[str, PostVariant], at: datetime
) -> list[ScheduledPost]:
    """Inside the caller's transaction: an accepted variant per platform, a post per account."""
    rows = {
        platform: create_variant_row(content, platform, v, accepted=True)
        for platform, v in variants.items()
    }
    return [
        ScheduledPost.create(
            variant=rows[account.platform],
            account=account,
            publication_date=at,
            due_at=at,
            status=Status.SCHEDULED,
        )
        for account in accounts
    ]


NO_POST = QT_TRANSLATE_NOOP("Error", "No post with id {id}.")


class PostService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, post_id: int) -> ScheduledPost:
        post = ScheduledPost.get_or_none(ScheduledPost.id == post_id)
        if post is None:
            raise UserError.translatable(NO_POST, id=post_id)
        return post

    def schedule(
        self,
        accounts: Sequence[Account],
        post: NewPost | EditedContent,
        content_id: int | None = None,
    ) -> list[ScheduledPost]:
        """Schedule posts: one Content, one accepted ContentVariant per platform, one
        ScheduledPost per account. The command line gives a NewPost (one text for every
        platform); the window an EditedContent, whose variants may differ per platform, and with
        `content_id` (a draft) that content becomes the scheduled one. Bad input is refused with
        an error about its field (UserError.about), before anything is written."""
        check_accounts(accounts)
        platforms = sorted({a.platform for a in accounts})
        if isinstance(post, NewPost):
            if not (post.text or "").strip() and not post.media:
                raise UserError("the post text must not be empty.").about("text")
            at = post_time(post.at)
            media = normalize_media(post.media)
            same = PostVariant(post.text, post.title, post.link, media, dict(post.extra))
            variants = {p: same for p in platforms}
            base = {"title": post.title or "", "text": post.text, "link": post.link, "media": media}
        else:
            at = post_time(post.at)
            variants = {p: clean_variant(post.variant_for(p)) for p in platforms}
            base = post.content_fields()
        host = media_host_available()
        problems = [m for p in platforms for m in self.problems(p, variants[p], host)]
        if problems:
            raise UserError("; ".join(problems))
        if isinstance(post, NewPost):
            check_media_addresses(platforms, media)
        with self.store.atomic():
            if content_id is None:
                content = Content.create(**base)
            else:
                content = take_draft(
                    content_id,
                    base,
                    gone=QT_TRANSLATE_NOOP(
                        "Error", "This draft has been deleted meanwhile; nothing was scheduled."
                    ),
                    scheduled=QT_TRANSLATE_NOOP(
                        "Error", "This draft has been scheduled already; nothing was changed."
                    ),
                )
            return _schedule(content, accounts, variants, at)

    # The window's name for `schedule`.
    create_with_variants = schedule

    def create(self, accounts: Sequence[Account], new: NewPost) -> list[ScheduledPost]:
        """`schedule` for a NewPost: the short form scripts and tests use. Its errors are
        about a field, as `schedule`'s (the command line names the field by its option)."""
        return self.schedule(accounts, new)

    # --- the editor ----------------------------------------------------------------------
    def load_content(self, content_id: int) -> EditedContent:
        """A piece of content with its variants and, for a draft, the accounts and time chosen
        when it was saved (post_content.load_content)."""
        return post_content.load_content(content_id)

    def load_post(self, post_id: int) -> EditedContent:
        """One scheduled post: its content's base, its own variant, its account and time."""
        return post_content.load_post(self.get(post_id))

    def save_draft(self, data: EditedContent, content_id: int | None = None) -> int:
        """Keep the content without scheduling anything; never refused for its contents.

        Returns the draft's content id. A draft that was scheduled meanwhile is not overwritten.
        """
        return post_content.save_draft(self.store, data, content_id)

    @staticmethod
    def problems(platform: str, variant: PostVariant, host: bool | None = None) -> list[str]:
        """The platform's rules a cleaned variant breaks (post_checks.problems)."""
        return post_problems(platform, variant, host)

    def update_post(self, post_id: int, data: EditedContent, variant: PostVariant) -> ScheduledPost:
        """Change what a not-yet-published post says and when it goes out.

        The post goes back to `scheduled` at the new time (a failed or cancelled post is thereby
        scheduled again). When its content or variant is shared with other posts, this post gets
        a content of its own, so editing one post never changes another (nor the record of what
        a published post said).
        """
        post = self.get(post_id)
        lifecycle.check(Action.EDIT, post.status, post.id, post.url)
        at = post_time(data.at)
        platform = post.account.platform
        clean = clean_variant(variant)
        problems = self.problems(platform, clean)
        if problems:
            raise UserError("; ".join(problems))
        base = data.content_fields()
        now = utcnow()
        old_variant: ContentVariant = post.variant
        changed = variant_of(old_variant) != clean
        with self.store.atomic():
            changes: dict[str, Any] = {
                "publication_date": at,
                "due_at": at,
                "last_error": None,
                "last_error_kind": None,
                "updated_at": now,
            }
            if changed:
                # Remote leftovers (uploaded images, a container) belong to the old text.
                changes["checkpoint"] = {}
            updated = change_status(
                self.store.db,
                Action.EDIT,
                post_id,
                Status.SCHEDULED,
                expect=post.status,
                values=changes,
            ).count
            if not updated:
                # The engine moved it between our read and our write.
                raise self._refusal(self.get(post_id), Action.EDIT)
            content_id = old_variant.content_id
            if has_posts(content_id, other_than=post_id):
                content = Content.create(**base)
                row = create_variant_row(content, platform, clean, accepted=True)
                ScheduledPost.update(variant=row).where(ScheduledPost.id == post_id).execute()
                if not ScheduledPost.select().where(ScheduledPost.variant == old_variant).exists():
                    old_variant.delete_instance()
            else:
                Content.update(**base, updated_at=now).where(Content.id == content_id).execute()
                fields = {
                    "text": clean.text,
                    "title": clean.title,
                    "link": clean.link,
                    "media": clean.media,
                    "extra": clean.extra,
                }
                ContentVariant.update(**fields, updated_at=now).where(
                    ContentVariant.id == old_variant.id
                ).execute()
        return self.get(post_id)

    def list(
        self, status: str | None = None, account: Account | None = None, limit: int | None = None
    ) -> list[ScheduledPost]:
        query = ScheduledPost.select(ScheduledPost, Account).join(Account)
        if status:
            if status not in set(Status):
                raise UserError(
                    f"{status!r} is not a status; use one of {', '.join(s.value for s in Status)}."
                ).about("status")
            query = query.where(ScheduledPost.status == status)
        if account is not None:
            query = query.where(ScheduledPost.account == account)
        query = query.order_by(ScheduledPost.publication_date, ScheduledPost.id)
        if limit:
            query = query.limit(limit)
        return list(query)

    def _transition(
        self, post_id: int, action: Action, to: Status, **changes: Any
    ) -> ScheduledPost:
        """`action` on the post, if the lifecycle allows it from the post's status: a
        compare-and-set on the status read, so a change by the engine meanwhile wins."""
        post = self.get(post_id)
        lifecycle.check(action, post.status, post.id, post.url)
        changes.setdefault("updated_at", utcnow())
        with self.store.atomic():
            updated = change_status(
                self.store.db, action, post_id, to, expect=post.status, values=changes
            ).count
        if not updated:
            # The engine moved it between our read and our write.
            raise self._refusal(self.get(post_id), action)
        return self.get(post_id)

    @staticmethod
    def _refusal(post: ScheduledPost, action: Action | str) -> UserError:
        """Why `action` cannot be done to `post` now (lifecycle.refusal)."""
        return lifecycle.refusal(Action(action), post.status, post.id, post.url)

    def cancel(self, post_id: int) -> ScheduledPost:
        return self._transition(post_id, Action.CANCEL, Status.CANCELLED)

    def retry(self, post_id: int) -> ScheduledPost:
        """A failed post, or one the user checked and found not published, goes out now."""
        now = utcnow()
        return self._transition(
            post_id,
            Action.RETRY,
            Status.QUEUED,
            due_at=now,
            last_error=None,
            last_error_kind=None,
        )

    def reschedule(self, post_id: int, at: datetime) -> ScheduledPost:
        at = post_time(at, in_the_past=LATER)
        return self._transition(
            post_id,
            Action.RESCHEDULE,
            Status.SCHEDULED,
            publication_date=at,
            due_at=at,
            last_error=None,
            last_error_kind=None,
        )

    def mark_published(self, post_id: int, url: str | None = None) -> bool:
        """The user checked the platform and found a post whose outcome was unknown online
        (lifecycle: mark published, from needs_check only). False, and nothing written, when the
        post is not waiting for a check (any more), or is gone."""
        return queries.mark_published(self.store.db, post_id, url)

    def delete_draft(self, content_id: int) -> bool:
        """Remove a draft: content without any scheduled post (lifecycle: delete draft, from a
        draft only). False, and nothing removed, when it has been scheduled, or is gone."""
        return queries.delete_draft(self.store.db, content_id)

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
        """The pending post due first. One `status = ? ORDER BY due_at LIMIT 1` seek on the
        (status, due_at) index per pending status, the earlier wins: `status IN (…)` would
        sort every pending post instead (the status line asks on every engine event)."""
        first: ScheduledPost | None = None
        for status in PENDING:
            post = (
                ScheduledPost.select()
                .where(ScheduledPost.status == status)
                .order_by(ScheduledPost.due_at)
                .first()
            )
            if post is not None and (
                first is None or (post.due_at, post.id) < (first.due_at, first.id)
            ):
                first = post
        return first
