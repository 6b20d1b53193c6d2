"""The one HTTP setup every platform client uses.

Timeouts on every call and a deadline for the whole call, TLS verification on, no silent urllib3
retries (the engine decides what may be retried), a User-Agent naming the app, plain http only
for loopback, answers read up to a size cap, and errors turned into PublishError with secrets
masked.

The deadline: requests' (connect, read) timeouts count per socket operation, so a server that
answers one byte every few seconds keeps a call going for ever. Each call is therefore watched
by one process-wide watchdog thread; when its deadline passes, the sockets the call uses are shut
down, which ends whatever read or write is blocked on them at once. The call then fails like a
broken connection: "unknown outcome" for a final publish call, transient for any other.

`requests` (~70 ms to import) is imported where a request is made, not at module level: the
registry, the CLI and the window load the clients for their names, labels and limits without
ever sending anything.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import ipaddress
import itertools
import json
import os
import socket
import threading
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from desktop_publisher import __version__
from desktop_publisher.message import Message
from desktop_publisher.platforms import addresses
from desktop_publisher.platforms.base import (
    CALL_DEADLINE,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    ErrorKind,
    PublishError,
)
from desktop_publisher.redaction import redact
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    import requests

USER_AGENT = f"DesktopPublisher/{__version__} (+https://desktop-publisher.invalid)"


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, what: str = "URL") -> None:
    """https everywhere; http only for a server on this machine (tests, local dev sites)."""
    parsed = urlparse(url)
    if parsed.scheme == "https" and parsed.hostname:
        return
    if parsed.scheme == "http" and is_loopback_host(parsed.hostname):
        return
    values = {"what": what, "url": redact(url)}
    if parsed.scheme == "http":
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "The {what} {url} uses plain http://; use https:// (http is accepted only for "
            "localhost).",
        )
        raise PublishError(ErrorKind.PERMANENT, Message(rule, values))
    rule = QT_TRANSLATE_NOOP("Error", "The {what} {url} is not a valid https:// URL.")
    raise PublishError(ErrorKind.PERMANENT, Message(rule, values))


# An answer of the APIs is JSON of a few kB; anything far bigger is not an answer to read whole.
MAX_ANSWER_BYTES = 10_000_000
# The slowest upload still waited for: a call sending a body gets this much more time per byte.
SLOWEST_UPLOAD_BYTES_PER_SECOND = 50_000


class _Call:
    """One call under a deadline: the connections it uses, and whether its time ran out."""

    __slots__ = ("connections", "done", "expired", "lock")

    def __init__(self) -> None:
        self.connections: list[Any] = []
        self.done = False
        self.expired = False
        self.lock = threading.Lock()

    def track(self, connection: Any) -> None:
        with self.lock:
            self.connections.append(connection)
            expired = self.expired
        if expired:
            _shut(connection)

    def expire(self) -> None:
        with self.lock:
            if self.done:
                return
            self.expired = True
            connections = list(self.connections)
        for connection in connections:
            _shut(connection)


def _shut(connection: Any) -> None:
    """End every blocked read and write on the connection's socket now. The plain socket's
    shutdown, also under TLS: the TLS layer's own would drop its state under the reading
    thread."""
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread for every call's deadline in the process: it sleeps until the earliest
    deadline and expires the calls whose time is up (finished ones are just dropped)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, _Call]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float, call: _Call) -> None:
        with self._wake:
            earliest = not self._heap or deadline < self._heap[0][0]
            heapq.heappush(self._heap, (deadline, next(self._order), call))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="http-deadlines", daemon=True
                )
                self._thread.start()
            elif earliest:
                # Otherwise the thread already sleeps until an earlier deadline: waking it for
                # every call would cost a thread switch per request.
                self._wake.notify()

    def expire_all(self) -> int:
        """End every call in flight now (the process is stopping); how many there were."""
        with self._wake:
            calls = [call for _, _, call in self._heap if not call.done]
        for call in calls:
            call.expire()
        return len(calls)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap:
                    self._wake.wait()
                deadline, _, call = self._heap[0]
                if call.done:
                    heapq.heappop(self._heap)
                    continue
                left = deadline - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(self._heap)
            call.expire()


_watchdog = _Watchdog()
_current = threading.local()  # the call this thread is making, for the pools below


def abort_calls() -> int:
    """End every HTTP call of this process now, as if its deadline had passed (used when the
    app stops: a final call ends as "unknown outcome", any other as transient). The number of
    calls ended."""
    return _watchdog.expire_all()


@functools.cache
def _tracking_pools(public_only: bool = False) -> dict[str, type]:
    """urllib3 pools whose connections join the current call (so its deadline can shut them),
    including a connection that finishes connecting after the deadline passed.

    With `public_only` (a post's images, see addresses.py) a connection is made only to a public
    address of the host, the one just checked; through a proxy, the proxy resolves the host and
    the caller checked it beforehand."""
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
    from urllib3.util import connection as urllib3_connection

    def joins_call(connection_class: type) -> type:
        class Tracked(connection_class):  # type: ignore[misc, valid-type]
            def connect(self) -> None:
                super().connect()
                call = getattr(_current, "call", None)
                if call is not None and call.expired:
                    _shut(self)

            if public_only:

                def _new_conn(self) -> socket.socket:
                    if getattr(self, "proxy", None) is not None:
                        return super()._new_conn()
                    # urllib3's own, connecting to the checked address instead of the name.
                    try:
                        address = addresses.public_address(self._dns_host, self.port)
                        return urllib3_connection.create_connection(
                            (address, self.port),
                            self.timeout,
                            source_address=self.source_address,
                            socket_options=self.socket_options,
                        )
                    except socket.gaierror as exc:
                        raise NameResolutionError(self.host, self, exc) from exc
                    except TimeoutError as exc:
                        raise ConnectTimeoutError(
                            self, f"Connection to {self.host} timed out."
                        ) from exc
                    except OSError as exc:
                        raise NewConnectionError(
                            self, f"Failed to establish a new connection: {exc}"
                        ) from exc

        return Tracked

    def tracking(pool_class: type, connection_class: type) -> type:
        class Tracking(pool_class):  # type: ignore[misc, valid-type]
            ConnectionCls = joins_call(connection_class)

            def _get_conn(self, timeout: float | None = None) -> Any:
                connection = super()._get_conn(timeout)
                call = getattr(_current, "call", None)
                if call is not None:
                    call.track(connection)
                return connection

        return Tracking

    return {
        "http": tracking(HTTPConnectionPool, HTTPConnection),
        "https": tracking(HTTPSConnectionPool, HTTPSConnection),
    }


def make_session(public_only: bool = False) -> requests.Session:
    """A session for the platforms' APIs; `public_only` for fetching a post's images."""
    import requests
    from requests.adapters import HTTPAdapter

    pools = _tracking_pools(public_only)

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.verify = True
    # Only our code decides what may be retried: a retried final publish call could post twice.
    adapter = Adapter(max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _body_size(kwargs: dict[str, Any]) -> int:
    """Bytes a call sends (data and files), for its share of the deadline."""
    size = 0
    data = kwargs.get("data")
    if isinstance(data, bytes | bytearray):
        size += len(data)
    for item in (kwargs.get("files") or {}).values():
        handle = item[1] if isinstance(item, tuple) else item
        with contextlib.suppress(AttributeError, OSError, ValueError):
            size += os.fstat(handle.fileno()).st_size
    return size


def was_not_sent(exc: requests.RequestException) -> bool:
    """True when the request surely never reached the server (refused, DNS, connect timeout)."""
    import requests
    from urllib3.exceptions import NewConnectionError

    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.SSLError):
        return True
    if isinstance(exc, requests.ConnectionError):
        reason = exc.args[0] if exc.args else None
        reason = getattr(reason, "reason", reason)
        return isinstance(reason, NewConnectionError)
    return False


def parse_retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_PARSED = "_desktop_publisher_json"  # where json_body keeps its answer on the response


def json_body(response: requests.Response) -> Any:
    """The JSON answer, or None for an empty or non-JSON body (HTML from a proxy, a WAF...).

    Parsed once per response: the clients ask again while classifying an answer (is it the REST
    API's? what did it say?), and requests parses anew on every `json()`."""
    if hasattr(response, _PARSED):
        return getattr(response, _PARSED)
    body = None
    if response.content:
        try:
            body = response.json()
        except (ValueError, json.JSONDecodeError):
            body = None
    setattr(response, _PARSED, body)
    return body


class HttpClient:
    """A requests session with our rules; `final=True` marks a call that creates the post."""

    def __init__(
        self,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        deadline: float = CALL_DEADLINE,
    ) -> None:
        self.session = session or make_session()
        self.timeout = timeout
        self.deadline = deadline

    def request(
        self,
        method: str,
        url: str,
        *,
        final: bool = False,
        max_bytes: int = MAX_ANSWER_BYTES,
        too_big: Callable[[], PublishError] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """The answer, read whole (at most `max_bytes`; beyond, `too_big()` is raised) within
        the call's deadline."""
        import requests

        check_url(url)
        kwargs.setdefault("timeout", self.timeout)
        seconds = self.deadline + _body_size(kwargs) / SLOWEST_UPLOAD_BYTES_PER_SECOND
        call = _Call()
        _current.call = call
        _watchdog.watch(time.monotonic() + seconds, call)
        try:
            response = self.session.request(method, url, stream=True, **kwargs)
            _read_body(response, max_bytes, too_big or (lambda: _answer_too_big(url)))
        except requests.exceptions.SSLError as exc:
            if call.expired:
                raise _too_slow(url, seconds, final) from None
            rule = QT_TRANSLATE_NOOP(
                "Error",
                "The secure connection to {host} failed ({reason}): the server's certificate is "
                "not trusted.",
            )
            values = {"host": urlparse(url).hostname, "reason": redact(exc)}
            raise PublishError(ErrorKind.PERMANENT, Message(rule, values)) from None
        except requests.RequestException as exc:
            host = urlparse(url).hostname
            if call.expired:
                raise _too_slow(url, seconds, final) from None
            if was_not_sent(exc):
                rule = QT_TRANSLATE_NOOP(
                    "Error", "Could not connect to {host}: check the network connection."
                )
                raise PublishError(ErrorKind.TRANSIENT, Message(rule, {"host": host})) from None
            if final:
                rule = QT_TRANSLATE_NOOP(
                    "Error",
                    "The connection to {host} broke after the post was sent, so it may or may "
                    "not have been published. Check the account, then retry or cancel.",
                )
                raise PublishError(
                    ErrorKind.UNKNOWN_OUTCOME, Message(rule, {"host": host})
                ) from None
            rule = QT_TRANSLATE_NOOP("Error", "The connection to {host} broke ({reason}).")
            values = {"host": host, "reason": type(exc).__name__}
            raise PublishError(ErrorKind.TRANSIENT, Message(rule, values)) from None
        finally:
            with call.lock:
                call.done = True
            _current.call = None
        if call.expired:
            # A shut socket can also look like the end of an answer sent without a length.
            raise _too_slow(url, seconds, final)
        return response

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, *, final: bool = False, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, final=final, **kwargs)


def _read_body(
    response: requests.Response, max_bytes: int, too_big: Callable[[], PublishError]
) -> None:
    """Read the answer into `response.content`, refusing one larger than `max_bytes` without
    holding more than that in memory."""
    with response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise too_big()
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise too_big()
            chunks.append(chunk)
        response._content = b"".join(chunks)  # what `.content` and `.json()` read


def _answer_too_big(url: str) -> PublishError:
    rule = QT_TRANSLATE_NOOP(
        "Error",
        "{host} answered with more than {mb} MB, which is not an answer of its API: a proxy or "
        "a wrong address may be in the way.",
    )
    values = {"host": urlparse(url).hostname, "mb": MAX_ANSWER_BYTES // 1_000_000}
    return PublishError(ErrorKind.TRANSIENT, Message(rule, values))


def _too_slow(url: str, seconds: float, final: bool) -> PublishError:
    values = {"host": urlparse(url).hostname, "seconds": f"{seconds:.0f}"}
    if final:
        rule = QT_TRANSLATE_NOOP(
            "Error",
            "{host} did not finish answering within {seconds} s after the post was sent, so it "
            "may or may not have been published. Check the account, then retry or cancel.",
        )
        return PublishError(ErrorKind.UNKNOWN_OUTCOME, Message(rule, values))
    rule = QT_TRANSLATE_NOOP(
        "Error",
        "{host} did not finish answering within {seconds} s (a stalled or very slow connection).",
    )
    return PublishError(ErrorKind.TRANSIENT, Message(rule, values))
