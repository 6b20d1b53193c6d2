"""`account …`: adding, changing, listing, testing and removing the connected accounts."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from desktop_publisher.cli.context import Context
from desktop_publisher.cli.output import PROG, account_json, dump_json, err, out, print_table
from desktop_publisher.errors import UserError

log = logging.getLogger("desktop_publisher.cli")


def account_options() -> dict[str, str]:
    """Options of `account add`/`account set` and the platform setting each one sets, as the
    platforms declare them."""
    from desktop_publisher.platforms import registry

    return {f.key: f.cli_option for f in registry.account_fields() if f.cli_option}


def _setting_options(parser: argparse.ArgumentParser, change: bool) -> None:
    """The platforms' non-secret settings as they declare them, shared by `account add` and
    `account set` (`change`): a text option each, then the yes/no switches (`set` can also
    turn one off with --no-…)."""
    from desktop_publisher.platforms import registry

    for spec in registry.account_fields():
        if not spec.cli_option:
            continue
        help_text = spec.set_help if change else spec.cli_help
        if not spec.flag:
            parser.add_argument(spec.cli_option, dest=spec.key, help=help_text)
        elif change:
            parser.add_argument(
                spec.cli_option,
                dest=spec.key,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=help_text,
            )
        else:
            parser.add_argument(spec.cli_option, dest=spec.key, action="store_true", help=help_text)


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

    return parse_when(text, field="expires")


def cmd_account_add(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms import registry

    cls = registry.publisher_class(args.platform)
    own = {f.key for f in cls.setting_fields}
    options = account_options()
    given = {key: getattr(args, key) for key in options if getattr(args, key)}
    foreign = [options[key] for key in given if key not in own]
    if foreign:
        raise UserError(f"{', '.join(foreign)} does not apply to {cls.label} accounts.")
    accounts = context.accounts
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


def cmd_account_set(context: Context, args: argparse.Namespace) -> int:
    """Change an account's non-secret settings; the secret is `account reconnect`'s job."""
    from desktop_publisher.platforms import registry

    account = context.accounts.get(args.name)
    cls = registry.publisher_class(account.platform)
    own = {f.key for f in cls.setting_fields}
    # None means "not given"; an empty value clears an optional setting.
    known = account_options()
    given = {key: getattr(args, key) for key in known if getattr(args, key) is not None}
    foreign = [known[key] for key in given if key not in own]
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
    account = context.accounts.update(account.id, account.name, settings, None, expires)
    log.info("account settings changed id=%s name=%r", account.id, account.name)
    shown = ", ".join(f"{k}={v}" for k, v in sorted((account.settings or {}).items()))
    shown = shown or "no settings"
    out(f"Updated account {account.name!r}: {shown}.")
    return 0


def cmd_account_reconnect(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms import registry

    account = context.accounts.get(args.name)
    cls = registry.publisher_class(account.platform)
    expires = parse_expires(args.expires)
    context.accounts.update_secret(account, read_secret(cls.secret_label), expires)
    log.info("account secret replaced id=%s name=%r", account.id, account.name)
    out(f"Replaced the {cls.secret_label} of {account.name!r}.")
    return 0


def cmd_account_list(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local

    accounts = context.accounts
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


def cmd_account_test(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.platforms.base import PublishError

    try:
        display = context.accounts.test(args.name)
    except PublishError as exc:
        raise UserError(f"Account {args.name!r}: {exc.message}") from None
    out(f"Account {args.name!r} works: connected as {display}.")
    return 0


def cmd_account_remove(context: Context, args: argparse.Namespace) -> int:
    context.accounts.remove(args.name)
    log.info("account removed name=%r", args.name)
    out(f"Removed account {args.name!r} and its secret.")
    return 0


def cmd_account_import_env(context: Context, args: argparse.Namespace) -> int:
    env = dict(os.environ)
    if args.env_file:
        from desktop_publisher.env_file import read_env_file

        path = Path(args.env_file)
        if not path.is_file():
            raise UserError(f"--env-file: {path} does not exist.")
        env.update(read_env_file(path))
    report = context.accounts.import_env(env)
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
