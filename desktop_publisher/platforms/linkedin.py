"""LinkedIn (Posts API, versioned)."""

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
class LinkedInPublisher(Publisher):
    platform = "linkedin"
    label = "LinkedIn"
    limits = Limits(
        max_text=3000,
        max_media=20,
        media_types=("image/jpeg", "image/png", "image/gif"),
    )
    setting_fields = (
        SettingField("author", "Author URN (urn:li:person:… or urn:li:organization:…)",
                     "--author", required=False),
        SettingField("client_id", "Client ID", "--client-id", env="LINKEDIN_CLIENT_ID",
                     required=False),
    )
    secret_label = "access token"
    secret_env = "LINKEDIN_ACCESS_TOKEN"

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise PublishError(ErrorKind.PERMANENT, "LinkedIn publishing is not available yet.")

    def verify(self) -> str:
        raise PublishError(ErrorKind.PERMANENT, "LinkedIn is not available yet.")
