"""The window's parts alone: the refresh coordinator's merging (bursts into one reload, status
reads one at a time with the asks made meanwhile merged), the fill helper, the one .env reader and
the window's import from an unreadable .env file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_publisher.env_file import read_env_file
from desktop_publisher.errors import UserError
from desktop_publisher.gui.infra.jobs import Jobs
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.window.refresh import RefreshCoordinator


class Recorder:
    """The window's side of the coordinator: what it was asked to do, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.reads: list[tuple[bool, bool]] = []
        self.gate: threading.Event | None = None  # holds a read on its job thread

    def prepare(self, warnings: bool, recount: bool):  # noqa: ANN201
        self.reads.append((warnings, recount))
        gate = self.gate

        def read() -> tuple[bool, bool]:
            if gate is not None and not gate.wait(10):
                raise TimeoutError("the test never released the read")
            return warnings, recount

        return read

    def fail(self, warnings: bool, recount: bool):  # noqa: ANN201
        self.reads.append((warnings, recount))

        def read() -> None:
            raise OSError("disk gone")

        return read


@pytest.fixture
def jobs(qapp):  # noqa: ANN001, ANN201
    runner = Jobs()
    yield runner
    runner.wait(10_000)


def make(recorder: Recorder, jobs: Jobs, prepare=None) -> RefreshCoordinator:  # noqa: ANN001
    return RefreshCoordinator(
        jobs,
        reload=lambda full: recorder.calls.append(("reload", full)),
        rest=lambda full: recorder.calls.append(("rest", full)),
        show_status=lambda: recorder.calls.append(("show", None)),
        prepare_read=prepare or recorder.prepare,
        use_read=lambda result: recorder.calls.append(("used", result)),
    )


def test_a_burst_of_status_events_makes_one_reload_of_statuses_only(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    coordinator = make(recorder, jobs)
    for _ in range(50):
        coordinator.schedule_statuses()
    qtbot.waitUntil(lambda: ("rest", False) in recorder.calls)
    assert recorder.calls == [("reload", False), ("rest", False)]


def test_one_full_ask_in_a_burst_makes_the_one_reload_full(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    coordinator = make(recorder, jobs)
    coordinator.schedule_statuses()
    coordinator.schedule_full()
    coordinator.schedule_statuses()
    qtbot.waitUntil(lambda: any(name == "rest" for name, _ in recorder.calls))
    assert recorder.calls == [("reload", True), ("rest", True)]
    # The next burst starts afresh: statuses only.
    coordinator.schedule_statuses()
    qtbot.waitUntil(lambda: len(recorder.calls) == 4)
    assert recorder.calls[2:] == [("reload", False), ("rest", False)]


def test_the_rest_runs_on_a_later_turn_of_the_event_loop(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    coordinator = make(recorder, jobs)
    coordinator.refresh_now(full=False)
    assert recorder.calls == [("reload", False)]
    qtbot.waitUntil(lambda: len(recorder.calls) == 2)
    assert recorder.calls[1] == ("rest", False)


def test_status_reads_run_one_at_a_time_and_merge_the_asks_made_meanwhile(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    recorder.gate = threading.Event()
    coordinator = make(recorder, jobs)
    coordinator.read_status(warnings=False, recount=False)
    # Asked three times while the first read is held: one more read, with all they asked for.
    coordinator.read_status(warnings=True, recount=False)
    coordinator.read_status(warnings=False, recount=True)
    coordinator.read_status(warnings=False, recount=False)
    assert coordinator.reading and recorder.reads == [(False, False)]
    recorder.gate.set()
    qtbot.waitUntil(lambda: not coordinator.reading and len(recorder.reads) == 2)
    qtbot.waitUntil(lambda: ("used", (True, True)) in recorder.calls)
    assert recorder.reads == [(False, False), (True, True)]
    used = [value for name, value in recorder.calls if name == "used"]
    assert used == [(False, False), (True, True)]
    # Every ask showed what it could at once; the last read's end shows it once more.
    assert [name for name, _ in recorder.calls].count("show") == 4 + 1 + 1


def test_a_failed_read_lets_the_next_ask_read_again(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    coordinator = make(recorder, jobs, prepare=recorder.fail)
    coordinator.read_status(warnings=True)
    qtbot.waitUntil(lambda: not coordinator.reading)
    coordinator.read_status(warnings=True)
    assert len(recorder.reads) == 2
    qtbot.waitUntil(lambda: not coordinator.reading)


def test_stop_leaves_no_refresh_due(qtbot, jobs) -> None:  # noqa: ANN001
    recorder = Recorder()
    coordinator = make(recorder, jobs)
    coordinator.schedule_full()
    coordinator.stop()
    assert not coordinator.refresh_timer.isActive() and not coordinator.rest_timer.isActive()


def test_fill_replaces_placeholders_in_one_pass() -> None:
    assert fill("%1 on %2", "Brand %2", "Facebook") == "Brand %2 on Facebook"
    assert fill("Post %1 is %2.", 7, "failed") == "Post 7 is failed."
    assert fill("%1 and %3", "a") == "a and %3"


def test_the_env_reader_reads_values_and_names_an_unreadable_file(tmp_path: Path) -> None:
    env_file = tmp_path / "old.env"
    env_file.write_text("LINKEDIN_ACCESS_TOKEN=abc\nEMPTY\n", encoding="utf-8")
    assert read_env_file(env_file) == {"LINKEDIN_ACCESS_TOKEN": "abc"}
    # A file whose reading fails (as a broken disk's would): the kernel refuses to read a
    # process's memory at offset 0, even for root.
    with pytest.raises(UserError, match=r"^\.env file: /proc/self/mem cannot be read \(") as raised:
        read_env_file("/proc/self/mem")
    assert raised.value.rule is not None and raised.value.context == "Error"


def test_the_window_says_when_a_chosen_env_file_cannot_be_read(
    qtbot,
    ctx,
    tmp_path,
    monkeypatch,  # noqa: ANN001
) -> None:
    from desktop_publisher.gui.window import env_import, main_window

    monkeypatch.setattr(env_import, "ask_env_source", lambda _parent: "/proc/self/mem")
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    window.import_from_environment()
    qtbot.waitUntil(lambda: bool(window.message_boxes))
    assert "/proc/self/mem cannot be read" in window.message_boxes[0].text()
