"""The command line's output, byte for byte, over a scripted session.

The transcript in tests/fixtures/cli_transcript.txt is what every command below printed (exit
status, stdout, stderr) when it was recorded; a change of wording, of a help text or of JSON shows
here as a diff. Values that change from run to run (the fake's port, the test's folder, the times
of "now") are replaced by placeholders. After an intended change of output, record again with
`DP_RECORD_TRANSCRIPT=1 pytest tests/cli/test_cli_transcript.py` and read the diff before
committing.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import tzlocal

from tests.conftest import Ran

TRANSCRIPT = Path(__file__).parent.parent / "fixtures" / "cli_transcript.txt"
FUTURE = "2030-01-15T09:00"

SESSION: list[tuple[tuple[str, ...], str]] = [
    (("--version",), ""),
    (("--help",), ""),
    (("account", "--help"), ""),
    (("account", "add", "--help"), ""),
    (("account", "set", "--help"), ""),
    (("account", "reconnect", "--help"), ""),
    (("account", "list", "--help"), ""),
    (("account", "test", "--help"), ""),
    (("account", "remove", "--help"), ""),
    (("account", "import-env", "--help"), ""),
    (("post", "--help"), ""),
    (("post", "add", "--help"), ""),
    (("post", "list", "--help"), ""),
    (("post", "show", "--help"), ""),
    (("post", "publish-now", "--help"), ""),
    (("post", "retry", "--help"), ""),
    (("post", "cancel", "--help"), ""),
    (("post", "reschedule", "--help"), ""),
    (("status", "--help"), ""),
    (("run", "--help"), ""),
    (("bogus",), ""),
    (("post",), ""),
    (("account", "list"), ""),
    (("account", "list", "--json"), ""),
    (("post", "list"), ""),
    (("status",), ""),
    (("account", "add", "linkedin", "--name", "X", "--token=abc"), ""),
    (("account", "add", "linkedin", "--name", "  "), "tok-1"),
    (("account", "add", "linkedin", "--name", "Brand A"), "  \n"),
    (("account", "add", "linkedin", "--name", "Brand A", "--page-id", "1"), "tok-1"),
    (("account", "add", "linkedin", "--name", "Brand A", "--author", "bogus"), "tok-1"),
    (("account", "add", "linkedin", "--name", "Brand A"), "tok-linkedin-1"),
    (("account", "add", "linkedin", "--name", "Brand A"), "tok-linkedin-1"),
    (("account", "reconnect", "Brand A"), "tok-123456"),
    (("account", "add", "linkedin", "--name", "Brand E"), "tok-123456"),
    (("account", "add", "facebook", "--name", "Page B", "--page-id", "1234"), "tok-fb-1"),
    (("account", "add", "instagram", "--name", "Insta C", "--account-id", "1789"), "tok-ig-1"),
    (("account", "add", "wordpress", "--name", "Blog D", "--site-url", "ftp://x"), "pw-1"),
    (
        (
            "account",
            "add",
            "wordpress",
            "--name",
            "Blog D",
            "--site-url",
            "ftp://x",
            "--username",
            "u",
        ),
        "pw-1",
    ),
    (
        (
            "account",
            "add",
            "wordpress",
            "--name",
            "Blog D",
            "--site-url",
            "https://blog.example",
            "--username",
            "u",
        ),
        "",
    ),
    (
        (
            "account",
            "add",
            "wordpress",
            "--name",
            "Blog D",
            "--site-url",
            "https://blog.example",
            "--username",
            "u",
            "--media-host",
        ),
        "pw-1",
    ),
    (
        (
            "account",
            "add",
            "wordpress",
            "--name",
            "Blog F",
            "--site-url",
            "https://blog2.example",
            "--username",
            "u",
            "--media-host",
        ),
        "pw-1",
    ),
    (("account", "set", "Blog D", "--no-media-host"), ""),
    (("account", "add", "mastodon", "--name", "M"), "tok"),
    (("account", "set", "Page B"), ""),
    (("account", "set", "Page B", "--page-id", "5678"), ""),
    (("account", "set", "Page B", "--author", "urn:li:person:1"), ""),
    (("account", "set", "Brand A", "--author", "urn:li:organization:42"), ""),
    (("account", "set", "Nobody", "--author", "urn:li:organization:42"), ""),
    (("account", "set", "Page B", "--expires", "yesterday"), ""),
    (("account", "set", "Page B", "--expires", "2031-05-06T07:08+00:00"), ""),
    (("account", "reconnect", "Page B", "--expires", "2031-06-01"), "tok-fb-2"),
    (("account", "list"), ""),
    (("account", "list", "--json"), ""),
    (("post", "add", "--account", "Brand A", "--text", "Hello", "--at", FUTURE), ""),
    (
        (
            "post",
            "add",
            "--account",
            "Brand A",
            "--account",
            "Page B",
            "--text",
            "Hello both",
            "--link",
            "https://example.org/a",
            "--at",
            "2030-02-01T10:30",
            "--json",
        ),
        "",
    ),
    (("post", "add", "--account", "Brand A", "--text", "x" * 3001, "--at", FUTURE), ""),
    (("post", "add", "--account", "Insta C", "--text", "No image", "--at", FUTURE), ""),
    (("post", "add", "--account", "Nobody", "--text", "x", "--at", FUTURE), ""),
    (("post", "add", "--account", "Brand A", "--text", "x", "--at", "tomorrowish"), ""),
    (("post", "add", "--account", "Brand A", "--text", "x", "--at", "2001-01-01T00:00"), ""),
    (("post", "add", "--account", "Brand A", "--text", "  ", "--at", FUTURE), ""),
    (
        (
            "post",
            "add",
            "--account",
            "Brand A",
            "--text-file",
            "/nonexistent/f.txt",
            "--at",
            FUTURE,
        ),
        "",
    ),
    (
        (
            "post",
            "add",
            "--account",
            "Brand A",
            "--text",
            "x",
            "--media",
            "/nonexistent.png",
            "--at",
            FUTURE,
        ),
        "",
    ),
    (("post", "add", "--account", "Brand A", "--text", "Third", "--at", "2030-03-01T08:00"), ""),
    (("post", "list"), ""),
    (("post", "list", "--json"), ""),
    (("post", "list", "--status", "scheduled", "--account", "Page B"), ""),
    (("post", "list", "--status", "bogus"), ""),
    (("post", "list", "--account", "Nobody"), ""),
    (("post", "show", "1"), ""),
    (("post", "show", "2", "--json"), ""),
    (("post", "show", "99"), ""),
    (("post", "show", "0"), ""),
    (("post", "show", "abc"), ""),
    (("post", "cancel", "3"), ""),
    (("post", "cancel", "3"), ""),
    (("post", "retry", "1"), ""),
    (("post", "retry", "3"), ""),
    (("post", "reschedule", "3", "--at", "2030-04-01T10:00"), ""),
    (("post", "reschedule", "1", "--at", "2030-04-01T10:00"), ""),
    (("post", "reschedule", "1", "--at", "2001-04-01T10:00"), ""),
    (("post", "publish-now", "3"), ""),
    (("post", "publish-now", "1"), ""),
    (("post", "publish-now", "1"), ""),
    (("post", "show", "1"), ""),
    (("post", "show", "1", "--json"), ""),
    (("post", "add", "--account", "Brand E", "--text", "Out now", "--at", "now"), ""),
    (("post", "publish-now", "5"), ""),
    (("post", "show", "5"), ""),
    (("post", "cancel", "5"), ""),
    (("post", "cancel", "1"), ""),
    (("post", "retry", "1"), ""),
    (("post", "reschedule", "1", "--at", FUTURE), ""),
    (("account", "test", "Brand A"), ""),
    (("account", "test", "Nobody"), ""),
    (("status",), ""),
    (("status", "--json"), ""),
    (("account", "remove", "Insta C"), ""),
    (("account", "remove", "Insta C"), ""),
    (("account", "import-env", "--env-file", "/nonexistent/.env"), ""),
    (("account", "list"), ""),
    (("post", "list", "--json"), ""),
]


def _reload_zone() -> None:
    """Make the C library and tzlocal (which caches the zone it found first) read TZ again."""
    time.tzset()
    tzlocal.reload_localzone()


@pytest.fixture
def warsaw_time() -> Iterator[None]:
    """The times are shown in a fixed zone; the zone before is back for the next test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Warsaw"
    _reload_zone()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    _reload_zone()


def _normalize(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    # Times of "now" (created, attempted, a token's default expiry): this year and next.
    now = datetime.now()
    years = "|".join(str(y) for y in range(now.year - 1, now.year + 2))
    text = re.sub(
        rf"(?:{years})-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)?",
        "<NOW>",
        text,
    )
    return text


def test_the_command_lines_output_is_unchanged(
    cli,
    linkedin,
    tmp_path,
    monkeypatch,
    warsaw_time,
    capsys,  # noqa: ANN001
) -> None:
    # Help texts wrap at the terminal's width; the times are shown in a fixed zone.
    monkeypatch.setenv("COLUMNS", "100")
    replacements = {linkedin.url: "<LINKEDIN>", str(tmp_path): "<TMP>"}
    lines: list[str] = []
    for args, stdin in SESSION:
        try:
            ran = cli(*args, stdin=stdin)
        except SystemExit as exc:  # --help and --version end through argparse
            captured = capsys.readouterr()
            ran = Ran(int(exc.code or 0), captured.out, captured.err)
        lines.append(f"$ desktop-publisher {' '.join(args)}" + (" <<< stdin" if stdin else ""))
        lines.append(f"[exit {ran.code}]")
        if ran.out:
            lines.append("[stdout]")
            lines.append(ran.out.rstrip("\n"))
        if ran.err:
            lines.append("[stderr]")
            lines.append(ran.err.rstrip("\n"))
        lines.append("")
    got = _normalize("\n".join(lines), replacements)
    if os.environ.get("DP_RECORD_TRANSCRIPT"):
        TRANSCRIPT.write_text(got, encoding="utf-8")
    expected = TRANSCRIPT.read_text(encoding="utf-8")
    assert got.splitlines() == expected.splitlines()


def test_the_transcript_normalizes_only_times_of_now() -> None:
    now = datetime.now()
    soon = (now + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    assert _normalize(f"due {FUTURE} made {soon}", {}) == f"due {FUTURE} made <NOW>"
