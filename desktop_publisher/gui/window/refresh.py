"""When the window reads again: one reload per burst of engine events, in steps with the event
loop turning between them, and the status line's slow reads on a job thread, one at a time.

The coordinator decides only *when* and *how much*; what a step reads and shows is the window's
(callbacks given at construction), so the timing rules can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer

# Engine events arrive in bursts (50 posts published at 09:00): one reload per burst.
REFRESH_MS = 120
# The steps of a refresh run on timers this far apart rather than back to back, so a timer that
# is due in between (a repaint, an animation) runs between them instead of after all of them.
STEP_MS = 1


class JobRunner(Protocol):
    def run(self, fn: Callable[..., Any], *args: Any, **callbacks: Any) -> None: ...


@dataclass(frozen=True)
class SlowRead:
    """What a job-thread read of the status line's data includes."""

    warnings: bool  # the accounts' token warnings
    recount: bool  # the range's count

    def merged(self, other: SlowRead | None) -> SlowRead:
        if other is None:
            return self
        return SlowRead(self.warnings or other.warnings, self.recount or other.recount)


class RefreshCoordinator(QObject):
    """Merges refresh requests into one reload and status reads into one read at a time.

    - `reload(full)`: the first step (the queue), on the GUI thread;
    - `rest(full)`: the later step (calendar, status reads), on a later turn of the event loop;
    - `show_status()`: what the status line shows without the slow reads, at each ask;
    - `prepare_read(warnings, recount)`: on the GUI thread, the function a job thread runs for the
      slow reads (it captures what it needs now); `use_read(result)` takes its result back.
    """

    def __init__(
        self,
        jobs: JobRunner,
        reload: Callable[[bool], None],
        rest: Callable[[bool], None],
        show_status: Callable[[], None],
        prepare_read: Callable[[bool, bool], Callable[[], Any]],
        use_read: Callable[[Any], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._reload = reload
        self._rest = rest
        self._show_status = show_status
        self._prepare_read = prepare_read
        self._use_read = use_read
        # The next refresh reads everything (drafts, token warnings); engine events alone only
        # change posts' statuses, and a refresh for them reads just what that can change.
        self._full_refresh = False
        # The second step (calendar, status line) reads everything too.
        self._second_step_full = False
        self.reading = False  # the slow reads are running on a job thread
        # Another read asked for meanwhile, with everything those asks wanted.
        self._read_again: SlowRead | None = None

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self._refresh_due)
        self.rest_timer = QTimer(self)
        self.rest_timer.setSingleShot(True)
        self.rest_timer.setInterval(STEP_MS)
        self.rest_timer.timeout.connect(self._refresh_rest)

    def schedule_full(self) -> None:
        """Read everything again soon: anything may have changed."""
        self._full_refresh = True
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def schedule_statuses(self) -> None:
        """Read again soon what a post's status change can change (unless more is due already)."""
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def refresh_now(self, full: bool = True) -> None:
        """The first step now, the rest on a later turn of the event loop (a timer, not a posted
        call, so a due repaint runs in between)."""
        self.refresh_timer.stop()
        self._full_refresh = False
        self._second_step_full = self._second_step_full or full
        self._reload(full)
        self.rest_timer.start()

    def _refresh_due(self) -> None:
        self.refresh_now(full=self._full_refresh)

    def _refresh_rest(self) -> None:
        full, self._second_step_full = self._second_step_full, False
        self._rest(full)

    def read_status(self, warnings: bool, recount: bool = False) -> None:
        """What can be shown now, then the slow reads on a job thread: one read at a time; asks
        made meanwhile make one more afterwards, with everything they asked for."""
        self._show_status()
        if self.reading:
            self._read_again = SlowRead(warnings, recount).merged(self._read_again)
            return
        self.reading = True
        self._jobs.run(
            self._prepare_read(warnings, recount),
            on_done=self._read_finished,
            on_error=self._read_ended,
        )

    def _read_finished(self, result: Any) -> None:
        self._use_read(result)
        if not self._read_ended():
            self._show_status()  # (a read asked for meanwhile has just shown it)

    def _read_ended(self, _error: Exception | None = None) -> bool:
        """The read ended, or failed: one more if asked for meanwhile (True then)."""
        self.reading = False
        again, self._read_again = self._read_again, None
        if again is None:
            return False
        self.read_status(again.warnings, again.recount)
        return True

    def stop(self) -> None:
        """Closing for good: no late step may read a store that is being closed."""
        self.refresh_timer.stop()
        self.rest_timer.stop()
