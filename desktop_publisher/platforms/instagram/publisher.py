"""Instagram professional accounts (Graph API content publishing).

One publish is: reconcile a container remembered from an earlier attempt (a container whose
status is PUBLISHED proves that attempt worked) → read `content_publishing_limit` and hold the
post while the daily quota is used up → make every image public (https URLs as given; local
files through the media host, a WordPress site) → create the container (for a carousel, one
child per image, then the CAROUSEL container) and remember it → poll its `status_code` until
FINISHED → `POST /media_publish`, the only call that creates something visible and therefore the
only one marked `final` → read the permalink.

A container can be published only once, so a remembered container is what makes a retry after
a lost answer safe: its status says whether the earlier attempt worked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlparse

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import (
    NEEDS_AN_IMAGE,
    AccountInfo,
    ErrorKind,
    PostVariant,
    Problem,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
    PublishResult,
    alt_texts,
    check_local_media,
    is_url,
    utf16_length,
)
from desktop_publisher.platforms.error_table import said_after
from desktop_publisher.platforms.graph import (
    IG_QUOTA_SUBCODE,
    NOT_READY_CODE,
    GraphApi,
    image_fingerprint,
    step,
)
from desktop_publisher.platforms.images import unreadable_image
from desktop_publisher.platforms.instagram import DECLARATION
from desktop_publisher.platforms.instagram.errors import (
    CONTAINER_ERRORS,
    INSTAGRAM_ROWS,
    QUOTA_RECHECK_SECONDS,
)
from desktop_publisher.platforms.registry import register
from desktop_publisher.redaction import redact
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

MAX_ALT_TEXT = 1000
NO_MEDIA_HOST = QT_TRANSLATE_NOOP(
    "Error",
    "{file}: Instagram needs the image at a public https:// address, and no media host is "
    "available; use an https:// image address, or mark a public WordPress account as media host "
    "({advice}) so local images are uploaded there first.",
)
# The steps of a publish, named in errors ("… while preparing the post").
READING_ACCOUNT = QT_TRANSLATE_NOOP("Step", "reading the Instagram account")
READING_LIMIT = QT_TRANSLATE_NOOP("Step", "reading the daily publishing limit")
PREPARING_POST = QT_TRANSLATE_NOOP("Step", "preparing the post")
PREPARING_IMAGE = QT_TRANSLATE_NOOP("Step", "preparing image {index} of the carousel")
PREPARING_CAROUSEL = QT_TRANSLATE_NOOP("Step", "preparing the carousel")
PUBLISHING_POST = QT_TRANSLATE_NOOP("Step", "publishing the post")
CHECKING_PREPARED = QT_TRANSLATE_NOOP("Step", "checking the prepared post")
LOOKING_FOR_PUBLISHED = QT_TRANSLATE_NOOP("Step", "looking for the published post")
READING_PERMALINK = QT_TRANSLATE_NOOP("Step", "reading the permalink")
# Why a container failed, when Instagram's status names no known subcode.
NOT_PREPARED = QT_TRANSLATE_NOOP("Error", "it could not be prepared")


def caption_of(variant: PostVariant) -> str:
    """The caption. Instagram has no link attachment: a link is added as text (not clickable)."""
    text = (variant.text or "").strip()
    if variant.link and variant.link not in text:
        text = f"{text}\n\n{variant.link}" if text else variant.link
    return text


@register
class InstagramPublisher(Publisher):
    declaration = DECLARATION
    # Class attributes so a test can shorten them. Images are usually ready at once; Meta asks
    # not to poll more than about once a minute for long jobs, so the wait stays short and a
    # container still processing is picked up again by the next attempt.
    poll_interval: ClassVar[float] = 3.0
    poll_timeout: ClassVar[float] = 60.0

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        super().__init__(account, options)
        self.user_id = str(account.settings.get("account_id") or "").strip()
        self.graph = GraphApi.for_publisher(self, INSTAGRAM_ROWS)

    # --- rules ---------------------------------------------------------------------------
    @classmethod
    def count_text(cls, text: str) -> int:
        # The IG User Media reference says "Maximum 2200 characters" for the caption, not in
        # which unit: counted in UTF-16 units, the larger of the possible counts, so the editor
        # never accepts a caption Instagram may find too long.
        return utf16_length(text)

    @classmethod
    def text_as_sent(cls, variant: PostVariant) -> str:
        return caption_of(variant)

    @classmethod
    def validate(cls, variant: PostVariant, media_host_available: bool = False) -> list[Problem]:
        # Length, hashtags and mentions are counted on the caption as it will be sent.
        as_sent = dataclasses.replace(variant, text=caption_of(variant))
        problems = [
            p
            for p in super().validate(as_sent, media_host_available)
            if p.rule != NEEDS_AN_IMAGE  # said better below
        ]
        if not variant.media:
            rule = QT_TRANSLATE_NOOP(
                "Problem", "Instagram has no text-only posts: add a JPEG image."
            )
            problems.insert(0, Problem("media", rule))
        for ref in variant.media:
            if is_url(ref) and urlparse(ref).scheme != "https":
                rule = QT_TRANSLATE_NOOP(
                    "Problem",
                    "{address}: Instagram downloads images itself and needs an https:// address.",
                )
                problems.append(Problem("media", rule, {"address": redact(ref)}))
            elif not is_url(ref) and not media_host_available:
                rule = QT_TRANSLATE_NOOP(
                    "Problem",
                    "{file}: Instagram needs the image at a public https:// address; use an "
                    "https:// image address, or mark a public WordPress account as media host "
                    "(desktop-publisher account add wordpress … --media-host) so local images "
                    "are uploaded there first.",
                )
                problems.append(Problem("media", rule, {"file": Path(ref).name}))
        for alt in alt_texts(variant.extra.get("alt"), len(variant.media)):
            if alt and len(alt) > MAX_ALT_TEXT:
                rule = QT_TRANSLATE_NOOP(
                    "Problem", "Instagram allows alt text up to {limit} characters."
                )
                problems.append(Problem("alt", rule, {"limit": MAX_ALT_TEXT}))
                break
        return problems

    # --- the interface -------------------------------------------------------------------
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        self._check_user_id()
        caption = caption_of(variant)
        alts = alt_texts(variant.extra.get("alt"), len(variant.media))
        fingerprint = self._fingerprint(caption, variant.media, alts)
        state = ctx.checkpoint.get("instagram")
        state = dict(state) if isinstance(state, dict) else {}
        if state.get("fingerprint") != fingerprint:
            # Another content (edited since): nothing remembered applies to it.
            state = {"fingerprint": fingerprint, "hosted": {}}

        container = state.get("container")
        if container:
            status = self._reconcile_status(str(container))
            if status == "PUBLISHED":
                return self._already_published(str(container), caption, state)
            if status not in ("FINISHED", "IN_PROGRESS"):
                container = None
                self._remember(ctx, state, container=None)
        self._check_quota()
        if not container:
            urls = self._public_urls(variant.media, alts, ctx, state)
            container = self._create_container(urls, caption, alts, ctx, state)
        return self._publish(str(container), caption, ctx, state)

    def verify(self) -> str:
        self.graph.checking_account = self.checking_account
        self._check_user_id()
        info = self.graph.call(
            "GET",
            self.user_id,
            params={"fields": "id,username,name"},
            step=step(READING_ACCOUNT),
        )
        return str(info.get("username") or info.get("name") or self.user_id)

    # --- steps ---------------------------------------------------------------------------
    def _check_user_id(self) -> None:
        if not self.user_id.isdigit():
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Instagram account ID {id!r} of account {account!r} is not valid: it is a number "
                "(GET /me/accounts?fields=instagram_business_account).",
            )
            values = {"id": self.user_id, "account": self.account.name}
            raise PublishError(ErrorKind.PERMANENT, Message(rule, values))

    def _remember(self, ctx: PublishContext, state: dict, **changes: Any) -> None:
        state.update(changes)
        ctx.remember(instagram=dict(state))

    def _check_quota(self) -> None:
        answer = self.graph.call(
            "GET",
            f"{self.user_id}/content_publishing_limit",
            params={"fields": "quota_usage,config"},
            step=step(READING_LIMIT),
        )
        try:
            entry = answer["data"][0]
            used = int(entry["quota_usage"])
            total = int(entry["config"]["quota_total"])
        except (KeyError, IndexError, TypeError, ValueError):
            # Meta's pages disagree on this endpoint's details; publishing tells us anyway.
            log.warning("instagram publishing limit not understood: %s", redact(answer)[:200])
            return
        if used >= total:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Instagram's daily publishing limit is used up ({used} of {total} posts in 24 "
                "hours). The post is held and goes out when the limit frees.",
            )
            raise PublishError(
                ErrorKind.RATE_LIMITED,
                Message(rule, {"used": used, "total": total}),
                retry_after=QUOTA_RECHECK_SECONDS,
                code=str(IG_QUOTA_SUBCODE),
            )

    def _public_urls(
        self, media: list[str], alts: list[str | None], ctx: PublishContext, state: dict
    ) -> list[str]:
        hosted: dict[str, str] = dict(state.get("hosted") or {})
        urls: list[str] = []
        for ref, alt in zip(media, alts, strict=True):
            if is_url(ref):
                urls.append(ref)
                continue
            key = image_fingerprint(ref)
            if key not in hosted:
                hosted[key] = self._host(ref, alt)
                # Remembered at once: a retry does not upload the same file again.
                self._remember(ctx, state, hosted=dict(hosted))
            urls.append(hosted[key])
        return urls

    def _host(self, ref: str, alt: str | None) -> str:
        name = Path(ref).name
        host = self.options.media_host
        if host is None:
            raise PublishError(
                ErrorKind.INVALID_CONTENT,
                Message(NO_MEDIA_HOST, {"file": name}, "Error", Advice.ADD_MEDIA_HOST),
            )
        try:
            # Instagram's own limits, before the host reads the file (with its own, larger cap):
            # a file that grew or changed since the post was checked is not uploaded.
            check_local_media(ref, self.media_cap(), self.label)
        except OSError as exc:
            raise unreadable_image(ref, exc) from None
        try:
            url = host.upload_public(ref, alt)
        except PublishError as exc:
            # The upload creates no Instagram post: never an unknown outcome here.
            kind = ErrorKind.TRANSIENT if exc.kind is ErrorKind.UNKNOWN_OUTCOME else exc.kind
            rule = QT_TRANSLATE_NOOP("Error", "Uploading {file} to the media host failed: {error}")
            raise PublishError(
                kind,
                Message(rule, {"file": name, "error": exc.detail or exc.message}),
                retry_after=exc.retry_after,
                status=exc.status,
                code=exc.code,
            ) from None
        except OSError as exc:
            raise unreadable_image(ref, exc) from None
        if not isinstance(url, str) or urlparse(url).scheme != "https":
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "The media host gave {address} for {file}, which Instagram cannot download: the "
                "media host site must be public and use https://.",
            )
            values = {"address": redact(url), "file": name}
            raise PublishError(ErrorKind.PERMANENT, Message(rule, values))
        log.debug("instagram image %s hosted at %s", name, url)
        return url

    def _create_container(
        self,
        urls: list[str],
        caption: str,
        alts: list[str | None],
        ctx: PublishContext,
        state: dict,
    ) -> str:
        media_path = f"{self.user_id}/media"
        if len(urls) == 1:
            data = {"image_url": urls[0], "caption": caption}
            if alts[0]:
                data["alt_text"] = alts[0]
            answer = self.graph.call("POST", media_path, data=data, step=step(PREPARING_POST))
        else:
            children: list[str] = []
            for index, (url, alt) in enumerate(zip(urls, alts, strict=True), start=1):
                data = {"image_url": url, "is_carousel_item": "true"}
                if alt:
                    data["alt_text"] = alt
                child = self.graph.call(
                    "POST", media_path, data=data, step=step(PREPARING_IMAGE, index=index)
                )
                children.append(self._id(child, step(PREPARING_CAROUSEL)))
            answer = self.graph.call(
                "POST",
                media_path,
                data={"media_type": "CAROUSEL", "children": ",".join(children), "caption": caption},
                step=step(PREPARING_CAROUSEL),
            )
        container = self._id(answer, step(PREPARING_POST))
        self._remember(ctx, state, container=container)
        log.debug("instagram container %s created", container)
        return container

    def _publish(
        self, container: str, caption: str, ctx: PublishContext, state: dict
    ) -> PublishResult:
        deadline = time.monotonic() + self.poll_timeout
        while True:
            status = self._wait_finished(container, deadline, ctx, state)
            if status == "PUBLISHED":
                return self._already_published(container, caption, state)
            try:
                answer = self.graph.call(
                    "POST",
                    f"{self.user_id}/media_publish",
                    data={"creation_id": container},
                    final=True,
                    step=step(PUBLISHING_POST),
                )
            except PublishError as exc:
                if exc.code == str(NOT_READY_CODE) and time.monotonic() < deadline:
                    # Not ready after all (9007): wait, look again, publish again.
                    self._pause()
                    continue
                if exc.kind is ErrorKind.UNKNOWN_OUTCOME:
                    # The container's status tells at once whether the publish happened.
                    if self._quiet_status(container) == "PUBLISHED":
                        return self._already_published(container, caption, state)
                elif exc.code == "2207008" or exc.kind is ErrorKind.INVALID_CONTENT:
                    self._remember(ctx, state, container=None)
                raise
            media_id = self._id(answer, step(PUBLISHING_POST))
            self._remember(ctx, state, media=media_id)
            log.debug("instagram media %s published from container %s", media_id, container)
            return PublishResult(media_id, self._permalink(media_id))

    def _wait_finished(
        self, container: str, deadline: float, ctx: PublishContext, state: dict
    ) -> str:
        while True:
            status, detail = self._status(container)
            if status in ("FINISHED", "PUBLISHED"):
                return status
            if status == "ERROR":
                self._remember(ctx, state, container=None)
                raise self._container_error(detail)
            if status == "EXPIRED":
                self._remember(ctx, state, container=None)
                rule = QT_TRANSLATE_NOOP(
                    "Error",
                    "Instagram let the prepared post expire (after 24 hours); a new one is made "
                    "on the next attempt.",
                )
                raise PublishError(ErrorKind.TRANSIENT, Message(rule))
            if time.monotonic() >= deadline:
                rule = QT_TRANSLATE_NOOP(
                    "Error",
                    "Instagram is still processing the image after {seconds} seconds; "
                    "publishing is tried again later.",
                )
                raise PublishError(
                    ErrorKind.TRANSIENT,
                    Message(rule, {"seconds": f"{self.poll_timeout:g}"}),
                    code=str(NOT_READY_CODE),
                )
            self._pause()

    def _status(self, container: str) -> tuple[str, str]:
        answer = self.graph.call(
            "GET",
            container,
            params={"fields": "status_code,status"},
            step=step(CHECKING_PREPARED),
        )
        return str(answer.get("status_code") or "").upper(), str(answer.get("status") or "")

    def _reconcile_status(self, container: str) -> str | None:
        """A remembered container's status; None when Instagram no longer knows it."""
        try:
            return self._status(container)[0]
        except PublishError as exc:
            if exc.kind in (ErrorKind.INVALID_CONTENT, ErrorKind.PERMANENT):
                return None
            raise

    def _quiet_status(self, container: str) -> str | None:
        try:
            return self._status(container)[0]
        except PublishError as exc:
            log.warning("instagram container %s status not read: %s", container, exc.message)
            return None

    def _already_published(self, container: str, caption: str, state: dict) -> PublishResult:
        """The container is PUBLISHED: an earlier call worked although its answer was lost."""
        log.info("instagram container %s is already published", container)
        media_id = state.get("media")
        if media_id:
            return PublishResult(str(media_id), self._permalink(str(media_id)))
        try:
            answer = self.graph.call(
                "GET",
                f"{self.user_id}/media",
                params={"fields": "id,caption,permalink,timestamp", "limit": "10"},
                step=step(LOOKING_FOR_PUBLISHED),
            )
        except PublishError as exc:
            log.warning("instagram media list not read: %s", exc.message)
            answer = {}
        for item in answer.get("data") or []:
            if isinstance(item, dict) and (item.get("caption") or "") == caption and item.get("id"):
                return PublishResult(str(item["id"]), item.get("permalink"))
        # Published for sure, but which media it became is unknown: keep the container id.
        return PublishResult(container, None)

    def _permalink(self, media_id: str) -> str | None:
        try:
            answer = self.graph.call(
                "GET", media_id, params={"fields": "permalink"}, step=step(READING_PERMALINK)
            )
        except PublishError as exc:
            # The post exists; a missing link is not worth failing it.
            log.warning("instagram permalink of %s not read: %s", media_id, exc.message)
            return None
        link = answer.get("permalink")
        return str(link) if link else None

    def _id(self, answer: dict, step: Message) -> str:
        if answer.get("id"):
            return str(answer["id"])
        # Safe to retry even after media_publish: the container is remembered, and the next
        # attempt reads its status before anything else.
        rule = QT_TRANSLATE_NOOP(
            "Error", "Instagram answered without an id while {step}; trying again later."
        )
        raise PublishError(ErrorKind.TRANSIENT, Message(rule, {"step": step}))

    def _pause(self) -> None:
        # Polling Graph: the wait is the point (the worker thread does nothing else meanwhile).
        time.sleep(self.poll_interval)

    @staticmethod
    def _fingerprint(caption: str, media: list[str], alts: list[str | None]) -> str:
        parts = [caption, *(image_fingerprint(m) for m in media), *(a or "" for a in alts)]
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]

    # --- errors --------------------------------------------------------------------------
    def _container_error(self, detail: str) -> PublishError:
        subcode = next((s for s in CONTAINER_ERRORS if s in detail), None)
        reason = Message(CONTAINER_ERRORS.get(subcode or "", NOT_PREPARED))
        if subcode in ("2207003",):
            rule = QT_TRANSLATE_NOOP(
                "Error", "Instagram could not prepare the post: {reason}. Trying again later."
            )
            return PublishError(
                ErrorKind.TRANSIENT, Message(rule, {"reason": reason}), code=subcode
            )
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Instagram could not prepare the post: {reason}. Edit the post, then retry.{detail}",
        )
        values = {"reason": reason, "detail": said_after("Instagram", detail)}
        return PublishError(ErrorKind.INVALID_CONTENT, Message(rule, values), code=subcode)
