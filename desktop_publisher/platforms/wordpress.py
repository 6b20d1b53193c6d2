"""WordPress sites (core REST API, application passwords)."""

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
class WordPressPublisher(Publisher):
    platform = "wordpress"
    label = "WordPress"
    limits = Limits(
        max_media=1,
        media_types=("image/jpeg", "image/png", "image/gif", "image/webp"),
        title_required=True,
    )
    setting_fields = (
        SettingField("site_url", "Site URL", "--site-url", env="WORDPRESS_SITE_URL"),
        SettingField("username", "User name", "--username", env="WORDPRESS_USERNAME"),
        SettingField("media_host", "Hosts Instagram images", "--media-host", required=False,
                     flag=True),
    )
    secret_label = "application password"
    secret_env = "WORDPRESS_PASSWORD"
    token_expires_by_default = False

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise PublishError(ErrorKind.PERMANENT, "WordPress publishing is not available yet.")

    def verify(self) -> str:
        raise PublishError(ErrorKind.PERMANENT, "WordPress is not available yet.")
