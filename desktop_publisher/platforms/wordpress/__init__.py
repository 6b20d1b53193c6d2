"""WordPress sites: what the platform declares. The client: publisher.py (posts), site.py (the
REST API's address and login), errors.py (answers classified), content.py (text to HTML),
media_host.py (images hosted for other platforms)."""

from __future__ import annotations

from desktop_publisher.platforms.declaration import (
    AccountField,
    Capabilities,
    Declaration,
    Limits,
    Secret,
)
from desktop_publisher.platforms.value_rules import site_address, without_trailing_slash
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# WordPress itself sets no upload limit (the host's PHP does); the image is held in memory.
MAX_IMAGE_BYTES = 50_000_000

DECLARATION = Declaration(
    platform="wordpress",
    label="WordPress",
    client="desktop_publisher.platforms.wordpress.publisher",
    limits=Limits(
        max_media=1,
        media_types=("image/jpeg", "image/png", "image/gif", "image/webp"),
        max_media_bytes=MAX_IMAGE_BYTES,
        title_required=True,
    ),
    account_fields=(
        AccountField(
            "site_url",
            QT_TRANSLATE_NOOP("Platforms", "Site URL"),
            "--site-url",
            env="WORDPRESS_SITE_URL",
            cli_help="WordPress site URL",
            rule=site_address,
            keep=without_trailing_slash,
        ),
        AccountField(
            "username",
            QT_TRANSLATE_NOOP("Platforms", "User name"),
            "--username",
            env="WORDPRESS_USERNAME",
            cli_help="WordPress user name",
        ),
        AccountField(
            "media_host",
            QT_TRANSLATE_NOOP("Platforms", "Hosts Instagram images"),
            "--media-host",
            required=False,
            flag=True,
            cli_help="WordPress: also host Instagram's images",
            cli_set_help="WordPress: host Instagram's images (or stop with --no-media-host)",
        ),
    ),
    secret=Secret(
        QT_TRANSLATE_NOOP("Platforms", "application password"),
        QT_TRANSLATE_NOOP("Platforms", "Application password"),
        env="WORDPRESS_PASSWORD",
        expires_by_default=False,
    ),
    capabilities=Capabilities(hosts_media=True, fetches_media_urls=True),
    extra_fields=("excerpt", "categories", "tags", "alt"),
)
