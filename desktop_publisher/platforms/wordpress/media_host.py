"""WordPress as the host of images other platforms fetch by address (Instagram)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from desktop_publisher.message import Message
from desktop_publisher.platforms.base import (
    AccountInfo,
    ErrorKind,
    PublishError,
)
from desktop_publisher.platforms.http import (
    CALL_DEADLINE,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    HttpClient,
)
from desktop_publisher.platforms.wordpress.site import WordPressSite
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)


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
            rule = QT_TRANSLATE_NOOP(
                "Error", "WordPress on {host} stored the image but did not say its address."
            )
            raise PublishError(ErrorKind.TRANSIENT, Message(rule, {"host": self.site.host}))
        return url
