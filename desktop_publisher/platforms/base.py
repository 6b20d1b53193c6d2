"""What every platform client offers the engine, and what it may answer.

Platform classes describe the platform (fields, limits) and do the HTTP work. Decisions about
retrying, holding, notifying and at-most-once live in engine/publishing.py, not here.
"""

from __future__ import annotations

import mimetypes
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Protocol
from urllib.parse import urlparse

from desktop_publisher.redaction import redact


class ErrorKind(StrEnum):
    TRANSIENT = "transient"  # the platform surely did not act: retry with backoff
    RATE_LIMITED = "rate_limited"  # surely not acted, wait (retry_after) then try again
    AUTH = "auth"  # token expired/revoked/wrong: the user must reconnect
    INVALID_CONTENT = "invalid_content"  # the post itself breaks a rule: the user must edit
    PERMANENT = "permanent"  # will not work by retrying (permissions, policy, duplicate...)
    UNKNOWN_OUTCOME = "unknown_outcome"  # the final call may have been acted on: never re-send


class PublishError(Exception):
    """A classified failure. `message` is for a person: what went wrong and what to do."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        code: str | None = None,
    ) -> None:
        self.kind = kind
        self.message = redact(message)
        self.retry_after = retry_after
        self.status = status
        self.code = code
        super().__init__(self.message)


@dataclass(frozen=True)
class PublishResult:
    external_id: str
    url: str | None = None


@dataclass(frozen=True)
class Problem:
    """One validation failure: the field it concerns and the rule, in words."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class Limits:
    """Declared once per platform; drives validate() here and the editor's live counters."""

    max_text: int | None = None
    text_required: bool = True
    min_media: int = 0
    max_media: int = 0
    media_types: tuple[str, ...] = ()  # MIME types, e.g. ("image/jpeg",)
    max_media_bytes: int | None = None
    max_hashtags: int | None = None
    max_mentions: int | None = None
    title_required: bool = False
    max_title: int | None = None


@dataclass(frozen=True)
class SettingField:
    """A non-secret account setting: stored in the Account row."""

    key: str
    label: str
    cli_option: str | None = None  # e.g. "--page-id"
    env: str | None = None  # legacy environment variable for `account import-env`
    required: bool = True
    flag: bool = False  # a yes/no switch (e.g. --media-host)


@dataclass
class PostVariant:
    """The accepted variant of a piece of content for one platform, as plain data."""

    text: str
    title: str | None = None
    link: str | None = None
    media: list[str] = field(default_factory=list)  # local paths or http(s) URLs
    extra: dict = field(default_factory=dict)  # categories, tags, alt, excerpt...


@dataclass
class AccountInfo:
    id: int
    name: str
    platform: str
    settings: dict
    secret: str = field(repr=False, default="")


class MediaHost(Protocol):
    """Uploads a local file somewhere public and returns its https URL (Instagram needs one)."""

    def upload_public(self, path: str, alt: str | None = None) -> str: ...


@dataclass
class PublisherOptions:
    linkedin_url: str
    graph_url: str
    linkedin_version: str
    graph_version: str
    media_host: MediaHost | None = None


@dataclass
class PublishContext:
    """What the engine tells a publisher about this attempt.

    `checkpoint` survives across attempts of the same post (uploaded media ids, an Instagram
    container id...). Call `save_checkpoint()` right after creating anything remote so a crash
    or an ambiguous failure can be reconciled later instead of creating it again.
    """

    post_id: int
    attempt: int
    previous_outcome_unknown: bool
    checkpoint: dict
    save_checkpoint: Callable[[dict], None]

    def remember(self, **values: object) -> None:
        self.checkpoint.update(values)
        self.save_checkpoint(dict(self.checkpoint))


def is_url(ref: str) -> bool:
    return urlparse(ref).scheme in ("http", "https")


def media_type(ref: str) -> str | None:
    path = urlparse(ref).path if is_url(ref) else ref
    guessed, _ = mimetypes.guess_type(path)
    return guessed


HASHTAG = re.compile(r"(?<!\w)#\w+")
MENTION = re.compile(r"(?<!\w)@[\w.]+")


class Publisher(ABC):
    platform: ClassVar[str]
    label: ClassVar[str]
    limits: ClassVar[Limits]
    setting_fields: ClassVar[tuple[SettingField, ...]] = ()
    secret_label: ClassVar[str] = "access token"
    secret_env: ClassVar[str | None] = None
    # Whether tokens expire unless told otherwise (LinkedIn/Facebook user tokens: 60 days).
    token_expires_by_default: ClassVar[bool] = True
    # Whether publish() may need options.media_host (Instagram: local images must be public).
    needs_media_host: ClassVar[bool] = False
    # Keys of PostVariant.extra this platform reads, in the order an editor shows them:
    # "excerpt", "categories", "tags" (lists of names), "alt" (text for the images).
    extra_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        self.account = account
        self.options = options

    @classmethod
    def count_text(cls, text: str) -> int:
        """Length as the platform counts it (code points unless a platform says otherwise)."""
        return len(text)

    @classmethod
    def text_as_sent(cls, variant: PostVariant) -> str:
        """The text the platform receives (some add the link to it): what a counter counts."""
        return variant.text or ""

    @classmethod
    def validate(cls, variant: PostVariant, media_host_available: bool = False) -> list[Problem]:
        """Check a variant against the declared limits; platforms add their own rules."""
        limits = cls.limits
        problems: list[Problem] = []
        text = variant.text or ""
        if limits.text_required and not text.strip():
            problems.append(Problem("text", f"{cls.label} needs some text."))
        if limits.max_text is not None and cls.count_text(text) > limits.max_text:
            problems.append(
                Problem(
                    "text",
                    f"{cls.label} allows at most {limits.max_text} characters "
                    f"({cls.count_text(text)} now).",
                )
            )
        if limits.title_required and not (variant.title or "").strip():
            problems.append(Problem("title", f"{cls.label} needs a title."))
        if limits.max_title is not None and len(variant.title or "") > limits.max_title:
            problems.append(
                Problem("title", f"{cls.label} allows at most {limits.max_title} characters.")
            )
        if limits.max_hashtags is not None:
            count = len(HASHTAG.findall(text))
            if count > limits.max_hashtags:
                problems.append(
                    Problem(
                        "text",
                        f"{cls.label} allows at most {limits.max_hashtags} hashtags ({count} now).",
                    )
                )
        if limits.max_mentions is not None:
            count = len(MENTION.findall(text))
            if count > limits.max_mentions:
                problems.append(
                    Problem(
                        "text",
                        f"{cls.label} allows at most {limits.max_mentions} "
                        f"@-mentions ({count} now).",
                    )
                )
        problems.extend(cls._validate_media(variant.media))
        if variant.link and urlparse(variant.link).scheme not in ("http", "https"):
            problems.append(Problem("link", "The link must start with http:// or https://."))
        return problems

    @classmethod
    def _validate_media(cls, media: list[str]) -> list[Problem]:
        limits = cls.limits
        problems: list[Problem] = []
        if len(media) < limits.min_media:
            what = "an image" if limits.min_media == 1 else f"at least {limits.min_media} images"
            problems.append(Problem("media", f"{cls.label} needs {what}."))
        if len(media) > limits.max_media:
            if limits.max_media == 0:
                problems.append(Problem("media", f"{cls.label} posts here cannot carry media."))
            else:
                problems.append(
                    Problem(
                        "media",
                        f"{cls.label} allows at most {limits.max_media} images "
                        f"({len(media)} given).",
                    )
                )
        for ref in media:
            kind = media_type(ref)
            if limits.media_types and kind not in limits.media_types:
                allowed = ", ".join(t.split("/")[-1].upper() for t in limits.media_types)
                problems.append(
                    Problem("media", f"{Path(ref).name}: {cls.label} accepts {allowed} only.")
                )
            if not is_url(ref):
                path = Path(ref)
                if not path.is_file():
                    problems.append(Problem("media", f"{ref}: no such file."))
                elif limits.max_media_bytes and path.stat().st_size > limits.max_media_bytes:
                    mb = limits.max_media_bytes / 1_000_000
                    problems.append(
                        Problem("media", f"{path.name}: {cls.label} accepts files up to {mb:g} MB.")
                    )
        return problems

    @abstractmethod
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        """Send the post. Raise PublishError with the right kind on failure.

        Never re-send a final publish call after a timeout or dropped connection: raise
        UNKNOWN_OUTCOME. When ctx.previous_outcome_unknown is true, reconcile first where the
        platform allows (LinkedIn duplicate 422, Instagram container status...).
        """

    @abstractmethod
    def verify(self) -> str:
        """Check the credentials; return the display name the platform knows the account by."""
