"""Facebook Pages (Graph API).

Text and link posts go to `POST /{page-id}/feed`; one image to `POST /{page-id}/photos`
(multipart `source` for a local file, `url=` for an image on the web); several images are each
uploaded unpublished first (remembered in the checkpoint), then attached to one `/feed` post.
`/feed` and a published `/photos` are the calls that create something visible and therefore the
only ones marked `final`. The permalink is asked for in the same call where Graph allows it,
else read back; a post is never failed because its permalink could not be read.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PostVariant,
    Problem,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
    PublishResult,
    display_name,
    is_url,
    media_type,
    read_local_media,
    utf16_length,
)
from desktop_publisher.platforms.facebook import DECLARATION
from desktop_publisher.platforms.facebook.errors import FACEBOOK_ROWS, USER_TOKEN_NOT_PAGE
from desktop_publisher.platforms.graph import GraphApi, image_fingerprint, step
from desktop_publisher.platforms.images import unreadable_image
from desktop_publisher.platforms.registry import register
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

PERMALINK = "https://www.facebook.com/{post_id}"
# How many of the Page's latest posts are compared when an earlier attempt's answer was lost.
RECONCILE_LOOKBACK = 25
# The steps of a publish, named in errors ("… while creating the post").
READING_PAGE = QT_TRANSLATE_NOOP("Step", "reading the Page")
READING_TOKEN = QT_TRANSLATE_NOOP("Step", "reading the token")
CREATING_POST = QT_TRANSLATE_NOOP("Step", "creating the post")
PUBLISHING_PHOTO = QT_TRANSLATE_NOOP("Step", "publishing the photo")
UPLOADING = QT_TRANSLATE_NOOP("Step", "uploading {file}")
READING_PERMALINK = QT_TRANSLATE_NOOP("Step", "reading the permalink")
LOOKING_ON_PAGE = QT_TRANSLATE_NOOP("Step", "looking for the post on the Page")


def message_of(variant: PostVariant) -> str:
    """The text of the post. With images Graph has no link attachment: the link goes in the
    text, where Facebook makes it clickable."""
    text = (variant.text or "").strip()
    if variant.media and variant.link and variant.link not in text:
        text = f"{text}\n\n{variant.link}" if text else variant.link
    return text


@register
class FacebookPublisher(Publisher):
    declaration = DECLARATION

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        super().__init__(account, options)
        self.page_id = str(account.settings.get("page_id") or "").strip()
        self.graph = GraphApi.for_publisher(self, FACEBOOK_ROWS)

    # --- rules ---------------------------------------------------------------------------
    @classmethod
    def count_text(cls, text: str) -> int:
        # Graph's reference gives the message no unit (63,206 is the length Facebook's own
        # composer allows): counted in UTF-16 units, the larger of the possible counts, so the
        # editor never accepts a message Facebook may find too long.
        return utf16_length(text)

    @classmethod
    def text_as_sent(cls, variant: PostVariant) -> str:
        return message_of(variant)

    @classmethod
    def validate(cls, variant: PostVariant, media_host_available: bool = False) -> list[Problem]:
        problems = super().validate(variant, media_host_available)
        if not (variant.text or "").strip() and not variant.link and not variant.media:
            rule = QT_TRANSLATE_NOOP("Problem", "Facebook needs some text, a link or an image.")
            problems.append(Problem("text", rule))
        return problems

    # --- the interface -------------------------------------------------------------------
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        self._check_page_id()
        message = message_of(variant)
        if ctx.previous_outcome_unknown:
            # An earlier attempt's answer was lost: if the post is on the Page, that attempt
            # worked and sending again would publish it twice.
            existing = self._find_existing(message)
            if existing is not None:
                return existing
        if not variant.media:
            data = {"message": message} if message else {}
            if variant.link:
                data["link"] = variant.link
            return self._create_feed_post(data, ctx)
        if len(variant.media) == 1:
            return self._publish_photo(variant.media[0], message)
        photo_ids = self._upload_unpublished(variant.media, ctx)
        data = {"message": message} if message else {}
        for index, photo_id in enumerate(photo_ids):
            data[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        return self._create_feed_post(data, ctx)

    def verify(self) -> str:
        self.graph.checking_account = self.checking_account
        self._check_page_id()
        page = self.graph.call(
            "GET", self.page_id, params={"fields": "id,name,link"}, step=step(READING_PAGE)
        )
        me = self.graph.call("GET", "me", params={"fields": "id,name"}, step=step(READING_TOKEN))
        if str(me.get("id")) != self.page_id:
            # Graph answers /me with the Page only for the Page's own token: this one is a
            # user token, and posting with it fails with (#200).
            raise PublishError(
                ErrorKind.AUTH,
                Message(
                    USER_TOKEN_NOT_PAGE,
                    {
                        "account": self.account.name,
                        "owner": me.get("name") or "a Facebook user",
                        "page": page.get("name") or self.page_id,
                    },
                    "Error",
                    Advice.RECONNECT,
                ),
            )
        return str(page.get("name") or self.page_id)

    # --- steps ---------------------------------------------------------------------------
    def _check_page_id(self) -> None:
        if not self.page_id.isdigit():
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Page ID {page!r} of account {account!r} is not valid: a Page ID is a number "
                "(Page settings → About, or GET /me/accounts).",
            )
            values = {"page": self.page_id, "account": self.account.name}
            raise PublishError(ErrorKind.PERMANENT, Message(rule, values))

    def _create_feed_post(self, data: dict[str, Any], ctx: PublishContext) -> PublishResult:
        # Read-after-write: the permalink comes back with the id, saving a second call.
        data = {**data, "fields": "id,permalink_url"}
        try:
            answer = self.graph.call(
                "POST", f"{self.page_id}/feed", data=data, final=True, step=step(CREATING_POST)
            )
        except PublishError as error:
            if error.kind is ErrorKind.INVALID_CONTENT and ctx.checkpoint.get("photos"):
                # The rejection may be about an uploaded photo (expired, removed): the next
                # attempt, after the user's edit, uploads fresh ones.
                ctx.remember(photos=[])
            raise
        post_id = self._created_id(answer, "id")
        url = answer.get("permalink_url") or self._permalink(post_id)
        log.debug("facebook post created id=%s", post_id)
        return PublishResult(post_id, str(url))

    def _publish_photo(self, ref: str, message: str) -> PublishResult:
        data: dict[str, Any] = {"published": "true"}
        if message:
            data["caption"] = message
        answer = self._photo_call(ref, data, final=True, step=step(PUBLISHING_PHOTO))
        post_id = self._created_id(answer, "post_id", "id")
        return PublishResult(post_id, self._permalink(post_id))

    def _upload_unpublished(self, media: list[str], ctx: PublishContext) -> list[str]:
        # Unpublished photos are invisible until attached; they are kept in the checkpoint so a
        # retry (after a rate limit, a crash...) attaches them instead of uploading again.
        saved = [p for p in ctx.checkpoint.get("photos") or [] if isinstance(p, dict)]
        done: list[dict] = []
        for index, ref in enumerate(media):
            fingerprint = image_fingerprint(ref)
            previous = saved[index] if index < len(saved) else None
            if previous and previous.get("fingerprint") == fingerprint and previous.get("id"):
                done.append(previous)
                continue
            answer = self._photo_call(
                ref,
                {"published": "false"},
                final=False,
                step=step(UPLOADING, file=display_name(ref)),
            )
            photo_id = self._created_id(answer, "id", final=False)
            done.append({"fingerprint": fingerprint, "id": photo_id})
            ctx.remember(photos=list(done))
        return [str(item["id"]) for item in done]

    def _photo_call(self, ref: str, data: dict[str, Any], *, final: bool, step: Message) -> dict:
        path = f"{self.page_id}/photos"
        if is_url(ref):
            return self.graph.call("POST", path, data={**data, "url": ref}, final=final, step=step)
        try:
            # At most the size limit (plus one byte) is read: the multipart body is built in
            # memory anyway, and the file may have grown since the post was checked.
            image = read_local_media(ref, self.media_cap(), self.label)
        except OSError as exc:
            raise unreadable_image(ref, exc) from None
        kind = media_type(ref) or "application/octet-stream"
        files = {"source": (Path(ref).name, image, kind)}
        return self.graph.call("POST", path, data=data, files=files, final=final, step=step)

    def _created_id(self, answer: dict, *keys: str, final: bool = True) -> str:
        for key in keys:
            if answer.get(key):
                return str(answer[key])
        # 2xx JSON without an id is not Graph's answer to a create: it proves nothing.
        if not final:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "Facebook answered an upload without the id of the photo; trying again later.",
            )
            raise PublishError(ErrorKind.TRANSIENT, Message(rule))
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Facebook answered without the id of the post, so it may or may not have been "
            "published. Check the Page, then retry or cancel.",
        )
        raise PublishError(ErrorKind.UNKNOWN_OUTCOME, Message(rule))

    def _permalink(self, post_id: str) -> str:
        try:
            answer = self.graph.call(
                "GET", post_id, params={"fields": "permalink_url"}, step=step(READING_PERMALINK)
            )
        except PublishError as exc:
            # The post exists; a missing link is not worth failing it.
            log.warning("facebook permalink of %s not read: %s", post_id, exc.message)
            return PERMALINK.format(post_id=post_id)
        return str(answer.get("permalink_url") or PERMALINK.format(post_id=post_id))

    def _find_existing(self, message: str) -> PublishResult | None:
        """The Page's latest post with this text, if an earlier attempt created it."""
        if not message:
            return None
        try:
            answer = self.graph.call(
                "GET",
                f"{self.page_id}/posts",
                params={"fields": "id,message,permalink_url", "limit": str(RECONCILE_LOOKBACK)},
                step=step(LOOKING_ON_PAGE),
            )
        except PublishError as exc:
            if exc.kind in (ErrorKind.AUTH, ErrorKind.RATE_LIMITED, ErrorKind.TRANSIENT):
                raise
            log.warning("facebook reconciliation read failed: %s", exc.message)
            return None
        for item in answer.get("data") or []:
            if isinstance(item, dict) and (item.get("message") or "").strip() == message:
                post_id = str(item.get("id"))
                log.info("facebook post found after an unknown outcome: %s", post_id)
                url = item.get("permalink_url") or PERMALINK.format(post_id=post_id)
                return PublishResult(post_id, str(url))
        return None
