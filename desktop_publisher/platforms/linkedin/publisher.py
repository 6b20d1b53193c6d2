"""LinkedIn (Posts API, versioned).

One publish is: the author URN (account setting, else `GET /v2/userinfo`) → for image posts,
`initializeUpload` + `PUT` per image (remembered in the checkpoint) → `POST /rest/posts`, the
only call that creates something visible and therefore the only one marked `final`.
Answers are classified as LinkedIn documents them (linkedin/errors.py; docs/adding-a-platform.md,
"Classifying answers"); the engine decides what happens next.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.api_versions import (
    linkedin_fallbacks,
    linkedin_first_choice,
    linkedin_served,
)
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
    alt_texts,
    display_name,
    is_url,
    read_local_media,
    utf16_length,
)
from desktop_publisher.platforms.error_table import said_after
from desktop_publisher.platforms.http import HttpClient, json_body
from desktop_publisher.platforms.images import download_image, sniff_image, unreadable_image
from desktop_publisher.platforms.linkedin import (
    DECLARATION,
    LINKEDIN_API,
    LINKEDIN_VERSION,
    LINKEDIN_VERSION_LEARNED,
)
from desktop_publisher.platforms.linkedin.errors import (
    duplicate_of,
    linkedin_error,
    linkedin_message,
    not_api_error,
    permalink,
    response_code,
    version_refused,
)
from desktop_publisher.platforms.linkedin.little_text import escape_little
from desktop_publisher.platforms.registry import register
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

# The steps of a publish, named in errors ("… while uploading photo.jpg").
READING_PROFILE = QT_TRANSLATE_NOOP("Step", "reading your profile")
PREPARING_UPLOAD = QT_TRANSLATE_NOOP("Step", "preparing the upload of {file}")
UPLOADING = QT_TRANSLATE_NOOP("Step", "uploading {file}")
CREATING_POST = QT_TRANSLATE_NOOP("Step", "creating the post")


def _step(rule: str, **values: object) -> Message:
    return Message(rule, values, "Step")


@register
class LinkedInPublisher(Publisher):
    declaration = DECLARATION
    # LinkedIn's documentation (Posts API: `commentary` is "little text"; the little text format
    # page) gives no length rule; its error names the limit ("ShareCommentary text length (N
    # characters) exceeded the maximum allowed (3000 characters)") but not how it counts. So
    # the reading that never lets through what LinkedIn may refuse: the commentary as sent
    # (escaped, see escape_little: `(` is sent as `\(`, two characters) in UTF-16 units (as
    # Java, LinkedIn's language, counts a string: an emoji is two or more).
    too_long_counted = QT_TRANSLATE_NOOP(
        "Problem",
        "{platform} allows at most {limit} characters ({count} now: LinkedIn counts each of "
        "\\ | {{ }} @ [ ] ( ) < > * _ ~ and a # outside a hashtag as two, and most emoji as "
        "two or more).",
    )

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        super().__init__(account, options)
        self.http = HttpClient(timeout=self.timeout, deadline=self.deadline)
        self.base = options.url(LINKEDIN_API)
        # The LinkedIn-Version sent: the calendar's, the user's or the one learned last time
        # (api_versions.py); another month replaces it when LinkedIn refuses it.
        self.version = linkedin_first_choice(self.version_set(), self.version_learned())

    def version_set(self) -> str:
        """The LinkedIn-Version the user set by hand; "" follows the calendar."""
        return str(self.options.setting(LINKEDIN_VERSION) or "")

    def version_learned(self) -> dict | None:
        """The version found to work the last time another was refused."""
        learned = self.options.setting(LINKEDIN_VERSION_LEARNED)
        return learned if isinstance(learned, dict) else None

    # --- rules ---------------------------------------------------------------------------
    @classmethod
    def count_text(cls, text: str) -> int:
        """The commentary as sent, in UTF-16 units (see too_long_counted for why)."""
        return utf16_length(escape_little(text))

    @classmethod
    def validate(cls, variant: PostVariant, media_host_available: bool = False) -> list[Problem]:
        problems = super().validate(variant, media_host_available)
        if variant.link and variant.media:
            # A post has one `content`: an article or images, never both.
            rule = QT_TRANSLATE_NOOP(
                "Problem",
                "A LinkedIn post carries either a link or images, not both: remove the link "
                "(put it in the text) or the images.",
            )
            problems.append(Problem("media", rule))
        return problems

    # --- the interface -------------------------------------------------------------------
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        author = self._author()
        body: dict[str, Any] = {
            "author": author,
            "commentary": escape_little(variant.text or ""),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        if variant.link:
            # LinkedIn does not read the page for API posts: without a title it shows none.
            article: dict[str, str] = {
                "source": variant.link,
                "title": (variant.title or "").strip() or variant.link,
            }
            description = variant.extra.get("description") or variant.extra.get("excerpt")
            if description:
                article["description"] = str(description)
            body["content"] = {"article": article}
        elif variant.media:
            images = self._upload_images(variant.media, author, ctx)
            alts = alt_texts(variant.extra.get("alt"), len(images))
            entries = []
            for urn, alt in zip(images, alts, strict=True):
                entry = {"id": urn}
                if alt:
                    entry["altText"] = alt
                entries.append(entry)
            if len(entries) == 1:
                body["content"] = {"media": entries[0]}
            else:
                body["content"] = {"multiImage": {"images": entries}}
        return self._create_post(body, author, ctx)

    def learn_settings(self) -> None:
        self._author()  # read from /v2/userinfo and kept, unless the user gave one

    def verify(self) -> str:
        author = (self.account.settings.get("author") or "").strip()
        try:
            info = self._userinfo()
        except PublishError as exc:
            if exc.status == 403 and author:
                # The token works (LinkedIn answers 401, not 403, to a bad token) but may only
                # carry w_member_social: posting as the configured author can still work.
                return (
                    f"{author} (token accepted; LinkedIn shares the name only with the openid "
                    "and profile permissions)"
                )
            raise
        if not author and info.get("sub"):
            self._learn_author(f"urn:li:person:{info['sub']}")
        name = info.get("name") or " ".join(
            str(part) for part in (info.get("given_name"), info.get("family_name")) if part
        )
        return str(name or info.get("sub") or "LinkedIn member")

    # --- steps ---------------------------------------------------------------------------
    def _author(self) -> str:
        author = (self.account.settings.get("author") or "").strip()
        if author:
            return author
        # Only for an account whose author could not be read when it was added: read once and
        # kept, so later posts do not spend a call (and the time of a burst) on it.
        sub = self._userinfo().get("sub")
        if not sub:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "LinkedIn's profile answer did not include the member id; trying again later. "
                "If this persists, {advice}.",
            )
            raise PublishError(ErrorKind.TRANSIENT, Message(rule, {}, "Error", Advice.GIVE_AUTHOR))
        return self._learn_author(f"urn:li:person:{sub}")

    def _learn_author(self, urn: str) -> str:
        self.account.settings["author"] = urn
        self.account.remember("author", urn)
        log.info("linkedin author of account %r is %s (kept)", self.account.name, urn)
        return urn

    def _userinfo(self) -> dict:
        reading = _step(READING_PROFILE)
        response = self._call("GET", "/v2/userinfo", versioned=False, step=reading)
        if response.status_code == 403 and isinstance(json_body(response), dict):
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "LinkedIn does not let this token read who you are (/v2/userinfo needs the "
                "openid and profile permissions), so the author of the posts is unknown. Give "
                "the author URN: {advice}.",
            )
            raise PublishError(
                ErrorKind.PERMANENT,
                Message(rule, {"account": self.account.name}, "Error", Advice.SET_AUTHOR),
                status=403,
                code=response_code(response),
            )
        if not response.ok:
            raise self._error(response, step=reading, final=False)
        info = json_body(response)
        if not isinstance(info, dict):
            raise self._not_api(response, step=reading)
        return info

    def _upload_images(self, media: list[str], author: str, ctx: PublishContext) -> list[str]:
        # Uploaded images are kept in the checkpoint: a retry (after a 429, a crash, an unknown
        # outcome) reuses them instead of uploading again, and sending the same image URNs is
        # what lets LinkedIn recognise a repeated post as a DUPLICATE_POST.
        saved = [
            item
            for item in ctx.checkpoint.get("images") or []
            if isinstance(item, dict) and item.get("urn")
        ]
        done: list[dict] = []
        for index, ref in enumerate(media):
            previous = saved[index] if index < len(saved) else None
            if previous and previous.get("ref") == ref and previous.get("owner") == author:
                done.append(previous)
                continue
            urn = self._upload_image(ref, author)
            done.append({"ref": ref, "owner": author, "urn": urn})
            # Saved after each image so a failure at image 3 does not upload 1 and 2 again.
            ctx.remember(images=list(done))
        return [item["urn"] for item in done]

    def _upload_image(self, ref: str, author: str) -> str:
        name = display_name(ref)
        preparing = Message(PREPARING_UPLOAD, {"file": name}, "Step")
        image = self._read_image(ref)
        response = self._call(
            "POST",
            "/rest/images",
            params={"action": "initializeUpload"},
            json={"initializeUploadRequest": {"owner": author}},
            step=preparing,
        )
        if not response.ok:
            raise self._error(response, step=preparing, final=False)
        answer = json_body(response)
        value = answer.get("value") if isinstance(answer, dict) else None
        if not isinstance(value, dict) or not value.get("uploadUrl") or not value.get("image"):
            raise self._not_api(response, step=preparing)
        upload = self._call(
            "PUT",
            str(value["uploadUrl"]),
            versioned=False,
            data=image,
            content_type="application/octet-stream",
            step=Message(UPLOADING, {"file": name}, "Step"),
        )
        if not upload.ok:
            raise self._error(upload, step=Message(UPLOADING, {"file": name}, "Step"), final=False)
        log.debug("linkedin image uploaded ref=%s urn=%s", name, value["image"])
        return str(value["image"])

    def _read_image(self, ref: str) -> bytes:
        name = display_name(ref)
        if is_url(ref):
            data = self._download(ref)
        else:
            try:
                # At most the size limit (plus one byte) is read: the file may have grown, or
                # become a pipe, since the post was checked.
                data = read_local_media(ref, self.media_cap(), self.label)
            except OSError as exc:
                raise unreadable_image(ref, exc) from None
        sniffed = sniff_image(data)
        if sniffed is None or sniffed[0] not in self.limits.media_types:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "{file} is not a JPEG, PNG or GIF image: LinkedIn accepts only those. Replace it "
                "with an image in one of these formats.",
            )
            raise PublishError(ErrorKind.INVALID_CONTENT, Message(rule, {"file": name}))
        return data

    def _download(self, url: str) -> bytes:
        # The same cap as a file on this computer: a bigger image LinkedIn would refuse anyway.
        return download_image(self.http, url, int(self.limits.max_media_bytes or 0))

    def _create_post(self, body: dict, author: str, ctx: PublishContext) -> PublishResult:
        creating = _step(CREATING_POST)
        response = self._call("POST", "/rest/posts", json=body, final=True, step=creating)
        if response.ok:
            urn = response.headers.get("x-restli-id")
            if not urn:
                data = json_body(response)
                urn = data.get("id") if isinstance(data, dict) else None
            if not urn:
                # 2xx from something that is not the Posts API (a proxy page...) proves nothing.
                rule = QT_TRANSLATE_NOOP(
                    "Error",
                    "LinkedIn answered HTTP {status} but did not return the id of the post, so "
                    "it may or may not have been published. Check the account on LinkedIn, then "
                    "retry or cancel.",
                )
                raise PublishError(
                    ErrorKind.UNKNOWN_OUTCOME,
                    Message(rule, {"status": response.status_code}),
                    status=response.status_code,
                )
            log.debug("linkedin post created urn=%s", urn)
            return PublishResult(str(urn), permalink(str(urn)))
        data = json_body(response)
        if response.status_code == 422:
            is_duplicate, existing = duplicate_of(data)
            if is_duplicate:
                return self._duplicate(existing, ctx)
        error = self._error(response, step=creating, final=True, author=author)
        if error.kind is ErrorKind.INVALID_CONTENT and ctx.checkpoint.get("images"):
            # The rejection may be about an uploaded image (expired, failed processing): the
            # next attempt, after the user's edit, uploads fresh ones.
            ctx.remember(images=[])
        raise error

    def _duplicate(self, existing: str | None, ctx: PublishContext) -> PublishResult:
        if ctx.previous_outcome_unknown and existing:
            # An earlier attempt's answer was lost; LinkedIn now proves that attempt worked.
            log.info("linkedin duplicate after unknown outcome: post exists as %s", existing)
            return PublishResult(existing, permalink(existing))
        if ctx.previous_outcome_unknown:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "LinkedIn says an identical post already exists (probably from the earlier "
                "attempt whose answer was lost) but not which one. Check the account on "
                "LinkedIn: if the post is there, cancel this one here.",
            )
            raise PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                Message(rule),
                status=422,
                code="DUPLICATE_POST",
            )
        where = f" ({permalink(existing)})" if existing else ""
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn refused the post as a duplicate of an existing post{where}. Change the "
            "text to publish it again.",
        )
        raise PublishError(
            ErrorKind.PERMANENT,
            Message(rule, {"where": where}),
            status=422,
            code="DUPLICATE_POST",
        )

    # --- HTTP ----------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path_or_url: str,
        *,
        step: str | Message,
        versioned: bool = True,
        final: bool = False,
        content_type: str | None = "application/json",
        **kwargs: Any,
    ) -> requests.Response:
        url = path_or_url if is_url(path_or_url) else f"{self.base}{path_or_url}"
        headers = {"Authorization": f"Bearer {self.account.secret}"}
        if versioned:
            headers["X-Restli-Protocol-Version"] = "2.0.0"
        if content_type and method in ("POST", "PUT"):
            headers["Content-Type"] = content_type
        refused: list[str] = []
        while True:
            if versioned:
                headers["LinkedIn-Version"] = self.version
            # No redirects: requests would re-send a POST as a GET elsewhere, and a redirect
            # here means a wrong API address or a login page, never a useful answer.
            response = self.http.request(
                method, url, final=final, headers=headers, allow_redirects=False, **kwargs
            )
            log.debug(
                "linkedin %s %s → %s (%s)", method, urlparse(url).path, response.status_code, step
            )
            if not versioned or not version_refused(response):
                break
            # Refused before LinkedIn looked at the request (nothing was created, even by a
            # final call): the same request goes again with another month.
            refused.append(self.version)
            self.version = self._next_version(refused, response, step)
        if refused:
            self._learn_version(refused[0])
        return response

    def _next_version(
        self, refused: list[str], response: requests.Response, step: str | Message
    ) -> str:
        left = [v for v in linkedin_fallbacks(refused[0]) if v not in refused]
        if left:
            log.info("linkedin refused API version %s; trying %s", refused[-1], left[0])
            return left[0]
        served = linkedin_served()  # newest first, this month last
        said = linkedin_message(json_body(response))
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn refused every API version it should serve today (each month from {oldest} "
            "to {newest}) while {step} (HTTP {status}), so nothing was published. LinkedIn may "
            "have changed how its versions work: look for an update of Desktop Publisher."
            "{detail}",
        )
        values = {
            "oldest": served[-2],
            "newest": served[-1],
            "step": step,
            "status": response.status_code,
            "detail": said_after("LinkedIn", said),
        }
        raise PublishError(
            ErrorKind.PERMANENT,
            Message(rule, values),
            status=response.status_code,
            code=response_code(response),
        )

    def _learn_version(self, first: str) -> None:
        """Keep the month that worked after `first` was refused, so the next post sends it at
        once; a month the user set stays their setting (the learned one names it)."""
        log.warning(
            "linkedin no longer serves API version %s: using %s from now on", first, self.version
        )
        self.options.remember(
            LINKEDIN_VERSION_LEARNED.key,
            {"version": self.version, "instead_of": self.version_set()},
        )

    def _error(
        self,
        response: requests.Response,
        *,
        step: str | Message,
        final: bool,
        author: str | None = None,
    ) -> PublishError:
        """A non-2xx answer as a PublishError (linkedin/errors.py: the table)."""
        return linkedin_error(
            response,
            step=step,
            final=final,
            account=self.account.name,
            base=self.base,
            author=author or (self.account.settings.get("author") or ""),
            checking_account=self.checking_account,
        )

    def _not_api(self, response: requests.Response, *, step: str | Message) -> PublishError:
        return not_api_error(response, step=step, account=self.account.name, base=self.base)
