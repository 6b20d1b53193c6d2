"""HTTP to one WordPress site's REST API: its address, the login, image uploads."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.message import Message
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PublishError,
    display_name,
    is_url,
    read_local_media,
)
from desktop_publisher.platforms.http import HttpClient, json_body
from desktop_publisher.platforms.images import download_image, sniff_image, unreadable_image
from desktop_publisher.platforms.wordpress import MAX_IMAGE_BYTES
from desktop_publisher.platforms.wordpress.errors import SiteErrors
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

UPLOADING = QT_TRANSLATE_NOOP("Step", "uploading the image {file}")


# --- the site ---------------------------------------------------------------------------------
class WordPressSite(SiteErrors):
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
        step: str | Message,
        final: bool = False,
        params: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        if not self.site:
            rule = QT_TRANSLATE_NOOP(
                "Error", "Account {account!r} has no Site URL: edit the account and set it."
            )
            raise PublishError(ErrorKind.PERMANENT, Message(rule, {"account": self.account.name}))
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
    # --- media -----------------------------------------------------------------------------
    def upload_image(self, ref: str, alt: str | None) -> dict:
        """Upload one image (file or URL); returns WordPress's media object (id, source_url)."""
        name = display_name(ref)
        data = self._read_image(ref)
        sniffed = sniff_image(data)
        if sniffed is None:
            rule = QT_TRANSLATE_NOOP(
                "Error", "Media: {file} is not a JPEG, PNG, GIF or WebP image; replace it with one."
            )
            raise PublishError(ErrorKind.INVALID_CONTENT, Message(rule, {"file": name}))
        kind, extension = sniffed
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "image"
        filename = f"{stem[:80]}{extension}"
        params = {"alt_text": alt} if alt else None
        step = Message(UPLOADING, {"file": name}, "Step")
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
