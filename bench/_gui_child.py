"""Started by bench_gui.py in a fresh process: show a window, say when it is painted, quit.

    python bench/_gui_child.py app    # the real app (desktop_publisher.cli main → run_app)
    python bench/_gui_child.py bare   # a bare PySide6 main window of the same size

Prints one line "painted <RSS in MB>" once the main window's first paint has completed (the
first paint event of a widget in a QMainWindow, then the rest of that event-loop turn), then
exits the event loop. The data dir, keyring and Qt platform come from the environment
(bench/_common.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and isinstance(obj.window(), QMainWindow)
        ):
            self.seen = True
            # After the rest of this paint pass: the whole window has been drawn.
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        rss_kb = 0
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss_kb = int(line.split()[1])
        print(f"painted {rss_kb / 1024:.1f}", flush=True)
        # The first paint may come before app.exec() runs (a nested event loop during start-up),
        # and exit() does nothing without a running loop: keep asking until it takes. (Not quit():
        # that asks the window, which may keep running in the tray or ask the user.)
        self.quitter = QTimer()
        self.quitter.timeout.connect(lambda: self.app.exit(0))
        self.quitter.start(20)


def main() -> int:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("Bare")
        window.setCentralWidget(QWidget())
        window.resize(1280, 800)
        window.show()
        return app.exec()
    from desktop_publisher.cli import main as cli_main

    return cli_main(["gui"])


if __name__ == "__main__":
    raise SystemExit(main())
