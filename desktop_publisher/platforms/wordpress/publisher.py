"""WordPress sites (core REST API, application passwords).

One publish is: the featured image uploaded (`POST /wp/v2/media`, remembered in the checkpoint)
→ categories and tags looked up by name, created when missing → `POST /wp/v2/posts`, the only
call that makes something visible and therefore the only one marked `final`.

The REST API lives at `{site}/wp-json/` with pretty permalinks and at `{site}/?rest_route=`
always; the first answer tells which one this site serves and the client keeps using it.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, Any

from desktop_publisher.message import Message
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    MediaHost,
    PostVariant,
    Problem,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
    PublishResult,
    alt_texts,
)
from desktop_publisher.platforms.http import (
    HttpClient,
    json_body,
)
from desktop_publisher.platforms.registry import register
from desktop_publisher.platforms.wordpress import DECLARATION
from desktop_publisher.platforms.wordpress.content import MAX_TERM_NAME, _names, post_content
from desktop_publisher.platforms.wordpress.site import WordPressSite
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

# The steps of a publish, named in errors ("… while creating the post").
CHECKING_LOGIN = QT_TRANSLATE_NOOP("Step", "checking the login")
CREATING_POST = QT_TRANSLATE_NOOP("Step", "creating the post")
LOOKING_FOR_EARLIER = QT_TRANSLATE_NOOP("Step", "looking for the post of the earlier attempt")
# A category's or a tag's steps and refusal, by taxonomy.
TERM_STEPS = {
    "categories": (
        QT_TRANSLATE_NOOP("Step", "looking up the category {name!r}"),
        QT_TRANSLATE_NOOP("Step", "creating the category {name!r}"),
        QT_TRANSLATE_NOOP(
            "Error",
            "Category {name!r} does not exist on {host} and WordPress user {username!r} may not "
            "create it (the role lacks manage_categories): create the category in WordPress, or "
            "connect an Editor or Administrator.",
        ),
    ),
    "tags": (
        QT_TRANSLATE_NOOP("Step", "looking up the tag {name!r}"),
        QT_TRANSLATE_NOOP("Step", "creating the tag {name!r}"),
        QT_TRANSLATE_NOOP(
            "Error",
            "Tag {name!r} does not exist on {host} and WordPress user {username!r} may not "
            "create it (the role lacks manage_categories): create the tag in WordPress, or "
            "connect an Editor or Administrator.",
        ),
    ),
}


# --- the publisher ----------------------------------------------------------------------------
@register
class WordPressPublisher(Publisher):
    declaration = DECLARATION

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        super().__init__(account, options)
        self.http = HttpClient(timeout=self.timeout, deadline=self.deadline)
        self.site = WordPressSite(account, self.http)

    @classmethod
    def media_host(cls, account: AccountInfo) -> MediaHost:
        from desktop_publisher.platforms.wordpress.media_host import WordPressMediaHost

        return WordPressMediaHost(account)

    # --- rules ---------------------------------------------------------------------------
    @classmethod
    def validate(cls, variant: PostVariant, media_host_available: bool = False) -> list[Problem]:
        problems = super().validate(variant, media_host_available)
        extra = variant.extra or {}
        too_long = {
            "categories": QT_TRANSLATE_NOOP(
                "Problem",
                "a WordPress category name may have at most {limit} characters "
                "({name}… has {count}).",
            ),
            "tags": QT_TRANSLATE_NOOP(
                "Problem",
                "a WordPress tag name may have at most {limit} characters ({name}… has {count}).",
            ),
        }
        for key, rule in too_long.items():
            for name in _names(extra.get(key)):
                if len(name) > MAX_TERM_NAME:
                    args = {"limit": MAX_TERM_NAME, "name": name[:20], "count": len(name)}
                    problems.append(Problem(key, rule, args))
        if alt_texts(extra.get("alt"), 1)[0] and not variant.media:
            rule = QT_TRANSLATE_NOOP("Problem", "alt text describes an image; add the image.")
            problems.append(Problem("alt", rule))
        excerpt = extra.get("excerpt")
        if excerpt is not None and not isinstance(excerpt, str):
            problems.append(
                Problem("excerpt", QT_TRANSLATE_NOOP("Problem", "the excerpt must be text."))
            )
        return problems

    # --- the interface -------------------------------------------------------------------
    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        title = (variant.title or "").strip()
        content = post_content(variant)
        if ctx.previous_outcome_unknown:
            existing = self._find_existing(title, content)
            if existing is not None:
                return existing
        body: dict[str, Any] = {"title": title, "content": content, "status": "publish"}
        excerpt = str((variant.extra or {}).get("excerpt") or "").strip()
        if excerpt:
            body["excerpt"] = excerpt
        if variant.media:
            body["featured_media"] = self._featured_image(variant, ctx)
        extra = variant.extra or {}
        categories = _names(extra.get("categories"))
        if categories:
            body["categories"] = [self._term_id("categories", n) for n in categories]
        tags = _names(extra.get("tags"))
        if tags:
            body["tags"] = [self._term_id("tags", n) for n in tags]
        return self._create_post(body, ctx)

    def verify(self) -> str:
        self.site.checking_account = self.checking_account
        step = Message(CHECKING_LOGIN, {}, "Step")
        me = self.site.json(
            self.site.call("GET", "/wp/v2/users/me", step=step, params={"context": "edit"}),
            step=step,
        )
        if not isinstance(me, dict):
            rule = QT_TRANSLATE_NOOP(
                "Error", "WordPress on {host} answered the login check without the user."
            )
            raise PublishError(ErrorKind.TRANSIENT, Message(rule, {"host": self.site.host}))
        name = str(me.get("name") or me.get("username") or self.site.username)
        capabilities = me.get("capabilities")
        if isinstance(capabilities, dict) and not capabilities.get("publish_posts"):
            roles = ", ".join(str(r) for r in me.get("roles") or []) or "no role"
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "WordPress user {username!r} ({roles}) may not publish posts: give the user the "
                "Author, Editor or Administrator role, or connect another user.",
            )
            values = {"username": name, "roles": roles}
            raise PublishError(ErrorKind.PERMANENT, Message(rule, values))
        return name

    # --- steps ---------------------------------------------------------------------------
    def _featured_image(self, variant: PostVariant, ctx: PublishContext) -> int:
        ref = variant.media[0]
        alt = alt_texts((variant.extra or {}).get("alt"), 1)[0]
        saved = ctx.checkpoint.get("media")
        # A retry (after a 429, a crash, an unknown outcome) reuses the uploaded image instead
        # of adding a copy to the media library each time.
        if isinstance(saved, dict) and saved.get("ref") == ref and saved.get("id"):
            return int(saved["id"])
        media = self.site.upload_image(ref, alt)
        ctx.remember(media={"ref": ref, "id": media["id"], "source_url": media.get("source_url")})
        return int(media["id"])

    def _term_id(self, taxonomy: str, name: str) -> int:
        what = "category" if taxonomy == "categories" else "tag"
        looking_up, creating, refused = TERM_STEPS[taxonomy]
        step = Message(looking_up, {"name": name}, "Step")
        found = self.site.json(
            self.site.call(
                "GET",
                f"/wp/v2/{taxonomy}",
                step=step,
                # Names are stored HTML-escaped ("Q&amp;A"); the search compares that text.
                params={
                    "search": html.escape(name, quote=False),
                    "per_page": 100,
                    "_fields": "id,name",
                },
            ),
            step=step,
        )
        for term in found if isinstance(found, list) else []:
            # Names come back HTML-escaped ("A &amp; B"); WordPress compares them without case.
            if isinstance(term, dict) and html.unescape(str(term.get("name", ""))).casefold() == (
                name.casefold()
            ):
                return int(term["id"])
        step = Message(creating, {"name": name}, "Step")
        response = self.site.call("POST", f"/wp/v2/{taxonomy}", step=step, json={"name": name})
        body = json_body(response)
        if isinstance(body, dict) and body.get("code") == "term_exists":
            # Created meanwhile, or the search did not show it: WordPress names its id.
            data = body.get("data")
            term_id = data.get("term_id") if isinstance(data, dict) else None
            if term_id:
                return int(term_id)
        if response.status_code == 403 and isinstance(body, dict):
            values = {"name": name, "host": self.site.host, "username": self.site.username}
            raise PublishError(
                ErrorKind.PERMANENT,
                Message(refused, values),
                status=403,
                code=str(body.get("code")),
            )
        created = self.site.json(response, step=step)
        if not isinstance(created, dict) or not created.get("id"):
            raise self.site._not_api(response, step=step, final=False)
        log.debug("wordpress %s created name=%r id=%s", what, name, created["id"])
        return int(created["id"])

    def _create_post(self, body: dict, ctx: PublishContext) -> PublishResult:
        step = Message(CREATING_POST, {}, "Step")
        response = self.site.call("POST", "/wp/v2/posts", step=step, final=True, json=body)
        if response.ok and self.site._is_rest(response):
            post = json_body(response)
            if isinstance(post, dict) and post.get("id"):
                if (
                    body.get("featured_media")
                    and post.get("featured_media") != body["featured_media"]
                ):
                    # WordPress ignores an unusable featured_media silently.
                    log.warning(
                        "wordpress post %s published without its featured image %s",
                        post["id"],
                        body["featured_media"],
                    )
                log.debug("wordpress post created id=%s", post["id"])
                return PublishResult(str(post["id"]), str(post.get("link") or "") or None)
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "WordPress answered HTTP {status} but did not return the post, so it may or may "
                "not have been published. Check the site, then retry or cancel.",
            )
            raise PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                Message(rule, {"status": response.status_code}),
                status=response.status_code,
            )
        error = self.site.error(response, step=step, final=True)
        if error.code == "rest_cannot_publish" and error.status == 403:
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "WordPress user {username!r} may not publish posts (a Contributor can only "
                "submit them for review): give the user the Author, Editor or Administrator "
                "role, or connect another user.",
            )
            error = PublishError(
                ErrorKind.PERMANENT,
                Message(rule, {"username": self.site.username}),
                status=403,
                code=error.code,
            )
        if error.kind is ErrorKind.INVALID_CONTENT and ctx.checkpoint.get("media"):
            # The rejection may concern the uploaded image: the next attempt uploads it again.
            ctx.remember(media=None)
        raise error

    def _find_existing(self, title: str, content: str) -> PublishResult | None:
        """After an attempt whose answer was lost: the post it created, if it exists."""
        step = Message(LOOKING_FOR_EARLIER, {}, "Step")
        found = self.site.json(
            self.site.call(
                "GET",
                "/wp/v2/posts",
                step=step,
                params={
                    "search": title,
                    "context": "edit",
                    "status": "publish,future,draft,pending,private",
                    "per_page": 20,
                    "orderby": "date",
                    "order": "desc",
                },
            ),
            step=step,
        )
        wanted = " ".join(content.split())
        for post in found if isinstance(found, list) else []:
            if not isinstance(post, dict):
                continue
            raw_title = (post.get("title") or {}).get("raw")
            raw_content = (post.get("content") or {}).get("raw")
            if raw_title == title and " ".join(str(raw_content or "").split()) == wanted:
                log.info("wordpress post of the earlier attempt found id=%s", post.get("id"))
                return PublishResult(str(post["id"]), str(post.get("link") or "") or None)
        return None
