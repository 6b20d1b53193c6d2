"""Started by _start_timer.py in a fresh process: show a window, say when it is painted, quit.

    python bench/_gui_child.py app    # the real app (desktop_publisher.cli main → run_app)
    python bench/_gui_child.py bare   # a bare PySide6 main window of the same size
    python bench/_gui_child.py floor  # the bare window after what the app cannot start without

"floor" is the bare window plus what the app's window needs before it can paint its data, with
none of the app's own code: the Python types of Qt's `Qt` namespace and of QStyle (every widget
alignment and every item view's painting read them: 104 enums, ~1,800 members) and peewee (the
store). It shows how much of the app's start no work in the app can remove.

Prints one line "painted <RSS in MB>" once the main window's first paint has completed (the
main window's first paint event, then the rest of that event-loop turn: the same paint pass draws
its children), then exits the event loop.

The app starts as `desktop-publisher` starts it: nothing of Qt is imported before the app imports
it (the app creates its QApplication and decides what loads before PySide6 — which matters, as
PySide6 inspects every module named in an import statement after it). The watcher is put in
place right after the app's own first import of QtWidgets. The bare and floor windows import
PySide6 first, as any PySide6 program does.

The paint is watched by an event filter on the main window alone, put in place when the window is
shown. Not by a filter on the whole application: that would bring every event of every widget
into Python, and making a Python object for each widget that sends one creates its Python type and
all that type's enums, which costs a window of many widgets tens of milliseconds that a user
never pays (the app itself filters only its window's events). The data dir, keyring and Qt
platform come from the environment (bench/_common.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import importlib.abc  # noqa: E402
import importlib.machinery  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

# Qt.EventPriority.HighEventPriority. Spelled as a number: naming `Qt` would make this process
# build the Qt namespace's Python type and its 93 enums (~14 ms), a cost the bare window must not
# carry when the app does not need it before its first paint.
HIGH_EVENT_PRIORITY = 1


def watch_first_paint() -> None:
    """Print "painted" after the first paint of the first QMainWindow shown, then quit."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                # After the rest of this paint pass (the window's children are drawn in it),
                # and before anything the app itself queued for after its first paint (the
                # engine's start): a posted event of high priority is delivered before those.
                QCoreApplication.postEvent(self, QEvent(QEvent.Type.User), HIGH_EVENT_PRIORITY)
            return False

        def customEvent(self, event: QEvent) -> None:  # noqa: N802
            if event.type() == QEvent.Type.User:
                self.done()

        def done(self) -> None:
            rss_kb = 0
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        rss_kb = int(line.split()[1])
            print(f"painted {rss_kb / 1024:.1f}", flush=True)
            # The first paint may come before app.exec() runs (a nested event loop during
            # start-up), and exit() does nothing without a running loop: keep asking until it
            # takes. (Not quit(): that asks the window, which may keep running in the tray or
            # ask the user.)
            self.quitter = QTimer()
            self.quitter.timeout.connect(lambda: QApplication.instance().exit(0))
            self.quitter.start(20)

    watcher = FirstPaint()
    show = QMainWindow.show

    def show_watched(window: QMainWindow) -> None:
        window.installEventFilter(watcher)
        show(window)

    # Both the bare window and the app's MainWindow (a subclass) are shown through this.
    QMainWindow.show = show_watched  # type: ignore[method-assign]


class _WatchWhenQtWidgetsLoads(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Puts the watcher in place right after the app's own first import of QtWidgets, so the
    app starts with nothing of Qt imported beforehand, as `desktop-publisher` does."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        self.real = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.real.exec_module(module)
        sys.modules[module.__name__] = module
        watch_first_paint()


def main() -> int:
    mode = sys.argv[1]
    if mode == "app":
        sys.meta_path.insert(0, _WatchWhenQtWidgetsLoads())
        from desktop_publisher.cli import main as cli_main

        return cli_main(["gui"])
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    watch_first_paint()
    app = QApplication(sys.argv[:1])
    if mode == "floor":
        import peewee  # noqa: F401
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle

        _types = (Qt.AlignmentFlag, QStyle.StateFlag)  # made when first read, as in the app
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.setCentralWidget(QWidget())
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
