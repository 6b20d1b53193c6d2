"""The command line (its contract: README.md, "The command line"). No Qt is imported unless `gui`
is asked for.

parser.py holds the grammar; accounts.py, posts.py and engine.py the commands; output.py what
they print; context.py the data folder and the services a command opens from it.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_publisher import config
from desktop_publisher.cli.accounts import cmd_account_list
from desktop_publisher.cli.context import Context
from desktop_publisher.cli.engine import cmd_gui, cmd_run, cmd_status
from desktop_publisher.cli.output import PROG, StdoutClosed, err, error_text
from desktop_publisher.cli.parser import UsageError, build_parser
from desktop_publisher.cli.posts import cmd_post_list, cmd_post_show
from desktop_publisher.errors import UserError
from desktop_publisher.redaction import redact

log = logging.getLogger("desktop_publisher.cli")
SECRET_OPTION = re.compile(r"^--?[\w-]*(token|password|passwd|secret|api-?key)[\w-]*(=.*)?$", re.I)


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
        context = Context(data_dir, read_only=fn in READ_ONLY_COMMANDS)
        from desktop_publisher.store.connection import ensure_data_dir

        ensure_data_dir(context.data_dir)
        if fn is not cmd_run:
            from desktop_publisher.logs import setup_logging

            setup_logging(context.data_dir)
        try:
            return fn(context, args)
        finally:
            context.close()
    except UserError as exc:
        err(f"{PROG}: error: {redact(error_text(exc))}")
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
