"""Instagram professional accounts: what the platform declares (the client is in
publisher.py)."""

from __future__ import annotations

from desktop_publisher.platforms.declaration import (
    AccountField,
    Capabilities,
    Declaration,
    Limits,
    Secret,
)
from desktop_publisher.platforms.graph_settings import GRAPH_API, GRAPH_VERSION
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

DECLARATION = Declaration(
    platform="instagram",
    label="Instagram",
    client="desktop_publisher.platforms.instagram.publisher",
    limits=Limits(
        max_text=2200,
        text_required=False,
        min_media=1,
        max_media=10,
        media_types=("image/jpeg",),
        max_media_bytes=8_000_000,
        max_hashtags=30,
        max_mentions=20,
    ),
    account_fields=(
        AccountField(
            "account_id",
            QT_TRANSLATE_NOOP("Platforms", "Instagram account ID"),
            "--account-id",
            env="INSTAGRAM_ACCOUNT_ID",
            cli_help="Instagram account id",
        ),
    ),
    secret=Secret(
        QT_TRANSLATE_NOOP("Platforms", "access token"),
        QT_TRANSLATE_NOOP("Platforms", "Access token"),
        env="INSTAGRAM_ACCESS_TOKEN",
    ),
    api_urls=(GRAPH_API,),
    settings=(GRAPH_VERSION,),
    capabilities=Capabilities(needs_media_host=True, checks_remote_types=True),
    extra_fields=("alt",),
)
