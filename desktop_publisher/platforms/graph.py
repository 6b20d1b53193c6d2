"""What the Facebook Page and Instagram clients share: Meta's Graph API.

The base URL (`DESKTOP_PUBLISHER_GRAPH_URL`, default https://graph.facebook.com) and the version
(`graph_version` setting, e.g. v25.0) come from PublisherOptions. The token always travels in the
`Authorization` header, never as an `access_token` parameter: URLs end up in logs and proxies.

Graph answers errors in one envelope (`{"error": {"code", "error_subcode", "message",
"is_transient", ...}}`, usually HTTP 400) whose *code* says what happened, not the HTTP status.
`classify()` turns it into an ErrorKind by the table of graph_errors.py; the engine decides
what happens next.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher.message import Message
from desktop_publisher.platforms.api_versions import graph_served_newer
from desktop_publisher.platforms.base import ErrorKind, Publisher, PublishError, Remember, is_url
from desktop_publisher.platforms.error_table import Table
from desktop_publisher.platforms.graph_errors import (  # noqa: F401 - the clients read them here
    DEFAULT_RATE_LIMIT_WAIT,
    GRAPH,
    IG_INVALID_SUBCODES,
    IG_QUOTA_SUBCODE,
    IG_RESTRICTED_SUBCODES,
    IG_TRANSIENT_SUBCODES,
    NOT_GRAPH,
    NOT_READY_CODE,
    GraphErrorInfo,
    error_info,
    graph_error,
)
from desktop_publisher.platforms.graph_settings import GRAPH_API, GRAPH_VERSION
from desktop_publisher.platforms.http import (
    CALL_DEADLINE,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    HttpClient,
    json_body,
)
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests  # annotations only: requests is imported where a request is sent

log = logging.getLogger(__name__)

VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?$")
# The version Meta used to answer a call (the oldest live one when the asked one has expired).
VERSION_HEADER = "facebook-api-version"
_announced: set[str] = set()  # expired versions already reported in this process


def normalize_version(value: str) -> str:
    """`v25.0` from `v25.0`, `25.0`, `v25` or `25`; PublishError for anything else."""
    match = VERSION.match(str(value or "").strip())
    if not match:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "Graph API version {version!r} is not valid: set graph_version to a version such as "
            "v25.0.",
        )
        raise PublishError(ErrorKind.PERMANENT, Message(rule, {"version": value}))
    return f"v{match.group(1)}.{match.group(2) or 0}"


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
        rows: Table = (),
        remember: Remember | None = None,
    ) -> None:
        self.base = base_url.rstrip("/")
        self.version_setting = version
        self.token = token
        self.label = label
        self.account_name = account_name
        # The platform's own rows (Facebook's Page token, Instagram's subcodes) before Graph's.
        self.table: Table = (*NOT_GRAPH, *rows, *GRAPH)
        self.http = HttpClient(timeout=timeout, deadline=deadline)
        # A connection test (Publisher.check_account): refusals are about the account.
        self.checking_account = False
        self.remember = remember

    @classmethod
    def for_publisher(cls, publisher: Publisher, rows: Table = ()) -> GraphApi:
        """The access of a Facebook or Instagram publisher: its account, options and timeout."""
        return cls(
            base_url=publisher.options.url(GRAPH_API),
            version=str(publisher.options.setting(GRAPH_VERSION)),
            token=publisher.account.secret,
            label=publisher.label,
            account_name=publisher.account.name,
            timeout=publisher.timeout,
            deadline=publisher.deadline,
            rows=rows,
            remember=publisher.options.remember,
        )

    def url(self, path: str) -> str:
        return f"{self.base}/{normalize_version(self.version_setting)}/{path.lstrip('/')}"

    def call(
        self,
        method: str,
        path: str,
        *,
        step: str | Message,
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
        self, response: requests.Response, body: Any, *, step: str | Message, final: bool
    ) -> PublishError:
        """A failed answer as the PublishError its table row says (graph_errors.py)."""
        return graph_error(
            self.table,
            response,
            body,
            label=self.label,
            account=self.account_name,
            base=self.base,
            step=step,
            final=final,
            checking_account=self.checking_account,
        )


def step(rule: str, **values: object) -> Message:
    """A step of a publish, named in errors ("… while creating the post")."""
    return Message(rule, values, "Step")


def image_fingerprint(ref: str) -> str:
    """Identifies the file behind a reference, so a changed file is uploaded again."""
    if is_url(ref):
        return ref
    try:
        stat = Path(ref).stat()
    except OSError:
        return ref
    return f"{ref}|{stat.st_size}|{int(stat.st_mtime)}"
