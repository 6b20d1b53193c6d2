"""Real storage conditions for the CLI and the engine in another process: a size-limited tmpfs
that fills up for real (ENOSPC, SQLITE_FULL) and a read-only bind mount (EROFS, even for root).

Each runs in its own user and mount namespace (`unshare --user --map-root-user --mount`), so it
works as root (CI) and as an ordinary user, and every mount goes away with the namespace. Where
namespaces are not allowed, `require_namespaces()` skips the test and says why.
"""

from __future__ import annotations

import functools
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.support.processes import REPO, cli_env

UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]


@functools.cache
def _namespace_problem() -> str | None:
    for tool in ("unshare", "nsenter", "mount"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not installed"
    try:
        done = subprocess.run(
            [*UNSHARE, "--", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && echo ok"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError as exc:
        return f"unshare cannot run: {exc}"
    if done.stdout.strip() != "ok":
        return f"user and mount namespaces are not allowed here: {done.stderr.strip()}"
    return None


def require_namespaces() -> None:
    problem = _namespace_problem()
    if problem is not None:
        pytest.skip(f"needs a mount namespace for a real full or read-only disk: {problem}")


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tests.support.cli_entry", *args]


def run_in_namespace(
    setup: str, *cli_args: str, timeout: float = 60
) -> subprocess.CompletedProcess:
    """`setup` (shell, as root of a fresh namespace: mounts), then the CLI with `cli_args`."""
    script = f"set -e; {setup}; exec {shlex.join(cli_command(*cli_args))}"
    return subprocess.run(
        [*UNSHARE, "--", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
        timeout=timeout,
    )


class Lines:
    """A process's stderr, read on a thread as it comes, for waiting on a line."""

    def __init__(self, stream) -> None:  # noqa: ANN001
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:  # noqa: ANN001
        for line in stream:
            with self._lock:
                self.lines.append(line)

    def text(self) -> str:
        with self._lock:
            return "".join(self.lines)

    def join(self, timeout: float = 10) -> None:
        self._thread.join(timeout)


class SmallDisk:
    """A tmpfs of `size_kib` at `mount_point`, alive while this object's namespace holder runs;
    commands run inside it with `run` / `start` (nsenter into the holder's namespaces)."""

    def __init__(self, mount_point: Path, size_kib: int) -> None:
        require_namespaces()
        mount_point.mkdir(parents=True, exist_ok=True)
        self.mount_point = mount_point
        # The holder mounts, says so, then waits on its stdin: closing it ends the namespace.
        script = f"mount -t tmpfs -o size={size_kib}k tmpfs {shlex.quote(str(mount_point))}"
        self.holder = subprocess.Popen(
            [*UNSHARE, "--", "sh", "-c", f"{script} && echo mounted && exec cat"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.holder.stdout is not None
        first = self.holder.stdout.readline().strip()
        if first != "mounted":
            self.close()
            raise AssertionError(f"could not mount the tmpfs: {self.holder.stderr.read()}")

    def _enter(self, argv: list[str]) -> list[str]:
        return [
            "nsenter",
            f"--target={self.holder.pid}",
            "--user",
            "--mount",
            "--preserve-credentials",
            "--",
            *argv,
        ]

    def run(self, argv: list[str], input: str | None = None) -> subprocess.CompletedProcess:  # noqa: A002
        return subprocess.run(
            self._enter(argv),
            input=input,
            capture_output=True,
            text=True,
            env=cli_env(),
            cwd=REPO,
            timeout=60,
        )

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:  # noqa: A002
        return self.run(cli_command(*args), input=input)

    def start_cli(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            self._enter(cli_command(*args)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            cwd=REPO,
        )

    def fill(self, name: str = "filler") -> None:
        """Write a file until the disk says it is full (a real ENOSPC)."""
        path = self.mount_point / name
        code = (
            "import sys\n"
            f"f = open({str(path)!r}, 'wb', buffering=0)\n"
            "try:\n"
            "    while True: f.write(b'\\0' * 4096)\n"
            "except OSError as e:\n"
            "    assert e.errno == 28, e\n"  # ENOSPC
            "    print('full')\n"
        )
        done = self.run([sys.executable, "-c", code])
        assert done.stdout.strip() == "full", done.stderr

    def empty(self, name: str = "filler") -> None:
        done = self.run(["rm", "-f", str(self.mount_point / name)])
        assert done.returncode == 0, done.stderr

    def close(self) -> None:
        if self.holder.poll() is None:
            assert self.holder.stdin is not None
            self.holder.stdin.close()
            try:
                self.holder.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.holder.kill()
                self.holder.wait()
