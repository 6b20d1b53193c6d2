"""A fakenet endpoint in its own process (so its threads do not share the measured process's
interpreter), answering every `POST /posts` after `--latency` seconds.

Prints "url <base url>" once, then one JSON line per post: post_id, received (request read),
auth (the Authorization header, which names the account).
Started and read by _common.SlowServer.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.server import FakeServer, Request, Response  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    server = FakeServer()
    out = threading.Lock()

    @server.route("POST", "/posts")
    def create(request: Request) -> Response:
        time.sleep(args.latency)
        body = request.json()
        record = {
            "post_id": body["post_id"],
            "received": request.received_at,
            "auth": request.header("Authorization"),
        }
        with out:
            print(json.dumps(record), flush=True)
        return Response(201, {"id": f"fn-{body['post_id']}", "url": f"{server.url}/p/1"})

    @server.route("GET", "/me")
    def me(request: Request) -> Response:
        return Response(200, {"name": "Fake Brand"})

    print(f"url {server.url}", flush=True)
    try:
        sys.stdin.read()  # until the parent closes our stdin
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
