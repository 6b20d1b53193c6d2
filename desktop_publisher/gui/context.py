"""What every window and dialog is given (passed in, never fetched from a global)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_publisher.accounts import AccountService
from desktop_publisher.credentials import CredentialStore
from desktop_publisher.posts import PostService
from desktop_publisher.store.connection import Store

if TYPE_CHECKING:
    from desktop_publisher.engine.scheduler import Engine
    from desktop_publisher.gui.infra.bridge import EngineBridge
    from desktop_publisher.gui.infra.jobs import Jobs
    from desktop_publisher.gui.notifications import Notifier


@dataclass
class AppContext:
    data_dir: Path
    store: Store
    credentials: CredentialStore
    accounts: AccountService
    posts: PostService
    bridge: EngineBridge
    jobs: Jobs
    notifier: Notifier
    # None when another process (a headless `run`) publishes for this data dir.
    engine: Engine | None = None
    engine_owner: str | None = None

    def notify_changed(self) -> None:
        """Tell the engine that posts changed here, so it plans them now."""
        if self.engine is not None:
            self.engine.notify_changed()
        self.bridge.postsChanged.emit()
