"""What a post says: the content model the command line (`NewPost`) and the editor
(`EditedContent`) hand to PostService, its variant rows, and drafts (content saved without
scheduling, loaded back into the editor). No Qt; PostService (posts.py) is the entry point."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_publisher.errors import UserError
from desktop_publisher.platforms.base import PostVariant, is_url
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import Account, Content, ContentVariant, ScheduledPost
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import iso_utc

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


def clean_variant(variant: PostVariant) -> PostVariant:
    return PostVariant(
        text=variant.text or "",
        title=(variant.title or "").strip() or None,
        link=(variant.link or "").strip() or None,
        media=normalize_media(variant.media),
        extra={k: v for k, v in (variant.extra or {}).items() if k != DRAFT_KEY},
    )


def take_draft(content_id: int, fields: dict[str, Any], gone: str, scheduled: str) -> Content:
    """The draft `content_id` given `fields` and emptied of its variants (the caller writes them
    anew); refused with `gone` when it was deleted meanwhile, `scheduled` when scheduled."""
    content = Content.get_or_none(Content.id == content_id)
    if content is None:
        raise UserError.translatable(gone)
    if has_posts(content_id):
        raise UserError.translatable(scheduled)
    Content.update(**fields, updated_at=utcnow()).where(Content.id == content_id).execute()
    ContentVariant.delete().where(ContentVariant.content == content_id).execute()
    return content


def has_posts(content_id: int, other_than: int | None = None) -> bool:
    """Whether any scheduled post (other than `other_than`) says this content."""
    query = ScheduledPost.select().join(ContentVariant).where(ContentVariant.content == content_id)
    if other_than is not None:
        query = query.where(ScheduledPost.id != other_than)
    return query.exists()


def load_content(content_id: int) -> EditedContent:
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


def load_post(post: ScheduledPost) -> EditedContent:
    """One scheduled post: its content's base, its own variant, its account and time."""
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


def save_draft(store: Store, data: EditedContent, content_id: int | None = None) -> int:
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
    with store.atomic():
        if content_id is None:
            content = Content.create(**data.content_fields())
        else:
            content = take_draft(
                content_id,
                data.content_fields(),
                gone=QT_TRANSLATE_NOOP(
                    "Error", "This draft has been deleted meanwhile; save it as a new one."
                ),
                scheduled=QT_TRANSLATE_NOOP(
                    "Error",
                    "This draft has been scheduled meanwhile; edit the scheduled posts instead.",
                ),
            )
        at = iso_utc(data.at) if data.at is not None else None
        for platform in sorted(set(data.variants) | set(by_platform)):
            variant = clean_variant(data.variant_for(platform))
            extra = dict(variant.extra)
            extra[DRAFT_KEY] = {"accounts": by_platform.get(platform, []), "at": at}
            create_variant_row(content, platform, variant, accepted=False, extra=extra)
    return content.id
