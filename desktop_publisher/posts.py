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

from desktop_publisher import lifecycle
from desktop_publisher.errors import UserError
from desktop_publisher.lifecycle import EDITABLE, Action  # noqa: F401 (EDITABLE: the window)
from desktop_publisher.media_host import media_host_account
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PostVariant, is_url
from desktop_publisher.redaction import redact
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
from desktop_publisher.when import MAX_AHEAD, iso_utc

# A time this far in the past is a typo, not "now".
PAST_TOLERANCE = timedelta(seconds=60)
# A post further ahead than when.MAX_AHEAD is refused here too, whoever parsed the time.
TOO_FAR_AHEAD = QT_TRANSLATE_NOOP(
    "Error", "Time: {when} is more than ten years ahead; choose an earlier time."
)
# EDITABLE (lifecycle.py, imported above): the posts whose content may still change.
# A draft has no account or time columns: what the editor had chosen is kept in each draft
# variant's `extra` under this key (removed when the draft is scheduled).
DRAFT_KEY = "_draft"


@dataclass
class NewPost:
    text: str
    at: datetime
    title: str | None = None
    link: str | None = None
    media: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class EditedContent:
    """A piece of content as the editor holds it: the base, one variant per platform, and the
    accounts and time chosen so far. `content_id`/`post_id` say where it was loaded from."""

    text: str = ""
    title: str = ""
    link: str | None = None
    media: list[str] = field(default_factory=list)
    variants: dict[str, PostVariant] = field(default_factory=dict)
    account_ids: list[int] = field(default_factory=list)
    at: datetime | None = None
    content_id: int | None = None
    post_id: int | None = None

    def content_fields(self) -> dict[str, Any]:
        """The base as Content's columns."""
        return {
            "title": self.title or "",
            "text": self.text or "",
            "link": (self.link or "").strip() or None,
            "media": normalize_media(self.media),
        }

    def variant_for(self, platform: str) -> PostVariant:
        """The platform's own variant, or the base as it stands."""
        return self.variants.get(platform) or PostVariant(
            self.text, self.title or None, self.link, list(self.media)
        )


def variant_of(row: ContentVariant) -> PostVariant:
    return PostVariant(
        text=row.text,
        title=row.title,
        link=row.link,
        media=list(row.media or []),
        extra={k: v for k, v in (row.extra or {}).items() if k != DRAFT_KEY},
    )


def create_variant_row(
    content: Content, platform: str, variant: PostVariant, accepted: bool, extra: dict | None = None
) -> ContentVariant:
    """Store `variant` for `platform` (the reverse of variant_of); `extra` replaces its own."""
    return ContentVariant.create(
        content=content,
        platform=platform,
        text=variant.text,
        title=variant.title,
        link=variant.link,
        media=variant.media,
        extra=dict(variant.extra) if extra is None else extra,
        accepted=accepted,
    )


def normalize_media(media: Iterable[str]) -> list[str]:
    """URLs as given, local files as absolute paths (the engine may run from another cwd)."""
    return [m if is_url(m) else str(Path(m).expanduser().resolve()) for m in media]


def _clean_variant(variant: PostVariant) -> PostVariant:
    return PostVariant(
        text=variant.text or "",
        title=(variant.title or "").strip() or None,
        link=(variant.link or "").strip() or None,
        media=normalize_media(variant.media),
        extra={k: v for k, v in (variant.extra or {}).items() if k != DRAFT_KEY},
    )


def _take_draft(content_id: int, fields: dict[str, Any], gone: str, scheduled: str) -> Content:
    """The draft `content_id` given `fields` and emptied of its variants (the caller writes them
    anew); refused with `gone` when it was deleted meanwhile, `scheduled` when scheduled."""
    content = Content.get_or_none(Content.id == content_id)
    if content is None:
        raise UserError.translatable(gone)
    if _has_posts(content_id):
        raise UserError.translatable(scheduled)
    Content.update(**fields, updated_at=utcnow()).where(Content.id == content_id).execute()
    ContentVariant.delete().where(ContentVariant.content == content_id).execute()
    return content


def _has_posts(content_id: int, other_than: int | None = None) -> bool:
    """Whether any scheduled post (other than `other_than`) says this content."""
    query = ScheduledPost.select().join(ContentVariant).where(ContentVariant.content == content_id)
    if other_than is not None:
        query = query.where(ScheduledPost.id != other_than)
    return query.exists()


def _check_media_addresses(platforms: Iterable[str], media: list[str]) -> None:
    """Image URLs whose host name resolves to this computer or a private network, for the
    platforms whose images this app downloads. The command line's posts only: a lookup may take
    a while, which a window must not wait for (the download checks again in any case). A name
    that does not resolve now is not refused: the network may be down."""
    import socket

    from desktop_publisher.platforms import addresses

    if not any(registry.publisher_class(p).fetches_media_urls for p in platforms):
        return
    for ref in media:
        if not is_url(ref):
            continue
        try:
            addresses.check_url(ref)
        except addresses.AddressRefused as exc:
            raise UserError(
                f"{redact(ref)} points to {exc.reason}; images are fetched only from public "
                "internet addresses. Use a public address or a file on this computer."
            ).about("media") from None
        except (socket.gaierror, UnicodeError):
            continue


def media_host_available() -> bool:
    return media_host_account() is not None


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


NO_ACCOUNT = QT_TRANSLATE_NOOP("Error", "Accounts: choose at least one account.")
ACCOUNT_TWICE = QT_TRANSLATE_NOOP("Error", "Accounts: each account may be chosen once.")
NO_TIME = QT_TRANSLATE_NOOP("Error", "Time: choose when the post goes out.")
IN_THE_PAST = QT_TRANSLATE_NOOP("Error", "Time: {when} is in the past; choose a later time.")


def _post_time(at: datetime | None) -> datetime:
    """A new post's time: given, not in the past, not beyond MAX_AHEAD; "now" when just past.
    The errors are about the field "at" (the window's words in the rule, the command line's in
    the detail)."""
    now = utcnow()
    if at is None:
        raise UserError.translatable(NO_TIME).about("at", "give a time.")
    when = iso_utc(at)
    if at < now - PAST_TOLERANCE:
        raise UserError.translatable(IN_THE_PAST, when=when).about(
            "at", f'{when} is in the past; give a future time or "now".'
        )
    if at > now + MAX_AHEAD:
        raise UserError.translatable(TOO_FAR_AHEAD, when=when).about(
            "at", f"{when} is more than ten years ahead; give an earlier time."
        )
    return max(at, now)


def _command_line_time(at: datetime, in_the_past: str) -> datetime:
    """`--at` as a post's time: not in the past (`in_the_past` says so), not beyond MAX_AHEAD
    (the command line's words for TOO_FAR_AHEAD: they name the option); "now" when just past."""
    now = utcnow()
    if at < now - PAST_TOLERANCE:
        raise UserError(in_the_past.format(when=iso_utc(at)))
    if at > now + MAX_AHEAD:
        raise UserError.translatable(
            TOO_FAR_AHEAD,
            f"--at: {iso_utc(at)} is more than ten years ahead; give an earlier time.",
            when=iso_utc(at),
        )
    return max(at, now)


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
        if not accounts:
            raise UserError.translatable(NO_ACCOUNT).about("account", "name at least one account.")
        if len({a.id for a in accounts}) != len(accounts):
            raise UserError.translatable(ACCOUNT_TWICE).about(
                "account", "each account may be named once."
            )
        platforms = sorted({a.platform for a in accounts})
        if isinstance(post, NewPost):
            if not (post.text or "").strip() and not post.media:
                raise UserError("the post text must not be empty.").about("text")
            at = _post_time(post.at)
            media = normalize_media(post.media)
            same = PostVariant(post.text, post.title, post.link, media, dict(post.extra))
            variants = {p: same for p in platforms}
            base = {"title": post.title or "", "text": post.text, "link": post.link, "media": media}
        else:
            at = _post_time(post.at)
            variants = {p: _clean_variant(post.variant_for(p)) for p in platforms}
            base = post.content_fields()
        host = media_host_available()
        problems = [m for p in platforms for m in self.problems(p, variants[p], host)]
        if problems:
            raise UserError("; ".join(problems))
        if isinstance(post, NewPost):
            _check_media_addresses(platforms, media)
        with self.store.atomic():
            if content_id is None:
                content = Content.create(**base)
            else:
                content = _take_draft(
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
        """`schedule` for a NewPost, its errors worded as on the command line (a NewPost's
        fields are named as its options: "--at: …"): the short form scripts and tests use."""
        try:
            return self.schedule(accounts, new)
        except UserError as exc:
            if exc.field is not None:
                exc.args = (exc.named(f"--{exc.field}"),)
            raise

    # --- the editor ----------------------------------------------------------------------
    def load_content(self, content_id: int) -> EditedContent:
        """A piece of content with its variants (the accepted one per platform, else the latest)
        and, for a draft, the accounts and time chosen when it was saved."""
        content = Content.get_or_none(Content.id == content_id)
        if content is None:
            raise UserError.translatable(
                QT_TRANSLATE_NOOP("Error", "No draft with id {id}: it may have been deleted."),
                id=content_id,
            )
        variants: dict[str, PostVariant] = {}
        account_ids: list[int] = []
        at: datetime | None = None
        rows = content.variants.order_by(ContentVariant.accepted, ContentVariant.id)
        for row in rows:  # accepted rows come last and win
            variants[row.platform] = variant_of(row)
            meta = (row.extra or {}).get(DRAFT_KEY) or {}
            account_ids += [i for i in meta.get("accounts", []) if i not in account_ids]
            if meta.get("at") and at is None:
                at = datetime.fromisoformat(meta["at"].replace("Z", "+00:00"))
        known = {a.id for a in Account.select(Account.id).where(Account.id.in_(account_ids))}
        return EditedContent(
            text=content.text,
            title=content.title or "",
            link=content.link,
            media=list(content.media or []),
            variants=variants,
            account_ids=[i for i in account_ids if i in known],
            at=at,
            content_id=content.id,
        )

    def load_post(self, post_id: int) -> EditedContent:
        """One scheduled post: its content's base, its own variant, its account and time."""
        post = self.get(post_id)
        variant_row: ContentVariant = post.variant
        content: Content = variant_row.content
        return EditedContent(
            text=content.text,
            title=content.title or "",
            link=content.link,
            media=list(content.media or []),
            variants={variant_row.platform: variant_of(variant_row)},
            account_ids=[post.account_id],
            at=post.publication_date,
            content_id=content.id,
            post_id=post.id,
        )

    def save_draft(self, data: EditedContent, content_id: int | None = None) -> int:
        """Keep the content without scheduling anything; never refused for its contents.

        Returns the draft's content id. A draft that was scheduled meanwhile is not overwritten.
        """
        platform_of = {
            a.id: a.platform for a in Account.select().where(Account.id.in_(data.account_ids))
        }
        by_platform: dict[str, list[int]] = {}
        for account_id in data.account_ids:
            if account_id in platform_of:
                by_platform.setdefault(platform_of[account_id], []).append(account_id)
        with self.store.atomic():
            if content_id is None:
                content = Content.create(**data.content_fields())
            else:
                content = _take_draft(
                    content_id,
                    data.content_fields(),
                    gone=QT_TRANSLATE_NOOP(
                        "Error", "This draft has been deleted meanwhile; save it as a new one."
                    ),
                    scheduled=QT_TRANSLATE_NOOP(
                        "Error",
                        "This draft has been scheduled meanwhile; edit the scheduled posts "
                        "instead.",
                    ),
                )
            at = iso_utc(data.at) if data.at is not None else None
            for platform in sorted(set(data.variants) | set(by_platform)):
                variant = _clean_variant(data.variant_for(platform))
                extra = dict(variant.extra)
                extra[DRAFT_KEY] = {"accounts": by_platform.get(platform, []), "at": at}
                create_variant_row(content, platform, variant, accepted=False, extra=extra)
        return content.id

    def _check_time(self, at: datetime | None) -> datetime:
        return _post_time(at)

    @staticmethod
    def problems(platform: str, variant: PostVariant, host: bool | None = None) -> list[str]:
        """The platform's rules a cleaned variant (`_clean_variant`) breaks, each as
        '<Platform> <field>: <rule>'."""
        cls = registry.publisher_class(platform)
        host = media_host_available() if host is None else host
        return [f"{cls.label} {p}" for p in cls.validate(variant, host)]

    def update_post(self, post_id: int, data: EditedContent, variant: PostVariant) -> ScheduledPost:
        """Change what a not-yet-published post says and when it goes out.

        The post goes back to `scheduled` at the new time (a failed or cancelled post is thereby
        scheduled again). When its content or variant is shared with other posts, this post gets
        a content of its own, so editing one post never changes another (nor the record of what
        a published post said).
        """
        post = self.get(post_id)
        lifecycle.check(Action.EDIT, post.status, post.id, post.url)
        at = self._check_time(data.at)
        platform = post.account.platform
        clean = _clean_variant(variant)
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
            if _has_posts(content_id, other_than=post_id):
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
        at = _command_line_time(at, "--at: {when} is in the past; give a future time.")
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
