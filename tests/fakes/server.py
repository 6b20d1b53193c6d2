"""A small real HTTP server on 127.0.0.1 for faithful platform fakes.

Routes are plain functions; every request is recorded; faults can be queued for the next matching
request: an error answer, a slow answer (held until released), or a connection dropped after the
request was read — the case where the client cannot know whether the platform acted.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop_publisher.platforms.addresses import ALLOW_ENV


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    received_at: float = field(default_factory=time.time)

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8"), keep_blank_values=True)

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class Response:
    status: int = 200
    body: Any = None  # dict/list → JSON; bytes/str → as is
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if self.body is None:
            return b"", headers
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            headers.setdefault("Content-Type", "text/html; charset=utf-8")
            return self.body.encode(), headers
        headers.setdefault("Content-Type", "application/json")
        return json.dumps(self.body).encode(), headers


@dataclass
class Fault:
    """Applied once to the next request matching method and path pattern."""

    method: str | None = None
    path: str | None = None  # regular expression searched in the path
    response: Response | None = None  # answer this instead of the route
    drop: bool = False  # read the request, then close without answering
    hold: threading.Event | None = None  # wait for this before answering (a slow server)
    # Answer headers, then one byte every DRIP_SECONDS until this is set or the client goes:
    # a server that never finishes, each byte well within any read timeout.
    drip: threading.Event | None = None
    count: int = 1

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method != method:
            return False
        return not (self.path and not re.search(self.path, path))


@dataclass
class ActThenDrop(Fault):
    """The server does the work (the route runs), then closes without answering: the request
    took effect but the client never hears so (the "unknown outcome" every client must handle).
    `then` is queued once this one fired (e.g. a failing check right after)."""

    drop: bool = True
    then: Fault | None = None


Route = Callable[[Request], Response]
DRIP_SECONDS = 0.25


class FakeServer:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._routes: list[tuple[str, re.Pattern[str], Route]] = []
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes: without this, Nagle's algorithm and the
            # client's delayed ACK hold every later answer on a kept-alive connection 40 ms.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    dict(self.headers.items()),
                    body,
                )
                fault = server._record(request)
                if fault and fault.drip is not None:
                    self._drip(fault.drip)
                    return
                if fault and fault.hold is not None:
                    fault.hold.wait(timeout=60)
                if fault and fault.drop:
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                response = fault.response if fault and fault.response else server._route(request)
                payload, headers = response.encoded()
                self.send_response(response.status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                try:
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    # The client hung up first (its deadline, an answer it refused to read
                    # whole): what a real server sees too, not a failure of the fake.
                    self.close_connection = True

            def _drip(self, stop: threading.Event) -> None:
                self.close_connection = True
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                # The server's own pace (an event's timeout), not a test waiting for time.
                while not stop.wait(DRIP_SECONDS):
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except OSError:
                        return

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        # A short poll interval so close() (shutdown) returns at once instead of in 0.5 s.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, method: str, pattern: str) -> Callable[[Route], Route]:
        """Register a handler for METHOD and a full-match regular expression of the path."""

        def decorate(fn: Route) -> Route:
            self._routes.append((method, re.compile(pattern), fn))
            return fn

        return decorate

    def add_fault(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def _record(self, request: Request) -> Fault | None:
        fault = self._take_fault(request)
        if isinstance(fault, ActThenDrop):
            self._route(request)
            if fault.then is not None:
                self.add_fault(fault.then)
        return fault

    def _take_fault(self, request: Request) -> Fault | None:
        with self._lock:
            self.requests.append(request)
            self._arrived.notify_all()
            for fault in self._faults:
                if fault.matches(request.method, request.path):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _route(self, request: Request) -> Response:
        for method, pattern, fn in self._routes:
            if method == request.method and pattern.fullmatch(request.path):
                return fn(request)
        return Response(404, {"error": f"no route for {request.method} {request.path}"})

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> list[Request]:
        """Block until at least `count` requests arrived (or raise TimeoutError)."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.requests) >= count, timeout=timeout):
                raise TimeoutError(f"{len(self.requests)} requests arrived, expected {count}")
            return list(self.requests)

    def matching(self, method: str, pattern: str) -> list[Request]:
        compiled = re.compile(pattern)
        with self._lock:
            return [r for r in self.requests if r.method == method and compiled.search(r.path)]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class FakeApi:
    """What every fake platform offers a test: its address, what it received, slow answers."""

    def __init__(self) -> None:
        self.server = FakeServer()
        self._holds: list[threading.Event] = []

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def requests(self) -> list[Request]:
        return list(self.server.requests)

    def count(self, method: str, path: str) -> int:
        return len(self.server.matching(method, path))

    def hold(self, path: str) -> threading.Event:
        """Answer the next matching request only when the returned event is set."""
        event = threading.Event()
        self._holds.append(event)
        self.server.add_fault(Fault(None, path, hold=event))
        return event

    def drip(self, path: str) -> threading.Event:
        """Answer the next matching request byte by byte, for ever (until the returned event
        is set or the client hangs up)."""
        event = threading.Event()
        self._holds.append(event)
        self.server.add_fault(Fault(None, path, drip=event))
        return event

    def fail(self, method: str | None, path: str, response: Response, count: int = 1) -> Fault:
        """Answer the next `count` matching requests with `response` instead."""
        return self.server.add_fault(Fault(method, path, response=response, count=count))

    def drop(self, path: str, act: bool = True, then: Fault | None = None) -> Fault:
        """Drop the connection after reading the request; with act, after doing the work.
        `then` is queued when the drop happened (only with act)."""
        fault = ActThenDrop(None, path, then=then) if act else Fault(None, path, drop=True)
        return self.server.add_fault(fault)

    def close(self) -> None:
        for event in self._holds:
            event.set()
        self.server.close()


def allow_media_from(url: str) -> None:
    """Let the app fetch images from this test server (host:port of `url`), as it never does
    from this computer otherwise. For this process and the CLI processes it starts; conftest
    clears it after each test."""
    netloc = urlsplit(url).netloc
    names = [n for n in os.environ.get(ALLOW_ENV, "").split(",") if n]
    if netloc not in names:
        os.environ[ALLOW_ENV] = ",".join([*names, netloc])
