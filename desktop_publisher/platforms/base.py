"""What every platform client offers the engine, and what it may answer.

Platform classes describe the platform (fields, limits) and do the HTTP work. Decisions about
retrying, holding, notifying and at-most-once live in engine/publishing.py, not here.
"""

from __future__ import annotations

import mimetypes
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol
from urllib.parse import urlparse

from desktop_publisher.local_files import (
    FileTooLarge,
    NotRegularFile,
    check_file,
    megabytes,
    read_capped,
)
from desktop_publisher.message import Message
from desktop_publisher.platforms.declaration import (
    AccountField,
    ApiUrl,
    Declaration,
    GlobalSetting,
    Limits,
    Problem,
)
from desktop_publisher.platforms.failures import (  # noqa: F401 - the clients import them here
    CONNECTION_TEST_REFUSED,
    ErrorKind,
    PublishError,
    connection_test_refused,
)
from desktop_publisher.redaction import redact
from desktop_publisher.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PublishResult:
    external_id: str
    url: str | None = None


@dataclass
class PostVariant:
    """The accepted variant of a piece of content for one platform, as plain data."""

    text: str
    title: str | None = None
    link: str | None = None
    media: list[str] = field(default_factory=list)  # local paths or http(s) URLs
    extra: dict = field(default_factory=dict)  # categories, tags, alt, excerpt...


def _forget(key: str, value: object) -> None:
    """What a client learns is dropped unless the engine gives a way to keep it."""


# remember(key, value): keep something a client learned from the platform (see below).
Remember = Callable[[str, object], None]


@dataclass
class AccountInfo:
    id: int
    name: str
    platform: str
    settings: dict
    secret: str = field(repr=False, default="")
    # Keeps a setting of this account the client read from the platform (LinkedIn's author
    # URN), so it is asked once, not before every post. Never overwrites what the user set.
    remember: Remember = field(default=_forget, repr=False, compare=False)


class MediaHost(Protocol):
    """Uploads a local file somewhere public and returns its https URL (Instagram needs one)."""

    def upload_public(self, path: str, alt: str | None = None) -> str: ...


@dataclass
class PublisherOptions:
    """What every client of a platform shares: the API addresses (by ApiUrl.key; one not given
    is read from its environment variable or default) and the platforms' global settings (by
    GlobalSetting.key; one not given is its declared default)."""

    urls: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)
    media_host: MediaHost | None = None
    # Keeps a global setting the client learned (an API version that works): remember(key, v).
    remember: Remember = field(default=_forget, repr=False, compare=False)

    def url(self, api: ApiUrl) -> str:
        given = self.urls.get(api.key)
        return given.rstrip("/") if given else api.resolve()

    def setting(self, spec: GlobalSetting) -> object:
        return self.settings.get(spec.key, spec.default)


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


def alt_texts(alt: object, count: int) -> list[str | None]:
    """`extra["alt"]`: one text for every image (the CLI's --alt) or a list, one per image."""
    if isinstance(alt, list | tuple):
        texts = [(str(a).strip() or None) if a is not None else None for a in alt]
        return (texts + [None] * count)[:count]
    text = str(alt).strip() if alt else ""
    return [text or None] * count


def is_url(ref: str) -> bool:
    return urlparse(ref).scheme in ("http", "https")


def display_name(ref: str) -> str:
    """How a medium is named in progress steps and errors: its file name (an address without one
    is shown masked)."""
    if is_url(ref):
        return Path(urlparse(ref).path).name or redact(ref)
    return Path(ref).name


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as JavaScript and Java count a string: a character outside
    the Basic Multilingual Plane (most emoji) counts as two, and an emoji made of several
    characters (skin tones, flags, families) as two for each."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def media_type(ref: str) -> str | None:
    path = urlparse(ref).path if is_url(ref) else ref
    guessed, _ = mimetypes.guess_type(path)
    return guessed


def read_local_media(ref: str, cap: int, platform: str) -> bytes:
    """The bytes of the local image `ref` for publishing, never more than `cap + 1` read: a file
    that is not a regular file, or has grown past `cap` since the post was checked, is the
    post's problem (PublishError, invalid content). OSError when it cannot be read at all."""
    try:
        return read_capped(ref, cap)
    except (NotRegularFile, FileTooLarge) as exc:
        raise media_refused(ref, cap, platform, exc) from None


def check_local_media(ref: str, cap: int, platform: str) -> None:
    """read_local_media's checks without reading (for a file another service will read)."""
    try:
        check_file(ref, cap)
    except (NotRegularFile, FileTooLarge) as exc:
        raise media_refused(ref, cap, platform, exc) from None


def media_refused(ref: str, cap: int, platform: str, exc: Exception) -> PublishError:
    values = {"file": Path(ref).name, "mb": megabytes(cap), "platform": platform}
    if isinstance(exc, FileTooLarge):
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Media: {file} is larger than {mb} MB, the most {platform} accepts; replace it with "
            "a smaller image.",
        )
    else:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Media: {file} is not a regular file (a folder, device or pipe); replace it with an "
            "image file.",
        )
    return PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values))


# Seconds to connect to a platform and to wait for each piece of its answer.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
# Seconds for a whole call, request and answer: the timeouts above count per socket read, so a
# server sending one byte every few seconds would hold a call (its account's posts, the engine's
# stop) for ever. A call sending a body gets more time for it (platforms/http.py).
CALL_DEADLINE = 120.0

# A rule other modules look for by name (Instagram replaces it).
NEEDS_AN_IMAGE = QT_TRANSLATE_NOOP("Problem", "{platform} needs an image.")
TOO_LONG = QT_TRANSLATE_NOOP(
    "Problem", "{platform} allows at most {limit} characters ({count} now)."
)
# A local image is read whole into memory to be sent: a platform that declares no size limit
# still gets one, as large as the largest any platform here takes.
DEFAULT_MAX_MEDIA_BYTES = 50_000_000

HASHTAG = re.compile(r"(?<!\w)#\w+")
MENTION = re.compile(r"(?<!\w)@[\w.]+")


class Publisher(ABC):
    # Everything the platform says about itself (platforms/declaration.py). The attributes
    # below are read from it when the class is made, for the code that asks the class.
    declaration: ClassVar[Declaration]
    platform: ClassVar[str]
    label: ClassVar[str]
    limits: ClassVar[Limits]
    setting_fields: ClassVar[tuple[AccountField, ...]] = ()
    secret_label: ClassVar[str] = "access token"
    secret_env: ClassVar[str | None] = None
    token_expires_by_default: ClassVar[bool] = True
    needs_media_host: ClassVar[bool] = False
    extra_fields: ClassVar[tuple[str, ...]] = ()
    fetches_media_urls: ClassVar[bool] = False
    checks_remote_types: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("declaration")
        if declared is None:
            return
        cls.platform = declared.platform
        cls.label = declared.label
        cls.limits = declared.limits
        cls.setting_fields = declared.account_fields
        cls.secret_label = declared.secret.label
        cls.secret_env = declared.secret.env
        cls.token_expires_by_default = declared.secret.expires_by_default
        cls.needs_media_host = declared.capabilities.needs_media_host
        cls.extra_fields = declared.extra_fields
        cls.fetches_media_urls = declared.capabilities.fetches_media_urls
        cls.checks_remote_types = declared.capabilities.checks_remote_types

    # (connect, read) seconds; a class attribute so a test can shorten the wait for a slow server.
    timeout: ClassVar[tuple[float, float]] = (CONNECT_TIMEOUT, READ_TIMEOUT)
    # Seconds for a whole call (see CALL_DEADLINE); a class attribute for the same reason.
    deadline: ClassVar[float] = CALL_DEADLINE
    # The rule a too long text breaks when count_text counts some characters as more than one:
    # it says why the count is above what the user sees (platforms name their own characters).
    too_long_counted: ClassVar[str] = QT_TRANSLATE_NOOP(
        "Problem",
        "{platform} allows at most {limit} characters ({count} now: {platform} counts most "
        "emoji as two or more).",
    )

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        self.account = account
        self.options = options

    @classmethod
    def count_text(cls, text: str) -> int:
        """The length of `text` (as the user wrote it) the way the platform counts it against
        `limits.max_text`: code points unless a platform says otherwise (in UTF-16 units, or on
        the text as escaped for sending). The editor's counter and validate() both use it."""
        return len(text)

    @classmethod
    def media_cap(cls) -> int:
        """The most bytes a local image may have for this platform."""
        return cls.limits.max_media_bytes or DEFAULT_MAX_MEDIA_BYTES

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
        platform = {"platform": cls.label}
        if limits.text_required and not text.strip():
            problems.append(
                Problem(
                    "text", QT_TRANSLATE_NOOP("Problem", "{platform} needs some text."), platform
                )
            )
        if limits.max_text is not None:
            # What is sent (a platform may add the link to the text), as the platform counts it.
            sent = cls.text_as_sent(variant)
            length = cls.count_text(sent)
            if length > limits.max_text:
                rule = TOO_LONG if length == len(sent) else cls.too_long_counted
                args = {**platform, "limit": limits.max_text, "count": length}
                problems.append(Problem("text", rule, args))
        if limits.title_required and not (variant.title or "").strip():
            problems.append(
                Problem(
                    "title", QT_TRANSLATE_NOOP("Problem", "{platform} needs a title."), platform
                )
            )
        if limits.max_title is not None and len(variant.title or "") > limits.max_title:
            rule = QT_TRANSLATE_NOOP("Problem", "{platform} allows at most {limit} characters.")
            problems.append(Problem("title", rule, {**platform, "limit": limits.max_title}))
        for limit, pattern, rule in (
            (
                limits.max_hashtags,
                HASHTAG,
                QT_TRANSLATE_NOOP(
                    "Problem", "{platform} allows at most {limit} hashtags ({count} now)."
                ),
            ),
            (
                limits.max_mentions,
                MENTION,
                QT_TRANSLATE_NOOP(
                    "Problem", "{platform} allows at most {limit} @-mentions ({count} now)."
                ),
            ),
        ):
            count = len(pattern.findall(text)) if limit is not None else 0
            if limit is not None and count > limit:
                problems.append(Problem("text", rule, {**platform, "limit": limit, "count": count}))
        problems.extend(cls._validate_media(variant.media))
        if cls.fetches_media_urls:
            problems.extend(cls._address_problems(variant.media))
        if variant.link and urlparse(variant.link).scheme not in ("http", "https"):
            rule = QT_TRANSLATE_NOOP("Problem", "The link must start with http:// or https://.")
            problems.append(Problem("link", rule))
        return problems

    @classmethod
    def _address_problems(cls, media: list[str]) -> list[Problem]:
        """Image URLs this app would fetch from this computer or a private network: refused by
        address here (no lookup: a form checks as the user types); names are resolved when the
        post is added from the command line and before every download (addresses.py)."""
        from desktop_publisher.platforms import addresses

        problems = []
        for ref in media:
            if is_url(ref) and addresses.literal_refusal(ref):
                rule = QT_TRANSLATE_NOOP(
                    "Problem",
                    "{file}: {host} is not a public internet address; images are fetched only "
                    "from public addresses. Use a public address or a file on this computer.",
                )
                args = {"file": display_name(ref), "host": urlparse(ref).hostname or ref}
                problems.append(Problem("media", rule, args))
        return problems

    @classmethod
    def _validate_media(cls, media: list[str]) -> list[Problem]:
        limits = cls.limits
        problems: list[Problem] = []
        platform = {"platform": cls.label}
        if len(media) < limits.min_media:
            if limits.min_media == 1:
                problems.append(Problem("media", NEEDS_AN_IMAGE, platform))
            else:
                rule = QT_TRANSLATE_NOOP("Problem", "{platform} needs at least {count} images.")
                problems.append(Problem("media", rule, {**platform, "count": limits.min_media}))
        if len(media) > limits.max_media:
            if limits.max_media == 0:
                rule = QT_TRANSLATE_NOOP("Problem", "{platform} posts here cannot carry media.")
                problems.append(Problem("media", rule, platform))
            else:
                rule = QT_TRANSLATE_NOOP(
                    "Problem", "{platform} allows at most {limit} images ({count} given)."
                )
                args = {**platform, "limit": limits.max_media, "count": len(media)}
                problems.append(Problem("media", rule, args))
        for ref in media:
            kind = media_type(ref)
            untyped_remote = kind is None and is_url(ref) and cls.checks_remote_types
            if limits.media_types and kind not in limits.media_types and not untyped_remote:
                allowed = ", ".join(t.split("/")[-1].upper() for t in limits.media_types)
                rule = QT_TRANSLATE_NOOP("Problem", "{file}: {platform} accepts {types} only.")
                args = {**platform, "file": Path(ref).name, "types": allowed}
                problems.append(Problem("media", rule, args))
            if not is_url(ref):
                problem = cls._check_local_file(ref)
                if problem is not None:
                    problems.append(problem)
        return problems

    @classmethod
    def _check_local_file(cls, ref: str) -> Problem | None:
        """A local image must be a regular file within the size limit; only looked at (stat),
        never opened: a pipe would block, and the editor asks on every keystroke."""
        name = Path(ref).name
        try:
            check_file(ref, cls.media_cap())
        except NotRegularFile:
            rule = QT_TRANSLATE_NOOP(
                "Problem", "{file}: not a regular file (a folder, device or pipe); choose an image."
            )
            return Problem("media", rule, {"file": name})
        except FileTooLarge:
            rule = QT_TRANSLATE_NOOP("Problem", "{file}: {platform} accepts files up to {mb} MB.")
            args = {"platform": cls.label, "file": name, "mb": megabytes(cls.media_cap())}
            return Problem("media", rule, args)
        except PermissionError:
            rule = QT_TRANSLATE_NOOP("Problem", "{file}: cannot be read (no permission).")
            return Problem("media", rule, {"file": ref})
        except OSError:
            rule = QT_TRANSLATE_NOOP("Problem", "{file}: no such file.")
            return Problem("media", rule, {"file": ref})
        return None

    @abstractmethod
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        """Send the post. Raise PublishError with the right kind on failure.

        Never re-send a final publish call after a timeout or dropped connection: raise
        UNKNOWN_OUTCOME. When ctx.previous_outcome_unknown is true, reconcile first where the
        platform allows (LinkedIn duplicate 422, Instagram container status...).
        """

    @abstractmethod
    def verify(self) -> str:
        """Check the credentials; return the display name the platform knows the account by.

        Errors speak of the account, not of a post (see `checking_account`)."""

    # True while verify() runs for a connection test: a refusal is then about the account's
    # settings or token, and the messages must not tell the user to edit a post.
    checking_account: bool = False

    def check_account(self) -> str:
        """verify(), as a connection test (`account test`, the window's Test button)."""
        self.checking_account = True
        try:
            return self.verify()
        finally:
            self.checking_account = False

    @classmethod
    def media_host(cls, account: AccountInfo) -> MediaHost:
        """For a platform declaring `hosts_media`: what uploads images with this account."""
        raise NotImplementedError(f"{cls.label} does not host media")

    def learn_settings(self) -> None:
        """Read from the platform the settings it can tell (when an account is added), and
        keep them with `account.remember`. Raises PublishError when the platform cannot say.
        Most platforms have nothing to learn."""
        return None
