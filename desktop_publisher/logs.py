"""Logging: a rotating private file in the data dir, every line passed through redaction.

When the file cannot be written (a read-only data folder, no permission, a full disk), the app
goes on: warnings and errors go to the terminal instead, after one line that says why.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_publisher.config import LOG_DIRNAME, ensure_private_dir
from desktop_publisher.redaction import RedactingFilter

LOG_FILENAME = "desktop-publisher.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Creates the file (and every rotated one) readable by the user only."""

    _told = False

    def _open(self):  # noqa: ANN202 - matches the base class
        if not os.path.exists(self.baseFilename):
            fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
            os.close(fd)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A line that cannot be written (the disk filled up) is dropped, said once on the
        terminal rather than with a traceback per line; lines written later get through."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            super().handleError(record)
            return
        if not self._told:
            self._told = True
            _warn(
                f"cannot write to the log file {self.baseFilename} ({exc.strerror or exc}); "
                "log lines are lost until it can be written again."
            )


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def _warn(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # no terminal either
        print(f"warning: {text}", file=sys.stderr, flush=True)


def setup_logging(data_dir: Path, console_level: int | None = None) -> Path | None:
    """File logging at INFO; optionally also the console. Safe to call more than once.

    Returns the log file, or None when it cannot be opened: then warnings and errors go to
    stderr (at `console_level` when that is lower), after one warning line saying so."""
    directory = data_dir / LOG_DIRNAME
    path: Path | None = directory / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_publisher", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = []
    try:
        ensure_private_dir(directory)
        handlers.append(
            PrivateRotatingFileHandler(
                directory / LOG_FILENAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError as exc:
        _warn(
            f"cannot write the log file in {directory} ({exc.strerror or exc}); warnings and "
            "errors go to the terminal instead."
        )
        path = None
        console_level = logging.WARNING if console_level is None else console_level
    if console_level is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(console_level)
        handlers.append(console)
    for handler in handlers:
        handler._desktop_publisher = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Third-party libraries may log request URLs; our filter covers them, but keep them quiet.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    _install_thread_hook()
    return path


def _install_thread_hook() -> None:
    """Exceptions in worker threads reach the log instead of vanishing."""

    def hook(args: threading.ExceptHookArgs) -> None:
        logging.getLogger("desktop_publisher").error(
            "unhandled error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    threading.excepthook = hook
