"""The one place that wires the window: store, keyring, engine, bridge, tray, single instance.

The window is shown first: taking the engine lock, building the engine (APScheduler), starting
it (crash reconciliation, the first due pass), probing the keyring and the cyclic garbage
collector wait for the window's first paint, so start-up costs what the user sees and no more.
Until then the window talks to a DeferredEngine.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_publisher import APP_ID, APP_NAME, prefetch
from desktop_publisher.accounts import AccountService
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.engine.events import EngineEvent, EventBus, EventKind
from desktop_publisher.errors import StoreError
from desktop_publisher.gui.context import AppContext
from desktop_publisher.gui.infra import icons, single_instance
from desktop_publisher.gui.infra.bridge import EngineBridge
from desktop_publisher.gui.infra.jobs import Jobs
from desktop_publisher.gui.notifications import Notifier
from desktop_publisher.gui.text import i18n
from desktop_publisher.logs import setup_logging
from desktop_publisher.posts import PostService
from desktop_publisher.store.connection import Store, open_store

if TYPE_CHECKING:
    from desktop_publisher.engine.lock import EngineLock
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# When the window's first paint does not come (hidden, minimised, no compositor), start anyway.
START_FALLBACK_MS = 1000


class DeferredEngine:
    """The window's engine until `start()` takes the engine lock and builds and starts the real
    one.

    Until then it reports the state the engine is about to have ("running", or "paused" when
    paused meanwhile: the engine then starts paused), and a change made in the window needs no
    nudge (the start's first due pass reads everything). Anything else (publish now, what tests
    inspect) starts the engine at once and goes to it, so nothing behaves differently.

    `start()` raises EngineAlreadyRunning when another process (a headless `run`) holds the
    lock; `start_engine` then tells the window that this process publishes elsewhere. The lock
    may be taken beforehand on another thread (`take_lock`); everything else happens on the GUI
    thread.
    """

    def __init__(self, build: Callable[[], Engine], events: EventBus, data_dir: Path) -> None:
        self._build = build
        self._events = events
        self._data_dir = data_dir
        self._locking = threading.Lock()  # `take_lock` from a job thread and from `start`
        self._lock: EngineLock | None = None
        self._elsewhere: Exception | None = None  # the answer when another process had it
        self._engine: Engine | None = None
        self._paused = False
        self._stopped = False

    @property
    def started(self) -> bool:
        return self._engine is not None

    def take_lock(self) -> None:
        """Take the engine lock, once, from any thread. It may wait up to half a second for a
        command-line probe, so the window's start does this on a job thread. Raises
        EngineAlreadyRunning (every time) when another process holds it."""
        with self._locking:
            if self._lock is not None:
                return
            if self._elsewhere is not None:
                raise self._elsewhere
            if self._stopped:
                raise RuntimeError("the engine was stopped before it started")
            from desktop_publisher.engine.lock import EngineAlreadyRunning, EngineLock

            lock = EngineLock(self._data_dir)
            try:
                lock.acquire(owner="window")
            except EngineAlreadyRunning as exc:
                self._elsewhere = exc
                raise
            self._lock = lock

    def start(self) -> Engine:
        if self._engine is None:
            if self._stopped:
                raise RuntimeError("the engine was stopped before it started")
            self.take_lock()  # at once when the window's start took it already
            engine = self._build()
            if self._paused:
                engine.pause()
            engine.start()
            self._engine = engine
        return self._engine

    @property
    def state(self) -> str:
        if self._engine is not None:
            return self._engine.state
        if self._stopped:
            return "stopped"
        return "paused" if self._paused else "running"

    def _state_changed(self) -> None:
        self._events.emit(EngineEvent(EventKind.ENGINE_STATE, status=self.state))

    def announce_elsewhere(self) -> None:
        """Tell every listener that the engine state changed (it runs in another process)."""
        self._events.emit(EngineEvent(EventKind.ENGINE_STATE, status="elsewhere"))

    def pause(self) -> None:
        if self._engine is not None:
            self._engine.pause()
        else:
            self._paused = True
            self._state_changed()

    def resume(self) -> None:
        if self._engine is not None:
            self._engine.resume()
        else:
            self._paused = False
            self._state_changed()

    def notify_changed(self) -> None:
        if self._engine is not None:
            self._engine.notify_changed()

    def publish_now(self, post_id: int) -> Future:
        return self.start().publish_now(post_id)

    def stop(self, wait: bool = True) -> None:
        if self._engine is not None:
            self._engine.stop(wait=wait)
        with self._locking:  # a job thread taking the lock meanwhile finishes first, or not at all
            if self._engine is None:
                self._stopped = True  # never to start now
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # never start an engine for copy/pickle probes
            raise AttributeError(name)
        return getattr(self.start(), name)


class _FirstPaint(QObject):
    """Calls `then` once, on the event-loop turn after `window` was first painted (or after
    START_FALLBACK_MS when it is not painted by then)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start(START_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            # After the rest of this paint pass: the whole window is on screen first.
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._fallback.stop()
        self._window.removeEventFilter(self)
        then()


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
    defer_engine: bool = False,
) -> tuple[AppContext, EngineLock | None]:
    """Build the context; take the engine lock unless a headless engine already has it.

    With `defer_engine` the context holds a DeferredEngine: nothing imported, built or locked
    yet, and no lock is returned (the DeferredEngine takes and releases it)."""
    credentials = credentials or CredentialStore()
    events = EventBus()
    bridge = EngineBridge(events)
    jobs = Jobs()
    notifier = Notifier(
        notify_success=bool(store.settings.get("notify_success")),
        notify_failure=bool(store.settings.get("notify_failure")),
    )
    bridge.event.connect(notifier.on_event)
    engine: Engine | DeferredEngine | None = None
    lock = None
    owner = None

    def build() -> Engine:
        from desktop_publisher.engine.scheduler import Engine  # APScheduler: ~60 ms

        return Engine(store, credentials, events)

    if with_engine and defer_engine:
        engine = DeferredEngine(build, events, data_dir)
    elif with_engine:
        from desktop_publisher.engine.lock import EngineAlreadyRunning, EngineLock

        lock = EngineLock(data_dir)
        try:
            lock.acquire(owner="window")
        except EngineAlreadyRunning:
            lock = None
            owner = _owner(data_dir)
        else:
            engine = build()
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


def _owner(data_dir: Path) -> str:
    from desktop_publisher.engine.lock import describe_owner

    owner = describe_owner(data_dir).strip(" ()") or "another process"
    log.info("another engine publishes for %s: %s", data_dir, owner)
    return owner


def _prepare_engine(engine: DeferredEngine) -> None:
    """Runs on a job thread: the engine's modules (APScheduler ~50 ms, filelock ~10 ms) and the
    engine lock (which may wait for a command-line probe)."""
    import desktop_publisher.engine.scheduler  # noqa: F401

    engine.take_lock()


def start_engine(context: AppContext, on_failure: Callable[[Exception], None]) -> None:
    """Start a DeferredEngine (after the window's first paint). Its modules load and its lock
    is taken on a job thread, so the window answers meanwhile; building and starting it then
    take ~10 ms on this one. When another process holds the engine lock, the window and tray
    from now on show that process as the one publishing. Any other failure goes to
    `on_failure`."""
    engine = context.engine
    if not isinstance(engine, DeferredEngine):
        return

    def start_now(_loaded: object = None) -> None:
        from desktop_publisher.engine.lock import EngineAlreadyRunning

        if engine.started or engine.state == "stopped":
            return  # started meanwhile (publish now), or the app is quitting
        try:
            engine.start()
        except EngineAlreadyRunning:
            engine.stop(wait=False)  # never to start later (a stray call would raise)
            context.engine = None
            context.engine_owner = _owner(context.data_dir)
            engine.announce_elsewhere()
        except Exception as exc:
            on_failure(exc)

    # A failure there is met again by the start, which then reports it (or, for the lock held
    # by another process, shows that).
    context.jobs.run(_prepare_engine, engine, on_done=start_now, on_error=start_now)


def run_app(data_dir: Path, args: argparse.Namespace | None = None) -> int:
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
        from PySide6.QtWidgets import QMessageBox

        from desktop_publisher.gui.text.problems import error_text

        i18n.install(app)  # the system's language: the setting is in the database
        QMessageBox.critical(None, APP_NAME, error_text(exc))
        instance.close()
        return 1
    i18n.install(app, str(store.settings.get("language") or ""))

    from desktop_publisher.gui.tray import TrayController
    from desktop_publisher.gui.window.main_window import MainWindow

    context, lock = create_context(data_dir, store, defer_engine=True)
    window = MainWindow(context)
    tray = TrayController(context, window)
    instance.messageReceived.connect(lambda message: _forwarded(window, message))
    stop_on_signals = _quit_on_signals(app)
    failures: list[Exception] = []

    def failed(exc: Exception) -> None:  # as before the window waited for it: the app stops
        failures.append(exc)
        app.exit(1)

    def start_background() -> None:
        try:
            after_first_paint(context, window, failed)
        except Exception as exc:
            failed(exc)

    minimized = bool(store.settings.get("start_minimized")) and tray.available()
    if minimized:
        tray.show_minimized_hint()
        QTimer.singleShot(0, start_background)
    else:
        window.show()
        _FirstPaint(window, start_background)
    try:
        code = app.exec()
    finally:
        stop_on_signals()
        shutdown(Running(context, lock))
        instance.close()
    if failures:
        raise failures[0]  # reported by the command line like any unexpected error
    return code


def after_first_paint(
    context: AppContext, window: QWidget, on_failure: Callable[[Exception], None]
) -> None:
    """What waits for the window's first paint: the collector (off since `cli.main`), the
    engine, the keyring check. An engine that cannot start goes to `on_failure` (the app then
    stops)."""
    from desktop_publisher.gui.dialogs.keyring_dialog import check_keyring

    # What the start made lives as long as the app: frozen, later collections skip it.
    gc.freeze()
    gc.enable()
    start_engine(context, on_failure)
    # What this start read, for the next one to read ahead (see prefetch).
    context.jobs.run(prefetch.record, context.data_dir)
    check_keyring(context, window)  # a locked or missing keyring is explained, with Retry


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
        # Lets a publish call in flight finish and record its outcome, for a few seconds at
        # most whatever the network does (engine/lanes.py).
        context.engine.stop(wait=True)
    http = sys.modules.get("desktop_publisher.platforms.http")
    if http is not None:
        http.abort_calls()  # a connection test or an account's first read, still waiting
    context.jobs.wait(10_000)
    context.bridge.close()
    if running.lock is not None:
        running.lock.release()
    context.store.close()
