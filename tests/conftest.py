"""Shared fixtures. Every test gets its own data dir and an in-memory keyring."""

from __future__ import annotations

import os

# Before Qt is imported anywhere: with no display Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NamedTuple  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402

from desktop_publisher import cli as cli_module  # noqa: E402
from desktop_publisher.accounts import AccountService  # noqa: E402
from desktop_publisher.credentials import CredentialStore  # noqa: E402
from desktop_publisher.engine.events import EventBus  # noqa: E402
from desktop_publisher.engine.publishing import PublishingService  # noqa: E402
from desktop_publisher.posts import NewPost, PostService  # noqa: E402
from desktop_publisher.store.connection import Store, open_store  # noqa: E402
from desktop_publisher.store.models import Account, ScheduledPost, database_proxy  # noqa: E402
from tests.fakes import fakenet  # noqa: E402,F401  (registers the "fakenet" platform)
from tests.fakes.linkedin import FakeLinkedIn  # noqa: E402
from tests.fakes.server import FakeServer  # noqa: E402
from tests.support.keyrings import MemoryKeyring  # noqa: E402
from tests.support.real_wordpress import wordpress_site  # noqa: E402,F401  (one real site per run)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test may touch the developer's data dir, keyring or real platform endpoints."""
    monkeypatch.setenv("DESKTOP_PUBLISHER_DATA_DIR", str(tmp_path / "data"))
    # Start at login writes under here: never the developer's ~/.config/autostart.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("DESKTOP_PUBLISHER_LINKEDIN_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("DESKTOP_PUBLISHER_GRAPH_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("DP_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyrings.FileKeyring")
    # No image server is allowed unless a test's fake grants itself the allowance (set, not
    # deleted: monkeypatch then removes whatever the test added).
    monkeypatch.setenv("DESKTOP_PUBLISHER_MEDIA_ALLOW", "")
    for name in (
        "LINKEDIN_ACCESS_TOKEN",
        "LINKEDIN_CLIENT_ID",
        "FACEBOOK_ACCESS_TOKEN",
        "FACEBOOK_PAGE_ID",
        "INSTAGRAM_ACCESS_TOKEN",
        "INSTAGRAM_ACCOUNT_ID",
        "WORDPRESS_USERNAME",
        "WORDPRESS_PASSWORD",
        "WORDPRESS_SITE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return backend


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def credentials() -> CredentialStore:
    return CredentialStore()


@pytest.fixture
def accounts(store: Store, credentials: CredentialStore) -> AccountService:
    return AccountService(store, credentials)


@pytest.fixture
def posts(store: Store) -> PostService:
    return PostService(store)


@pytest.fixture
def events() -> EventBus:
    return EventBus()


@pytest.fixture
def service(store: Store, credentials: CredentialStore, events: EventBus) -> PublishingService:
    return PublishingService(store, credentials, events)


@pytest.fixture
def engine(store: Store, credentials: CredentialStore, events: EventBus):  # noqa: ANN201
    """engine(**options) → a started Engine on the test's store; all are stopped afterwards."""
    from desktop_publisher.engine.scheduler import Engine

    engines: list[Engine] = []

    def make(**kwargs: object) -> Engine:
        created = Engine(store, credentials, events, **kwargs)
        engines.append(created)
        created.start()
        return created

    yield make
    for created in engines:
        created.stop()


@pytest.fixture
def linkedin(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLinkedIn]:
    """The fake LinkedIn, with the app pointed at it."""
    fake = FakeLinkedIn()
    monkeypatch.setenv("DESKTOP_PUBLISHER_LINKEDIN_URL", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    server = fakenet.make_fakenet_server()
    yield server
    server.close()


@pytest.fixture
def add_account(accounts: AccountService):  # noqa: ANN201
    def add(
        platform: str,
        name: str,
        settings: dict,
        secret: str = "tok-123456",
        expires: datetime | None = None,
    ) -> Account:
        return accounts.add(platform, name, settings, secret, expires)

    return add


@pytest.fixture
def add_post(posts: PostService):  # noqa: ANN201
    """Create a post for one or more accounts (due now unless `at` is given)."""

    def add(
        account: Account | list[Account],
        text: str = "Hello",
        *,
        title: str | None = None,
        link: str | None = None,
        media: list[str] | None = None,
        extra: dict | None = None,
        at: datetime | None = None,
    ) -> ScheduledPost:
        targets = account if isinstance(account, list) else [account]
        created = posts.create(
            targets,
            NewPost(
                text=text,
                at=at or datetime.now(UTC),
                title=title,
                link=link,
                media=list(media or []),
                extra=dict(extra or {}),
            ),
        )
        return created[0]

    return add


@pytest.fixture
def fakenet_account(add_account, fake_server: FakeServer) -> Account:  # noqa: ANN001
    return add_account("fakenet", "Brand A", {"endpoint": fake_server.url})


def soon(seconds: float = 1.0) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)


class Ran(NamedTuple):
    """What a command run in this process gave: its exit status and what it printed."""

    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def cli(store, capsys, monkeypatch) -> Iterator:  # noqa: ANN001
    """Run the real CLI in this process; `stdin` is what a pipe would give it."""
    hook = threading.excepthook

    def run(*args: str, stdin: str = "") -> Ran:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli_module.main(list(args))
        # The CLI opened (and closed) its own connection; the test's fixtures keep using theirs.
        database_proxy.initialize(store.db)
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    yield run
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_publisher", False):
            root.removeHandler(handler)
            handler.close()
    threading.excepthook = hook
