"""WordPress's answers classified: its error bodies read, and the table of what each failure is
(platforms/error_table.py). WordPress answers `{"code", "message", "data": {"status"}}`; the
code says more than the status (a wrong password is `incorrect_password`, whatever the status)."""

from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.advice import Advice
from desktop_publisher.message import Message
from desktop_publisher.platforms.base import CONNECTION_TEST_REFUSED, ErrorKind, PublishError
from desktop_publisher.platforms.error_table import (
    MAX_MESSAGE,
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
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)
# Without Retry-After a host's limiter gives no hint; a minute is a polite first wait.
DEFAULT_RATE_WAIT = 60.0

# Codes WordPress answers when the login reached it and was refused, and why, in words.
WRONG_LOGIN = {
    "incorrect_password": QT_TRANSLATE_NOOP(
        "Error", "the application password is wrong or was revoked"
    ),
    "invalid_username": QT_TRANSLATE_NOOP("Error", "there is no user with this name"),
    "invalid_email": QT_TRANSLATE_NOOP("Error", "there is no user with this e-mail address"),
    "application_passwords_disabled": QT_TRANSLATE_NOOP(
        "Error", "application passwords are turned off on this site"
    ),
    "application_passwords_disabled_for_user": QT_TRANSLATE_NOOP(
        "Error", "application passwords are turned off for this user"
    ),
}
# Codes WordPress answers when, as far as it can tell, no login was sent at all.
NO_LOGIN = {"rest_not_logged_in", "rest_cannot_create", "rest_cannot_publish", "rest_forbidden"}
# Upload answers about the file, not the server (a disallowed type, a full quota): not retried.
UPLOAD_REFUSED = {
    "rest_upload_sideload_error",
    "rest_upload_unknown_error",
    "rest_upload_limited_space",
    "rest_upload_file_too_big",
    "rest_upload_user_quota_exceeded",
}
ABOUT_THE_POST = frozenset({400, 413, 415, 422})
# (Worded so the log redaction, which masks "authorization=…", leaves the advice readable. A
# server's configuration, not translated: it is typed as it is.)
STRIPPED_HEADER_FIX = (
    "on Apache add the line CGIPassAuth On to the site's .htaccess; with nginx and PHP-FPM add "
    "fastcgi_param HTTP_AUTHORIZATION $http_authorization"
)
# A fact for the table (Answer.facts): the site's REST API answered an earlier call.
API_SEEN = "api_seen"
# Where a redirect went, after "redirected".
REDIRECTED_TO = QT_TRANSLATE_NOOP("Error", " to {address}")
# What a connection test's refusal adds after its sentence: WordPress's code and words.
TEST_DETAIL = QT_TRANSLATE_NOOP("Error", " ({code}){detail}")


def _message(body: Any) -> str | None:
    if not isinstance(body, dict) or not body.get("message"):
        return None
    # WordPress messages may carry markup ("<strong>Error:</strong> …").
    return said_briefly(html.unescape(re.sub(r"<[^>]+>", "", str(body["message"]))))


def _invalid_params(body: Any) -> str:
    """WordPress's own words about each refused parameter (not translated: the site's)."""
    data = body.get("data") if isinstance(body, dict) else None
    params = data.get("params") if isinstance(data, dict) else None
    if not isinstance(params, dict) or not params:
        return ""
    parts = [f"{key}: {' '.join(str(value).split())}" for key, value in params.items()]
    return " (" + "; ".join(parts)[:MAX_MESSAGE] + ")"


def _wait(answer: Answer) -> float:
    waited = parse_retry_after(answer.response) if answer.response is not None else None
    return DEFAULT_RATE_WAIT if waited is None else waited


def _redirect_target(answer: Answer) -> dict[str, Any]:
    target = answer.response.headers.get("Location") if answer.response is not None else None
    where = urlparse(target or "")
    if not (where.scheme and where.netloc):
        return {"to": ""}
    return {"to": Message(REDIRECTED_TO, {"address": f"{where.scheme}://{where.netloc}"})}


def _wrong_login(answer: Answer) -> dict[str, Any]:
    return {"reason": Message(WRONG_LOGIN[str(answer.code)])}


def _test_detail(answer: Answer) -> dict[str, Any]:
    detail = said_after("WordPress", answer.said or None)
    return {"detail": Message(TEST_DETAIL, {"code": answer.code, "detail": detail})}


def _not_upload_refusal(answer: Answer) -> bool:
    return answer.code not in UPLOAD_REFUSED


# Answers that are not the REST API's JSON: a security plugin, a proxy, a wrong Site URL.
NOT_API: Table = (
    # The REST API answered before, now something else answered "OK" to the post: never a
    # success, and not provably a failure either. (When neither address ever answered as the
    # API, the post never reached it.)
    Row(
        ErrorKind.UNKNOWN_OUTCOME,
        QT_TRANSLATE_NOOP(
            "Error",
            "The site {host} answered HTTP {status} with {content_type} instead of the WordPress "
            "REST API after the post was sent, so it may or may not have been published. Check "
            "the site, then retry or cancel.",
        ),
        api=False,
        final=True,
        when=lambda a: a.status < 400 and API_SEEN in a.facts,
        reports_code=False,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "While {step}, {host} answered HTTP {status} with something that is not the "
            "WordPress REST API ({content_type}), at {site}/wp-json/ and at {site}/?rest_route=: "
            "a security plugin, proxy or firewall may be in the way, or the Site URL is wrong. "
            "Trying again later.",
        ),
        api=False,
        reports_code=False,
    ),
)

POST_REJECTED = QT_TRANSLATE_NOOP(
    "Error",
    "WordPress rejected the post while {step} (HTTP {status} {code}). Edit the post, then "
    "retry.{detail}{params}",
)

# Values: label, account, username, host, site, step, status, code, detail, params,
# content_type, fix (and the rows' own: to, reason).
TABLE: Table = (
    Row(
        ErrorKind.RATE_LIMITED,
        QT_TRANSLATE_NOOP("Error", "The site {host} is limiting requests (HTTP 429) while {step}."),
        status=429,
        retry_after=_wait,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "The site {site} redirected{to} (HTTP {status}) while {step}: set the account's "
            "Site URL to the address WordPress really lives at.",
        ),
        status=range(300, 400),
        values=_redirect_target,
        reports_code=False,
    ),
    Row(
        ErrorKind.UNKNOWN_OUTCOME,
        QT_TRANSLATE_NOOP(
            "Error",
            "The site {host} answered HTTP {status} after the post was sent, so it may or may "
            "not have been published. Check the site, then retry or cancel.",
        ),
        status=range(500, 600),
        final=True,
        when=_not_upload_refusal,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP(
            "Error", "The site {host} had a temporary problem while {step} (HTTP {status})."
        ),
        status=range(500, 600),
        when=_not_upload_refusal,
    ),
    *NOT_API,
    Row(
        ErrorKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Error",
            "WordPress refused the login of user {username!r} on {host}: {reason}. Reconnect "
            "the account with a new application password ({advice}).",
        ),
        code=frozenset(WRONG_LOGIN),
        values=_wrong_login,
        advice=Advice.RECONNECT,
    ),
    # The credentials were sent, yet WordPress answers as if nobody logged in. Either the host
    # removed the Authorization header before PHP saw it, or the password is wrong: WordPress
    # 6.1 answers a wrong application password this same way, so the message cannot pick one
    # and names both, each with its fix.
    Row(
        ErrorKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Error",
            "WordPress on {host} answered as if no login was sent (HTTP {status} {code}) "
            "although user {username!r} and an application password were. Either the "
            "application password is wrong or was revoked, or the web host strips the "
            "Authorization header before WordPress sees it. If the password is right, ask the "
            "host to pass the header on ({fix}); otherwise reconnect the account with a new "
            "application password ({advice}).",
        ),
        status=401,
        code=frozenset(NO_LOGIN),
        advice=Advice.RECONNECT,
    ),
    Row(
        ErrorKind.AUTH,
        QT_TRANSLATE_NOOP(
            "Error",
            "WordPress on {host} did not accept the login of user {username!r} (HTTP {status} "
            "{code}). Reconnect the account with a new application password ({advice}).{detail}",
        ),
        status=401,
        advice=Advice.RECONNECT,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "WordPress user {username!r} is not allowed to do this (HTTP 403 {code}) while "
            "{step}: give the user a role that may, or connect another user.{detail}",
        ),
        status=403,
    ),
    Row(
        ErrorKind.PERMANENT,
        CONNECTION_TEST_REFUSED,
        status=ABOUT_THE_POST,
        checking_account=True,
        values=_test_detail,
        advice=Advice.REPLACE_TOKEN,
    ),
    Row(
        ErrorKind.PERMANENT,
        CONNECTION_TEST_REFUSED,
        code=frozenset(UPLOAD_REFUSED),
        checking_account=True,
        values=_test_detail,
        advice=Advice.REPLACE_TOKEN,
    ),
    Row(ErrorKind.INVALID_CONTENT, POST_REJECTED, status=ABOUT_THE_POST),
    Row(ErrorKind.INVALID_CONTENT, POST_REJECTED, code=frozenset(UPLOAD_REFUSED)),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "WordPress answered 'not found' while {step} (HTTP 404 {code}): the site's REST API "
            "may be turned off or limited by a plugin.{detail}",
        ),
        status=404,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error", "WordPress refused the request while {step} (HTTP {status} {code}).{detail}"
        ),
    ),
)


class SiteErrors:
    """The classification of a site's failed answers (mixed into WordPressSite)."""

    def json(self, response: requests.Response, *, step: str | Message, final: bool = False) -> Any:
        """The JSON of a 2xx REST answer; anything else raised as a classified error."""
        if response.ok and self._is_rest(response):
            return json_body(response)
        raise self.error(response, step=step, final=final)

    def error(
        self, response: requests.Response, *, step: str | Message, final: bool
    ) -> PublishError:
        """A failed answer as the PublishError the first matching row of TABLE says."""
        body = json_body(response) if self._is_rest(response) else None
        code = str(body.get("code")) if isinstance(body, dict) and body.get("code") else None
        said = _message(body)
        answer = Answer(
            response.status_code,
            code=code,
            said=said or "",
            final=final,
            checking_account=self.checking_account,
            api=body is not None,
            facts=frozenset({API_SEEN}) if self.api is not None else frozenset(),
            response=response,
        )
        return classify(TABLE, answer, self._values(response, step, said, body))

    def _not_api(
        self, response: requests.Response, *, step: str | Message, final: bool
    ) -> PublishError:
        """An answer that is not the REST API's (even a 2xx one)."""
        answer = Answer(
            response.status_code,
            final=final,
            api=False,
            facts=frozenset({API_SEEN}) if self.api is not None else frozenset(),
            response=response,
        )
        return classify(NOT_API, answer, self._values(response, step, None, None))

    def _values(
        self, response: requests.Response, step: str | Message, said: str | None, body: Any
    ) -> dict[str, Any]:
        code = str(body.get("code")) if isinstance(body, dict) and body.get("code") else None
        return {
            "label": "WordPress",
            "account": self.account.name,
            "username": self.username,
            "host": self.host,
            "site": self.site,
            "step": step,
            "status": response.status_code,
            "code": code,
            "detail": said_after("WordPress", said),
            "params": _invalid_params(body),
            "content_type": (response.headers.get("Content-Type") or "no content type").split(";")[
                0
            ],
            "fix": STRIPPED_HEADER_FIX,
        }
