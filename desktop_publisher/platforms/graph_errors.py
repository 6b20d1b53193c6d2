"""Meta's Graph API answers classified (Facebook Pages and Instagram).

Graph answers errors in one envelope (`{"error": {"code", "error_subcode", "message",
"is_transient", ...}}`, usually HTTP 400) whose *code* says what happened, not the HTTP status.
The table below (platforms/error_table.py) turns it into an ErrorKind as Meta's error reference
lists them; a platform puts its own rows before Graph's (GraphApi's `rows`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import CONNECTION_TEST_REFUSED, ErrorKind, PublishError
from desktop_publisher.platforms.error_table import Answer, Row, Table, classify, said_briefly
from desktop_publisher.platforms.http import parse_retry_after
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests

# A rate-limit answer without any hint of when access returns: Meta's windows are an hour long.
DEFAULT_RATE_LIMIT_WAIT = 15 * 60.0

# Codes from Meta's Graph API and Instagram error references (developers.facebook.com/docs/
# graph-api/guides/error-handling, instagram-platform/.../error-codes).
TRANSIENT_CODES = frozenset({1, 2, -1, -2, 341})
# 80000-80014 are Meta's business use case throttles (80001 Pages, 80002 Instagram, ...).
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, *range(80000, 80015)})
AUTH_CODES = frozenset({102, 104, 190, 2500})
AUTH_SUBCODES = frozenset({*range(458, 468), 492})
PERMISSION_CODES = frozenset({10, *range(200, 300)})
TOKEN_REASONS = {
    458: QT_TRANSLATE_NOOP("Error", "no longer works because the app was removed from the account"),
    459: QT_TRANSLATE_NOOP(
        "Error", "is blocked until the user logs in to Facebook and passes a security checkpoint"
    ),
    460: QT_TRANSLATE_NOOP("Error", "stopped working because the Facebook password was changed"),
    463: QT_TRANSLATE_NOOP("Error", "has expired"),
    464: QT_TRANSLATE_NOOP("Error", "belongs to a user who has not confirmed the account"),
    467: QT_TRANSLATE_NOOP("Error", "is not valid"),
    492: QT_TRANSLATE_NOOP("Error", "belongs to a user who no longer has a role on the Page"),
}
# Instagram subcodes (the code alone is ambiguous: 4 is also "restricted as spam").
IG_TRANSIENT_SUBCODES = frozenset({2207001, 2207003, 2207008, 2207027})
IG_INVALID_SUBCODES = frozenset(
    {2207004, 2207005, 2207009, 2207010, 2207026, 2207028, 2207040, 2207052}
)
IG_RESTRICTED_SUBCODES = frozenset({2207050, 2207051})
IG_QUOTA_SUBCODE = 2207042
NOT_READY_CODE = 9007


@dataclass(frozen=True)
class GraphErrorInfo:
    """The parts of Graph's error envelope the classification needs."""

    code: int | None
    subcode: int | None
    message: str
    user_message: str | None
    is_transient: bool

    @property
    def said(self) -> str:
        """Graph's explanation, the one meant for people first."""
        return said_briefly(self.user_message or self.message)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def error_info(body: Any) -> GraphErrorInfo | None:
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return None
    error = body["error"]
    return GraphErrorInfo(
        code=_int(error.get("code")),
        subcode=_int(error.get("error_subcode")),
        message=str(error.get("message") or "unknown error"),
        user_message=str(error["error_user_msg"]) if error.get("error_user_msg") else None,
        is_transient=bool(error.get("is_transient")),
    )


def usage_blocks(response: requests.Response) -> list[dict]:
    """The usage objects of Meta's usage headers (JSON): `X-App-Usage` and `X-Page-Usage` hold
    one, `X-Business-Use-Case-Usage` a list per business object (page, Instagram account)."""
    blocks: list[dict] = []
    for name in ("X-App-Usage", "X-Page-Usage", "X-Business-Use-Case-Usage"):
        raw = response.headers.get(name)
        if not raw:
            continue
        try:
            usage = json.loads(raw)
        except ValueError:
            continue
        if name == "X-Business-Use-Case-Usage" and isinstance(usage, dict):
            for entries in usage.values():
                blocks += (
                    [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
                )
        elif isinstance(usage, dict):
            blocks.append(usage)
    return blocks


def usage_wait(response: requests.Response) -> float | None:
    """Seconds until Meta gives access back (`estimated_time_to_regain_access`, in minutes, of
    the business use case usage); None when the headers do not say. App usage carries only
    percentages: at 100 % the app waits for Meta's rolling hour, with no time given."""
    minutes = [_int(b.get("estimated_time_to_regain_access")) or 0 for b in usage_blocks(response)]
    longest = max(minutes, default=0)
    return longest * 60.0 if longest > 0 else None


def usage_exhausted(response: requests.Response) -> bool:
    """Whether a usage header reports 100 % of some budget used."""
    return any(
        (_int(block.get(key)) or 0) >= 100
        for block in usage_blocks(response)
        for key in ("call_count", "total_cputime", "total_time")
    )


def _header_wait(answer: Answer) -> float | None:
    return parse_retry_after(answer.response) if answer.response is not None else None


def _usage_wait(answer: Answer) -> float | None:
    return usage_wait(answer.response) if answer.response is not None else None


def _rate_wait(answer: Answer) -> float:
    waits = (_header_wait(answer), _usage_wait(answer))
    return max((w for w in waits if w), default=None) or DEFAULT_RATE_LIMIT_WAIT


def _reason(answer: Answer) -> dict[str, Any]:
    reason = TOKEN_REASONS.get(answer.subcode or 0, QT_TRANSLATE_NOOP("Error", "was not accepted"))
    return {"reason": Message(reason)}


def _graph_transient(answer: Answer) -> bool:
    return answer.status >= 500 or answer.transient or answer.code in TRANSIENT_CODES


def _exhausted(answer: Answer) -> bool:
    return answer.response is not None and usage_exhausted(answer.response)


# Answers that are not Graph's JSON: a proxy, captive portal or firewall page.
NOT_GRAPH: Table = (
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "The Graph API address {base} redirected elsewhere (HTTP {status}) while {step}: "
            "check DESKTOP_PUBLISHER_GRAPH_URL.",
        ),
        api=False,
        status=range(300, 400),
    ),
    # A throttling proxy or Meta's edge without the envelope: nothing was done.
    Row(
        ErrorKind.RATE_LIMITED,
        QT_TRANSLATE_NOOP("Error", "{host} answered HTTP 429 (too many requests) while {step}."),
        api=False,
        status=429,
        retry_after=lambda a: _header_wait(a) or DEFAULT_RATE_LIMIT_WAIT,
    ),
    # After the post was sent, an odd 2xx or a 5xx page proves nothing either way.
    Row(
        ErrorKind.UNKNOWN_OUTCOME,
        QT_TRANSLATE_NOOP(
            "Error",
            "{host} answered HTTP {status} ({content_type}) instead of {label}'s answer after the "
            "post was sent, so it may or may not have been published. Check the account, then "
            "retry or cancel.",
        ),
        api=False,
        final=True,
        when=lambda a: a.status < 300 or a.status >= 500,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "While {step}, {host} answered HTTP {status} with something that is not the Graph "
            "API ({content_type}): a proxy or firewall may be in the way. Trying again later.",
        ),
        api=False,
        retry_after=_header_wait,
    ),
)

TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "Error",
    "{label} says the access token of account {account!r} {reason} ({tag}). Reconnect the "
    "account with a new token ({advice}).",
)
LIMIT_REACHED = QT_TRANSLATE_NOOP(
    "Error", "{label}'s request limit was reached while {step} ({tag}): {said}"
)
POST_REJECTED = QT_TRANSLATE_NOOP(
    "Error",
    "{label} rejected the post while {step} ({tag}). Edit the post, then retry. {label} said: "
    "{said}",
)
# What a connection test's refusal adds after its sentence.
TEST_DETAIL = QT_TRANSLATE_NOOP("Error", " ({tag}) {label} said: {said}")

# Values: label, account, step, status, tag, code, subcode, said, base, host, content_type,
# detail.
GRAPH: Table = (
    Row(ErrorKind.AUTH, TOKEN_REFUSED, code=AUTH_CODES, values=_reason, advice=Advice.RECONNECT),
    Row(
        ErrorKind.AUTH,
        TOKEN_REFUSED,
        subcode=AUTH_SUBCODES,
        values=_reason,
        advice=Advice.RECONNECT,
    ),
    Row(ErrorKind.RATE_LIMITED, LIMIT_REACHED, code=RATE_LIMIT_CODES, retry_after=_rate_wait),
    Row(ErrorKind.RATE_LIMITED, LIMIT_REACHED, status=429, retry_after=_rate_wait),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "{label} has temporarily blocked posting from this account for breaking a policy "
            "({tag}); this usually lasts hours. Wait, check the account's notices, then retry. "
            "{label} said: {said}",
        ),
        code=368,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "{label} refused the permission while {step} ({tag}): reconnect the account with a "
            "token that has the publishing permissions. {label} said: {said}",
        ),
        code=PERMISSION_CODES,
    ),
    # "An unknown error occurred" after the post was sent: it may exist.
    Row(
        ErrorKind.UNKNOWN_OUTCOME,
        QT_TRANSLATE_NOOP(
            "Error",
            "{label} answered with an error after the post was sent ({tag}, HTTP {status}), so "
            "it may or may not have been published. Check the account, then retry or cancel.",
        ),
        final=True,
        when=lambda a: a.status >= 500 or a.code == 1,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP("Error", "{label} had a temporary problem while {step} ({tag}): {said}"),
        when=_graph_transient,
        retry_after=lambda a: _header_wait(a) or _usage_wait(a),
    ),
    Row(
        ErrorKind.RATE_LIMITED,
        LIMIT_REACHED,
        when=_exhausted,
        retry_after=lambda a: _usage_wait(a) or DEFAULT_RATE_LIMIT_WAIT,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "{label} refused the post as a duplicate of the previous one ({tag}). Change the "
            "text to publish it again.",
        ),
        code=506,
    ),
    Row(
        ErrorKind.INVALID_CONTENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "{label} could not read the link of the post ({tag}): check that the link opens in "
            "a browser, then retry.",
        ),
        code=1609005,
    ),
    Row(
        ErrorKind.PERMANENT,
        CONNECTION_TEST_REFUSED,
        code=100,
        checking_account=True,
        advice=Advice.REPLACE_TOKEN,
    ),
    Row(
        ErrorKind.PERMANENT,
        CONNECTION_TEST_REFUSED,
        status=range(400, 500),
        checking_account=True,
        advice=Advice.REPLACE_TOKEN,
    ),
    Row(ErrorKind.INVALID_CONTENT, POST_REJECTED, code=100),
    Row(ErrorKind.INVALID_CONTENT, POST_REJECTED, status=range(400, 500)),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP("Error", "{label} refused the request while {step} ({tag}): {said}"),
    ),
)


def graph_error(
    table: Table,
    response: requests.Response,
    body: Any,
    *,
    label: str,
    account: str,
    base: str,
    step: str | Message,
    final: bool,
    checking_account: bool,
) -> PublishError:
    """A failed Graph answer as the PublishError the first matching row of `table` says."""
    info = error_info(body)
    status = response.status_code
    code = info.code if info else None
    subcode = info.subcode if info else None
    said = info.said if info else ""
    tag = f"#{code}" + (f"/{subcode}" if subcode else "")
    answer = Answer(
        status,
        code=code,
        subcode=subcode,
        said=said,
        final=final,
        checking_account=checking_account,
        api=info is not None,
        transient=bool(info and info.is_transient),
        response=response,
    )
    values = {
        "label": label,
        "account": account,
        "step": step,
        "status": status,
        "tag": tag,
        "code": code,
        "subcode": subcode,
        "said": said,
        "base": base,
        "host": urlparse(base).hostname,
        "content_type": (response.headers.get("Content-Type") or "no content type").split(";")[0],
        "detail": Message(TEST_DETAIL, {"tag": tag, "label": label, "said": said}),
    }
    return classify(table, answer, values, code=str(code) if info else None)
