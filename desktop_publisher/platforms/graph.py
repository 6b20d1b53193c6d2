"""What the Facebook Page and Instagram clients share: Meta's Graph API.

The base URL (`DESKTOP_PUBLISHER_GRAPH_URL`, default https://graph.facebook.com) and the version
(`graph_version` setting, e.g. v25.0) come from PublisherOptions. The token always travels in the
`Authorization` header, never as an `access_token` parameter: URLs end up in logs and proxies.

Graph answers errors in one envelope (`{"error": {"code", "error_subcode", "message",
"is_transient", ...}}`, usually HTTP 400) whose *code* says what happened, not the HTTP status.
`classify()` turns it into an ErrorKind as Meta's error reference lists them; the engine decides
what happens next.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.platforms.api_versions import graph_served_newer
from desktop_publisher.platforms.base import (
    ErrorKind,
    Publisher,
    PublishError,
    Remember,
    connection_test_refused,
    is_url,
)
from desktop_publisher.platforms.graph_settings import GRAPH_API, GRAPH_VERSION
from desktop_publisher.platforms.http import (
    CALL_DEADLINE,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    HttpClient,
    json_body,
    parse_retry_after,
    said_briefly,
)

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?$")
# The version Meta used to answer a call (the oldest live one when the asked one has expired).
VERSION_HEADER = "facebook-api-version"
_announced: set[str] = set()  # expired versions already reported in this process
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
    458: "no longer works because the app was removed from the account",
    459: "is blocked until the user logs in to Facebook and passes a security checkpoint",
    460: "stopped working because the Facebook password was changed",
    463: "has expired",
    464: "belongs to a user who has not confirmed the account",
    467: "is not valid",
    492: "belongs to a user who no longer has a role on the Page",
}
# Instagram subcodes (the code alone is ambiguous: 4 is also "restricted as spam").
IG_TRANSIENT_SUBCODES = frozenset({2207001, 2207003, 2207008, 2207027})
IG_INVALID_SUBCODES = frozenset(
    {2207004, 2207005, 2207009, 2207010, 2207026, 2207028, 2207040, 2207052}
)
IG_RESTRICTED_SUBCODES = frozenset({2207050, 2207051})
IG_QUOTA_SUBCODE = 2207042
NOT_READY_CODE = 9007


def normalize_version(value: str) -> str:
    """`v25.0` from `v25.0`, `25.0`, `v25` or `25`; PublishError for anything else."""
    match = VERSION.match(str(value or "").strip())
    if not match:
        raise PublishError(
            ErrorKind.PERMANENT,
            f"Graph API version {value!r} is not valid: set graph_version to a version such as "
            "v25.0.",
        )
    return f"v{match.group(1)}.{match.group(2) or 0}"


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


# Hook for a platform's own readings of an error (Facebook's (#200), Instagram's subcodes...).
Special = Callable[[GraphErrorInfo, "requests.Response", str, bool], PublishError | None]


class GraphApi:
    """One Graph account's HTTP access: URL building, auth header, answers and errors."""

    def __init__(
        self,
        *,
        base_url: str,
        version: str,
        token: str,
        label: str,
        account_name: str,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        deadline: float = CALL_DEADLINE,
        special: Special | None = None,
        remember: Remember | None = None,
    ) -> None:
        self.base = base_url.rstrip("/")
        self.version_setting = version
        self.token = token
        self.label = label
        self.account_name = account_name
        self.special = special
        self.http = HttpClient(timeout=timeout, deadline=deadline)
        # A connection test (Publisher.check_account): refusals are about the account.
        self.checking_account = False
        self.remember = remember

    @classmethod
    def for_publisher(cls, publisher: Publisher, special: Special | None = None) -> GraphApi:
        """The access of a Facebook or Instagram publisher: its account, options and timeout."""
        return cls(
            base_url=publisher.options.url(GRAPH_API),
            version=str(publisher.options.setting(GRAPH_VERSION)),
            token=publisher.account.secret,
            label=publisher.label,
            account_name=publisher.account.name,
            timeout=publisher.timeout,
            deadline=publisher.deadline,
            special=special,
            remember=publisher.options.remember,
        )

    def url(self, path: str) -> str:
        return f"{self.base}/{normalize_version(self.version_setting)}/{path.lstrip('/')}"

    def call(
        self,
        method: str,
        path: str,
        *,
        step: str,
        final: bool = False,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        files: dict[str, Any] | None = None,
    ) -> dict:
        """The JSON object Graph answered, or PublishError classified for the engine."""
        url = self.url(path)
        # No redirects: requests would re-send a POST as a GET elsewhere, and a redirect here
        # means a wrong API address or a login page, never a useful answer.
        response = self.http.request(
            method,
            url,
            final=final,
            headers={"Authorization": f"Bearer {self.token}"},
            params=params,
            data=data,
            files=files,
            allow_redirects=False,
        )
        log.debug("graph %s %s → %s (%s)", method, urlparse(url).path, response.status_code, step)
        self._notice_version(response)
        body = json_body(response)
        if response.ok and isinstance(body, dict) and "error" not in body:
            return body
        raise self.classify(response, body, step=step, final=final)

    def _notice_version(self, response: requests.Response) -> None:
        """Meta answers a call to an expired version with the oldest live one and names it in
        `facebook-api-version`: from then on that one is asked for, and the setting moves
        forward (said once per process in the log)."""
        served = graph_served_newer(self.version_setting, response.headers.get(VERSION_HEADER))
        if served is None:
            return
        expired = normalize_version(self.version_setting)
        if expired not in _announced:
            _announced.add(expired)
            log.warning(
                "Graph API %s has expired: Meta served %s instead; using %s from now on",
                expired,
                served,
                served,
            )
        self.version_setting = served
        if self.remember is not None:
            self.remember("graph_version", served)

    # --- classification ----------------------------------------------------------------------
    def classify(
        self, response: requests.Response, body: Any, *, step: str, final: bool
    ) -> PublishError:
        status = response.status_code
        info = error_info(body)
        if info is None:
            return self._not_graph(response, step=step, final=final)
        if self.special is not None:
            special = self.special(info, response, step, final)
            if special is not None:
                return special
        code, subcode, said = info.code, info.subcode, info.said
        where = f"while {step}"
        tag = f"#{code}" + (f"/{subcode}" if subcode else "")

        def error(kind: ErrorKind, message: str, retry_after: float | None = None) -> PublishError:
            return PublishError(
                kind, message, retry_after=retry_after, status=status, code=str(code)
            )

        if code in AUTH_CODES or subcode in AUTH_SUBCODES:
            reason = TOKEN_REASONS.get(subcode or 0, "was not accepted")
            return error(
                ErrorKind.AUTH,
                f"{self.label} says the access token of account {self.account_name!r} {reason} "
                f"({tag}). Reconnect the account with a new token (desktop-publisher account "
                f"reconnect {self.account_name!r}).",
            )
        if code in RATE_LIMIT_CODES or status == 429:
            wait = max(
                (w for w in (parse_retry_after(response), usage_wait(response)) if w), default=None
            )
            return error(
                ErrorKind.RATE_LIMITED,
                f"{self.label}'s request limit was reached {where} ({tag}): {said}",
                retry_after=wait or DEFAULT_RATE_LIMIT_WAIT,
            )
        if code == 368:
            return error(
                ErrorKind.PERMANENT,
                f"{self.label} has temporarily blocked posting from this account for breaking a "
                f"policy ({tag}); this usually lasts hours. Wait, check the account's notices, "
                f"then retry. {self.label} said: {said}",
            )
        if code in PERMISSION_CODES:
            return error(
                ErrorKind.PERMANENT,
                f"{self.label} refused the permission {where} ({tag}): reconnect the account "
                f"with a token that has the publishing permissions. {self.label} said: {said}",
            )
        if status >= 500 or info.is_transient or code in TRANSIENT_CODES:
            if final and (status >= 500 or code == 1):
                # "An unknown error occurred" after the post was sent: it may exist.
                return error(
                    ErrorKind.UNKNOWN_OUTCOME,
                    f"{self.label} answered with an error after the post was sent ({tag}, HTTP "
                    f"{status}), so it may or may not have been published. Check the account, "
                    "then retry or cancel.",
                )
            return error(
                ErrorKind.TRANSIENT,
                f"{self.label} had a temporary problem {where} ({tag}): {said}",
                retry_after=parse_retry_after(response) or usage_wait(response),
            )
        if usage_exhausted(response):
            return error(
                ErrorKind.RATE_LIMITED,
                f"{self.label}'s request limit was reached {where} ({tag}): {said}",
                retry_after=usage_wait(response) or DEFAULT_RATE_LIMIT_WAIT,
            )
        if code == 506:
            return error(
                ErrorKind.PERMANENT,
                f"{self.label} refused the post as a duplicate of the previous one ({tag}). "
                "Change the text to publish it again.",
            )
        if code == 1609005:
            return error(
                ErrorKind.INVALID_CONTENT,
                f"{self.label} could not read the link of the post ({tag}): check that the "
                "link opens in a browser, then retry.",
            )
        if (code == 100 or 400 <= status < 500) and self.checking_account:
            return connection_test_refused(
                self.label,
                self.account_name,
                step,
                status,
                f" ({tag}) {self.label} said: {said}",
                str(code),
            )
        if code == 100 or 400 <= status < 500:
            return error(
                ErrorKind.INVALID_CONTENT,
                f"{self.label} rejected the post {where} ({tag}). Edit the post, then retry. "
                f"{self.label} said: {said}",
            )
        return error(
            ErrorKind.PERMANENT, f"{self.label} refused the request {where} ({tag}): {said}"
        )

    def _not_graph(self, response: requests.Response, *, step: str, final: bool) -> PublishError:
        """An answer that is not Graph's JSON: a proxy, captive portal or firewall page."""
        status = response.status_code
        host = urlparse(self.base).hostname
        kind = (response.headers.get("Content-Type") or "no content type").split(";")[0]
        if 300 <= status < 400:
            return PublishError(
                ErrorKind.PERMANENT,
                f"The Graph API address {self.base} redirected elsewhere (HTTP {status}) while "
                f"{step}: check DESKTOP_PUBLISHER_GRAPH_URL.",
                status=status,
            )
        if status == 429:
            # A throttling proxy or Meta's edge without the envelope: nothing was done.
            return PublishError(
                ErrorKind.RATE_LIMITED,
                f"{host} answered HTTP 429 (too many requests) while {step}.",
                status=status,
                retry_after=parse_retry_after(response) or DEFAULT_RATE_LIMIT_WAIT,
            )
        if final and (status < 300 or status >= 500):
            # After the post was sent, an odd 2xx or a 5xx page proves nothing either way.
            return PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                f"{host} answered HTTP {status} ({kind}) instead of {self.label}'s answer after "
                "the post was sent, so it may or may not have been published. Check the "
                "account, then retry or cancel.",
                status=status,
            )
        return PublishError(
            ErrorKind.TRANSIENT,
            f"While {step}, {host} answered HTTP {status} with something that is not the "
            f"Graph API ({kind}): a proxy or firewall may be in the way. Trying again later.",
            status=status,
            retry_after=parse_retry_after(response),
        )


def image_fingerprint(ref: str) -> str:
    """Identifies the file behind a reference, so a changed file is uploaded again."""
    if is_url(ref):
        return ref
    try:
        stat = Path(ref).stat()
    except OSError:
        return ref
    return f"{ref}|{stat.st_size}|{int(stat.st_mtime)}"
