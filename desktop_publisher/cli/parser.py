"""The command line's grammar: its commands, their options, and the function that runs each."""

from __future__ import annotations

import argparse
import sys

from desktop_publisher import __version__, config
from desktop_publisher.cli import accounts, engine, posts
from desktop_publisher.cli.accounts import _setting_options
from desktop_publisher.cli.output import PROG

VERSION = f"{PROG} {__version__}"


class UsageError(Exception):
    """Exit status 2, like argparse's own errors."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


class CommandParser(Parser):
    """A command's parser: the global options work after the command too (`status --data-dir D`,
    `gui --data-dir D` as the launchers put it), hidden from its help. Given there, they win
    over the same option before the command (the last one given counts)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument("--version", action="version", version=VERSION, help=argparse.SUPPRESS)
        self.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def positive_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a post id (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a post id (a whole number)")
    return value


def build_parser() -> Parser:
    from desktop_publisher.platforms import registry
    from desktop_publisher.store.models import Status

    parser = Parser(prog=PROG, description="Schedule and publish posts from your own computer.")
    parser.add_argument("--version", action="version", version=VERSION)
    parser.add_argument("--data-dir", help=f"where posts and logs live (env {config.DATA_DIR_ENV})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(fn=engine.cmd_gui)
    commands.add_parser("run", help="run the engine headless until Ctrl+C").set_defaults(
        fn=engine.cmd_run
    )
    status = commands.add_parser("status", help="counts, next due post, engine, warnings")
    status.add_argument("--json", action="store_true")
    status.set_defaults(fn=engine.cmd_status)

    account = commands.add_parser("account", help="connected accounts")
    acc = account.add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=CommandParser
    )
    add = acc.add_parser("add", help="add an account (the secret is read from stdin or a prompt)")
    # The ids only: importing every client here would delay every command and the window.
    add.add_argument("platform", choices=registry.names())
    add.add_argument("--name", required=True)
    _setting_options(add, change=False)
    add.add_argument(
        "--expires", help="token expiry date (default: 60 days for tokens that expire)"
    )
    add.set_defaults(fn=accounts.cmd_account_add)
    change = acc.add_parser("set", help="change an account's settings (not its secret)")
    change.add_argument("name")
    _setting_options(change, change=True)
    change.add_argument("--expires", help="token expiry date")
    change.set_defaults(fn=accounts.cmd_account_set)
    reconnect = acc.add_parser("reconnect", help="replace an account's token or password")
    reconnect.add_argument("name")
    reconnect.add_argument("--expires")
    reconnect.set_defaults(fn=accounts.cmd_account_reconnect)
    lst = acc.add_parser("list", help="list accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(fn=accounts.cmd_account_list)
    test = acc.add_parser("test", help="check an account's credentials with the platform")
    test.add_argument("name")
    test.set_defaults(fn=accounts.cmd_account_test)
    remove = acc.add_parser("remove", help="remove an account and its secret")
    remove.add_argument("name")
    remove.set_defaults(fn=accounts.cmd_account_remove)
    imp = acc.add_parser("import-env", help="accounts from LINKEDIN_ACCESS_TOKEN, … variables")
    imp.add_argument("--env-file", help="a .env file to read the variables from")
    imp.set_defaults(fn=accounts.cmd_account_import_env)

    post = commands.add_parser("post", help="scheduled posts")
    pst = post.add_subparsers(
        dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=CommandParser
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
    padd.set_defaults(fn=posts.cmd_post_add)
    plist = pst.add_parser("list", help="list posts")
    plist.add_argument("--status", choices=[s.value for s in Status])
    plist.add_argument("--account", metavar="NAME")
    plist.add_argument("--json", action="store_true")
    plist.set_defaults(fn=posts.cmd_post_list)
    show = pst.add_parser("show", help="one post with its attempts")
    show.add_argument("id", type=positive_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(fn=posts.cmd_post_show)
    for name, fn, help_text in (
        ("publish-now", posts.cmd_post_publish_now, "publish a scheduled post at once"),
        ("retry", posts.cmd_post_retry, "publish a failed or needs-check post again"),
        ("cancel", posts.cmd_post_cancel, "cancel a post that is not published"),
    ):
        sub = pst.add_parser(name, help=help_text)
        sub.add_argument("id", type=positive_id)
        sub.set_defaults(fn=fn)
    resched = pst.add_parser("reschedule", help="move a post to another time")
    resched.add_argument("id", type=positive_id)
    resched.add_argument("--at", required=True, metavar="WHEN")
    resched.set_defaults(fn=posts.cmd_post_reschedule)
    return parser
