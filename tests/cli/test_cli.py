"""The command line contract (README.md, "The command line"): commands, --json shapes, exit
codes, user errors.

Most tests call `cli.main([...])` in this process (fast); the ones that need a running engine
start it in another process, as a user would.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_publisher import config, when
from desktop_publisher.cli import accounts as cli_accounts
from desktop_publisher.cli import engine as cli_engine
from desktop_publisher.credentials import entry_name
from desktop_publisher.errors import UserError
from desktop_publisher.store.models import Account, ScheduledPost
from desktop_publisher.when import iso_utc, parse_when, resolve_local
from tests.conftest import Ran
from tests.fakes.server import Fault, Response
from tests.support.keyrings import FileKeyring
from tests.support.processes import REPO, cli_env, run_cli, run_python, start_cli
from tests.support.waiting import wait_until

PROG = "desktop-publisher"
POST_KEYS = {
    "id",
    "account",
    "platform",
    "status",
    "publication_date",
    "published_at",
    "external_id",
    "url",
    "attempts",
    "last_error",
}
ACCOUNT_KEYS = {"id", "name", "platform", "settings", "token_expires_at"}
AUTHOR = "urn:li:person:abc"
# A year surely ahead yet within the ten years a post may be scheduled ahead (when.MAX_AHEAD).
NEXT_YEAR = datetime.now(UTC).year + 1


def snapshot(data_dir: Path) -> list[str]:
    """Every row of every table, to prove that a refused command changed nothing."""
    conn = sqlite3.connect(data_dir / "publisher.db")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def assert_user_error(ran: Ran, *fragments: str) -> str:
    """Exit 1, nothing on stdout, exactly one line on stderr naming the problem."""
    assert ran.code == 1, (ran.code, ran.out, ran.err)
    assert ran.out == ""
    assert "Traceback" not in ran.err
    lines = ran.err.splitlines()
    assert len(lines) == 1, ran.err
    assert lines[0].startswith(f"{PROG}: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def assert_usage_error(ran: Ran, fragment: str) -> None:
    """Exit 2 like argparse: the usage, then one error line; never a traceback."""
    assert ran.code == 2, (ran.code, ran.out, ran.err)
    assert "Traceback" not in ran.err
    last = ran.err.strip().splitlines()[-1]
    assert ": error: " in last and fragment in last, last


def add_linkedin(cli, name: str = "Brand A", secret: str = "tok-123456", *extra: str) -> Ran:  # noqa: ANN001
    ran = cli(
        "account", "add", "linkedin", "--name", name, "--author", AUTHOR, *extra, stdin=secret
    )
    assert ran.code == 0, ran.err
    return ran


def add_post(cli, *args: str, at: str = "now+1h") -> dict:  # noqa: ANN001
    text = [] if "--text-file" in args else ["--text", "Hello"]
    ran = cli("post", "add", *text, "--at", at, "--json", *args)
    assert ran.code == 0, ran.err
    (post,) = ran.json()
    return post


def approx_now_plus(iso: str, delta: timedelta, slack: float = 30) -> bool:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return abs((moment - (datetime.now(UTC) + delta)).total_seconds()) < slack


# --- accounts ---------------------------------------------------------------------------------
def test_account_add_reads_the_secret_from_stdin_and_list_json_never_shows_it(cli, memory_keyring):  # noqa: ANN001
    ran = cli(
        "account",
        "add",
        "linkedin",
        "--name",
        "Brand A",
        "--author",
        AUTHOR,
        "--client-id",
        "77abc",
        stdin="tok-from-stdin-42\n",
    )
    assert ran.code == 0 and "Brand A" in ran.out and "keyring" in ran.out
    assert "tok-from-stdin-42" not in ran.out + ran.err
    assert "tok-from-stdin-42" in memory_keyring.values.values()
    ran = cli(
        "account",
        "add",
        "wordpress",
        "--name",
        "Blog",
        "--site-url",
        "http://127.0.0.1:8080/",
        "--username",
        "editor",
        "--media-host",
        stdin="ab cd ef",
    )
    assert ran.code == 0, ran.err

    listed = cli("account", "list", "--json")
    assert listed.code == 0 and listed.err == ""
    accounts = listed.json()
    assert isinstance(accounts, list) and [a["name"] for a in accounts] == ["Brand A", "Blog"]
    for account in accounts:
        assert set(account) == ACCOUNT_KEYS
    linkedin, blog = accounts
    assert linkedin["platform"] == "linkedin"
    assert linkedin["settings"] == {"author": AUTHOR, "client_id": "77abc"}
    # LinkedIn tokens expire: 60 days unless told otherwise. WordPress passwords do not.
    assert approx_now_plus(linkedin["token_expires_at"], timedelta(days=60))
    assert linkedin["token_expires_at"].endswith("Z")
    assert blog["settings"] == {
        "site_url": "http://127.0.0.1:8080",
        "username": "editor",
        "media_host": True,
    }
    assert blog["token_expires_at"] is None
    assert "tok-from-stdin-42" not in listed.out and "ab cd ef" not in listed.out

    table = cli("account", "list")
    assert table.code == 0
    assert "Brand A" in table.out and "author=urn:li:person:abc" in table.out
    assert "tok-from-stdin-42" not in table.out


def test_account_list_without_accounts_says_how_to_add_one(cli):  # noqa: ANN001
    assert cli("account", "list", "--json").json() == []
    ran = cli("account", "list")
    assert ran.code == 0 and "account add" in ran.out and "import-env" in ran.out


@pytest.mark.parametrize(
    "secret_args",
    [
        ["--token", "tok-on-the-command-line"],
        ["--access-token=tok-on-the-command-line"],
        ["--password", "tok-on-the-command-line"],
        ["--app-password=tok-on-the-command-line"],
        ["--client-secret", "tok-on-the-command-line"],
        ["--api-key", "tok-on-the-command-line"],
    ],
)
def test_a_secret_given_as_an_argument_is_refused(cli, data_dir, memory_keyring, secret_args):  # noqa: ANN001
    cli("account", "list")  # creates the database
    before = snapshot(data_dir)
    ran = cli("account", "add", "linkedin", "--name", "Brand A", *secret_args, stdin="tok-x")
    line = assert_user_error(ran, "never accepted as arguments", secret_args[0].split("=")[0])
    assert "tok-on-the-command-line" not in line
    assert snapshot(data_dir) == before
    assert memory_keyring.values == {}


def test_an_empty_secret_is_refused_and_nothing_is_added(cli, data_dir, memory_keyring):  # noqa: ANN001
    cli("account", "list")
    before = snapshot(data_dir)
    ran = cli("account", "add", "linkedin", "--name", "Brand A", stdin="  \n")
    assert_user_error(ran, "access token is empty", "standard input")
    assert snapshot(data_dir) == before and memory_keyring.values == {}


def test_a_duplicate_account_name_is_refused_before_the_secret_is_read(
    cli, data_dir, memory_keyring, monkeypatch
):  # noqa: ANN001
    add_linkedin(cli, "Brand A", "tok-first")
    before, secrets = snapshot(data_dir), dict(memory_keyring.values)
    pipe = io.StringIO("tok-second")
    monkeypatch.setattr(cli_accounts, "read_secret", lambda label: pipe.read())
    ran = cli("account", "add", "facebook", "--name", " Brand A ", "--page-id", "1")
    assert_user_error(ran, "'Brand A' already exists")
    assert pipe.tell() == 0, "the secret was read although the name was taken"
    assert snapshot(data_dir) == before and memory_keyring.values == secrets


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (
            ["linkedin", "--name", "X", "--page-id", "5"],
            ["--page-id", "does not apply to LinkedIn"],
        ),
        (["linkedin", "--name", "X", "--media-host"], ["--media-host", "does not apply"]),
        (["linkedin", "--name", "X", "--author", "ada"], ["Author", "urn:li:person:"]),
        (["facebook", "--name", "X"], ["Facebook accounts need", "--page-id"]),
        (["instagram", "--name", "X"], ["Instagram accounts need", "--account-id"]),
        (["wordpress", "--name", "X", "--username", "u"], ["--site-url"]),
        (
            [
                "wordpress",
                "--name",
                "X",
                "--site-url",
                "http://blog.example.com",
                "--username",
                "u",
            ],
            ["http://", "https://"],
        ),
        (["linkedin", "--name", "   "], ["--name", "empty"]),
        (["linkedin", "--name", "X", "--expires", "soonish"], ["--expires", "soonish"]),
    ],
)
def test_account_add_user_errors_change_nothing(cli, data_dir, memory_keyring, args, fragments):  # noqa: ANN001
    cli("account", "list")
    before = snapshot(data_dir)
    ran = cli("account", "add", *args, stdin="tok-123456")
    assert_user_error(ran, *fragments)
    assert snapshot(data_dir) == before and memory_keyring.values == {}


def test_only_one_wordpress_account_hosts_instagram_images(cli, data_dir):  # noqa: ANN001
    site = ["--site-url", "https://a.example.com", "--username", "u", "--media-host"]
    assert cli("account", "add", "wordpress", "--name", "A", *site, stdin="pw-aaaa").code == 0
    before = snapshot(data_dir)
    ran = cli("account", "add", "wordpress", "--name", "B", *site, stdin="pw-bbbb")
    assert_user_error(ran, "--media-host", "'A' already hosts")
    assert snapshot(data_dir) == before


def test_account_set_changes_settings_but_not_the_secret(cli, data_dir, memory_keyring):  # noqa: ANN001
    add_linkedin(cli, "Brand A", "tok-keep-me")
    secrets = dict(memory_keyring.values)
    ran = cli("account", "set", "Brand A", "--author", "urn:li:organization:42")
    assert ran.code == 0, ran.err
    assert "urn:li:organization:42" in ran.out
    (account,) = cli("account", "list", "--json").json()
    assert account["settings"] == {"author": "urn:li:organization:42"}
    assert memory_keyring.values == secrets

    # An empty value clears an optional setting; --expires moves the expiry.
    ran = cli("account", "set", "Brand A", "--author", "", "--expires", "2030-01-02T03:04+00:00")
    assert ran.code == 0, ran.err
    (account,) = cli("account", "list", "--json").json()
    assert account["settings"] == {}
    assert account["token_expires_at"] == "2030-01-02T03:04:00Z"


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["Nobody", "--author", AUTHOR], ["No account named 'Nobody'", "Brand A"]),
        (["Brand A", "--author", "ada"], ["Author", "urn:li:"]),
        (["Brand A", "--page-id", "5"], ["--page-id", "does not apply to LinkedIn"]),
        (["Brand A"], ["Nothing to change", "--author", "account reconnect"]),
        (["Brand A", "--expires", "whenever"], ["--expires", "whenever"]),
    ],
)
def test_account_set_user_errors_change_nothing(cli, data_dir, args, fragments):  # noqa: ANN001
    add_linkedin(cli)
    before = snapshot(data_dir)
    assert_user_error(cli("account", "set", *args), *fragments)
    assert snapshot(data_dir) == before


def test_account_set_media_host_on_and_off(cli, data_dir):  # noqa: ANN001
    site = ["--site-url", "https://a.example.com", "--username", "u"]
    assert cli("account", "add", "wordpress", "--name", "A", *site, stdin="pw-aaaa").code == 0
    assert cli("account", "add", "wordpress", "--name", "B", *site, stdin="pw-bbbb").code == 0
    assert cli("account", "set", "A", "--media-host").code == 0
    before = snapshot(data_dir)
    assert_user_error(cli("account", "set", "B", "--media-host"), "'A' already hosts")
    assert snapshot(data_dir) == before
    assert cli("account", "set", "A", "--no-media-host").code == 0
    assert cli("account", "set", "B", "--media-host").code == 0
    hosts = {
        a["name"]: a["settings"].get("media_host") for a in cli("account", "list", "--json").json()
    }
    assert hosts == {"A": None, "B": True}
    bad = cli("account", "set", "A", "--site-url", "http://blog.example.com")
    assert_user_error(bad, "https://")


def test_account_remove_deletes_the_row_and_the_secret(cli, data_dir, memory_keyring):  # noqa: ANN001
    add_linkedin(cli, "Brand A", "tok-to-remove")
    add_post(cli, "--account", "Brand A")
    before = snapshot(data_dir)
    assert_user_error(cli("account", "remove", "Brand A"), "1 post(s) waiting")
    assert snapshot(data_dir) == before
    assert cli("post", "cancel", "1").code == 0
    ran = cli("account", "remove", "Brand A")
    assert ran.code == 0 and "Removed" in ran.out
    assert cli("account", "list", "--json").json() == []
    assert memory_keyring.values == {}
    assert_user_error(cli("account", "remove", "Brand A"), "No account named 'Brand A'")


def test_account_test_reports_the_platform_answer(cli, fakenet_account, fake_server):  # noqa: ANN001
    ran = cli("account", "test", "Brand A")
    assert ran.code == 0 and "Fake Brand" in ran.out
    fake_server.add_fault(Fault(path="/me", response=Response(401, {"message": "no"})))
    assert_user_error(cli("account", "test", "Brand A"), "Brand A", "rejected the token")
    assert_user_error(cli("account", "test", "Nobody"), "No account named 'Nobody'")


# --- import-env -------------------------------------------------------------------------------
def test_import_env_from_a_file_twice_updates_and_never_duplicates(cli, tmp_path, memory_keyring):  # noqa: ANN001
    env_file = tmp_path / "legacy.env"
    env_file.write_text(
        "LINKEDIN_ACCESS_TOKEN=li-token-1\n"
        "LINKEDIN_CLIENT_ID=client-7\n"
        "WORDPRESS_USERNAME=editor\n"
        "WORDPRESS_PASSWORD='abcd efgh ijkl'\n"
        "WORDPRESS_SITE_URL=https://blog.example.com/\n"
    )
    first = cli("account", "import-env", "--env-file", str(env_file))
    assert first.code == 0, first.err
    assert "Created account 'linkedin'" in first.out and "Created account 'wordpress'" in first.out
    accounts = cli("account", "list", "--json").json()
    assert [(a["name"], a["platform"]) for a in accounts] == [
        ("linkedin", "linkedin"),
        ("wordpress", "wordpress"),
    ]
    assert accounts[1]["settings"] == {"site_url": "https://blog.example.com", "username": "editor"}
    assert sorted(memory_keyring.values.values()) == ["abcd efgh ijkl", "li-token-1"]

    # Set since the first import: kept by the second.
    assert cli("account", "set", "linkedin", "--author", "urn:li:organization:42").code == 0
    assert cli("account", "set", "wordpress", "--media-host").code == 0
    env_file.write_text(env_file.read_text().replace("li-token-1", "li-token-2"))
    second = cli("account", "import-env", "--env-file", str(env_file))
    assert second.code == 0, second.err
    assert "Updated account 'linkedin'" in second.out and "Created" not in second.out
    again = cli("account", "list", "--json").json()
    assert [a["id"] for a in again] == [a["id"] for a in accounts]
    assert again[0]["settings"]["author"] == "urn:li:organization:42"
    assert again[1]["settings"]["media_host"] is True
    assert sorted(memory_keyring.values.values()) == ["abcd efgh ijkl", "li-token-2"]
    assert "li-token" not in first.out + first.err + second.out + second.err


def test_import_env_reads_the_environment_and_reports_what_is_incomplete(
    cli, monkeypatch, data_dir
):  # noqa: ANN001
    monkeypatch.setenv("FACEBOOK_ACCESS_TOKEN", "fb-token")  # FACEBOOK_PAGE_ID missing
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", "ig-token")
    monkeypatch.setenv("INSTAGRAM_ACCOUNT_ID", "1789")
    ran = cli("account", "import-env")
    assert ran.code == 0
    assert "Created account 'instagram'" in ran.out
    assert "FACEBOOK_PAGE_ID" in ran.err and "fb-token" not in ran.err
    assert [a["name"] for a in cli("account", "list", "--json").json()] == ["instagram"]


def test_import_env_user_errors(cli, tmp_path, monkeypatch, data_dir):  # noqa: ANN001
    cli("account", "list")
    before = snapshot(data_dir)
    assert_user_error(
        cli("account", "import-env", "--env-file", str(tmp_path / "missing.env")),
        "--env-file",
        "does not exist",
    )
    assert_user_error(cli("account", "import-env"), "LINKEDIN_ACCESS_TOKEN")
    assert snapshot(data_dir) == before
    # An account of another platform already holds the name the import would use.
    cli("account", "add", "facebook", "--name", "linkedin", "--page-id", "1", stdin="fb-tok")
    monkeypatch.setenv("LINKEDIN_ACCESS_TOKEN", "li-token")
    before = snapshot(data_dir)
    assert_user_error(cli("account", "import-env"), "'linkedin' exists for facebook")
    assert snapshot(data_dir) == before


# --- posts --------------------------------------------------------------------------------------
def test_post_add_json_is_one_post_per_account(cli):  # noqa: ANN001
    add_linkedin(cli, "Brand A")
    cli("account", "add", "facebook", "--name", "Page B", "--page-id", "123", stdin="fb-tok")
    ran = cli(
        "post",
        "add",
        "--account",
        "Brand A",
        "--account",
        "Page B",
        "--text",
        "Hello world",
        "--link",
        "https://example.com/a",
        "--at",
        f"{NEXT_YEAR}-06-01T09:30:00+02:00",
        "--json",
    )
    assert ran.code == 0, ran.err
    created = ran.json()
    assert [(p["account"], p["platform"]) for p in created] == [
        ("Brand A", "linkedin"),
        ("Page B", "facebook"),
    ]
    for post in created:
        assert set(post) == POST_KEYS
        assert post["status"] == "scheduled"
        assert post["publication_date"] == f"{NEXT_YEAR}-06-01T07:30:00Z"
        assert post["published_at"] is None and post["url"] is None
        assert post["external_id"] is None and post["last_error"] is None
        assert post["attempts"] == 0
    # No engine runs: the user is told the posts will not go out by themselves.
    assert "no engine is running" in ran.err

    plain = cli("post", "add", "--account", "Brand A", "--text", "x", "--at", "now+2h")
    assert plain.code == 0 and "Scheduled post 3 for Brand A (linkedin)" in plain.out


def test_post_add_local_time_text_file_and_now(cli, tmp_path):  # noqa: ANN001
    add_linkedin(cli)
    text_file = tmp_path / "post.txt"
    text_file.write_text("Line one\n\n#hashtag (brackets) @mention 🎉\n", encoding="utf-8")
    post = add_post(
        cli, "--account", "Brand A", "--text-file", str(text_file), at=f"{NEXT_YEAR}-03-01T10:00"
    )
    # No offset means local time.
    local = parse_when(f"{NEXT_YEAR}-03-01T10:00")
    assert post["publication_date"] == local.isoformat().replace("+00:00", "Z")
    row = ScheduledPost.get_by_id(post["id"])
    assert row.variant.text == text_file.read_text(encoding="utf-8")

    now = cli(
        "post", "add", "--account", "Brand A", "--text", "right away", "--at", "now", "--json"
    )
    assert now.code == 0
    assert approx_now_plus(now.json()[0]["publication_date"], timedelta(0), slack=10)


def test_wordpress_categories_tags_and_alt_text_are_stored(cli, tmp_path):  # noqa: ANN001
    cli(
        "account",
        "add",
        "wordpress",
        "--name",
        "Blog",
        "--site-url",
        "https://blog.example.com",
        "--username",
        "editor",
        stdin="pw-1234",
    )
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    post = add_post(
        cli,
        "--account",
        "Blog",
        "--title",
        "News",
        "--category",
        "News",
        "--category",
        " Events ",
        "--tag",
        "cats",
        "--alt",
        "A cat on a sofa",
        "--media",
        str(image),
    )
    variant = ScheduledPost.get_by_id(post["id"]).variant
    assert variant.extra == {
        "categories": ["News", "Events"],
        "tags": ["cats"],
        "alt": "A cat on a sofa",
    }
    assert variant.media == [str(image.resolve())]
    assert variant.title == "News"


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["--account", "Nobody", "--text", "x", "--at", "now+1h"], ["No account named 'Nobody'"]),
        (["--account", "Brand A", "--text", "   ", "--at", "now+1h"], ["--text", "empty"]),
        (["--account", "Brand A", "--text", "x", "--at", "next tuesday"], ["--at", "next tuesday"]),
        (["--account", "Brand A", "--text", "x", "--at", "2026-13-45T25:00"], ["--at", "ISO 8601"]),
        (["--account", "Brand A", "--text", "x", "--at", "2020-01-01T09:00Z"], ["--at", "past"]),
        (
            ["--account", "Brand A", "--account", "Brand A", "--text", "x", "--at", "now+1h"],
            ["--account", "once"],
        ),
        (
            ["--account", "Brand A", "--text", "x", "--at", "now+1h", "--category", "News"],
            ["--category", "WordPress"],
        ),
        (
            ["--account", "Brand A", "--text", "x", "--at", "now+1h", "--tag", "t"],
            ["--tag", "WordPress"],
        ),
        (
            ["--account", "Blog", "--title", "T", "--text", "x", "--at", "now+1h", "--tag", " "],
            ["--tag", "empty"],
        ),
        (
            ["--account", "Brand A", "--text", "x", "--at", "now+1h", "--alt", "A cat"],
            ["--alt", "--media"],
        ),
        (
            ["--account", "Brand A", "--text-file", "/nonexistent/post.txt", "--at", "now+1h"],
            ["--text-file", "does not exist"],
        ),
        (["--account", "Blog", "--text", "x", "--at", "now+1h"], ["WordPress", "title"]),
        (
            ["--account", "Brand A", "--text", "x", "--at", "now+1h", "--link", "ftp://x"],
            ["link", "http"],
        ),
        (
            [
                "--account",
                "Brand A",
                "--text",
                "x",
                "--at",
                "now+1h",
                "--media",
                "/nonexistent/a.png",
            ],
            ["a.png", "no such file"],
        ),
    ],
)
def test_post_add_user_errors_change_nothing(cli, data_dir, args, fragments):  # noqa: ANN001
    add_linkedin(cli)
    cli(
        "account",
        "add",
        "wordpress",
        "--name",
        "Blog",
        "--site-url",
        "https://blog.example.com",
        "--username",
        "editor",
        stdin="pw-1234",
    )
    before = snapshot(data_dir)
    assert_user_error(cli("post", "add", *args), *fragments)
    assert snapshot(data_dir) == before


def test_post_list_show_and_status_json(cli):  # noqa: ANN001
    add_linkedin(cli, "Brand A")
    add_linkedin(cli, "Brand B", "tok-b")
    first = add_post(cli, "--account", "Brand A", at="now+2h")
    second = add_post(cli, "--account", "Brand B", at="now+1h")
    assert cli("post", "cancel", str(first["id"])).code == 0

    listed = cli("post", "list", "--json").json()
    assert [p["id"] for p in listed] == [second["id"], first["id"]]  # by publication date
    for post in listed:
        assert set(post) == POST_KEYS
    assert [p["id"] for p in cli("post", "list", "--status", "cancelled", "--json").json()] == [
        first["id"]
    ]
    assert [p["account"] for p in cli("post", "list", "--account", "Brand B", "--json").json()] == [
        "Brand B"
    ]
    assert cli("post", "list", "--status", "published", "--json").json() == []
    assert_user_error(cli("post", "list", "--account", "Nobody"), "No account named 'Nobody'")

    shown = cli("post", "show", str(second["id"]), "--json")
    assert shown.code == 0 and shown.json() == second
    text = cli("post", "show", str(second["id"]))
    assert text.code == 0 and "Brand B" in text.out and "Hello" in text.out
    table = cli("post", "list")
    assert table.code == 0 and "cancelled" in table.out and "Brand A" in table.out

    status = cli("status", "--json")
    assert status.code == 0
    doc = status.json()
    assert set(doc) == {"engine_running", "counts", "next_due", "warnings"}
    assert doc["engine_running"] is False
    assert doc["counts"] == {
        "scheduled": 1,
        "queued": 0,
        "publishing": 0,
        "published": 0,
        "failed": 0,
        "needs_check": 0,
        "cancelled": 1,
    }
    assert doc["next_due"] == second["publication_date"]
    assert doc["warnings"] == []
    plain = cli("status")
    assert plain.code == 0 and "Engine: not running" in plain.out and "Next due: post" in plain.out


def test_status_with_nothing_scheduled(cli):  # noqa: ANN001
    doc = cli("status", "--json").json()
    assert doc["next_due"] is None and set(doc["counts"].values()) == {0}
    assert "nothing scheduled" in cli("status").out


@pytest.mark.parametrize(
    "args",
    [
        ["show", "999"],
        ["show", "999", "--json"],
        ["cancel", "999"],
        ["retry", "999"],
        ["publish-now", "999"],
        ["reschedule", "999", "--at", "now+1h"],
    ],
)
def test_unknown_post_id(cli, data_dir, args):  # noqa: ANN001
    add_linkedin(cli)
    add_post(cli, "--account", "Brand A")
    before = snapshot(data_dir)
    assert_user_error(cli("post", *args), "No post with id 999")
    assert snapshot(data_dir) == before


def test_publish_now_cancel_and_retry_through_the_cli(cli, data_dir, fakenet_account, fake_server):  # noqa: ANN001
    post = add_post(cli, "--account", "Brand A", at="now+1d")
    ran = cli("post", "publish-now", str(post["id"]))
    assert ran.code == 0, ran.err
    shown = cli("post", "show", str(post["id"]), "--json").json()
    assert shown["status"] == "published" and shown["external_id"] == "fn-1"
    assert shown["url"] == f"{fake_server.url}/p/fn-1" and shown["url"] in ran.out
    assert shown["published_at"].endswith("Z") and shown["attempts"] == 1
    assert len(fake_server.requests) == 1

    # A published post cannot be cancelled, published again, retried or moved.
    before = snapshot(data_dir)
    assert_user_error(cli("post", "cancel", str(post["id"])), "Cannot cancel", "already published")
    assert_user_error(cli("post", "publish-now", str(post["id"])), "already published")
    assert_user_error(cli("post", "retry", str(post["id"])), "Cannot retry", "already published")
    assert_user_error(
        cli("post", "reschedule", str(post["id"]), "--at", "now+1h"), "already published"
    )
    assert snapshot(data_dir) == before
    assert len(fake_server.requests) == 1

    # An auth failure: exit 1 with the reason, then retry (once the token is fixed) publishes.
    failing = add_post(cli, "--account", "Brand A", at="now+1d")
    fake_server.add_fault(Fault(path="/posts", response=Response(401, {"message": "bad token"})))
    ran = cli("post", "publish-now", str(failing["id"]))
    assert ran.code == 1 and ran.out == ""
    assert ran.err.strip() == f"Post {failing['id']} is failed: FakeNet said: bad token"
    failed = cli("post", "show", str(failing["id"]), "--json").json()
    assert failed["status"] == "failed"
    assert failed["last_error"] == {"kind": "auth", "message": "FakeNet said: bad token"}
    assert_user_error(cli("post", "publish-now", str(failing["id"])), "has failed")
    ran = cli("post", "retry", str(failing["id"]))
    assert ran.code == 0 and "queued" in ran.out and "post publish-now" in ran.err
    assert cli("post", "publish-now", str(failing["id"])).code == 0
    assert cli("post", "show", str(failing["id"]), "--json").json()["status"] == "published"


def test_cancel_and_reschedule(cli, data_dir):  # noqa: ANN001
    add_linkedin(cli)
    post = add_post(cli, "--account", "Brand A")
    before = snapshot(data_dir)
    assert_user_error(cli("post", "retry", str(post["id"])), "Cannot retry", "scheduled")
    assert_user_error(
        cli("post", "reschedule", str(post["id"]), "--at", "2001-01-01T00:00Z"), "--at", "past"
    )
    assert_user_error(
        cli("post", "reschedule", str(post["id"]), "--at", "later"), "--at", "'later'"
    )
    assert snapshot(data_dir) == before

    ran = cli("post", "reschedule", str(post["id"]), "--at", f"{NEXT_YEAR}-01-01T12:00Z")
    assert ran.code == 0 and "scheduled for" in ran.out
    assert cli("post", "show", str(post["id"]), "--json").json()["publication_date"] == (
        f"{NEXT_YEAR}-01-01T12:00:00Z"
    )
    assert cli("post", "cancel", str(post["id"])).code == 0
    before = snapshot(data_dir)
    assert_user_error(cli("post", "cancel", str(post["id"])), "it is cancelled")
    assert snapshot(data_dir) == before
    # A cancelled post can be brought back by rescheduling it.
    assert cli("post", "reschedule", str(post["id"]), "--at", "now+1h").code == 0
    assert cli("post", "show", str(post["id"]), "--json").json()["status"] == "scheduled"


# --- files and times that are no post's ---------------------------------------------------------
WARSAW = ZoneInfo("Europe/Warsaw")


def run_cli_bounded(*args: str) -> Ran:
    """The CLI in another process that may use at most 1.5 GB of memory and 30 seconds: a command
    that reads a device whole or waits on a pipe fails the test at once (not the machine, not
    at the suite's timeout)."""
    import resource

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    done = subprocess.run(
        [sys.executable, "-m", "tests.support.cli_entry", *args],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
        timeout=30,
        preexec_fn=limit_memory,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize("kind", ["pipe", "endless device", "folder", "too large"])
def test_text_file_that_is_no_text_is_refused_without_reading_it(cli, data_dir, tmp_path, kind):  # noqa: ANN001
    add_linkedin(cli)
    rule = "is not a regular file"
    if kind == "pipe":
        path = tmp_path / "post.txt"
        os.mkfifo(path)  # opening it for reading would wait for a writer for ever
    elif kind == "endless device":
        path = Path("/dev/zero")
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "post.txt"
        with path.open("wb") as handle:
            handle.truncate(1_000_001)
        rule = "is larger than 1 MB"
    before = snapshot(data_dir)
    ran = run_cli_bounded(
        "post", "add", "--account", "Brand A", "--text-file", str(path), "--at", "now+1h"
    )
    assert_user_error(ran, f"--text-file: {path} {rule}")
    assert snapshot(data_dir) == before


def test_text_file_line_ends_are_read_as_before(cli, tmp_path):  # noqa: ANN001
    add_linkedin(cli)
    text_file = tmp_path / "post.txt"
    text_file.write_bytes("One\r\nTwo\rThree 🎉\n".encode())
    post = add_post(cli, "--account", "Brand A", "--text-file", str(text_file))
    assert ScheduledPost.get_by_id(post["id"]).variant.text == "One\nTwo\nThree 🎉\n"


OUT_OF_RANGE = [
    "now+999999999d",
    "0001-01-01T00:00",
    "9999-12-31T23:30Z",
    f"{datetime.now(UTC).year + 11}-01-01T00:00Z",
]


@pytest.mark.parametrize("zone", ["Europe/Warsaw", "America/New_York", "UTC"])
@pytest.mark.parametrize("at", OUT_OF_RANGE)
def test_times_the_app_cannot_schedule_are_refused_before_anything_is_saved(
    cli, data_dir, monkeypatch, zone, at
):  # noqa: ANN001
    monkeypatch.setattr(when, "local_zone", lambda: ZoneInfo(zone))
    add_linkedin(cli)
    post = add_post(cli, "--account", "Brand A")
    before = snapshot(data_dir)
    added = cli("post", "add", "--account", "Brand A", "--text", "x", "--at", at)
    assert_user_error(added, f"--at: {at} is out of range", "ten years")
    moved = cli("post", "reschedule", str(post["id"]), "--at", at)
    assert_user_error(moved, f"--at: {at} is out of range", "ten years")
    assert snapshot(data_dir) == before
    listed = cli("post", "list")
    assert listed.code == 0 and listed.err == ""


@pytest.mark.parametrize("at", OUT_OF_RANGE)
def test_token_expiry_the_app_cannot_show_is_refused(cli, data_dir, monkeypatch, at):  # noqa: ANN001
    monkeypatch.setattr(when, "local_zone", lambda: WARSAW)
    add_linkedin(cli)
    before = snapshot(data_dir)
    changed = cli("account", "set", "Brand A", "--expires", at)
    assert_user_error(changed, f"--expires: {at} is out of range")
    added = cli(
        "account", "add", "linkedin", "--name", "B", "--author", AUTHOR, "--expires", at,
        stdin="tok-2",
    )  # fmt: skip
    assert_user_error(added, f"--expires: {at} is out of range")
    assert snapshot(data_dir) == before


def test_listings_survive_times_an_older_version_stored(cli, monkeypatch):  # noqa: ANN001
    # Older versions took any date: 9999-12-31T23:30Z is the year 10000 in Warsaw.
    monkeypatch.setattr(when, "local_zone", lambda: WARSAW)
    add_linkedin(cli)
    post = add_post(cli, "--account", "Brand A")
    edge = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    ScheduledPost.update(publication_date=edge, due_at=edge).where(
        ScheduledPost.id == post["id"]
    ).execute()
    Account.update(token_expires_at=edge).execute()
    for args in (
        ("post", "list"),
        ("post", "show", str(post["id"])),
        ("status",),
        ("account", "list"),
    ):
        ran = cli(*args)
        assert ran.code == 0 and ran.err == "", (args, ran.err)
        assert "9999-12-31 23:30 UTC" in ran.out, (args, ran.out)
    listed = cli("post", "list", "--json")
    assert listed.json()[0]["publication_date"] == "9999-12-31T23:30:00Z"


def next_fall_back(zone: ZoneInfo) -> datetime:
    """02:30 on the next night `zone`'s clocks go back (the last Sunday of October in Europe):
    a local wall time that happens twice."""
    now = datetime.now(zone)
    for year in (now.year, now.year + 1):
        day = date(year, 10, 31)
        day -= timedelta(days=(day.weekday() - 6) % 7)
        wall = datetime.combine(day, time(2, 30))
        if wall.replace(tzinfo=zone) > now + timedelta(hours=2):
            return wall
    raise AssertionError("no fall-back night within a year")


def test_a_time_that_happens_twice_is_taken_with_one_warning(cli, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(when, "local_zone", lambda: WARSAW)
    add_linkedin(cli)
    wall = next_fall_back(WARSAW)
    assert resolve_local(wall, WARSAW)[1] == "ambiguous"
    at = wall.isoformat(timespec="minutes")
    first = iso_utc(wall.replace(tzinfo=WARSAW, fold=0))  # CEST, as the editor takes it

    def one_warning(ran: Ran) -> str:
        assert ran.code == 0, ran.err
        assert "Traceback" not in ran.err
        warnings = [line for line in ran.err.splitlines() if line.startswith("warning: ")]
        assert len(warnings) == 1, ran.err
        return warnings[0]

    added = cli("post", "add", "--account", "Brand A", "--text", "Twice", "--at", at, "--json")
    warning = one_warning(added)
    assert warning.startswith(f"warning: --at: {wall:%Y-%m-%d %H:%M} happens twice in ")
    assert "Europe/Warsaw (the clocks go back); the first one (CEST, UTC+02:00) is used" in warning
    assert f"For the second one, give {at}+01:00." in warning
    (post,) = added.json()
    assert post["publication_date"] == first

    other = add_post(cli, "--account", "Brand A")
    moved = cli("post", "reschedule", str(other["id"]), "--at", at)
    assert "happens twice" in one_warning(moved)
    assert cli("post", "show", str(other["id"]), "--json").json()["publication_date"] == first
    # An offset says which one: no warning.
    second = cli("post", "reschedule", str(other["id"]), "--at", f"{at}+01:00")
    assert second.code == 0 and second.err == ""
    assert cli("post", "show", str(other["id"]), "--json").json()["publication_date"] == iso_utc(
        wall.replace(tzinfo=WARSAW, fold=1)
    )


# --- usage errors -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["account"], "required"),
        (["post"], "required"),
        (["frobnicate"], "invalid choice"),
        (["account", "add", "myspace", "--name", "X"], "invalid choice"),
        (["account", "add", "linkedin"], "--name"),
        (["post", "show", "abc"], "not a post id"),
        (["post", "cancel", "0"], "not a post id"),
        (["post", "add", "--account", "A", "--text", "x"], "--at"),
        (["post", "add", "--account", "A", "--at", "now"], "--text"),
        (
            ["post", "add", "--account", "A", "--text", "x", "--text-file", "f", "--at", "now"],
            "not allowed",
        ),
        (["post", "list", "--status", "lost"], "invalid choice"),
        (["status", "--verbose"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2(cli, args, fragment):  # noqa: ANN001
    assert_usage_error(cli(*args), fragment)


def test_version_and_help_exit_0(cli):  # noqa: ANN001
    with pytest.raises(SystemExit) as exit_info:
        cli("--version")
    assert exit_info.value.code == 0


def test_an_unusable_data_dir_is_one_line(cli, tmp_path):  # noqa: ANN001
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert_user_error(cli("--data-dir", str(blocker), "status"), "--data-dir", str(blocker))


def test_a_foreign_database_file_is_one_line_and_left_alone(cli, tmp_path):  # noqa: ANN001
    other = tmp_path / "other"
    other.mkdir()
    (other / "publisher.db").write_bytes(b"my thesis, not a database" * 10)
    assert_user_error(cli("--data-dir", str(other), "status"), "not a Desktop Publisher database")
    assert (other / "publisher.db").read_bytes() == b"my thesis, not a database" * 10


# --- token expiry warnings ----------------------------------------------------------------------
def test_status_and_account_list_warn_about_expiring_tokens(cli):  # noqa: ANN001
    add_linkedin(cli, "Soon", "tok-1", "--expires", "now+3d")
    add_linkedin(cli, "Gone", "tok-2", "--expires", "2020-01-01")
    add_linkedin(cli, "Later", "tok-3", "--expires", "now+20d")
    add_linkedin(cli, "Fine", "tok-4", "--expires", "now+50d")
    add_post(cli, "--account", "Later", at="now+30d")  # due after its token expires
    add_post(cli, "--account", "Fine", at="now+30d")

    warnings = cli("status", "--json").json()["warnings"]
    assert len(warnings) == 3, warnings
    soon, gone, later = (
        next(w for w in warnings if name in w) for name in ("Soon", "Gone", "Later")
    )
    assert "expires in 2 day(s)" in soon
    assert "expired on 2020-01-01" in gone and "reconnect" in gone
    assert "before 1 of its scheduled post(s)" in later
    assert not any("Fine" in w for w in warnings)

    plain = cli("status")
    assert plain.out.count("warning: ") == 3
    listed = cli("account", "list", "--json")
    assert len(listed.json()) == 4  # stdout stays one JSON document; warnings go to stderr
    assert listed.err.count("warning: ") == 3
    assert cli("account", "list").out.count("warning: ") == 3


def test_status_counts_failures_as_a_warning(cli, fakenet_account, fake_server):  # noqa: ANN001
    post = add_post(cli, "--account", "Brand A", at="now+1d")
    fake_server.add_fault(Fault(path="/posts", response=Response(422, {"message": "too long"})))
    assert cli("post", "publish-now", str(post["id"])).code == 1
    warnings = cli("status", "--json").json()["warnings"]
    assert any("1 failed" in w and "post list --status failed" in w for w in warnings)


# --- with an engine running in another process --------------------------------------------------
def test_cli_edits_while_the_engine_runs_and_a_second_run_is_refused(
    cli, data_dir, fakenet_account, fake_server
):  # noqa: ANN001
    # The engine process reads secrets from the file keyring.
    FileKeyring().set_password("desktop-publisher", entry_name(fakenet_account), "tok-123456")
    engine = start_cli("run")
    try:
        # Deliberately many CLI commands while the engine opens the database: opening it here
        # once dropped this process's SQLite locks, and the engine then saw a malformed
        # database and missed every change.
        wait_until(
            lambda: cli("status", "--json").json()["engine_running"],
            timeout=30,
            what="engine started",
        )
        second = run_cli("run")
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in second.stderr
        assert "already running" in lines[0] and f"pid {engine.pid}" in lines[0]

        later = add_post(cli, "--account", "Brand A", at="now+1h")
        moved = add_post(cli, "--account", "Brand A", at="now+1h")
        soon = cli(
            "post", "add", "--account", "Brand A", "--text", "soon", "--at", "now+1s", "--json"
        )
        assert soon.code == 0 and "no engine is running" not in soon.err
        assert cli("post", "cancel", str(later["id"])).code == 0
        assert cli("post", "reschedule", str(moved["id"]), "--at", "now+2s").code == 0
        wait_until(
            lambda: len(cli("post", "list", "--status", "published", "--json").json()) == 2,
            timeout=30,
            what="both due posts published by the engine",
        )
        texts = sorted(r.json()["text"] for r in fake_server.matching("POST", "/posts"))
        assert texts == ["Hello", "soon"]
        assert cli("post", "show", str(later["id"]), "--json").json()["status"] == "cancelled"
        assert cli("status", "--json").json()["counts"]["published"] == 2
    finally:
        engine.send_signal(signal.SIGTERM)
        engine.wait(timeout=30)
    assert engine.returncode == 0, engine.stderr.read()
    assert cli("status", "--json").json()["engine_running"] is False


# --- reconnect and the data dir -----------------------------------------------------------------
def test_account_reconnect_replaces_only_the_secret(cli, data_dir, memory_keyring):  # noqa: ANN001
    add_linkedin(cli, "Brand A", "tok-old-one", "--expires", "now+2d")
    (before_account,) = cli("account", "list", "--json").json()
    before = snapshot(data_dir)
    assert_user_error(cli("account", "reconnect", "Brand A", stdin="\n"), "access token is empty")
    assert_user_error(cli("account", "reconnect", "Nobody", stdin="tok-x"), "No account named")
    assert snapshot(data_dir) == before
    assert list(memory_keyring.values.values()) == ["tok-old-one"]

    ran = cli("account", "reconnect", "Brand A", stdin="tok-new-one\r\n")
    assert ran.code == 0 and "tok-new-one" not in ran.out + ran.err
    assert list(memory_keyring.values.values()) == ["tok-new-one"]
    (account,) = cli("account", "list", "--json").json()
    assert account["settings"] == before_account["settings"]
    # A new token starts a new lifetime (60 days for LinkedIn), so the warning goes away.
    assert approx_now_plus(account["token_expires_at"], timedelta(days=60))
    assert cli("status", "--json").json()["warnings"] == []


def test_the_data_dir_option_beats_the_environment(cli, data_dir, tmp_path):  # noqa: ANN001
    other = tmp_path / "elsewhere"
    ran = cli("--data-dir", str(other), "account", "add", "linkedin", "--name", "Other",
              stdin="tok-other")  # fmt: skip
    assert ran.code == 0, ran.err
    assert (other / "publisher.db").is_file()
    assert (other / "logs" / "desktop-publisher.log").is_file()
    assert [a["name"] for a in cli("--data-dir", str(other), "account", "list", "--json").json()]
    assert cli("account", "list", "--json").json() == []  # the environment's data dir
    if os.name == "posix":
        assert stat.S_IMODE((other / "publisher.db").stat().st_mode) == 0o600
        assert stat.S_IMODE(other.stat().st_mode) == 0o700


def test_import_env_with_only_incomplete_platforms_is_one_line(cli, monkeypatch, data_dir):  # noqa: ANN001
    cli("account", "list")
    before = snapshot(data_dir)
    monkeypatch.setenv("FACEBOOK_ACCESS_TOKEN", "fb-token")  # no FACEBOOK_PAGE_ID
    monkeypatch.setenv("INSTAGRAM_ACCOUNT_ID", "1789")  # no INSTAGRAM_ACCESS_TOKEN
    line = assert_user_error(cli("account", "import-env"), "Nothing imported")
    assert "FACEBOOK_PAGE_ID" in line and "INSTAGRAM_ACCESS_TOKEN" in line
    assert "fb-token" not in line
    assert snapshot(data_dir) == before


# --- the window and Qt ------------------------------------------------------------------------
def test_no_command_opens_the_window_with_the_data_dir(cli, tmp_path, monkeypatch):  # noqa: ANN001
    from desktop_publisher.gui import app

    opened = []
    monkeypatch.setattr(app, "run_app", lambda data_dir, args: opened.append(data_dir) or 0)
    assert cli().code == 0
    assert cli("--data-dir", str(tmp_path / "w"), "gui").code == 0
    assert opened == [config.resolve_data_dir(), (tmp_path / "w").resolve()]


def test_the_global_options_work_before_or_after_the_command(cli, tmp_path, capsys):  # noqa: ANN001
    for n, args in enumerate(
        (
            ["--data-dir", "{}", "status", "--json"],
            ["status", "--json", "--data-dir", "{}"],
            ["account", "list", "--data-dir", "{}"],
            ["post", "list", "--json", "--data-dir", "{}"],
        )
    ):
        folder = tmp_path / f"data-{n}"
        ran = cli(*(str(folder) if a == "{}" else a for a in args))
        assert ran.code == 0, (args, ran.err)
        assert (folder / "publisher.db").is_file(), args
    # The last one given counts.
    last = tmp_path / "last"
    assert cli("--data-dir", str(tmp_path / "first"), "status", "--data-dir", str(last)).code == 0
    assert (last / "publisher.db").is_file() and not (tmp_path / "first").exists()
    for args in (["status", "--version"], ["post", "add", "--version"], ["gui", "--version"]):
        with pytest.raises(SystemExit) as exit_info:
            cli(*args)
        assert exit_info.value.code == 0, args
        assert capsys.readouterr().out.strip().startswith(f"{PROG} "), args
    # Still hidden from the commands' help.
    with pytest.raises(SystemExit):
        cli("status", "--help")
    assert "--data-dir" not in capsys.readouterr().out


def test_the_window_takes_the_data_dir_before_or_after_gui(cli, tmp_path, monkeypatch):  # noqa: ANN001
    from desktop_publisher.gui import app

    opened = []
    monkeypatch.setattr(app, "run_app", lambda data_dir, args: opened.append(data_dir) or 0)
    assert cli("gui", "--data-dir", str(tmp_path / "a")).code == 0
    assert cli("--data-dir", str(tmp_path / "b"), "gui").code == 0
    assert opened == [(tmp_path / "a").resolve(), (tmp_path / "b").resolve()]


def test_main_py_passes_its_arguments_to_the_command_line(cli, tmp_path, monkeypatch):  # noqa: ANN001
    """`python main.py --data-dir DIR` opens the window on DIR; other arguments are the command
    line's, global options included."""
    import runpy

    from desktop_publisher.gui import app

    opened = []
    monkeypatch.setattr(app, "run_app", lambda data_dir, args: opened.append(data_dir) or 0)
    monkeypatch.setattr(sys, "argv", ["main.py", "--data-dir", str(tmp_path / "w")])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(REPO / "main.py"), run_name="__main__")
    assert exit_info.value.code == 0 and opened == [(tmp_path / "w").resolve()]

    data = tmp_path / "data"
    for args in (["--data-dir", str(data), "--version"], ["--data-dir", str(data), "status"]):
        done = subprocess.run(
            [sys.executable, str(REPO / "main.py"), *args],
            capture_output=True,
            text=True,
            env=cli_env(),
            cwd=REPO,
            timeout=60,
        )
        assert done.returncode == 0, (args, done.stderr)
    assert done.stdout.startswith("Engine: not running")
    assert (data / "publisher.db").is_file()


def test_the_window_starts_with_the_collector_off_and_it_is_on_again_after(cli, monkeypatch):  # noqa: ANN001
    """run_app turns it back on after the first paint; whatever happens, not later than this.
    Other commands have it on as soon as they are known."""
    import gc

    from desktop_publisher.gui import app

    seen: list[bool] = []
    monkeypatch.setattr(app, "run_app", lambda data_dir, args: seen.append(gc.isenabled()) or 0)
    assert cli("gui").code == 0
    assert seen == [False] and gc.isenabled()

    def fails(data_dir, args):  # noqa: ANN001, ANN202
        raise UserError("the window cannot start")

    monkeypatch.setattr(app, "run_app", fails)
    assert cli("gui").code != 0
    assert gc.isenabled()

    during: list[bool] = []
    monkeypatch.setattr(
        cli_engine, "cmd_status", lambda ctx, args: during.append(gc.isenabled()) or 0
    )
    assert cli("status").code == 0
    assert during == [True]


def test_commands_other_than_gui_never_import_qt():
    probe = (
        "import sys\n"
        "from desktop_publisher.cli import main\n"
        "codes = [main(['status', '--json']), main(['account', 'list']), main(['post', 'list'])]\n"
        "assert codes == [0, 0, 0], codes\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "assert not qt, qt\n"
    )
    run_python(probe)


def test_instagram_local_images_need_a_media_host(cli, data_dir, tmp_path):  # noqa: ANN001
    cli("account", "add", "instagram", "--name", "IG", "--account-id", "1789", stdin="ig-tok")
    photo = tmp_path / "bread.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    args = ("post", "add", "--account", "IG", "--text", "Bread", "--media", str(photo))
    before = snapshot(data_dir)
    assert_user_error(cli(*args, "--at", "now+1h"), "Instagram", "--media-host", "https://")
    assert snapshot(data_dir) == before
    # A public https image needs no host.
    ok = cli("post", "add", "--account", "IG", "--text", "Bread", "--at", "now+1h",
             "--media", "https://cdn.example.com/bread.jpg")  # fmt: skip
    assert ok.code == 0, ok.err
    # Once a WordPress account hosts Instagram's images, the local file is accepted.
    cli("account", "add", "wordpress", "--name", "Blog", "--site-url", "https://blog.example.com",
        "--username", "u", "--media-host", stdin="pw-1234")  # fmt: skip
    assert cli(*args, "--at", "now+1h").code == 0
    # ...and no longer once it stops hosting them.
    assert cli("account", "set", "Blog", "--no-media-host").code == 0
    assert_user_error(cli(*args, "--at", "now+1h"), "--media-host")


def test_the_secret_prompt_on_a_terminal_does_not_echo():
    """Typed at the prompt (no pipe): read without echo, so the terminal never shows it."""
    import pty

    secret = "tok-typed-at-the-prompt"
    args = ["account", "add", "linkedin", "--name", "Typed", "--author", AUTHOR]
    argv = [sys.executable, "-m", "tests.support.cli_entry", *args]
    env = cli_env()  # everything prepared before fork: the child only changes dir and execs
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with the pseudo-terminal as its terminal
        os.chdir(REPO)
        os.execve(sys.executable, argv, env)
    seen = b""
    try:

        def read_some() -> bytes:
            try:
                return os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                return b""

        while b"ccess token:" not in seen:
            chunk = read_some()
            assert chunk, seen
            seen += chunk
        os.write(fd, secret.encode() + b"\n")
        while chunk := read_some():
            seen += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    text = seen.decode(errors="replace")
    assert "Added LinkedIn account 'Typed'" in text
    assert secret not in text
    keyring_file = json.loads(Path(os.environ["DP_TEST_KEYRING_FILE"]).read_text())
    assert list(keyring_file.values()) == [secret]


def test_the_services_errors_name_a_field_and_the_command_line_its_option(posts, add_account):  # noqa: ANN001
    from desktop_publisher.cli.output import error_text
    from desktop_publisher.posts import EditedContent, NewPost

    brand = add_account("linkedin", "Brand A", {})
    past = datetime.now(UTC) - timedelta(hours=1)
    cases = [
        ([], NewPost(text="hi", at=datetime.now(UTC)), "account", "--account: name at least"),
        ([brand], NewPost(text=" ", at=datetime.now(UTC)), "text", "--text: the post text"),
        ([brand], NewPost(text="hi", at=past), "at", "--at: "),
        # The window's content: the same field, its own words in the rule.
        ([brand], EditedContent(text="hi", at=past), "at", "--at: "),
    ]
    for accounts, post, field, line in cases:
        with pytest.raises(UserError) as caught:
            posts.schedule(accounts, post)
        assert caught.value.field == field
        assert error_text(caught.value).startswith(line)
    assert caught.value.rule is not None and str(caught.value).startswith("Time: ")
    assert ScheduledPost.select().count() == 0


def test_errors_about_a_time_or_a_status_name_the_field_and_only_the_command_line_its_option(
    posts,  # noqa: ANN001
    add_account,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
) -> None:
    """The services and when.py say which input is wrong by its field; no option ("--at")
    appears in their own words, and the command line puts the option in front."""
    from desktop_publisher.cli.output import error_text
    from desktop_publisher.posts import NewPost
    from desktop_publisher.when import MAX_AHEAD, parse_when_noting

    monkeypatch.setattr(when, "local_zone", lambda: WARSAW)
    brand = add_account("linkedin", "Brand A", {})
    (post,) = posts.create([brand], NewPost(text="hi", at=datetime.now(UTC) + timedelta(hours=1)))
    past = datetime(2001, 4, 1, 8, tzinfo=UTC)
    spring = date(NEXT_YEAR, 3, 31)
    spring -= timedelta(days=(spring.weekday() - 6) % 7)  # Warsaw skips 02:00-03:00 that night
    beyond = datetime.now(UTC).replace(microsecond=0) + MAX_AHEAD + timedelta(days=1)
    cases = [
        (lambda: posts.create([brand], NewPost(text="hi", at=past)), "at",
         '--at: 2001-04-01T08:00:00Z is in the past; give a future time or "now".'),
        (lambda: posts.reschedule(post.id, past), "at",
         "--at: 2001-04-01T08:00:00Z is in the past; give a future time."),
        (lambda: posts.reschedule(post.id, beyond), "at",
         f"--at: {iso_utc(beyond)} is more than ten years ahead; give an earlier time."),
        (lambda: posts.list(status="bogus"), "status",
         "--status: 'bogus' is not a status; use one of scheduled, queued, publishing, "
         "published, failed, needs_check, cancelled."),
        (lambda: parse_when("tomorrowish"), "at",
         "--at: 'tomorrowish' is not a date and time. Use ISO 8601 like 2026-12-01T09:30 "
         '(local time), 2026-12-01T09:30+01:00, "now" or "now+10m".'),
        (lambda: parse_when("now+99999d", field="expires"), "expires",
         "--expires: now+99999d is out of range; give a time between now and ten years from "
         "now."),
        (lambda: parse_when(f"{spring}T02:30", field="expires"), "expires",
         f"--expires: {spring}T02:30 does not exist in Europe/Warsaw (the clocks "
         "skip it at a daylight saving change); choose another time or give an offset."),
    ]  # fmt: skip
    for call, field, line in cases:
        with pytest.raises(UserError) as caught:
            call()
        error = caught.value
        assert error.field == field, line
        assert error_text(error) == line
        for words in (str(error), error.detail):
            assert not re.search(r"(^|\W)--[a-z]", words or ""), words
    # The window shows the rule of the service's time errors, in its own words.
    with pytest.raises(UserError) as caught:
        posts.reschedule(post.id, past)
    assert caught.value.rule is not None and str(caught.value).startswith("Time: ")
    assert posts.get(post.id).publication_date != past
    # A note about a time that happens twice does not name the field: the caller does.
    wall = next_fall_back(WARSAW)
    _, note = parse_when_noting(wall.isoformat(timespec="minutes"))
    assert note is not None and note.startswith(f"{wall:%Y-%m-%d %H:%M} happens twice in ")


def test_an_env_file_that_cannot_be_read_is_one_line(cli) -> None:  # noqa: ANN001
    # /proc/self/mem is a regular file that fails to read (an I/O error, even for root).
    ran = cli("account", "import-env", "--env-file", "/proc/self/mem")
    assert ran.code == 1
    assert ran.err.startswith("desktop-publisher: error: .env file: /proc/self/mem cannot be read")
    assert "Traceback" not in ran.err and ran.err.count("\n") == 1
