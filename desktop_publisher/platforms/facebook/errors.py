"""Facebook's own rows before Graph's table (graph_errors.py): posting as the Page with a token
that is not the Page's."""

from __future__ import annotations

from desktop_publisher.advice import Advice
from desktop_publisher.platforms.base import ErrorKind
from desktop_publisher.platforms.error_table import Row, Table
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# (Both rules end with how a Page token is had: lupdate reads literals, so it is repeated.)
USER_TOKEN_NOT_PAGE = QT_TRANSLATE_NOOP(
    "Error",
    "The token of account {account!r} belongs to {owner}, not to the Page {page}. Posting needs "
    "the Page access token: get it with GET /me/accounts using a user token that has "
    "pages_manage_posts and pages_read_engagement, then reconnect the account with it "
    "({advice}).",
)

FACEBOOK_ROWS: Table = (
    # The classic mistake: a user access token where the Page's own token is needed.
    Row(
        ErrorKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Error",
            "Facebook refused to post as the Page while {step} (#{code}): the token of account "
            "{account!r} is probably a user access token, or lacks the pages_manage_posts and "
            "pages_read_engagement permissions. Posting needs the Page access token: get it "
            "with GET /me/accounts using a user token that has pages_manage_posts and "
            "pages_read_engagement, then reconnect the account with it ({advice}).",
        ),
        code=range(200, 300),
        advice=Advice.RECONNECT,
    ),
)
