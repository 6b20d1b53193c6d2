"""Instagram professional accounts (Graph API content publishing)."""

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
class InstagramPublisher(Publisher):
    platform = "instagram"
    label = "Instagram"
    limits = Limits(
        max_text=2200,
        text_required=False,
        min_media=1,
        max_media=10,
        media_types=("image/jpeg",),
        max_media_bytes=8_000_000,
        max_hashtags=30,
        max_mentions=20,
    )
    setting_fields = (
        SettingField("account_id", "Instagram account ID", "--account-id",
                     env="INSTAGRAM_ACCOUNT_ID"),
    )
    secret_label = "access token"
    secret_env = "INSTAGRAM_ACCESS_TOKEN"

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise PublishError(ErrorKind.PERMANENT, "Instagram publishing is not available yet.")

    def verify(self) -> str:
        raise PublishError(ErrorKind.PERMANENT, "Instagram is not available yet.")
