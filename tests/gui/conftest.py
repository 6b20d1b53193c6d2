"""GUI fixtures: one QApplication for the session (pytest-qt), an AppContext per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_publisher.gui.app import Running, create_context, shutdown
from desktop_publisher.gui.context import AppContext


@pytest.fixture
def make_ctx(qapp, data_dir, store, credentials):  # noqa: ANN001, ANN201
    """Build an AppContext; with_engine=True also starts the in-process engine."""
    made: list[Running] = []

    def make(with_engine: bool = False) -> AppContext:
        context, lock = create_context(data_dir, store, credentials, with_engine=with_engine)
        made.append(Running(context, lock))
        if context.engine is not None:
            context.engine.start()
        return context

    yield make
    for running in made:
        if running.context.engine is not None:
            running.context.engine.stop(wait=True)
        running.context.jobs.wait(10_000)
        running.context.bridge.close()
        if running.lock is not None:
            running.lock.release()


@pytest.fixture
def ctx(make_ctx) -> Iterator[AppContext]:  # noqa: ANN001
    """A context without an engine: for widgets that only read and write the store."""
    yield make_ctx(with_engine=False)


@pytest.fixture
def engine_ctx(make_ctx) -> Iterator[AppContext]:  # noqa: ANN001
    """A context with the engine running in this process (like the real window)."""
    yield make_ctx(with_engine=True)


def shutdown_context(running: Running) -> None:
    shutdown(running)
