"""`post …`: scheduling posts and what can be done to them afterwards."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from desktop_publisher.cli.context import Context
from desktop_publisher.cli.output import (
    PROG,
    dump_json,
    err,
    option_for,
    out,
    post_json,
    print_table,
    shorten,
)
from desktop_publisher.errors import UserError

log = logging.getLogger("desktop_publisher.cli")

# The largest --text-file read. Four times the longest text any platform takes even at four
# bytes a character (Facebook's 63,206: 253 KB) and longer than any blog post; a bigger file is
# the wrong file, and reading it whole would only cost memory.
TEXT_FILE_MAX_BYTES = 1_000_000


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


def cmd_post_add(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.posts import NewPost
    from desktop_publisher.when import format_local, parse_when_noting

    text = read_text_file(args.text_file) if args.text_file else args.text
    at, at_note = parse_when_noting(args.at)
    accounts = [context.accounts.get(name) for name in args.account]
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
    created = context.posts.schedule(
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
        err(f"warning: {option_for('at')}: {at_note}")
    if not context.engine_running():
        err(
            f"note: no engine is running: start `{PROG} run` or the window before the posts are "
            "due, or they will be missed."
        )
    return 0


def cmd_post_list(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local

    account = context.accounts.get(args.account) if args.account else None
    rows = context.posts.list(status=args.status, account=account)
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


def cmd_post_show(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.store.models import PublishAttempt
    from desktop_publisher.when import format_local

    post = context.posts.get(args.id)
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


def cmd_post_publish_now(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher import lifecycle
    from desktop_publisher.engine.publishing import PublishingService
    from desktop_publisher.lifecycle import Action, Status

    post = context.posts.get(args.id)
    lifecycle.check(Action.PUBLISH_NOW, post.status, post.id, post.url)
    # Published from this process: the claim is a compare-and-set, so a running engine that
    # reaches the same post at the same moment simply loses the race.
    outcome = PublishingService(context.store, context.credentials).publish_post(
        post.id, manual=True
    )
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


def cmd_post_retry(context: Context, args: argparse.Namespace) -> int:
    post = context.posts.retry(args.id)
    log.info("post retry id=%s", post.id)
    out(f"Post {post.id} is queued to be published now.")
    if not context.engine_running():
        err(
            f"note: no engine is running: start `{PROG} run` or the window, or use "
            f"`{PROG} post publish-now {post.id}`."
        )
    return 0


def cmd_post_cancel(context: Context, args: argparse.Namespace) -> int:
    post = context.posts.cancel(args.id)
    log.info("post cancel id=%s", post.id)
    out(f"Cancelled post {post.id}.")
    return 0


def cmd_post_reschedule(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local, parse_when_noting

    at, at_note = parse_when_noting(args.at)
    post = context.posts.reschedule(args.id, at)
    log.info(
        "post reschedule id=%s publication_date=%s", post.id, post.publication_date.isoformat()
    )
    out(f"Post {post.id} is scheduled for {format_local(post.publication_date)}.")
    if at_note:
        err(f"warning: {option_for('at')}: {at_note}")
    return 0
