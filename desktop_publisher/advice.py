"""What a message may tell the user to do, and how the command line words it.

A failure that needs the user to act somewhere else (replace a token, set an account's author,
add a media host) carries an `Advice` instead of a command in its text: the command line words
it here, as a command to type; the window words it as the place to click (gui/). The message's
rule holds the slot `{advice}` where the words go, so the structured detail never holds
command-line syntax.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Advice(StrEnum):
    # Replace the account's token or password (values: "account").
    RECONNECT = "reconnect"
    # The same, said as how a wrong token is replaced (a connection test's refusal).
    REPLACE_TOKEN = "replace_token"
    # Give a LinkedIn account its author URN (values: "account").
    SET_AUTHOR = "set_author"
    # Add a WordPress account that hosts the images of the others.
    ADD_MEDIA_HOST = "add_media_host"
    # Give a LinkedIn account its author URN, said as the option that gives it (no values).
    GIVE_AUTHOR = "give_author"
    # Enter an account's secret again, it is missing from the keyring (values: "account").
    ENTER_SECRET_AGAIN = "enter_secret_again"


# The command line's words for each advice, filled with the message's values: exactly the
# sentences the messages carried when they held the commands themselves.
_COMMAND_LINE: dict[Advice, str] = {
    Advice.RECONNECT: "desktop-publisher account reconnect {account!r}",
    Advice.REPLACE_TOKEN: (
        "a wrong token is replaced with `desktop-publisher account reconnect {account!r}`"
    ),
    Advice.SET_AUTHOR: (
        "desktop-publisher account set {account!r} --author urn:li:person:… (or "
        "urn:li:organization:… for a page), or edit the account"
    ),
    Advice.ADD_MEDIA_HOST: "desktop-publisher account add wordpress … --media-host",
    Advice.GIVE_AUTHOR: "give the author URN with --author urn:li:person:…",
    Advice.ENTER_SECRET_AGAIN: (
        "enter it again (`desktop-publisher account reconnect {account!r}`)"
    ),
}


def command_line(advice: Advice, values: Mapping[str, object]) -> str:
    """The advice as the command line says it (English, with the command to type)."""
    return _COMMAND_LINE[advice].format(**values)
