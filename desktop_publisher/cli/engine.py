"""`status`, `run` and `gui`: what the engine is doing, the engine without a window, the window."""

from __future__ import annotations

import argparse
import logging
import signal
import threading

from desktop_publisher.cli.context import Context
from desktop_publisher.cli.output import PROG, dump_json, err, out
from desktop_publisher.errors import UserError

log = logging.getLogger("desktop_publisher.cli")


def cmd_status(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.when import format_local, iso_utc

    posts = context.posts
    counts = posts.counts()
    nxt = posts.next_due()
    warnings = [w.message for w in context.accounts.expiry_warnings()]
    running = context.engine_running()
    attention = counts.get("failed", 0) + counts.get("needs_check", 0)
    if attention:
        warnings.append(
            f"{counts['failed']} failed and {counts['needs_check']} to check: see "
            f"`{PROG} post list --status failed` / `--status needs_check`."
        )
    warnings += storage_warnings(context)
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


def storage_warnings(context: Context) -> list[str]:
    """What keeps the data folder from taking changes. A running engine cannot record that
    itself on a full disk, so the disk is asked here."""
    from desktop_publisher.store.storage_errors import FULL_BELOW_BYTES, free_bytes

    warnings = []
    if context.store.read_only:
        warnings.append(
            f"The data folder {context.data_dir} is read-only: what is shown here cannot change, "
            "and no engine can publish from it. Make it writable to publish again."
        )
    free = free_bytes(context.data_dir)
    if free is not None and free < FULL_BELOW_BYTES:
        warnings.append(
            f"The disk holding the data folder {context.data_dir} is full ({free // 1024} KiB "
            "free): nothing can be saved there, so no post can be published (a post must be "
            "recorded before it is sent). Free some space: publishing carries on by itself, "
            "and posts more than the lateness window late are reported as missed."
        )
    return warnings


def cmd_run(context: Context, args: argparse.Namespace) -> int:
    from desktop_publisher.engine.lock import EngineLock
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.logs import setup_logging

    lock = EngineLock(context.data_dir)
    lock.acquire(owner="desktop-publisher run")
    setup_logging(context.data_dir, console_level=logging.INFO)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        log.info("signal %s received: stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    engine = Engine(context.store, context.credentials)
    try:
        engine.start()
        err(f"Publishing from {context.data_dir}; press Ctrl+C to stop.")
        while not stop.wait(3600):
            pass
    finally:
        engine.stop()
        lock.release()
    return 0


def cmd_gui(context: Context, args: argparse.Namespace) -> int:
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
    return run_app(context.data_dir, args)
