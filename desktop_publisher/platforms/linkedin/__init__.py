"""LinkedIn: what the platform declares (the client is in publisher.py)."""

from __future__ import annotations

import re

from desktop_publisher.platforms.declaration import (
    AccountField,
    ApiUrl,
    Capabilities,
    Declaration,
    GlobalSetting,
    Limits,
    Problem,
    Secret,
)
from desktop_publisher.translatable import QT_TRANSLATE_NOOP


def author_urn(key: str, value: str) -> Problem | None:
    if value.startswith(("urn:li:person:", "urn:li:organization:")):
        return None
    rule = QT_TRANSLATE_NOOP(
        "Problem", "Author must be a LinkedIn URN: urn:li:person:… or urn:li:organization:…."
    )
    return Problem(key, rule)


def _default_month(value: str) -> tuple[str, ...]:
    from desktop_publisher.platforms.api_versions import linkedin_default

    return (linkedin_default(), repr(value))


def _month_in_use(read) -> str:  # noqa: ANN001 - a settings reader: key → value
    from desktop_publisher.platforms.api_versions import linkedin_first_choice

    return linkedin_first_choice("", read("linkedin_version_learned"))


LINKEDIN_API = ApiUrl("linkedin", "DESKTOP_PUBLISHER_LINKEDIN_URL", "https://api.linkedin.com")

# "" follows the calendar (platforms/api_versions.py); a month set by hand is kept.
LINKEDIN_VERSION = GlobalSetting(
    "linkedin_version",
    "",
    QT_TRANSLATE_NOOP("SettingsDialog", "LinkedIn-Version header"),
    help=QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Empty: a month LinkedIn serves, from the calendar. A month typed here is sent first; "
        "when LinkedIn no longer serves it, another is used by itself.",
    ),
    pattern=re.compile(r"^\d{4}(0[1-9]|1[0-2])$"),
    empty_ok=True,
    problem=QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "LinkedIn-Version header must be empty (follow the calendar) or a year and month as "
        "YYYYMM, like %1 (not %2).",
    ),
    problem_values=_default_month,
    automatic=_month_in_use,
)
# The version found to work the last time another was refused.
LINKEDIN_VERSION_LEARNED = GlobalSetting(
    "linkedin_version_learned", None, "LinkedIn version that worked", group="internal"
)

DECLARATION = Declaration(
    platform="linkedin",
    label="LinkedIn",
    client="desktop_publisher.platforms.linkedin.publisher",
    limits=Limits(
        max_text=3000,
        max_media=20,
        media_types=("image/jpeg", "image/png", "image/gif"),
        # The Images API documents formats and a pixel count (< 36,152,320), no file size;
        # LinkedIn's own image specification (Help: single image ads, the same feed images)
        # says 5 MB. The smaller reading: nothing larger is accepted here.
        max_media_bytes=5_000_000,
    ),
    account_fields=(
        AccountField(
            "author",
            QT_TRANSLATE_NOOP("Platforms", "Author URN"),
            "--author",
            required=False,
            hint="urn:li:person:… or urn:li:organization:…",
            cli_help="LinkedIn author URN (urn:li:person:… / organization)",
            cli_set_help="LinkedIn author URN (empty: ask LinkedIn)",
            rule=author_urn,
            cli_rank=1,
        ),
        AccountField(
            "client_id",
            QT_TRANSLATE_NOOP("Platforms", "Client ID"),
            "--client-id",
            env="LINKEDIN_CLIENT_ID",
            required=False,
            cli_help="LinkedIn app client id",
        ),
    ),
    secret=Secret(
        QT_TRANSLATE_NOOP("Platforms", "access token"),
        QT_TRANSLATE_NOOP("Platforms", "Access token"),
        env="LINKEDIN_ACCESS_TOKEN",
    ),
    api_urls=(LINKEDIN_API,),
    settings=(LINKEDIN_VERSION, LINKEDIN_VERSION_LEARNED),
    capabilities=Capabilities(fetches_media_urls=True),
    extra_fields=("alt",),
)
