"""How a platform client fails: the kind of failure (what the engine does next) and its words,
as a rule with values (message.py) the window translates, or a plain English text."""

from __future__ import annotations

from enum import StrEnum

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.redaction import redact
from desktop_publisher.translatable import QT_TRANSLATE_NOOP


class ErrorKind(StrEnum):
    TRANSIENT = "transient"  # the platform surely did not act: retry with backoff
    RATE_LIMITED = "rate_limited"  # surely not acted, wait (retry_after) then try again
    AUTH = "auth"  # token expired/revoked/wrong: the user must reconnect
    INVALID_CONTENT = "invalid_content"  # the post itself breaks a rule: the user must edit
    PERMANENT = "permanent"  # will not work by retrying (permissions, policy, duplicate...)
    UNKNOWN_OUTCOME = "unknown_outcome"  # the final call may have been acted on: never re-send


class PublishError(Exception):
    """A classified failure. `message` is for a person: what went wrong and what to do, in
    English (the command line, the logs, the stored last_error). Made from a `Message`, the
    error keeps it as `detail` (rule, values, advice) for the window to word in its language;
    a plain text has no detail and is shown as it is."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str | Message,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        code: str | None = None,
    ) -> None:
        self.kind = kind
        self.detail = message.redacted() if isinstance(message, Message) else None
        self.message = redact(str(message))
        self.retry_after = retry_after
        self.status = status
        self.code = code
        super().__init__(self.message)


CONNECTION_TEST_REFUSED = QT_TRANSLATE_NOOP(
    "Error",
    "{label} refused the connection test while {step} (HTTP {status}): check the account's "
    "settings and its token, then test again ({advice}).{detail}",
)


def connection_test_refused(
    label: str,
    account: str,
    step: str | Message,
    status: int,
    detail: str | Message = "",
    code: str | None = None,
) -> PublishError:
    """A refusal met by a connection test: about the account's settings or token (there is no
    post to edit). `detail` follows the sentence (the platform's own words)."""
    values = {"label": label, "account": account, "step": step, "status": status}
    return PublishError(
        ErrorKind.PERMANENT,
        Message(
            CONNECTION_TEST_REFUSED,
            {**values, "detail": detail},
            "Error",
            Advice.REPLACE_TOKEN,
        ),
        status=status,
        code=code,
    )
