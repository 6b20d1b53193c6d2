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
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlparse

from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    Limits,
    PostVariant,
    Problem,
    PublishContext,
    Publisher,
    PublisherOptions,
    PublishError,
    PublishResult,
    SettingField,
    alt_texts,
    connection_test_refused,
    display_name,
    is_url,
    read_local_media,
)
from desktop_publisher.platforms.http import (
    CALL_DEADLINE,
    CONNECT_TIMEOUT,
    MAX_MESSAGE,
    READ_TIMEOUT,
    HttpClient,
    download_image,
    json_body,
    parse_retry_after,
    said_briefly,
    sniff_image,
    unreadable_image,
)
from desktop_publisher.platforms.registry import register
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

# WordPress itself sets no upload limit (the host's PHP does); the image is held in memory.
MAX_IMAGE_BYTES = 50_000_000
MAX_TERM_NAME = 200  # the length of wp_terms.name
# Without Retry-After a host's limiter gives no hint; a minute is a polite first wait.
DEFAULT_RATE_WAIT = 60.0

# Codes WordPress answers when the login reached it and was refused.
WRONG_LOGIN = {
    "incorrect_password": "the application password is wrong or was revoked",
    "invalid_username": "there is no user with this name",
    "invalid_email": "there is no user with this e-mail address",
    "application_passwords_disabled": "application passwords are turned off on this site",
    "application_passwords_disabled_for_user": (
        "application passwords are turned off for this user"
    ),
}
# Codes WordPress answers when, as far as it can tell, no login was sent at all.
NO_LOGIN = {"rest_not_logged_in", "rest_cannot_create", "rest_cannot_publish", "rest_forbidden"}
# Upload answers about the file, not the server (a disallowed type, a full quota): not retried.
UPLOAD_REFUSED = {
    "rest_upload_sideload_error",
    "rest_upload_unknown_error",
    "rest_upload_limited_space",
    "rest_upload_file_too_big",
    "rest_upload_user_quota_exceeded",
}
# (Worded so the log redaction, which masks "authorization=…", leaves the advice readable.)
STRIPPED_HEADER_FIX = (
    "on Apache add the line CGIPassAuth On to the site's .htaccess; with nginx and PHP-FPM add "
    "fastcgi_param HTTP_AUTHORIZATION $http_authorization"
)


# --- content ----------------------------------------------------------------------------------
# Text with one of these is taken as HTML written on purpose (pasted from an editor, a block
# comment); anything else is plain text and converted.
HTML_MARK = re.compile(
    r"<!--\s*wp:|<(?:p|a|br|div|span|h[1-6]|ul|ol|li|strong|em|b|i|u|img|figure|blockquote|"
    r"pre|code|table|hr|iframe|video|audio)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
TRAILING_PUNCTUATION = ".,;:!?'\""


def looks_like_html(text: str) -> bool:
    return bool(HTML_MARK.search(text))


def _link(url: str) -> str:
    """A URL as a link; trailing sentence punctuation (and an unmatched ')') stays outside."""
    tail = ""
    while url and (
        url[-1] in TRAILING_PUNCTUATION or (url[-1] == ")" and url.count("(") < url.count(")"))
    ):
        tail = url[-1] + tail
        url = url[:-1]
    if not url:
        return html.escape(tail, quote=False)
    escaped = html.escape(url, quote=True)
    return f'<a href="{escaped}">{escaped}</a>{html.escape(tail, quote=False)}'


def _inline(text: str) -> str:
    """One paragraph's text: HTML special characters escaped, URLs made links."""
    out: list[str] = []
    position = 0
    for match in URL_IN_TEXT.finditer(text):
        out.append(html.escape(text[position : match.start()], quote=False))
        out.append(_link(match.group(0)))
        position = match.end()
    out.append(html.escape(text[position:], quote=False))
    return "<br />\n".join("".join(out).split("\n"))


def text_to_html(text: str) -> str:
    """Plain text as WordPress post HTML: blank lines separate paragraphs, a single line break
    stays a line break, URLs become links. Text that already is HTML is left alone."""
    if looks_like_html(text):
        return text
    normalized = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", normalized) if p.strip()]
    return "\n\n".join(f"<p>{_inline(p)}</p>" for p in paragraphs)


def post_content(variant: PostVariant) -> str:
    content = text_to_html(variant.text or "")
    link = (variant.link or "").strip()
    if link and link not in (variant.text or ""):
        # The post's link (from the editor's link field) is shown at the end of the post.
        content = f"{content}\n\n<p>{_link(link)}</p>" if content else f"<p>{_link(link)}</p>"
    return content


def _names(value: object) -> list[str]:
    """Category or tag names from `extra` (a list, or one comma-free string)."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    seen: list[str] = []
    for item in items:
        name = " ".join(str(item).split())
        if name and name.casefold() not in (s.casefold() for s in seen):
            seen.append(name)
    return seen


def _message(body: Any) -> str | None:
    if not isinstance(body, dict) or not body.get("message"):
        return None
    # WordPress messages may carry markup ("<strong>Error:</strong> …").
    return said_briefly(html.unescape(re.sub(r"<[^>]+>", "", str(body["message"]))))


def _invalid_params(body: Any) -> str:
    data = body.get("data") if isinstance(body, dict) else None
    params = data.get("params") if isinstance(data, dict) else None
    if not isinstance(params, dict) or not params:
        return ""
    parts = [f"{key}: {' '.join(str(value).split())}" for key, value in params.items()]
    return " (" + "; ".join(parts)[:MAX_MESSAGE] + ")"


# --- the site ---------------------------------------------------------------------------------
class WordPressSite:
    """HTTP to one site's REST API: the base (`/wp-json/` or `?rest_route=`), login, errors."""

    PRETTY = "pretty"
    PLAIN = "plain"

    def __init__(self, account: AccountInfo, http: HttpClient) -> None:
        self.account = account
        self.http = http
        self.site = str(account.settings.get("site_url") or "").strip().rstrip("/")
        self.username = str(account.settings.get("username") or "").strip()
        # Which form of the REST URL this site answered; None until the first answer.
        self.api: str | None = None
        # A connection test (Publisher.check_account): refusals are about the account.
        self.checking_account = False

    @property
    def host(self) -> str:
        return urlparse(self.site).hostname or self.site

    def url(self, route: str, api: str) -> tuple[str, dict[str, str]]:
        if api == self.PRETTY:
            return f"{self.site}/wp-json{route}", {}
        return f"{self.site}/", {"rest_route": route}

    def call(
        self,
        method: str,
        route: str,
        *,
        step: str,
        final: bool = False,
        params: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        if not self.site:
            raise PublishError(
                ErrorKind.PERMANENT,
                f"Account {self.account.name!r} has no Site URL: edit the account and set it.",
            )
        tries = [self.api] if self.api else [self.PRETTY, self.PLAIN]
        response: requests.Response | None = None
        for api in tries:
            url, base_params = self.url(route, api)
            response = self.http.request(
                method,
                url,
                final=final,
                params={**base_params, **(params or {})},
                auth=(self.username, self.account.secret),
                # A redirect would turn a POST into a GET elsewhere (and may leave the site):
                # it means a wrong Site URL or no pretty permalinks, never a useful answer.
                allow_redirects=False,
                **kwargs,
            )
            log.debug(
                "wordpress %s %s (%s) → %s (%s)", method, route, api, response.status_code, step
            )
            if self._is_rest(response):
                self.api = api
                return response
            if api == self.PRETTY and not self.api and self._not_served_here(response):
                # /wp-json/ is not routed (plain permalinks): WordPress showed a page or a
                # redirect instead, and created nothing. ?rest_route= works on every site.
                continue
            break
        assert response is not None
        return response

    @staticmethod
    def _is_rest(response: requests.Response) -> bool:
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return kind.endswith("json") and json_body(response) is not None

    @staticmethod
    def _not_served_here(response: requests.Response) -> bool:
        return 300 <= response.status_code < 400 or response.status_code in (200, 201, 404)

    # --- answers ---------------------------------------------------------------------------
    def json(self, response: requests.Response, *, step: str, final: bool = False) -> Any:
        """The JSON of a 2xx REST answer; anything else raised as a classified error."""
        if response.ok and self._is_rest(response):
            return json_body(response)
        raise self.error(response, step=step, final=final)

    def error(self, response: requests.Response, *, step: str, final: bool) -> PublishError:
        """A failed answer as a PublishError saying what happened and what to do."""
        status = response.status_code
        body = json_body(response) if self._is_rest(response) else None
        code = str(body.get("code")) if isinstance(body, dict) and body.get("code") else None
        said = _message(body)
        detail = f" WordPress said: {said}" if said else ""

        if status == 429:
            retry_after = parse_retry_after(response)
            return PublishError(
                ErrorKind.RATE_LIMITED,
                f"The site {self.host} is limiting requests (HTTP 429) while {step}.",
                retry_after=DEFAULT_RATE_WAIT if retry_after is None else retry_after,
                status=status,
                code=code,
            )
        if 300 <= status < 400:
            target = response.headers.get("Location") or ""
            where = urlparse(target)
            to = f" to {where.scheme}://{where.netloc}" if where.scheme and where.netloc else ""
            return PublishError(
                ErrorKind.PERMANENT,
                f"The site {self.site} redirected{to} (HTTP {status}) while {step}: set the "
                "account's Site URL to the address WordPress really lives at.",
                status=status,
            )
        if status >= 500 and not (isinstance(body, dict) and code in UPLOAD_REFUSED):
            if final:
                return PublishError(
                    ErrorKind.UNKNOWN_OUTCOME,
                    f"The site {self.host} answered HTTP {status} after the post was sent, so "
                    "it may or may not have been published. Check the site, then retry or "
                    "cancel.",
                    status=status,
                    code=code,
                )
            return PublishError(
                ErrorKind.TRANSIENT,
                f"The site {self.host} had a temporary problem while {step} (HTTP {status}).",
                status=status,
                code=code,
            )
        if body is None:
            return self._not_api(response, step=step, final=final)
        if status == 401 or code in WRONG_LOGIN:
            return self._auth_error(status, code, said)
        if status == 403:
            return PublishError(
                ErrorKind.PERMANENT,
                f"WordPress user {self.username!r} is not allowed to do this (HTTP 403 "
                f"{code}) while {step}: give the user a role that may, or connect another "
                f"user.{detail}",
                status=status,
                code=code,
            )
        if (status in (400, 413, 415, 422) or code in UPLOAD_REFUSED) and self.checking_account:
            return connection_test_refused(
                "WordPress", self.account.name, step, status, f" ({code}){detail}", code
            )
        if status in (400, 413, 415, 422) or code in UPLOAD_REFUSED:
            return PublishError(
                ErrorKind.INVALID_CONTENT,
                f"WordPress rejected the post while {step} (HTTP {status} {code}). Edit the "
                f"post, then retry.{detail}{_invalid_params(body)}",
                status=status,
                code=code,
            )
        if status == 404:
            return PublishError(
                ErrorKind.PERMANENT,
                f"WordPress answered 'not found' while {step} (HTTP 404 {code}): the site's "
                f"REST API may be turned off or limited by a plugin.{detail}",
                status=status,
                code=code,
            )
        return PublishError(
            ErrorKind.PERMANENT,
            f"WordPress refused the request while {step} (HTTP {status} {code}).{detail}",
            status=status,
            code=code,
        )

    def _auth_error(self, status: int, code: str | None, said: str | None) -> PublishError:
        reconnect = (
            f"Reconnect the account with a new application password (desktop-publisher account "
            f"reconnect {self.account.name!r})."
        )
        if code in WRONG_LOGIN:
            return PublishError(
                ErrorKind.AUTH,
                f"WordPress refused the login of user {self.username!r} on {self.host}: "
                f"{WRONG_LOGIN[code]}. {reconnect}",
                status=status,
                code=code,
            )
        if code in NO_LOGIN:
            # The credentials were sent, yet WordPress answers as if nobody logged in. Either
            # the host removed the Authorization header before PHP saw it, or the password is
            # wrong: WordPress 6.1 answers a wrong application password this same way, so the
            # message cannot pick one and names both, each with its fix.
            return PublishError(
                ErrorKind.AUTH,
                f"WordPress on {self.host} answered as if no login was sent (HTTP {status} "
                f"{code}) although user {self.username!r} and an application password were. "
                "Either the application password is wrong or was revoked, or the web host "
                "strips the Authorization header before WordPress sees it. If the password is "
                f"right, ask the host to pass the header on ({STRIPPED_HEADER_FIX}); otherwise "
                f"{reconnect[0].lower()}{reconnect[1:]}",
                status=status,
                code=code,
            )
        detail = f" WordPress said: {said}" if said else ""
        return PublishError(
            ErrorKind.AUTH,
            f"WordPress on {self.host} did not accept the login of user {self.username!r} "
            f"(HTTP {status} {code}). {reconnect}{detail}",
            status=status,
            code=code,
        )

    def _not_api(self, response: requests.Response, *, step: str, final: bool) -> PublishError:
        kind = (response.headers.get("Content-Type") or "no content type").split(";")[0]
        if final and response.ok and self.api is not None:
            # The REST API answered before, now something else answered "OK" to the post:
            # never a success, and not provably a failure either. (When neither address ever
            # answered as the API, the post never reached it.)
            return PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                f"The site {self.host} answered HTTP {response.status_code} with {kind} instead "
                "of the WordPress REST API after the post was sent, so it may or may not have "
                "been published. Check the site, then retry or cancel.",
                status=response.status_code,
            )
        return PublishError(
            ErrorKind.TRANSIENT,
            f"While {step}, {self.host} answered HTTP {response.status_code} with something "
            f"that is not the WordPress REST API ({kind}), at {self.site}/wp-json/ and at "
            f"{self.site}/?rest_route=: a security plugin, proxy or firewall may be in the way, "
            "or the Site URL is wrong. Trying again later.",
            status=response.status_code,
        )

    # --- media -----------------------------------------------------------------------------
    def upload_image(self, ref: str, alt: str | None) -> dict:
        """Upload one image (file or URL); returns WordPress's media object (id, source_url)."""
        name = display_name(ref)
        data = self._read_image(ref)
        sniffed = sniff_image(data)
        if sniffed is None:
            raise PublishError(
                ErrorKind.INVALID_CONTENT,
                f"Media: {name} is not a JPEG, PNG, GIF or WebP image; replace it with one.",
            )
        kind, extension = sniffed
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "image"
        filename = f"{stem[:80]}{extension}"
        params = {"alt_text": alt} if alt else None
        step = f"uploading the image {name}"
        response = self.call(
            "POST",
            "/wp/v2/media",
            step=step,
            params=params,
            data=data,
            headers={
                "Content-Type": kind,
                "Content-Disposition": f'attachment; filename="{filename}"',
            },
        )
        media = self.json(response, step=step)
        if not isinstance(media, dict) or not media.get("id"):
            raise self._not_api(response, step=step, final=False)
        log.debug("wordpress media uploaded ref=%s id=%s", name, media.get("id"))
        return media

    def _read_image(self, ref: str) -> bytes:
        if is_url(ref):
            return self._download(ref)
        try:
            # At most the size limit (plus one byte) is read: the file may have grown, or
            # become a pipe, since the post was checked.
            return read_local_media(ref, MAX_IMAGE_BYTES, "WordPress")
        except OSError as exc:
            raise unreadable_image(ref, exc) from None

    def _download(self, url: str) -> bytes:
        return download_image(self.http, url, MAX_IMAGE_BYTES)


# --- the publisher ----------------------------------------------------------------------------
@register
class WordPressPublisher(Publisher):
    platform = "wordpress"
    label = "WordPress"
    limits = Limits(
        max_media=1,
        media_types=("image/jpeg", "image/png", "image/gif", "image/webp"),
        max_media_bytes=MAX_IMAGE_BYTES,
        title_required=True,
    )
    fetches_media_urls = True
    extra_fields = ("excerpt", "categories", "tags", "alt")
    setting_fields = (
        SettingField("site_url", "Site URL", "--site-url", env="WORDPRESS_SITE_URL"),
        SettingField("username", "User name", "--username", env="WORDPRESS_USERNAME"),
        SettingField(
            "media_host", "Hosts Instagram images", "--media-host", required=False, flag=True
        ),
    )
    secret_label = "application password"
    secret_env = "WORDPRESS_PASSWORD"
    token_expires_by_default = False

    def __init__(self, account: AccountInfo, options: PublisherOptions) -> None:
        super().__init__(account, options)
        self.http = HttpClient(timeout=self.timeout, deadline=self.deadline)
        self.site = WordPressSite(account, self.http)

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
        step = "checking the login"
        me = self.site.json(
            self.site.call("GET", "/wp/v2/users/me", step=step, params={"context": "edit"}),
            step=step,
        )
        if not isinstance(me, dict):
            raise PublishError(
                ErrorKind.TRANSIENT,
                f"WordPress on {self.site.host} answered the login check without the user.",
            )
        name = str(me.get("name") or me.get("username") or self.site.username)
        capabilities = me.get("capabilities")
        if isinstance(capabilities, dict) and not capabilities.get("publish_posts"):
            roles = ", ".join(str(r) for r in me.get("roles") or []) or "no role"
            raise PublishError(
                ErrorKind.PERMANENT,
                f"WordPress user {name!r} ({roles}) may not publish posts: give the user the "
                "Author, Editor or Administrator role, or connect another user.",
            )
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
        step = f"looking up the {what} {name!r}"
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
        step = f"creating the {what} {name!r}"
        response = self.site.call("POST", f"/wp/v2/{taxonomy}", step=step, json={"name": name})
        body = json_body(response)
        if isinstance(body, dict) and body.get("code") == "term_exists":
            # Created meanwhile, or the search did not show it: WordPress names its id.
            data = body.get("data")
            term_id = data.get("term_id") if isinstance(data, dict) else None
            if term_id:
                return int(term_id)
        if response.status_code == 403 and isinstance(body, dict):
            raise PublishError(
                ErrorKind.PERMANENT,
                f"{what.capitalize()} {name!r} does not exist on {self.site.host} and WordPress "
                f"user {self.site.username!r} may not create it (the role lacks "
                f"manage_categories): create the {what} in WordPress, or connect an Editor or "
                "Administrator.",
                status=403,
                code=str(body.get("code")),
            )
        created = self.site.json(response, step=step)
        if not isinstance(created, dict) or not created.get("id"):
            raise self.site._not_api(response, step=step, final=False)
        log.debug("wordpress %s created name=%r id=%s", what, name, created["id"])
        return int(created["id"])

    def _create_post(self, body: dict, ctx: PublishContext) -> PublishResult:
        step = "creating the post"
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
            raise PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                f"WordPress answered HTTP {response.status_code} but did not return the post, so "
                "it may or may not have been published. Check the site, then retry or cancel.",
                status=response.status_code,
            )
        error = self.site.error(response, step=step, final=True)
        if error.code == "rest_cannot_publish" and error.status == 403:
            error = PublishError(
                ErrorKind.PERMANENT,
                f"WordPress user {self.site.username!r} may not publish posts (a Contributor "
                "can only submit them for review): give the user the Author, Editor or "
                "Administrator role, or connect another user.",
                status=403,
                code=error.code,
            )
        if error.kind is ErrorKind.INVALID_CONTENT and ctx.checkpoint.get("media"):
            # The rejection may concern the uploaded image: the next attempt uploads it again.
            ctx.remember(media=None)
        raise error

    def _find_existing(self, title: str, content: str) -> PublishResult | None:
        """After an attempt whose answer was lost: the post it created, if it exists."""
        step = "looking for the post of the earlier attempt"
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


class WordPressMediaHost:
    """Uploads images to a WordPress account's media library and returns their public URL
    (Instagram fetches its images from a public HTTPS address)."""

    timeout: ClassVar[tuple[float, float]] = (CONNECT_TIMEOUT, READ_TIMEOUT)
    deadline: ClassVar[float] = CALL_DEADLINE

    def __init__(self, account: AccountInfo) -> None:
        self.account = account
        self.site = WordPressSite(account, HttpClient(timeout=self.timeout, deadline=self.deadline))

    def upload_public(self, path: str, alt: str | None = None) -> str:
        media = self.site.upload_image(path, alt)
        url = str(media.get("source_url") or "")
        if not url:
            raise PublishError(
                ErrorKind.TRANSIENT,
                f"WordPress on {self.site.host} stored the image but did not say its address.",
            )
        return url
