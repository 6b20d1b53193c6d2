"""Storage: pragmas, private files, migrations from every older version, damaged files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_publisher.errors import StoreError
from desktop_publisher.store import migrations, queries
from desktop_publisher.store.connection import open_store
from desktop_publisher.store.migrations import Migration
from desktop_publisher.store.models import (
    Account,
    ContentVariant,
    PublishAttempt,
    ScheduledPost,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_fixture(version: int, data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "publisher.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"db_v{version}.sql").read_text())
    conn.close()
    return path


def fixture_versions() -> list[int]:
    return sorted(int(p.stem.split("_v")[1]) for p in FIXTURES.glob("db_v*.sql"))


def test_a_fixture_exists_for_every_version():
    assert set(range(1, migrations.latest_version() + 1)) <= set(fixture_versions())


def test_new_database_is_private_wal_with_foreign_keys(store, data_dir):
    path = data_dir / "publisher.db"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert data_dir.stat().st_mode & 0o777 == 0o700
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert migrations.current_version(sqlite3.connect(path)) == migrations.latest_version()


def test_due_query_uses_the_status_due_index(store):
    plan = store.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM scheduled_post WHERE status='queued' AND due_at <= ?",
        ("2026-01-01",),
    ).fetchall()
    assert "scheduled_post_status_due" in " ".join(str(row) for row in plan)


def test_token_warning_count_reads_the_account_index_alone(store, add_account):
    """accounts.expiry_warnings counts an account's pending posts due after its token expires,
    on every refresh of the window's status line: from the index alone (schema 3)."""
    from desktop_publisher.accounts import PENDING, ScheduledPost

    account = add_account("linkedin", "Brand A", {})
    query = ScheduledPost.select(ScheduledPost.id).where(
        (ScheduledPost.account == account)
        & ScheduledPost.status.in_(PENDING)
        & (ScheduledPost.due_at > datetime(2026, 1, 1, tzinfo=UTC))
    )
    sql, params = query.sql()
    plan = " ".join(str(row) for row in store.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "COVERING INDEX scheduled_post_account_status_due" in plan


@pytest.mark.parametrize("version", fixture_versions())
def test_upgrade_from_fixture_keeps_every_row(version, data_dir):
    load_fixture(version, data_dir)
    store = open_store(data_dir)
    try:
        assert migrations.current_version(sqlite3.connect(store.path)) == (
            migrations.latest_version()
        )
        assert {a.name for a in Account.select()} == {"Brand A", "Blog"}
        published = ScheduledPost.get(ScheduledPost.status == "published")
        assert published.url == "https://blog.example/launch"
        assert PublishAttempt.select().count() == 1
        assert ContentVariant.get(ContentVariant.platform == "wordpress").extra == {
            "categories": ["News"]
        }
        assert store.settings.get("lateness_window_minutes") == 45
    finally:
        store.close()


def test_upgrade_from_v4_keeps_the_rows_and_adds_the_failure_details(data_dir):
    """Schema 5: beside each English failure, its words for the window (JSON); NULL for the
    rows written before, and the rows themselves unchanged."""
    path = load_fixture(4, data_dir)
    conn = sqlite3.connect(path)
    before = {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("account", "scheduled_post", "publish_attempt")
    }
    conn.close()
    store = open_store(data_dir)
    try:
        for table, rows in before.items():
            after = store.db.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall()
            assert [row[: len(rows[0])] for row in after] == rows
            assert {row[-1] for row in after} == {None}  # the new column, last
        detail = {"english": "Boom.", "message": {"rule": "Boom.", "context": "Error"}}
        ScheduledPost.update(last_error="Boom.", last_error_detail=detail).execute()
        PublishAttempt.update(error_detail=detail).execute()
        Account.update(last_check_detail=detail).execute()
        assert {p.last_error_detail["english"] for p in ScheduledPost.select()} == {"Boom."}
        assert PublishAttempt.get().error_detail == detail
        assert Account.get(Account.name == "Blog").last_check_detail == detail
    finally:
        store.close()


def test_migration_backs_up_then_applies_in_a_transaction(data_dir, monkeypatch):
    path = load_fixture(1, data_dir)

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute('ALTER TABLE "account" ADD COLUMN "colour" TEXT')
        conn.execute("UPDATE account SET colour = 'blue'")

    nxt = migrations.latest_version() + 1
    steps = [*migrations.MIGRATIONS, Migration(nxt, "account colour", add_column)]
    conn = sqlite3.connect(path, isolation_level=None)
    applied = migrations.migrate(conn, path, steps)
    assert applied == list(range(2, nxt + 1))
    assert migrations.current_version(conn) == nxt
    assert conn.execute("SELECT colour FROM account").fetchall() == [("blue",), ("blue",)]
    backups = list(data_dir.glob("publisher.db.v1-*.bak"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM scheduled_post").fetchone()[0] == 2
    assert migrations.migrate(conn, path, steps) == []  # nothing twice


def test_failing_migration_rolls_back_and_is_reported(data_dir):
    path = load_fixture(1, data_dir)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute('ALTER TABLE "account" ADD COLUMN "colour" TEXT')
        conn.execute("UPDATE no_such_table SET x = 1")

    conn = sqlite3.connect(path, isolation_level=None)
    nxt = migrations.latest_version() + 1
    with pytest.raises(migrations.MigrationError, match=f"migration to version {nxt}"):
        migrations.migrate(conn, path, [*migrations.MIGRATIONS, Migration(nxt, "broken", broken)])
    # The steps before the broken one stay applied; the broken one left nothing behind.
    assert migrations.current_version(conn) == nxt - 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(account)")]
    assert "colour" not in columns


def test_database_newer_than_the_app_is_refused_untouched(data_dir):
    path = load_fixture(1, data_dir)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer than this app knows"):
        open_store(data_dir)
    assert digest(path) == before


def test_garbage_file_is_reported_and_never_overwritten(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "publisher.db"
    path.write_bytes(b"this is a shopping list, not a database\n" * 100)
    before = digest(path)
    with pytest.raises(StoreError, match="not a Desktop Publisher database"):
        open_store(data_dir)
    assert digest(path) == before
    assert not (data_dir / "publisher.db-wal").exists()


def test_damaged_sqlite_file_is_reported_and_never_overwritten(data_dir):
    path = load_fixture(1, data_dir)
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(StoreError, match="left untouched"):
        open_store(data_dir)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "publisher.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="not a Desktop Publisher database"):
        open_store(data_dir)
    assert digest(path) == before


def test_unreadable_file_gives_a_clear_error(data_dir):
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root reads any file; permissions cannot make it unreadable")
    load_fixture(1, data_dir)
    (data_dir / "publisher.db").chmod(0)
    with pytest.raises(StoreError, match="permissions"):
        open_store(data_dir)


def test_settings_defaults_and_validation(store):
    from desktop_publisher.errors import UserError

    assert store.settings.get("lateness_window_minutes") == 60
    store.settings.set("lateness_window_minutes", 15)
    assert store.settings.get("lateness_window_minutes") == 15
    with pytest.raises(UserError, match="must be a int"):
        store.settings.set("lateness_window_minutes", "soon")
    with pytest.raises(UserError, match="at least"):
        store.settings.set("max_attempts", 0)


def test_upgrade_from_v1_counts_posts_per_content_and_adds_the_window_indexes(data_dir):
    path = load_fixture(1, data_dir)
    conn = sqlite3.connect(path)
    # A draft (content without a post) beside the fixture's scheduled content.
    conn.execute(
        "INSERT INTO content (id, title, text, link, media, created_at, updated_at) "
        "VALUES (7, '', 'An idea', NULL, '[]', ?, ?)",
        ("2026-11-24 20:00:00.000000", "2026-11-24 20:00:00.000000"),
    )
    conn.commit()
    cursor = conn.execute("SELECT * FROM scheduled_post ORDER BY id")
    posts_before = cursor.fetchall()
    # Later versions add columns (5: last_error_detail): the rows keep every earlier one.
    columns = ", ".join(f'"{d[0]}"' for d in cursor.description)
    conn.close()
    store = open_store(data_dir)
    try:
        db = store.db
        assert db.execute_sql("SELECT id, posts FROM content ORDER BY id").fetchall() == [
            (1, 2),
            (7, 0),
        ]
        names = {
            row[0]
            for row in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
            )
        }
        assert {
            "content_draft",
            "scheduled_post_publication_status",
            "scheduled_post_publication_date",
            "scheduled_post_counted",
            "scheduled_post_uncounted",
            "scheduled_post_recounted",
            "content_variant_moved",
        } <= names
        assert db.execute_sql(f"SELECT {columns} FROM scheduled_post ORDER BY id").fetchall() == (
            posts_before
        )
        assert [r.id for r in queries.drafts(db, queries.QueueFilter())] == [7]
        # The triggers keep the count from now on.
        ScheduledPost.delete().where(ScheduledPost.variant == 1).execute()
        assert db.execute_sql("SELECT posts FROM content WHERE id = 1").fetchone() == (1,)
    finally:
        store.close()
    assert list(data_dir.glob("publisher.db.v1-*.bak"))
