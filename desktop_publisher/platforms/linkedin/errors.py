"""LinkedIn's answers classified: its error bodies read, and the table of what each failure is
(platforms/error_table.py). Facts the table cannot hold stay here: a refused API version
(re-sent by the client) and a duplicate post (it may prove an earlier attempt worked)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import CONNECTION_TEST_REFUSED, ErrorKind, PublishError
from desktop_publisher.platforms.error_table import (
    Answer,
    Row,
    Table,
    classify,
    said_after,
    said_briefly,
)
from desktop_publisher.platforms.http import json_body, parse_retry_after
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests

PERMALINK = "https://www.linkedin.com/feed/update/{urn}"
DUPLICATE_URN = re.compile(r"urn:li:(?:share|ugcPost):[A-Za-z0-9_-]+")
# Why a token was refused, by LinkedIn's code (the rest of the sentence is AUTH's row).
AUTH_REASONS = {
    "EXPIRED_ACCESS_TOKEN": QT_TRANSLATE_NOOP(
        "Error", "has expired (LinkedIn tokens last 60 days)"
    ),
    "REVOKED_ACCESS_TOKEN": QT_TRANSLATE_NOOP(
        "Error", "was revoked (the app's access was removed on LinkedIn)"
    ),
    "INVALID_ACCESS_TOKEN": QT_TRANSLATE_NOOP("Error", "is not valid"),
}
NOT_ACCEPTED = QT_TRANSLATE_NOOP("Error", "was not accepted")
DAILY_RESET = QT_TRANSLATE_NOOP("Error", " LinkedIn's daily limits reset at midnight UTC.")
# Which permission a 403 is about: posting as a page or as a member.
PAGE_SCOPE = QT_TRANSLATE_NOOP(
    "Error",
    "posting as a page needs the w_organization_social permission and an admin or content role "
    "on that page",
)
MEMBER_SCOPE = QT_TRANSLATE_NOOP(
    "Error", "posting as a member needs the w_member_social permission"
)


def permalink(urn: str) -> str:
    return PERMALINK.format(urn=urn)


def seconds_until_midnight_utc(now: datetime | None = None) -> float:
    """LinkedIn's quotas are daily and reset at midnight UTC (its throttling answers carry no
    Retry-After), so retrying earlier would only spend another call of the same quota."""
    now = now or datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    # A minute past midnight: clocks differ a little and a retry at 23:59:59 would be wasted.
    return (midnight - now).total_seconds() + 60.0


# LinkedIn's refusal of a LinkedIn-Version: 426 NONEXISTENT_VERSION, or 400 "Requested version
# 202301 is not active" from some resources.
VERSION_NOT_ACTIVE = re.compile(r"version\b.*\bnot active", re.IGNORECASE)


def version_refused(response: requests.Response) -> bool:
    if response.status_code == 426:
        return True
    if response.status_code != 400:
        return False
    body = json_body(response)
    message = str(body.get("message") or "") if isinstance(body, dict) else ""
    return bool(VERSION_NOT_ACTIVE.search(message))


def linkedin_message(body: Any) -> str | None:
    """LinkedIn's own explanation from an error body (message, else the first input error)."""
    if not isinstance(body, dict):
        return None
    message = body.get("message")
    if not message:
        for item in _input_errors(body):
            message = item.get("description") or item.get("code")
            if message:
                break
    if not message:
        return None
    return said_briefly(message)


def _input_errors(body: dict) -> list[dict]:
    details = body.get("errorDetails")
    if not isinstance(details, dict):
        return []
    errors = details.get("inputErrors")
    return [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []


def duplicate_of(body: Any) -> tuple[bool, str | None]:
    """(is it LinkedIn's DUPLICATE_POST answer, the URN of the existing post if it says)."""
    if not isinstance(body, dict):
        return False, None
    errors = _input_errors(body)
    if not any(e.get("code") == "DUPLICATE_POST" for e in errors) and (
        body.get("code") != "DUPLICATE_POST"
    ):
        return False, None
    texts = [str(body.get("message") or "")]
    texts += [str(e.get("description") or "") for e in errors]
    for text in texts:
        found = DUPLICATE_URN.search(text)
        if found:
            return True, found.group(0)
    return True, None


def response_code(response: requests.Response) -> str | None:
    body = json_body(response)
    code = body.get("code") if isinstance(body, dict) else None
    return str(code) if code else None


def _wait(answer: Answer) -> float:
    waited = parse_retry_after(answer.response) if answer.response is not None else None
    return seconds_until_midnight_utc() if waited is None else waited


def _daily_reset(answer: Answer) -> dict[str, Any]:
    told = answer.response is not None and parse_retry_after(answer.response) is not None
    return {"when": "" if told else Message(DAILY_RESET)}


def _reason(answer: Answer) -> dict[str, Any]:
    return {"reason": Message(AUTH_REASONS.get(answer.code or "", NOT_ACCEPTED))}


# Not LinkedIn's JSON: a proxy, captive portal or firewall answered. Nothing was created by
# a 4xx, so trying again later is safe; if it persists the address or network is
# misconfigured, which the retries-exhausted message will show.
NOT_API = Row(
    ErrorKind.TRANSIENT,
    QT_TRANSLATE_NOOP(
        "Error",
        "While {step}, {host} answered HTTP {status} with something that is not LinkedIn's "
        "API ({content_type}): a proxy or firewall may be in the way. Trying again later; if "
        "this persists, check the network and the LinkedIn API address.",
    ),
    api=False,
)


ABOUT_THE_POST = frozenset({400, 413, 415, 422})

# Values: label, account, step, status, base, host, content_type, scope, detail.
TABLE: Table = (
    Row(
        ErrorKind.RATE_LIMITED,
        QT_TRANSLATE_NOOP(
            "Error", "LinkedIn's request limit was reached while {step} (HTTP 429).{when}"
        ),
        status=429,
        values=_daily_reset,
        retry_after=_wait,
    ),
    Row(
        ErrorKind.UNKNOWN_OUTCOME,
        QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn answered HTTP {status} after the post was sent, so it may or may not have "
            "been published. Check the account on LinkedIn, then retry or cancel.",
        ),
        status=range(500, 600),
        final=True,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP(
            "Error", "LinkedIn had a temporary problem while {step} (HTTP {status})."
        ),
        status=range(500, 600),
    ),
    Row(
        ErrorKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn says the access token of account {account!r} {reason}. Reconnect the "
            "account with a new token ({advice}).",
        ),
        status=401,
        values=_reason,
        advice=Advice.RECONNECT,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "The LinkedIn API address {base} redirected elsewhere (HTTP {status}) while {step}: "
            "check the address setting.",
        ),
        status=range(300, 400),
    ),
    NOT_API,
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn refused the permission while {step} (HTTP 403): {scope}. Reconnect the "
            "account with a token that has it.{detail}",
        ),
        status=403,
    ),
    Row(
        ErrorKind.PERMANENT,
        CONNECTION_TEST_REFUSED,
        status=ABOUT_THE_POST,
        checking_account=True,
        advice=Advice.REPLACE_TOKEN,
    ),
    Row(
        ErrorKind.INVALID_CONTENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn rejected the post while {step} (HTTP {status}). Edit the post, then "
            "retry.{detail}",
        ),
        status=ABOUT_THE_POST,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "LinkedIn answered 'not found' while {step} (HTTP 404): check the author URN and the "
            "LinkedIn API address.{detail}",
        ),
        status=404,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error", "LinkedIn refused the request while {step} (HTTP {status}).{detail}"
        ),
    ),
)


def _values(
    response: requests.Response, step: str | Message, account: str, base: str, author: str
) -> dict[str, Any]:
    said = linkedin_message(json_body(response))
    return {
        "label": "LinkedIn",
        "account": account,
        "step": step,
        "status": response.status_code,
        "base": base,
        "host": urlparse(base).hostname,
        "content_type": (response.headers.get("Content-Type") or "no content type").split(";")[0],
        "scope": Message(PAGE_SCOPE if author.startswith("urn:li:organization") else MEMBER_SCOPE),
        "detail": said_after("LinkedIn", said),
    }


def not_api_error(
    response: requests.Response, *, step: str | Message, account: str, base: str
) -> PublishError:
    """An answer that is not LinkedIn's API (even a 2xx one): transient, a proxy's page."""
    answer = Answer(response.status_code, api=False, response=response)
    return classify((NOT_API,), answer, _values(response, step, account, base, ""))


def linkedin_error(
    response: requests.Response,
    *,
    step: str | Message,
    final: bool,
    account: str,
    base: str,
    author: str,
    checking_account: bool,
) -> PublishError:
    """A non-2xx answer as a PublishError whose message says what happened and what to do."""
    body = json_body(response)
    said = linkedin_message(body)
    answer = Answer(
        response.status_code,
        code=response_code(response),
        said=said or "",
        final=final,
        checking_account=checking_account,
        api=isinstance(body, dict),
        response=response,
    )
    values = _values(response, step, account, base, author)
    return classify(TABLE, answer, values)
