"""The command line (its contract: README.md, "The command line"). No Qt is imported unless `gui`
is asked for."""

from __future__ import annotations

import argparse
import gc
import getpass
import json
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_publisher import APP_ID, __version__, config
from desktop_publisher.errors import UserError
from desktop_publisher.redaction import redact

log = logging.getLogger("desktop_publisher.cli")

PROG = APP_ID
SECRET_OPTION = re.compile(r"^--?[\w-]*(token|password|passwd|secret|api-?key)[\w-]*(=.*)?$", re.I)
# Options of `account add` and the platform setting each one sets.
ACCOUNT_OPTIONS = {
    "client_id": "--client-id",
    "author": "--author",
    "page_id": "--page-id",
    "account_id": "--account-id",
    "site_url": "--site-url",
    "username": "--username",
    "media_host": "--media-host",
}


# The largest --text-file read. Four times the longest text any platform takes even at four
# bytes a character (Facebook's 63,206: 253 KB) and longer than any blog post; a bigger file is
# the wrong file, and reading it whole would only cost memory.
TEXT_FILE_MAX_BYTES = 1_000_000


class UsageError(Exception):
    """Exit status 2, like argparse's own errors."""


class StdoutClosed(Exception):
    """Whoever read the output stopped reading (`status | head -1`): the command ends quietly."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


@dataclass
class Context:
    data_dir: Path
    # A command that only reads: it writes nothing, and works on a read-only data folder.
    read_only: bool = False
    _store: Any = None
    _credentials: Any = None

    @property
    def store(self):  # noqa: ANN201
        if self._store is None:
            from desktop_publisher.store.connection import open_store

            self._refuse_a_second_database()
            self._store = open_store(self.data_dir, read_only=self.read_only)
        return self._store

    def _refuse_a_second_database(self) -> None:
        """No new, empty database beside an engine that still has the old one open: its file
        was deleted or moved away while it ran, and the two would drift apart (posts sent twice,
        or never)."""
        if (self.data_dir / config.DB_FILENAME).exists() or not self.data_dir.is_dir():
            return
        from desktop_publisher.engine.lock import describe_owner, held_by_another_process

        if held_by_another_process(self.data_dir):
            raise UserError(
                f"There is no database in {self.data_dir}, but an engine is running for this "
                f"folder{describe_owner(self.data_dir)}: its database file was deleted or moved "
                "away while it ran. Stop that engine (quit the window, or stop "
                f"`{PROG} run`) and start it again; no new database is made while it runs."
            )

    @property
    def credentials(self):  # noqa: ANN201
        if self._credentials is None:
            from desktop_publisher.credentials import CredentialStore

            self._credentials = CredentialStore()
        return self._credentials

    @property
    def accounts(self):  # noqa: ANN201
        from desktop_publisher.accounts import AccountService

        return AccountService(self.store, self.credentials)

    @property
    def posts(self):  # noqa: ANN201
        from desktop_publisher.posts import PostService

        return PostService(self.store)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def engine_running(self) -> bool:
        from desktop_publisher.engine.lock import engine_running

        return engine_running(self.data_dir)


def out(text: str = "") -> None:
    try:
        print(text, flush=True)
    except BrokenPipeError:
        raise StdoutClosed from None


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def dump_json(value: object) -> None:
    out(json.dumps(value, indent=2, ensure_ascii=False))


# --- account --------------------------------------------------------------------------------
def read_secret(label: str) -> str:
    """From stdin when piped, else a hidden prompt: never from the command line."""
    if sys.stdin is None or not sys.stdin.isatty():
        secret = sys.stdin.read() if sys.stdin else ""
    else:
        secret = getpass.getpass(f"{label[0].upper()}{label[1:]}: ")
    secret = secret.strip()
    if not secret:
        raise UserError(
            f"The {label} is empty: pipe it on standard input "
            f'(e.g. `printf %s "$TOKEN" | {PROG} account add …`) or type it at the prompt.'
        )
    return secret


def parse_expires(text: str | None) -> datetime | None:
    if text is None:
        return None
    from desktop_publisher.when import parse_when

    return parse_when(text, field="--expires")


def cmd_account_add(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms import registry

    cls = registry.publisher_class(args.platform)
    own = {f.key for f in cls.setting_fields}
    given = {key: getattr(args, key) for key in ACCOUNT_OPTIONS if getattr(args, key)}
    foreign = [ACCOUNT_OPTIONS[key] for key in given if key not in own]
    if foreign:
        raise UserError(f"{', '.join(foreign)} does not apply to {cls.label} accounts.")
    accounts = ctx.accounts
    # Check what we can before asking for the secret, so a typo does not cost a paste.
    name = args.name.strip()
    if not name:
        raise UserError("--name: the account name must not be empty.")
    accounts.validate_settings(args.platform, given)
    expires = parse_expires(args.expires)
    from desktop_publisher.media_host import media_host_account
    from desktop_publisher.store.models import Account

    if Account.select().where(Account.name == name).exists():
        raise UserError(f"An account named {name!r} already exists: choose another name.")
    # Only one WordPress account may host Instagram's images (the publisher must know which).
    if given.get("media_host") and (other := media_host_account()) is not None:
        raise UserError(
            f"--media-host: account {other.name!r} already hosts Instagram images; only one may."
        )
    secret = read_secret(cls.secret_label)
    account = accounts.add(args.platform, args.name, given, secret, expires)
    log.info("account added id=%s name=%r platform=%s", account.id, account.name, account.platform)
    out(
        f"Added {cls.label} account {account.name!r}; its {cls.secret_label} is in the system "
        "keyring."
    )
    # What the platform can tell (LinkedIn's author) is asked once now, not before every post.
    problem = accounts.learn_settings(account)
    if problem:
        err(f"note: {problem}")
    return 0


def cmd_account_set(ctx: Context, args: argparse.Namespace) -> int:
    """Change an account's non-secret settings; the secret is `account reconnect`'s job."""
    from desktop_publisher.platforms import registry

    account = ctx.accounts.get(args.name)
    cls = registry.publisher_class(account.platform)
    own = {f.key for f in cls.setting_fields}
    # None means "not given"; an empty value clears an optional setting.
    given = {key: getattr(args, key) for key in ACCOUNT_OPTIONS if getattr(args, key) is not None}
    foreign = [ACCOUNT_OPTIONS[key] for key in given if key not in own]
    if foreign:
        raise UserError(f"{', '.join(foreign)} does not apply to {cls.label} accounts.")
    if not given and args.expires is None:
        options = ", ".join(f.cli_option for f in cls.setting_fields if f.cli_option)
        raise UserError(
            f"Nothing to change: give one of {options}, --expires "
            f"(the {cls.secret_label} is replaced with `{PROG} account reconnect`)."
        )
    settings = {**(account.settings or {}), **given}
    expires = parse_expires(args.expires) if args.expires is not None else account.token_expires_at
    # The same checks and bookkeeping as the window's account editor; no secret: it stays.
    account = ctx.accounts.update(account.id, account.name, settings, None, expires)
    log.info("account settings changed id=%s name=%r", account.id, account.name)
    shown = ", ".join(f"{k}={v}" for k, v in sorted((account.settings or {}).items()))
    shown = shown or "no settings"
    out(f"Updated account {account.name!r}: {shown}.")
    return 0


def cmd_account_reconnect(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms import registry

    account = ctx.accounts.get(args.name)
    cls = registry.publisher_class(account.platform)
    expires = parse_expires(args.expires)
    ctx.accounts.update_secret(account, read_secret(cls.secret_label), expires)
    log.info("account secret replaced id=%s name=%r", account.id, account.name)
    out(f"Replaced the {cls.secret_label} of {account.name!r}.")
    return 0


def cmd_account_list(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.posts import account_json
    from desktop_publisher.when import format_local

    accounts = ctx.accounts
    rows = accounts.list()
    warnings = [w.message for w in accounts.expiry_warnings()]
    if args.json:
        dump_json([account_json(a) for a in rows])
        for warning in warnings:
            err(f"warning: {warning}")
        return 0
    if not rows:
        out(
            f"No accounts yet. Add one with `{PROG} account add PLATFORM --name NAME …` or "
            f"import the environment variables with `{PROG} account import-env`."
        )
        return 0
    table = [("NAME", "PLATFORM", "SETTINGS", "TOKEN EXPIRES")]
    for a in rows:
        settings = ", ".join(f"{k}={v}" for k, v in sorted((a.settings or {}).items()))
        table.append((a.name, a.platform, settings or "-", format_local(a.token_expires_at)))
    print_table(table)
    for warning in warnings:
        out(f"warning: {warning}")
    return 0


def cmd_account_test(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms.base import PublishError

    try:
        display = ctx.accounts.test(args.name)
    except PublishError as exc:
        raise UserError(f"Account {args.name!r}: {exc.message}") from None
    out(f"Account {args.name!r} works: connected as {display}.")
    return 0


def cmd_account_remove(ctx: Context, args: argparse.Namespace) -> int:
    ctx.accounts.remove(args.name)
    log.info("account removed name=%r", args.name)
    out(f"Removed account {args.name!r} and its secret.")
    return 0


def cmd_account_import_env(ctx: Context, args: argparse.Namespace) -> int:
    env = dict(os.environ)
    if args.env_file:
        from dotenv import dotenv_values

        path = Path(args.env_file)
        if not path.is_file():
            raise UserError(f"--env-file: {path} does not exist.")
        env.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    report = ctx.accounts.import_env(env)
    if not (report.created or report.updated):
        raise UserError(f"Nothing imported: {'; '.join(report.incomplete)}.")
    for name in report.created:
        out(f"Created account {name!r}.")
    for name in report.updated:
        out(f"Updated account {name!r}.")
    for line in report.incomplete:
        err(f"skipped: {line}")
    log.info(
        "import-env created=%s updated=%s skipped=%s",
        report.created,
        report.updated,
        report.incomplete,
    )
    return 0


# --- post -----------------------------------------------------------------------------------
def read_text_file(name: str) -> str:
    """The post's text from --text-file: a regular file of at most TEXT_FILE_MAX_BYTES, UTF-8.
    A pipe or a device is refused before it is opened (reading one could wait or never end)."""
    from desktop_publisher.local_files import (
        FileTooLarge,
        NotRegularFile,
        megabytes,
        read_capped,
    )

    path = Path(name)
    try:
        data = read_capped(path, TEXT_FILE_MAX_BYTES)
    except FileNotFoundError:
        raise UserError(f"--text-file: {path} does not exist.") from None
    except NotRegularFile:
        raise UserError(
            f"--text-file: {path} is not a regular file (a folder, device or pipe); give a text "
            "file."
        ) from None
    except FileTooLarge:
        raise UserError(
            f"--text-file: {path} is larger than {megabytes(TEXT_FILE_MAX_BYTES)} MB, far more "
            "than any platform takes; check that it is the right file."
        ) from None
    except OSError as exc:
        raise UserError(f"--text-file: cannot read {path} ({exc.strerror or exc}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"--text-file: cannot read {path} as UTF-8 text ({exc}).") from None
    # Line ends as text mode reads them: Windows' and old Macs' become "\n".
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cmd_post_add(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.posts import NewPost, post_json
    from desktop_publisher.when import format_local, parse_when_noting

    text = read_text_file(args.text_file) if args.text_file else args.text
    at, at_note = parse_when_noting(args.at)
    accounts = [ctx.accounts.get(name) for name in args.account]
    platforms = {a.platform for a in accounts}
    for option, value in (("--category", args.category), ("--tag", args.tag)):
        if value and "wordpress" not in platforms:
            raise UserError(f"{option}: categories and tags apply to WordPress accounts only.")
        if value and any(not v.strip() for v in value):
            raise UserError(f"{option}: a name must not be empty.")
    if args.alt is not None and not args.media:
        raise UserError("--alt: alt text describes an image; add the image with --media.")
    extra: dict[str, Any] = {}
    if args.category:
        extra["categories"] = [name.strip() for name in args.category]
    if args.tag:
        extra["tags"] = [name.strip() for name in args.tag]
    if args.alt:
        extra["alt"] = args.alt
    created = ctx.posts.create(
        accounts,
        NewPost(
            text=text, at=at, title=args.title, link=args.link, media=args.media or [], extra=extra
        ),
    )
    for post in created:
        log.info(
            "post added id=%s account=%r platform=%s publication_date=%s",
            post.id,
            post.account.name,
            post.account.platform,
            post.publication_date.isoformat(),
        )
    if args.json:
        dump_json([post_json(p) for p in created])
    else:
        for post in created:
            out(
                f"Scheduled post {post.id} for {post.account.name} ({post.account.platform}) at "
                f"{format_local(post.publication_date)}."
            )
    if at_note:
        # Only now: a command that fails says one thing, its error.
        err(f"warning: {at_note}")
    if not ctx.engine_running():
        err(
            f"note: no engine is running: start `{PROG} run` or the window before the posts are "
            "due, or they will be missed."
        )
    return 0


def cmd_post_list(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.posts import post_json
    from desktop_publisher.when import format_local

    account = ctx.accounts.get(args.account) if args.account else None
    rows = ctx.posts.list(status=args.status, account=account)
    if args.json:
        dump_json([post_json(p) for p in rows])
        return 0
    if not rows:
        out(f"No posts. Schedule one with `{PROG} post add --account NAME --text … --at WHEN`.")
        return 0
    table = [("ID", "WHEN", "STATUS", "ACCOUNT", "PLATFORM", "TEXT", "NOTE")]
    for p in rows:
        text = " ".join(p.variant.text.split())
        note = p.url or p.last_error or ""
        table.append(
            (
                str(p.id),
                format_local(p.publication_date),
                p.status,
                p.account.name,
                p.account.platform,
                shorten(text, 40),
                shorten(note, 60),
            )
        )
    print_table(table)
    return 0


def cmd_post_show(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.posts import post_json
    from desktop_publisher.store.models import PublishAttempt
    from desktop_publisher.when import format_local

    post = ctx.posts.get(args.id)
    if args.json:
        dump_json(post_json(post))
        return 0
    variant = post.variant
    lines = [
        f"Post {post.id} — {post.account.name} ({post.account.platform})",
        f"  status:       {post.status}",
        f"  due:          {format_local(post.publication_date)}",
        f"  attempts:     {post.attempts}",
    ]
    if post.published_at:
        lines.append(f"  published:    {format_local(post.published_at)}")
    if post.url:
        lines.append(f"  link:         {post.url}")
    if post.last_error:
        lines.append(f"  last error:   [{post.last_error_kind}] {post.last_error}")
    if variant.title:
        lines.append(f"  title:        {variant.title}")
    if variant.link:
        lines.append(f"  link to share: {variant.link}")
    for media in variant.media or []:
        lines.append(f"  media:        {media}")
    lines.append("  text:")
    lines += [f"    {line}" for line in variant.text.splitlines() or [""]]
    attempts = (
        PublishAttempt.select()
        .where(PublishAttempt.post == post.id)
        .order_by(PublishAttempt.number)
    )
    for attempt in attempts:
        lines.append(
            f"  attempt {attempt.number}: {format_local(attempt.started_at)} "
            f"{attempt.outcome}{' — ' + attempt.message if attempt.message else ''}"
        )
    out("\n".join(lines))
    return 0


def cmd_post_publish_now(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.engine.publishing import PublishingService
    from desktop_publisher.store.models import PENDING, Status

    post = ctx.posts.get(args.id)
    if post.status not in PENDING:
        raise UserError(ctx.posts._refusal(post, "publish now"))
    # Published from this process: the claim is a compare-and-set, so a running engine that
    # reaches the same post at the same moment simply loses the race.
    outcome = PublishingService(ctx.store, ctx.credentials).publish_post(post.id, manual=True)
    if not outcome.claimed:
        raise UserError(
            f"Post {post.id} was taken by the engine a moment ago (now "
            f"{outcome.status}); see `{PROG} post show {post.id}`."
        )
    if outcome.status == Status.PUBLISHED:
        out(f"Published post {post.id}: {outcome.url or '(no link returned)'}")
        return 0
    err(f"Post {post.id} is {outcome.status}: {outcome.message}")
    return 1


def cmd_post_retry(ctx: Context, args: argparse.Namespace) -> int:
    post = ctx.posts.retry(args.id)
    log.info("post retry id=%s", post.id)
    out(f"Post {post.id} is queued to be published now.")
    if not ctx.engine_running():
        err(
            f"note: no engine is running: start `{PROG} run` or the window, or use "
            f"`{PROG} post publish-now {post.id}`."
        )
    return 0


def cmd_post_cancel(ctx: Context, args: argparse.Namespace) -> int:
    post = ctx.posts.cancel(args.id)
    log.info("post cancel id=%s", post.id)
    out(f"Cancelled post {post.id}.")
    return 0


def cmd_post_reschedule(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local, parse_when_noting

    at, at_note = parse_when_noting(args.at)
    post = ctx.posts.reschedule(args.id, at)
    log.info(
        "post reschedule id=%s publication_date=%s", post.id, post.publication_date.isoformat()
    )
    out(f"Post {post.id} is scheduled for {format_local(post.publication_date)}.")
    if at_note:
        err(f"warning: {at_note}")
    return 0


# --- status, run, gui -----------------------------------------------------------------------
def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local, iso_utc

    posts = ctx.posts
    counts = posts.counts()
    nxt = posts.next_due()
    warnings = [w.message for w in ctx.accounts.expiry_warnings()]
    running = ctx.engine_running()
    attention = counts.get("failed", 0) + counts.get("needs_check", 0)
    if attention:
        warnings.append(
            f"{counts['failed']} failed and {counts['needs_check']} to check: see "
            f"`{PROG} post list --status failed` / `--status needs_check`."
        )
    warnings += storage_warnings(ctx)
    if args.json:
        dump_json(
            {
                "engine_running": running,
                "counts": counts,
                "next_due": iso_utc(nxt.due_at) if nxt else None,
                "warnings": warnings,
            }
        )
        return 0
    out(f"Engine: {'running' if running else 'not running'}")
    out("Posts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if nxt:
        out(f"Next due: post {nxt.id} for {nxt.account.name} at {format_local(nxt.due_at)}")
    else:
        out("Next due: nothing scheduled")
    for warning in warnings:
        out(f"warning: {warning}")
    return 0


def storage_warnings(ctx: Context) -> list[str]:
    """What keeps the data folder from taking changes. A running engine cannot record that
    itself on a full disk, so the disk is asked here."""
    from desktop_publisher.store.storage_errors import FULL_BELOW_BYTES, free_bytes

    warnings = []
    if ctx.store.read_only:
        warnings.append(
            f"The data folder {ctx.data_dir} is read-only: what is shown here cannot change, "
            "and no engine can publish from it. Make it writable to publish again."
        )
    free = free_bytes(ctx.data_dir)
    if free is not None and free < FULL_BELOW_BYTES:
        warnings.append(
            f"The disk holding the data folder {ctx.data_dir} is full ({free // 1024} KiB "
            "free): nothing can be saved there, so no post can be published (a post must be "
            "recorded before it is sent). Free some space: publishing carries on by itself, "
            "and posts more than the lateness window late are reported as missed."
        )
    return warnings


def cmd_run(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.engine.lock import EngineLock
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.logs import setup_logging

    lock = EngineLock(ctx.data_dir)
    lock.acquire(owner="desktop-publisher run")
    setup_logging(ctx.data_dir, console_level=logging.INFO)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        log.info("signal %s received: stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    engine = Engine(ctx.store, ctx.credentials)
    try:
        engine.start()
        err(f"Publishing from {ctx.data_dir}; press Ctrl+C to stop.")
        while not stop.wait(3600):
            pass
    finally:
        engine.stop()
        lock.release()
    return 0


def cmd_gui(ctx: Context, args: argparse.Namespace) -> int:
    from desktop_publisher import display_check

    # Before Qt: without a display or a library its platform plugin needs, Qt aborts the process.
    display_check.check_window_can_open()
    try:
        from desktop_publisher.gui.app import run_app
    except ImportError as exc:
        missing_libraries = display_check.explain_import_error(exc)
        if missing_libraries:  # a system library Qt needs (libEGL, fontconfig…)
            raise UserError(missing_libraries) from None
        if "desktop_publisher.gui" not in str(exc):
            raise UserError(
                f"The window cannot start: {exc}. Reinstall Desktop Publisher."
            ) from None
        raise UserError(
            f"The window is not part of this version yet: use the command line ({PROG} --help)."
        ) from None
    return run_app(ctx.data_dir, args)


# --- parsing ----------------------------------------------------------------------------------
def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


def positive_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a post id (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a post id (a whole number)")
    return value


def _setting_options(parser: argparse.ArgumentParser, author_help: str) -> None:
    """The platforms' non-secret settings, shared by `account add` and `account set`."""
    parser.add_argument("--client-id", dest="client_id", help="LinkedIn app client id")
    parser.add_argument("--author", help=author_help)
    parser.add_argument("--page-id", dest="page_id", help="Facebook page id")
    parser.add_argument("--account-id", dest="account_id", help="Instagram account id")
    parser.add_argument("--site-url", dest="site_url", help="WordPress site URL")
    parser.add_argument("--username", help="WordPress user name")


def build_parser() -> Parser:
    from desktop_publisher.platforms import registry
    from desktop_publisher.store.models import Status

    parser = Parser(prog=PROG, description="Schedule and publish posts from your own computer.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help=f"where posts and logs live (env {config.DATA_DIR_ENV})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    gui = commands.add_parser("gui", help="open the window (the default)")
    # The launchers (`python main.py`, desktop-publisher-gui) put "gui" first: the data dir
    # given after it is the same option.
    gui.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    gui.set_defaults(fn=cmd_gui)
    commands.add_parser("run", help="run the engine headless until Ctrl+C").set_defaults(fn=cmd_run)
    status = commands.add_parser("status", help="counts, next due post, engine, warnings")
    status.add_argument("--json", action="store_true")
    status.set_defaults(fn=cmd_status)

    account = commands.add_parser("account", help="connected accounts")
    acc = account.add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=Parser
    )
    add = acc.add_parser("add", help="add an account (the secret is read from stdin or a prompt)")
    # The ids only: importing every client here would delay every command and the window.
    add.add_argument("platform", choices=registry.names())
    add.add_argument("--name", required=True)
    _setting_options(add, author_help="LinkedIn author URN (urn:li:person:… / organization)")
    add.add_argument(
        "--media-host",
        dest="media_host",
        action="store_true",
        help="WordPress: also host Instagram's images",
    )
    add.add_argument(
        "--expires", help="token expiry date (default: 60 days for tokens that expire)"
    )
    add.set_defaults(fn=cmd_account_add)
    change = acc.add_parser("set", help="change an account's settings (not its secret)")
    change.add_argument("name")
    _setting_options(change, author_help="LinkedIn author URN (empty: ask LinkedIn)")
    change.add_argument(
        "--media-host",
        dest="media_host",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="WordPress: host Instagram's images (or stop with --no-media-host)",
    )
    change.add_argument("--expires", help="token expiry date")
    change.set_defaults(fn=cmd_account_set)
    reconnect = acc.add_parser("reconnect", help="replace an account's token or password")
    reconnect.add_argument("name")
    reconnect.add_argument("--expires")
    reconnect.set_defaults(fn=cmd_account_reconnect)
    lst = acc.add_parser("list", help="list accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(fn=cmd_account_list)
    test = acc.add_parser("test", help="check an account's credentials with the platform")
    test.add_argument("name")
    test.set_defaults(fn=cmd_account_test)
    remove = acc.add_parser("remove", help="remove an account and its secret")
    remove.add_argument("name")
    remove.set_defaults(fn=cmd_account_remove)
    imp = acc.add_parser("import-env", help="accounts from LINKEDIN_ACCESS_TOKEN, … variables")
    imp.add_argument("--env-file", help="a .env file to read the variables from")
    imp.set_defaults(fn=cmd_account_import_env)

    post = commands.add_parser("post", help="scheduled posts")
    pst = post.add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=Parser
    )
    padd = pst.add_parser("add", help="schedule a post for one or more accounts")
    padd.add_argument("--account", action="append", required=True, metavar="NAME")
    text = padd.add_mutually_exclusive_group(required=True)
    text.add_argument("--text")
    text.add_argument("--text-file", dest="text_file", metavar="FILE")
    padd.add_argument("--title")
    padd.add_argument("--link")
    padd.add_argument("--media", action="append", metavar="PATH_OR_URL")
    padd.add_argument("--category", action="append", metavar="NAME", help="WordPress category")
    padd.add_argument("--tag", action="append", metavar="NAME", help="WordPress tag")
    padd.add_argument("--alt", metavar="TEXT", help="image alt text")
    padd.add_argument(
        "--at",
        required=True,
        metavar="WHEN",
        help='ISO 8601 (no offset = local time), "now" or "now+10m"',
    )
    padd.add_argument("--json", action="store_true")
    padd.set_defaults(fn=cmd_post_add)
    plist = pst.add_parser("list", help="list posts")
    plist.add_argument("--status", choices=[s.value for s in Status])
    plist.add_argument("--account", metavar="NAME")
    plist.add_argument("--json", action="store_true")
    plist.set_defaults(fn=cmd_post_list)
    show = pst.add_parser("show", help="one post with its attempts")
    show.add_argument("id", type=positive_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(fn=cmd_post_show)
    for name, fn, help_text in (
        ("publish-now", cmd_post_publish_now, "publish a scheduled post at once"),
        ("retry", cmd_post_retry, "publish a failed or needs-check post again"),
        ("cancel", cmd_post_cancel, "cancel a post that is not published"),
    ):
        sub = pst.add_parser(name, help=help_text)
        sub.add_argument("id", type=positive_id)
        sub.set_defaults(fn=fn)
    resched = pst.add_parser("reschedule", help="move a post to another time")
    resched.add_argument("id", type=positive_id)
    resched.add_argument("--at", required=True, metavar="WHEN")
    resched.set_defaults(fn=cmd_post_reschedule)
    return parser


def refuse_secret_arguments(argv: Sequence[str]) -> None:
    for arg in argv:
        if arg == "--":
            break
        if SECRET_OPTION.match(arg):
            raise UserError(
                f"{arg.split('=')[0]}: secrets are never accepted as arguments (they would end up "
                "in your shell history and the process list). Pipe the secret on standard input "
                "or type it at the prompt."
            )


def main(argv: Sequence[str] | None = None) -> int:
    # While starting, the cyclic collector would only walk the many long-lived objects a start
    # makes (modules, the parser, Qt types, widgets) and find next to no garbage: for the window
    # that is about a tenth of a cold start. It is back on once the command is known, or for the
    # window after its first paint (gui/app.py), and in any case when this returns.
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        gc.enable()


def storage_problem(exc: BaseException, data_dir: Path | None) -> UserError | None:
    """The message for an error of the disk or the database file (full, read-only, locked…)
    raised by a command's reads or writes; None for anything else."""
    if data_dir is None:
        return None
    from desktop_publisher.store.storage_errors import classify, store_error

    path = data_dir / config.DB_FILENAME
    trouble = classify(exc, path)
    return None if trouble is None else store_error(trouble, path, exc)


def _main(argv: list[str]) -> int:
    data_dir: Path | None = None
    try:
        if argv in ([], ["gui"]):
            # The window, as the desktop launches it: its files are read ahead while it starts.
            from desktop_publisher import prefetch

            prefetch.start(config.resolve_data_dir())
        refuse_secret_arguments(argv)
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except UsageError as exc:
            err(str(exc))
            return 2
        fn: Callable[[Context, argparse.Namespace], int] = getattr(args, "fn", cmd_gui)
        if fn is not cmd_gui:
            gc.enable()
        data_dir = config.resolve_data_dir(args.data_dir)
        ctx = Context(data_dir, read_only=fn in READ_ONLY_COMMANDS)
        from desktop_publisher.store.connection import ensure_data_dir

        ensure_data_dir(ctx.data_dir)
        if fn is not cmd_run:
            from desktop_publisher.logs import setup_logging

            setup_logging(ctx.data_dir)
        try:
            return fn(ctx, args)
        finally:
            ctx.close()
    except UserError as exc:
        err(f"{PROG}: error: {redact(exc)}")
        return 1
    except KeyboardInterrupt:
        err(f"{PROG}: interrupted")
        return 130
    except StdoutClosed:
        # Python's recipe for a closed pipe: the interpreter's last flush of stdout at exit
        # must not fail again, so stdout now goes nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except Exception as exc:
        problem = storage_problem(exc, data_dir)
        if problem is not None:
            # The disk, the folder or another program, not a bug: what happened and what to do
            # (in the log too, when there is one: no handler would mean logging's own stderr).
            if logging.getLogger().handlers:
                log.info("%s: %s", " ".join(argv[:2]), problem)
            err(f"{PROG}: error: {redact(problem)}")
            return 1
        # A bug, not a user error: one masked line here, the whole traceback in the log (whose
        # filter masks secrets too). A raw traceback could print a token from a local variable.
        if logging.getLogger().handlers:  # else logging's last resort would print it raw
            log.exception("unexpected error in %s", " ".join(argv[:2]))
        err(
            f"{PROG}: unexpected error ({type(exc).__name__}: {redact(exc)}); the details are in "
            "the log file in the data folder."
        )
        return 1


# Commands that only read: they open the database without writing to it (see Context).
READ_ONLY_COMMANDS = (cmd_status, cmd_post_list, cmd_post_show, cmd_account_list)


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
