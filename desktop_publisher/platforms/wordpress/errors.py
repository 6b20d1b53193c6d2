"""WordPress's answers classified: what each failure means and what the user can do."""

from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.platforms.base import (
    ErrorKind,
    PublishError,
    connection_test_refused,
)
from desktop_publisher.platforms.error_table import MAX_MESSAGE, said_briefly
from desktop_publisher.platforms.http import json_body, parse_retry_after

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)
# Without Retry-After a host's limiter gives no hint; a minute is a polite first wait.
DEFAULT_RATE_WAIT = 60.0

# Codes WordPress answers when the login reached it and was refused.
WRONG_LOGIN = {
    "incorrect_password": "the application password is wrong or was revoked",
    "invalid_username": "there is no user with this name",
    "invalid_email": "there is no user with this e-mail address",
    "application_passwords_disabled": "application passwords are turned off on this site",
    "application_passwords_disabled_for_user": (
        "application passwords are turned off for this user"
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
# (Worded so the log redaction, which masks "authorization=…", leaves the advice readable.)
STRIPPED_HEADER_FIX = (
    "on Apache add the line CGIPassAuth On to the site's .htaccess; with nginx and PHP-FPM add "
    "fastcgi_param HTTP_AUTHORIZATION $http_authorization"
)


def _message(body: Any) -> str | None:
    if not isinstance(body, dict) or not body.get("message"):
        return None
    # WordPress messages may carry markup ("<strong>Error:</strong> …").
    return said_briefly(html.unescape(re.sub(r"<[^>]+>", "", str(body["message"]))))


def _invalid_params(body: Any) -> str:
    data = body.get("data") if isinstance(body, dict) else None
    params = data.get("params") if isinstance(data, dict) else None
    if not isinstance(params, dict) or not params:
        return ""
    parts = [f"{key}: {' '.join(str(value).split())}" for key, value in params.items()]
    return " (" + "; ".join(parts)[:MAX_MESSAGE] + ")"


class SiteErrors:
    """The classification of a site's failed answers (mixed into WordPressSite)."""

    def json(self, response: requests.Response, *, step: str, final: bool = False) -> Any:
        """The JSON of a 2xx REST answer; anything else raised as a classified error."""
        if response.ok and self._is_rest(response):
            return json_body(response)
        raise self.error(response, step=step, final=final)

    def error(self, response: requests.Response, *, step: str, final: bool) -> PublishError:
        """A failed answer as a PublishError saying what happened and what to do."""
        status = response.status_code
        body = json_body(response) if self._is_rest(response) else None
        code = str(body.get("code")) if isinstance(body, dict) and body.get("code") else None
        said = _message(body)
        detail = f" WordPress said: {said}" if said else ""

        if status == 429:
            retry_after = parse_retry_after(response)
            return PublishError(
                ErrorKind.RATE_LIMITED,
                f"The site {self.host} is limiting requests (HTTP 429) while {step}.",
                retry_after=DEFAULT_RATE_WAIT if retry_after is None else retry_after,
                status=status,
                code=code,
            )
        if 300 <= status < 400:
            target = response.headers.get("Location") or ""
            where = urlparse(target)
            to = f" to {where.scheme}://{where.netloc}" if where.scheme and where.netloc else ""
            return PublishError(
                ErrorKind.PERMANENT,
                f"The site {self.site} redirected{to} (HTTP {status}) while {step}: set the "
                "account's Site URL to the address WordPress really lives at.",
                status=status,
            )
        if status >= 500 and not (isinstance(body, dict) and code in UPLOAD_REFUSED):
            if final:
                return PublishError(
                    ErrorKind.UNKNOWN_OUTCOME,
                    f"The site {self.host} answered HTTP {status} after the post was sent, so "
                    "it may or may not have been published. Check the site, then retry or "
                    "cancel.",
                    status=status,
                    code=code,
                )
            return PublishError(
                ErrorKind.TRANSIENT,
                f"The site {self.host} had a temporary problem while {step} (HTTP {status}).",
                status=status,
                code=code,
            )
        if body is None:
            return self._not_api(response, step=step, final=final)
        if status == 401 or code in WRONG_LOGIN:
            return self._auth_error(status, code, said)
        if status == 403:
            return PublishError(
                ErrorKind.PERMANENT,
                f"WordPress user {self.username!r} is not allowed to do this (HTTP 403 "
                f"{code}) while {step}: give the user a role that may, or connect another "
                f"user.{detail}",
                status=status,
                code=code,
            )
        if (status in (400, 413, 415, 422) or code in UPLOAD_REFUSED) and self.checking_account:
            return connection_test_refused(
                "WordPress", self.account.name, step, status, f" ({code}){detail}", code
            )
        if status in (400, 413, 415, 422) or code in UPLOAD_REFUSED:
            return PublishError(
                ErrorKind.INVALID_CONTENT,
                f"WordPress rejected the post while {step} (HTTP {status} {code}). Edit the "
                f"post, then retry.{detail}{_invalid_params(body)}",
                status=status,
                code=code,
            )
        if status == 404:
            return PublishError(
                ErrorKind.PERMANENT,
                f"WordPress answered 'not found' while {step} (HTTP 404 {code}): the site's "
                f"REST API may be turned off or limited by a plugin.{detail}",
                status=status,
                code=code,
            )
        return PublishError(
            ErrorKind.PERMANENT,
            f"WordPress refused the request while {step} (HTTP {status} {code}).{detail}",
            status=status,
            code=code,
        )

    def _auth_error(self, status: int, code: str | None, said: str | None) -> PublishError:
        reconnect = (
            f"Reconnect the account with a new application password (desktop-publisher account "
            f"reconnect {self.account.name!r})."
        )
        if code in WRONG_LOGIN:
            return PublishError(
                ErrorKind.AUTH,
                f"WordPress refused the login of user {self.username!r} on {self.host}: "
                f"{WRONG_LOGIN[code]}. {reconnect}",
                status=status,
                code=code,
            )
        if code in NO_LOGIN:
            # The credentials were sent, yet WordPress answers as if nobody logged in. Either
            # the host removed the Authorization header before PHP saw it, or the password is
            # wrong: WordPress 6.1 answers a wrong application password this same way, so the
            # message cannot pick one and names both, each with its fix.
            return PublishError(
                ErrorKind.AUTH,
                f"WordPress on {self.host} answered as if no login was sent (HTTP {status} "
                f"{code}) although user {self.username!r} and an application password were. "
                "Either the application password is wrong or was revoked, or the web host "
                "strips the Authorization header before WordPress sees it. If the password is "
                f"right, ask the host to pass the header on ({STRIPPED_HEADER_FIX}); otherwise "
                f"{reconnect[0].lower()}{reconnect[1:]}",
                status=status,
                code=code,
            )
        detail = f" WordPress said: {said}" if said else ""
        return PublishError(
            ErrorKind.AUTH,
            f"WordPress on {self.host} did not accept the login of user {self.username!r} "
            f"(HTTP {status} {code}). {reconnect}{detail}",
            status=status,
            code=code,
        )

    def _not_api(self, response: requests.Response, *, step: str, final: bool) -> PublishError:
        kind = (response.headers.get("Content-Type") or "no content type").split(";")[0]
        if final and response.ok and self.api is not None:
            # The REST API answered before, now something else answered "OK" to the post:
            # never a success, and not provably a failure either. (When neither address ever
            # answered as the API, the post never reached it.)
            return PublishError(
                ErrorKind.UNKNOWN_OUTCOME,
                f"The site {self.host} answered HTTP {response.status_code} with {kind} instead "
                "of the WordPress REST API after the post was sent, so it may or may not have "
                "been published. Check the site, then retry or cancel.",
                status=response.status_code,
            )
        return PublishError(
            ErrorKind.TRANSIENT,
            f"While {step}, {self.host} answered HTTP {response.status_code} with something "
            f"that is not the WordPress REST API ({kind}), at {self.site}/wp-json/ and at "
            f"{self.site}/?rest_route=: a security plugin, proxy or firewall may be in the way, "
            "or the Site URL is wrong. Trying again later.",
            status=response.status_code,
        )
