"""The checks a post passes before anything is written: the accounts chosen, its time, the
platforms' rules for what it says, and (the command line's posts) its images' addresses.

Each refusal is a UserError about a field ("account", "at", "media"; see errors.py): the
front end names the field its own way, the command line by its option (cli/output.py), the
window by the translatable rule it shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from desktop_publisher.errors import UserError
from desktop_publisher.media_host import media_host_account
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PostVariant, is_url
from desktop_publisher.redaction import redact
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import Account
from desktop_publisher.translatable import QT_TRANSLATE_NOOP
from desktop_publisher.when import MAX_AHEAD, iso_utc

# A time this far in the past is a typo, not "now".
PAST_TOLERANCE = timedelta(seconds=60)
# A post further ahead than when.MAX_AHEAD is refused here too, whoever parsed the time.
TOO_FAR_AHEAD = QT_TRANSLATE_NOOP(
    "Error", "Time: {when} is more than ten years ahead; choose an earlier time."
)
NO_ACCOUNT = QT_TRANSLATE_NOOP("Error", "Accounts: choose at least one account.")
ACCOUNT_TWICE = QT_TRANSLATE_NOOP("Error", "Accounts: each account may be chosen once.")
NO_TIME = QT_TRANSLATE_NOOP("Error", "Time: choose when the post goes out.")
IN_THE_PAST = QT_TRANSLATE_NOOP("Error", "Time: {when} is in the past; choose a later time.")
# What the command line adds to "<time> is in the past;": a new post may go out "now".
LATER_OR_NOW = 'give a future time or "now".'
LATER = "give a future time."


def check_accounts(accounts: Sequence[Account]) -> None:
    """At least one account, each once."""
    if not accounts:
        raise UserError.translatable(NO_ACCOUNT).about("account", "name at least one account.")
    if len({a.id for a in accounts}) != len(accounts):
        raise UserError.translatable(ACCOUNT_TWICE).about(
            "account", "each account may be named once."
        )


def post_time(at: datetime | None, in_the_past: str = LATER_OR_NOW) -> datetime:
    """A post's time: given, not in the past, not beyond MAX_AHEAD; "now" when just past.
    The errors are about the field "at": the window's words in the rule, the command line's
    in the detail (`in_the_past` says what to do instead of a time in the past)."""
    now = utcnow()
    if at is None:
        raise UserError.translatable(NO_TIME).about("at", "give a time.")
    when = iso_utc(at)
    if at < now - PAST_TOLERANCE:
        raise UserError.translatable(IN_THE_PAST, when=when).about(
            "at", f"{when} is in the past; {in_the_past}"
        )
    if at > now + MAX_AHEAD:
        raise UserError.translatable(TOO_FAR_AHEAD, when=when).about(
            "at", f"{when} is more than ten years ahead; give an earlier time."
        )
    return max(at, now)


def media_host_available() -> bool:
    return media_host_account() is not None


def problems(platform: str, variant: PostVariant, host: bool | None = None) -> list[str]:
    """The platform's rules a cleaned variant (post_content.clean_variant) breaks, each as
    '<Platform> <field>: <rule>'."""
    cls = registry.publisher_class(platform)
    host = media_host_available() if host is None else host
    return [f"{cls.label} {p}" for p in cls.validate(variant, host)]


def check_media_addresses(platforms: Iterable[str], media: list[str]) -> None:
    """Image URLs whose host name resolves to this computer or a private network, for the
    platforms whose images this app downloads. The command line's posts only: a lookup may take
    a while, which a window must not wait for (the download checks again in any case). A name
    that does not resolve now is not refused: the network may be down."""
    import socket

    from desktop_publisher.platforms import addresses

    if not any(registry.publisher_class(p).fetches_media_urls for p in platforms):
        return
    for ref in media:
        if not is_url(ref):
            continue
        try:
            addresses.check_url(ref)
        except addresses.AddressRefused as exc:
            raise UserError(
                f"{redact(ref)} points to {exc.reason}; images are fetched only from public "
                "internet addresses. Use a public address or a file on this computer."
            ).about("media") from None
        except (socket.gaierror, UnicodeError):
            continue
