"""Facebook Pages: what the platform declares (the client is in publisher.py)."""

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
    platform="facebook",
    label="Facebook",
    client="desktop_publisher.platforms.facebook.publisher",
    limits=Limits(
        max_text=63206,
        text_required=False,  # a link or an image alone is a valid post
        max_media=10,
        media_types=("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"),
        max_media_bytes=4_000_000,
    ),
    account_fields=(
        AccountField(
            "page_id",
            QT_TRANSLATE_NOOP("Platforms", "Page ID"),
            "--page-id",
            env="FACEBOOK_PAGE_ID",
            cli_help="Facebook page id",
        ),
    ),
    secret=Secret(
        QT_TRANSLATE_NOOP("Platforms", "page access token"),
        QT_TRANSLATE_NOOP("Platforms", "Page access token"),
        env="FACEBOOK_ACCESS_TOKEN",
    ),
    api_urls=(GRAPH_API,),
    settings=(GRAPH_VERSION,),
    capabilities=Capabilities(checks_remote_types=True),
)
