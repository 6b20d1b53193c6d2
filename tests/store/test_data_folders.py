"""Two data folders on one keyring stay independent: each reads, replaces and deletes only its own
secrets (before schema 4 the entry was named after the account's row id, so account 1 of every
folder shared one secret). Run through the command line in other processes, once with the test
keyring file and once with the real Secret Service (inside the D-Bus session .ci/run makes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.linkedin import SUB, FakeLinkedIn
from tests.support.processes import REPO, cli_env
from tests.test_secrets import leaks

AUTHOR = f"urn:li:person:{SUB}"
BACKENDS = {
    "test keyring file": "tests.support.keyrings.FileKeyring",
    "real Secret Service": "keyring.backends.SecretService.Keyring",
}


@pytest.fixture
def linkedin() -> Iterator[FakeLinkedIn]:
    fake = FakeLinkedIn(token=f"AQV-{uuid.uuid4().hex}-first-folder")
    yield fake
    fake.close()


@pytest.mark.parametrize(
    "backend",
    [
        "test keyring file",
        pytest.param("real Secret Service", marks=pytest.mark.keyring_integration),
    ],
)
def test_two_data_folders_on_one_keyring_stay_independent(backend, linkedin, tmp_path):
    if backend == "real Secret Service" and os.environ.get("DP_REAL_KEYRING") != "1":
        pytest.skip("needs the real Secret Service: run through .ci/run (DP_REAL_KEYRING=1)")
    first, second = tmp_path / "first", tmp_path / "second"
    first_token = linkedin.token
    second_token = f"AQV-{uuid.uuid4().hex}-second-folder"
    env = cli_env()
    env["PYTHON_KEYRING_BACKEND"] = BACKENDS[backend]
    env["DESKTOP_PUBLISHER_LINKEDIN_URL"] = linkedin.url
    outputs: list[str] = []

    def cli(folder: Path, *args: str, input: str | None = None, code: int = 0) -> str:  # noqa: A002
        ran = subprocess.run(
            [sys.executable, "-m", "tests.support.cli_entry", "--data-dir", str(folder), *args],
            input=input,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
        )
        outputs.extend([ran.stdout, ran.stderr])
        assert "Traceback" not in ran.stderr, ran.stderr
        assert ran.returncode == code, (folder.name, args, ran.stdout, ran.stderr)
        return ran.stdout

    def tokens_sent() -> list[str]:
        return [r.header("Authorization") for r in linkedin.requests]

    add = ("account", "add", "linkedin", "--name", "Brand", "--author", AUTHOR)
    cli(first, *add, input=first_token)
    cli(second, *add, input=second_token)  # the same row id (1) in another folder
    ids = {
        json.loads(cli(folder, "account", "list", "--json"))[0]["id"] for folder in (first, second)
    }
    assert ids == {1}

    cli(first, "account", "test", "Brand")
    assert tokens_sent()[-1] == f"Bearer {first_token}"
    cli(second, "account", "test", "Brand", code=1)  # LinkedIn knows only the first token
    assert tokens_sent()[-1] == f"Bearer {second_token}"

    # Removing the second folder's account deletes its secret only.
    cli(second, "account", "remove", "Brand")
    cli(first, "account", "test", "Brand")
    assert tokens_sent()[-1] == f"Bearer {first_token}"
    post = json.loads(
        cli(first, "post", "add", "--account", "Brand", "--text", "Hello", "--at", "now", "--json")
    )[0]["id"]
    cli(first, "post", "publish-now", str(post))
    assert [p.text for p in linkedin.posts] == ["Hello"]
    assert linkedin.server.matching("POST", r"^/rest/posts$")[0].header("Authorization") == (
        f"Bearer {first_token}"
    )
    # And neither secret reached a file of either folder or anything printed.
    for secret in (first_token, second_token):
        assert leaks(secret, tmp_path / "first", outputs) == []
        assert leaks(secret, tmp_path / "second", outputs) == []
