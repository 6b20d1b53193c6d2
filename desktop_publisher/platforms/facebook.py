"""Facebook Pages (Graph API)."""

from __future__ import annotations

from desktop_publisher.platforms.base import (
    ErrorKind,
    Limits,
    PostVariant,
    PublishContext,
    Publisher,
    PublishError,
    PublishResult,
    SettingField,
)
from desktop_publisher.platforms.registry import register


@register
class FacebookPublisher(Publisher):
    platform = "facebook"
    label = "Facebook"
    limits = Limits(
        max_text=63206,
        max_media=10,
        media_types=("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"),
        max_media_bytes=4_000_000,
    )
    setting_fields = (
        SettingField("page_id", "Page ID", "--page-id", env="FACEBOOK_PAGE_ID"),
    )
    secret_label = "page access token"
    secret_env = "FACEBOOK_ACCESS_TOKEN"

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise PublishError(ErrorKind.PERMANENT, "Facebook publishing is not available yet.")

    def verify(self) -> str:
        raise PublishError(ErrorKind.PERMANENT, "Facebook is not available yet.")
