"""Logging: a rotating private file in the data dir, every line passed through redaction."""

from __future__ import annotations

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

    def _open(self):  # noqa: ANN202 - matches the base class
        if not os.path.exists(self.baseFilename):
            fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
            os.close(fd)
        return super()._open()


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIRNAME / LOG_FILENAME


def setup_logging(data_dir: Path, console_level: int | None = None) -> Path:
    """File logging at INFO; optionally also the console. Safe to call more than once."""
    directory = ensure_private_dir(data_dir / LOG_DIRNAME)
    path = directory / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_publisher", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
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
