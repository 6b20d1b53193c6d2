"""The fake LinkedIn (tests/fakes/linkedin.py) in its own process, answering every request after
`--latency` seconds, as a distant LinkedIn would.

Prints "url <base url>" once, then one JSON line per request: method, path, received.
Started and read by bench_linkedin_burst.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.linkedin import FakeLinkedIn  # noqa: E402
from tests.fakes.server import Request, Response  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    fake = FakeLinkedIn(detect_duplicates=False)
    out = threading.Lock()
    route = fake.server._route

    def slow(request: Request) -> Response:
        time.sleep(args.latency)  # the platform's answer time, in the fake's own process
        with out:
            print(
                json.dumps(
                    {
                        "method": request.method,
                        "path": request.path,
                        "received": request.received_at,
                    }
                ),
                flush=True,
            )
        return route(request)

    fake.server._route = slow  # type: ignore[method-assign]
    print(f"url {fake.url}", flush=True)
    try:
        sys.stdin.read()  # until the parent closes our stdin
    finally:
        fake.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
