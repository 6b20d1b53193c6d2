"""The one place that wires the window: store, keyring, engine, bridge, tray, single instance."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_publisher import APP_ID, APP_NAME
from desktop_publisher.accounts import AccountService
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine.events import EventBus
from desktop_publisher.engine.lock import EngineAlreadyRunning, EngineLock, describe_owner
from desktop_publisher.engine.scheduler import Engine
from desktop_publisher.errors import StoreError
from desktop_publisher.gui import i18n, icons, pyside_fixes, single_instance
from desktop_publisher.gui.bridge import EngineBridge
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.jobs import Jobs
from desktop_publisher.gui.notifications import Notifier
from desktop_publisher.logs import setup_logging
from desktop_publisher.posts import PostService
from desktop_publisher.store.connection import Store, open_store

if TYPE_CHECKING:
    from desktop_publisher.gui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Running:
    """What run_app keeps alive and takes down, in order."""

    context: AppContext
    lock: EngineLock | None


def create_context(
    data_dir: Path,
    store: Store,
    credentials: CredentialStore | None = None,
    with_engine: bool = True,
) -> tuple[AppContext, EngineLock | None]:
    """Build the context; take the engine lock unless a headless engine already has it."""
    credentials = credentials or CredentialStore()
    events = EventBus()
    bridge = EngineBridge(events)
    jobs = Jobs()
    notifier = Notifier(
        notify_success=bool(store.settings.get("notify_success")),
        notify_failure=bool(store.settings.get("notify_failure")),
    )
    bridge.event.connect(notifier.on_event)
    engine = None
    lock = None
    owner = None
    if with_engine:
        lock = EngineLock(data_dir)
        try:
            lock.acquire(owner="window")
        except EngineAlreadyRunning:
            lock = None
            owner = describe_owner(data_dir).strip(" ()") or "another process"
            log.info("another engine publishes for %s: %s", data_dir, owner)
        else:
            engine = Engine(store, credentials, events)
    context = AppContext(
        data_dir=data_dir,
        store=store,
        credentials=credentials,
        accounts=AccountService(store, credentials),
        posts=PostService(store),
        bridge=bridge,
        jobs=jobs,
        notifier=notifier,
        engine=engine,
        engine_owner=owner,
    )
    return context, lock


def run_app(data_dir: Path, args: argparse.Namespace | None = None) -> int:
    pyside_fixes.install()  # before any signal is emitted from Python
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(icons.app_icon())

    name = single_instance.server_name(data_dir)
    if single_instance.forward(name, "show"):
        return 0  # the running window came forward
    instance = single_instance.SingleInstance(name)

    setup_logging(data_dir)
    try:
        store = open_store(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    i18n.install(app, str(store.settings.get("language") or ""))

    from desktop_publisher.gui.main_window import MainWindow
    from desktop_publisher.gui.tray import TrayController

    context, lock = create_context(data_dir, store)
    window = MainWindow(context)
    tray = TrayController(context, window)
    instance.messageReceived.connect(lambda message: _forwarded(window, message))
    stop_on_signals = _quit_on_signals(app)
    if context.engine is not None:
        context.engine.start()
    if store.settings.get("start_minimized") and tray.available():
        tray.show_minimized_hint()
    else:
        window.show()
    from desktop_publisher.gui.keyring_dialog import check_keyring

    check_keyring(context, window)  # a locked or missing keyring is explained, with Retry
    try:
        return app.exec()
    finally:
        stop_on_signals()
        shutdown(Running(context, lock))
        instance.close()


def _forwarded(window: MainWindow, message: str) -> None:
    log.info("a second launch asked for the window (%s)", message)
    window.bring_forward()


def _quit_on_signals(app: QApplication) -> Callable[[], None]:
    """Quit cleanly (engine stopped, lock released) on SIGTERM/SIGINT, e.g. at logout.

    Python only runs signal handlers between bytecodes, which never happens while Qt's event loop
    waits; the C-level handler writes to a socket that Qt watches instead, so nothing polls.
    """
    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGTERM, signal.SIGINT)}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("asked to stop by a signal: quitting")
        # exit(), not quit(): quit() first asks the windows, and a window that keeps running in
        # the tray says no.
        app.exit(0)

    notifier.activated.connect(woken)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reader.close()
        writer.close()

    return restore


def shutdown(running: Running) -> None:
    context = running.context
    if context.engine is not None:
        # Lets a publish call in flight finish and record its outcome.
        context.engine.stop(wait=True)
    context.jobs.wait(10_000)
    context.bridge.close()
    if running.lock is not None:
        running.lock.release()
    context.store.close()
