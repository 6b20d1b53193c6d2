"""Secrets live only in the keyring (docs/architecture.md, "Secrets and identities").

Real flows run through the CLI in other processes against the fake LinkedIn, including answers
that echo the token back and URLs carrying `access_token=`; then every file in the data dir (the
database, its WAL, the logs) and everything the CLI printed is searched for the secrets.
"""

from __future__ import annotations

import json
import logging
import signal
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop_publisher.cli import engine as cli_engine
from desktop_publisher.engine.publishing import PublishingService
from desktop_publisher.platforms.base import (
    Limits,
    PostVariant,
    PublishContext,
    Publisher,
    PublishResult,
)
from desktop_publisher.store.models import (
    Account,
    PublishAttempt,
    ScheduledPost,
    Status,
)
from tests.fakes.graph import PAGE_ID, PAGE_TOKEN, FakeGraph, graph_error
from tests.fakes.linkedin import FakeLinkedIn, input_error, li_error
from tests.support.processes import run_cli, start_cli
from tests.support.waiting import wait_until

AUTHOR = "urn:li:person:abc"
POSTS = r"^/rest/posts$"


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def leaks(secret: str, root: Path, outputs: list[str]) -> list[str]:
    """Where the secret (or its URL-encoded form) appears: file names, or 'output N'."""
    needles = {secret.encode(), secret.replace(" ", "").encode()}
    found = [str(p) for p in files_under(root) if any(n in p.read_bytes() for n in needles)]
    found += [f"output {i}: {text[:200]}" for i, text in enumerate(outputs) if secret in text]
    return found


@pytest.fixture
def linkedin(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLinkedIn]:
    secret = f"AQV-{uuid.uuid4().hex}-linkedin-token"
    fake = FakeLinkedIn(token=secret)
    monkeypatch.setenv("DESKTOP_PUBLISHER_LINKEDIN_URL", fake.url)
    yield fake
    fake.close()


def test_secrets_never_reach_the_database_logs_or_output(store, linkedin, data_dir):  # noqa: ANN001
    secret = linkedin.token
    # A token of some other app that LinkedIn's answer mentions: never registered with us, so
    # only the access_token= pattern can mask it.
    stranger = f"EAAB{uuid.uuid4().hex}stranger"
    outputs: list[str] = []

    def cli(
        *args: str, input: str | None = None, code: int | None = 0
    ) -> subprocess.CompletedProcess:  # noqa: A002
        ran = run_cli(*args, input=input)
        outputs.extend([ran.stdout, ran.stderr])
        assert "Traceback" not in ran.stderr, ran.stderr
        if code is not None:
            assert ran.returncode == code, (args, ran.stdout, ran.stderr)
        return ran

    cli("account", "list")  # creates the database
    # Hold a connection for the whole test, so the write-ahead log stays on disk to be searched.
    keeper = sqlite3.connect(data_dir / "publisher.db")
    keeper.execute("SELECT count(*) FROM account").fetchone()
    try:
        cli(
            "account", "add", "linkedin", "--name", "Brand", "--author", AUTHOR, input=secret + "\n"
        )
        # Refused before anything is read: the secret given as an argument is not echoed.
        refused = cli(
            "account", "add", "linkedin", "--name", "X", f"--access-token={secret}", code=1
        )
        assert "never accepted as arguments" in refused.stderr
        cli("account", "test", "Brand")

        def add(text: str) -> int:
            ran = cli(
                "post", "add", "--account", "Brand", "--text", text, "--at", "now+1d", "--json"
            )
            return json.loads(ran.stdout)[0]["id"]

        ok, invalid, forbidden, dropped = (add(t) for t in ("fine", "invalid", "forbidden", "drop"))
        cli("post", "publish-now", str(ok))

        echo = (
            f"Bad request with token {secret}; see {linkedin.url}/v2/x?access_token={stranger}&a=1"
        )
        linkedin.fail("POST", POSTS, input_error(echo, "/commentary"))
        cli("post", "publish-now", str(invalid), code=1)
        linkedin.fail(
            "POST", POSTS, li_error(403, f"Member {secret} may not post; Bearer {secret}")
        )
        cli("post", "publish-now", str(forbidden), code=1)
        linkedin.drop(POSTS, act=True)
        cli("post", "publish-now", str(dropped), code=1)
        linkedin.fail("GET", r"^/v2/userinfo$", li_error(400, f"bad access_token={stranger}"))
        cli("account", "test", "Brand", code=1)

        # The engine, headless, publishes one more post and logs what it does.
        due = cli("post", "add", "--account", "Brand", "--text", "by the engine", "--at", "now+1s")
        assert due.returncode == 0
        engine = start_cli("run")
        try:
            cmdline = Path(f"/proc/{engine.pid}/cmdline")
            if cmdline.exists():
                outputs.append(cmdline.read_bytes().decode(errors="replace"))
            wait_until(lambda: linkedin.count("POST", POSTS) == 5, timeout=30, what="5th post")
            wait_until(
                lambda: (
                    ScheduledPost.select().where(ScheduledPost.status == Status.PUBLISHED).count()
                    == 2
                ),
                what="engine recorded the outcome",
            )
        finally:
            engine.send_signal(signal.SIGTERM)
            out, err = engine.communicate(timeout=30)
            outputs.extend([out, err])
        assert engine.returncode == 0, err

        for post_id in (ok, invalid, forbidden, dropped):
            cli("post", "show", str(post_id), "--json")
            cli("post", "show", str(post_id))
        cli("post", "list", "--json")
        cli("post", "list")
        cli("status", "--json")
        cli("status")
        cli("account", "list", "--json")
        cli("account", "list")

        # The failures happened, with LinkedIn's words kept and the secrets masked.
        invalid_row = ScheduledPost.get_by_id(invalid)
        assert invalid_row.status == Status.FAILED and "[REDACTED]" in invalid_row.last_error
        assert "Bad request with token" in invalid_row.last_error
        assert ScheduledPost.get_by_id(forbidden).status == Status.FAILED
        assert ScheduledPost.get_by_id(dropped).status == Status.NEEDS_CHECK
        assert "[REDACTED]" in " ".join(outputs)

        wal = data_dir / "publisher.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        searched = {p.name for p in files_under(data_dir)}
        assert {"publisher.db", "publisher.db-wal", "desktop-publisher.log"} <= searched
        log_text = (data_dir / "logs" / "desktop-publisher.log").read_text()
        assert f"post={invalid}" in log_text  # the failures were logged...
        assert leaks(secret, data_dir, outputs) == []  # ...without the token
        assert leaks(stranger, data_dir, outputs) == []
    finally:
        keeper.close()


# --- exception messages, in this process -----------------------------------------------------
def test_an_unexpected_error_is_one_masked_line_and_a_masked_log(cli, data_dir, monkeypatch):  # noqa: ANN001
    secret = f"tok-{uuid.uuid4().hex}"
    stranger = f"EAAB{uuid.uuid4().hex}"
    code, _, _ = cli("account", "add", "linkedin", "--name", "Brand", stdin=secret)
    assert code == 0

    def broken(ctx, args):  # noqa: ANN001, ANN202
        from desktop_publisher.credentials import CredentialStore

        token = CredentialStore().get_secret(Account.get())
        raise RuntimeError(f"boom with {token} and https://x.test/?access_token={stranger}")

    monkeypatch.setattr(cli_engine, "cmd_status", broken)
    code, out, err = cli("status")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert "unexpected error (RuntimeError: boom with [REDACTED]" in lines[0]
    log_text = (data_dir / "logs" / "desktop-publisher.log").read_text()
    assert "Traceback" in log_text and "boom with [REDACTED]" in log_text
    for text in (err, log_text):
        assert secret not in text and stranger not in text


class LeakyPublisher(Publisher):
    """A client with a bug whose exception carries the token (not registered as a platform)."""

    platform = "fakenet"
    label = "Leaky"
    limits = Limits(max_text=280)

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise ValueError(f"cannot parse answer for Bearer {self.account.secret}")

    def verify(self) -> str:
        raise ValueError(self.account.secret)


def test_a_client_bug_carrying_the_token_is_masked_everywhere(
    store, credentials, fakenet_account, add_post, data_dir
):  # noqa: ANN001
    from desktop_publisher.logs import setup_logging

    secret = f"tok-{uuid.uuid4().hex}"
    credentials.set_secret(fakenet_account, secret)
    setup_logging(data_dir)
    try:
        service = PublishingService(
            store,
            credentials,
            publisher_factory=lambda info, options: LeakyPublisher(info, options),
        )
        post = add_post(fakenet_account, "hello")
        outcome = service.publish_post(post.id, manual=True)
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_desktop_publisher", False):
                root.removeHandler(handler)
                handler.close()
    assert outcome.status == Status.NEEDS_CHECK  # a client bug: it may have sent the post
    row = ScheduledPost.get_by_id(post.id)
    assert "ValueError" in row.last_error and "[REDACTED]" in row.last_error
    assert "[REDACTED]" in PublishAttempt.get().message
    assert secret not in outcome.message
    assert leaks(secret, data_dir, [outcome.message or ""]) == []


class BrokenKeyring(KeyringBackend):
    """A keyring daemon whose error text repeats what it was given."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"org.freedesktop.Secret.Error: cannot store {password!r}")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("unavailable")


def test_a_keyring_error_is_one_masked_line_and_adds_no_account(cli, data_dir):  # noqa: ANN001
    secret = f"tok-{uuid.uuid4().hex}"
    keyring.set_keyring(BrokenKeyring())  # conftest puts the memory keyring back afterwards
    code, out, err = cli("account", "add", "linkedin", "--name", "Brand", stdin=secret)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and "keyring failed" in lines[0] and "[REDACTED]" in lines[0]
    assert Account.select().count() == 0
    assert leaks(secret, data_dir, [out, err]) == []


def test_facebook_page_token_stays_out_of_urls_storage_and_output(store, data_dir, monkeypatch):  # noqa: ANN001
    """Graph puts access_token= in its paging URLs and accepts it in query strings; our client
    sends the page token in the Authorization header only, and masks what Graph echoes."""
    graph = FakeGraph()
    monkeypatch.setenv("DESKTOP_PUBLISHER_GRAPH_URL", graph.url)
    stranger = f"EAAB{uuid.uuid4().hex}"
    outputs: list[str] = []

    def cli(*args: str, input: str | None = None, code: int = 0) -> None:  # noqa: A002
        ran = run_cli(*args, input=input)
        outputs.extend([ran.stdout, ran.stderr])
        assert ran.returncode == code and "Traceback" not in ran.stderr, (args, ran.stderr)

    try:
        cli("account", "add", "facebook", "--name", "Page", "--page-id", PAGE_ID, input=PAGE_TOKEN)
        cli("account", "test", "Page")
        for text in ("first", "second"):
            cli("post", "add", "--account", "Page", "--text", text, "--at", "now+1d")
        keeper = sqlite3.connect(data_dir / "publisher.db")  # keeps the WAL on disk
        keeper.execute("SELECT count(*) FROM account").fetchone()
        cli("post", "publish-now", "1")
        echo = (
            f"(#100) Invalid parameter for {PAGE_TOKEN}; next: {graph.url}/v25.0/{PAGE_ID}/feed"
            f"?access_token={stranger}&limit=25"
        )
        graph.fail("POST", rf"/{PAGE_ID}/feed$", graph_error(400, 100, echo))
        cli("post", "publish-now", "2", code=1)
        for args in (("post", "list", "--json"), ("post", "show", "2"), ("status", "--json")):
            cli(*args)
        failed = ScheduledPost.get_by_id(2)
        assert failed.status == Status.FAILED and "[REDACTED]" in failed.last_error
        assert ScheduledPost.get_by_id(1).status == Status.PUBLISHED
        for request in graph.requests:
            assert PAGE_TOKEN not in request.path + json.dumps(request.query)
            assert PAGE_TOKEN not in request.body.decode("utf-8", errors="replace")
        assert (data_dir / "publisher.db-wal").exists()
        assert leaks(PAGE_TOKEN, data_dir, outputs) == []
        assert leaks(stranger, data_dir, outputs) == []
        keeper.close()
    finally:
        graph.close()
