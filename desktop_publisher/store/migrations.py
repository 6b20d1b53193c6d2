"""Numbered schema migrations.

Each step is frozen SQL (never generated from the current models, which will move on) and runs in
one transaction together with the version bump. Before an existing database is migrated, a copy is
made with SQLite's backup API, so a failed upgrade never costs the user their posts.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]
    # A step that rebuilds tables runs with foreign keys off (SQLite ignores the pragma inside a
    # transaction, so migrate() switches it around the step) and checks them itself.
    rebuilds_tables: bool = False


def _statements(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


_V1 = """
CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL,
  "applied_at" TEXT NOT NULL);
CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT);
CREATE TABLE "account" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL,
  "platform" VARCHAR(255) NOT NULL, "settings" TEXT NOT NULL, "token_expires_at" TEXT,
  "created_at" TEXT NOT NULL, "last_check_at" TEXT, "last_check_ok" INTEGER,
  "last_check_message" TEXT);
CREATE UNIQUE INDEX "account_name" ON "account" ("name");
CREATE INDEX "account_platform" ON "account" ("platform");
CREATE TABLE "content" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL,
  "text" TEXT NOT NULL, "link" TEXT, "media" TEXT NOT NULL, "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL);
CREATE TABLE "content_variant" ("id" INTEGER NOT NULL PRIMARY KEY, "content_id" INTEGER NOT NULL,
  "platform" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "title" TEXT, "link" TEXT,
  "media" TEXT NOT NULL, "extra" TEXT NOT NULL, "accepted" INTEGER NOT NULL,
  "updated_at" TEXT NOT NULL,
  FOREIGN KEY ("content_id") REFERENCES "content" ("id") ON DELETE CASCADE);
CREATE INDEX "content_variant_content_id" ON "content_variant" ("content_id");
CREATE UNIQUE INDEX "content_variant_one_accepted" ON "content_variant" ("content_id", "platform")
  WHERE "accepted" = 1;
CREATE TABLE "scheduled_post" ("id" INTEGER NOT NULL PRIMARY KEY, "variant_id" INTEGER NOT NULL,
  "account_id" INTEGER NOT NULL, "publication_date" TEXT NOT NULL, "due_at" TEXT NOT NULL,
  "status" VARCHAR(255) NOT NULL, "attempts" INTEGER NOT NULL, "last_error_kind" VARCHAR(255),
  "last_error" TEXT, "external_id" TEXT, "url" TEXT, "published_at" TEXT, "claimed_at" TEXT,
  "checkpoint" TEXT NOT NULL, "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL,
  FOREIGN KEY ("variant_id") REFERENCES "content_variant" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE RESTRICT);
CREATE INDEX "scheduled_post_variant_id" ON "scheduled_post" ("variant_id");
CREATE INDEX "scheduled_post_account_status" ON "scheduled_post" ("account_id", "status");
CREATE INDEX "scheduled_post_status_due" ON "scheduled_post" ("status", "due_at");
CREATE INDEX "scheduled_post_status_updated" ON "scheduled_post" ("status", "updated_at");
CREATE INDEX "scheduled_post_publication_date" ON "scheduled_post" ("publication_date");
CREATE TABLE "publish_attempt" ("id" INTEGER NOT NULL PRIMARY KEY, "post_id" INTEGER NOT NULL,
  "number" INTEGER NOT NULL, "started_at" TEXT NOT NULL, "finished_at" TEXT,
  "outcome" VARCHAR(255) NOT NULL, "error_kind" VARCHAR(255), "message" TEXT,
  "manual" INTEGER NOT NULL,
  FOREIGN KEY ("post_id") REFERENCES "scheduled_post" ("id") ON DELETE CASCADE);
CREATE INDEX "publish_attempt_post_id" ON "publish_attempt" ("post_id");
"""

# The window's reads that grew with the number of posts (store/queries.py):
# - drafts (content without any scheduled post) needed a pass over every post to find; `posts`
#   counts a content's scheduled posts, kept by triggers whoever writes (app, CLI, engine), and
#   a partial index holds just the drafts, newest first on demand;
# - the calendar's per-day counts looked up every row for its status; (publication_date, status)
#   answers them from the index alone. The plain publication_date index stays: the queue pages
#   by (publication_date, id), which only it holds in that order.
# A trigger's body holds ";", which _statements splits on: each trigger runs as one statement.
_V2 = """
ALTER TABLE "content" ADD COLUMN "posts" INTEGER NOT NULL DEFAULT 0;
UPDATE "content" SET "posts" = (SELECT count(*) FROM "scheduled_post" sp
  JOIN "content_variant" v ON v."id" = sp."variant_id" WHERE v."content_id" = "content"."id");
CREATE INDEX "content_draft" ON "content" ("id") WHERE "posts" = 0;
CREATE INDEX "scheduled_post_publication_status" ON "scheduled_post" ("publication_date",
  "status");
"""

_V2_TRIGGERS = (
    """CREATE TRIGGER "scheduled_post_counted" AFTER INSERT ON "scheduled_post" BEGIN
  UPDATE "content" SET "posts" = "posts" + 1
    WHERE "id" = (SELECT "content_id" FROM "content_variant" WHERE "id" = NEW."variant_id");
END""",
    """CREATE TRIGGER "scheduled_post_uncounted" AFTER DELETE ON "scheduled_post" BEGIN
  UPDATE "content" SET "posts" = "posts" - 1
    WHERE "id" = (SELECT "content_id" FROM "content_variant" WHERE "id" = OLD."variant_id");
END""",
    """CREATE TRIGGER "scheduled_post_recounted" AFTER UPDATE OF "variant_id" ON "scheduled_post"
  WHEN OLD."variant_id" IS NOT NEW."variant_id" BEGIN
  UPDATE "content" SET "posts" = "posts" - 1
    WHERE "id" = (SELECT "content_id" FROM "content_variant" WHERE "id" = OLD."variant_id");
  UPDATE "content" SET "posts" = "posts" + 1
    WHERE "id" = (SELECT "content_id" FROM "content_variant" WHERE "id" = NEW."variant_id");
END""",
    """CREATE TRIGGER "content_variant_moved" AFTER UPDATE OF "content_id" ON "content_variant"
  WHEN OLD."content_id" IS NOT NEW."content_id" BEGIN
  UPDATE "content" SET "posts" = "posts" -
    (SELECT count(*) FROM "scheduled_post" WHERE "variant_id" = OLD."id")
    WHERE "id" = OLD."content_id";
  UPDATE "content" SET "posts" = "posts" +
    (SELECT count(*) FROM "scheduled_post" WHERE "variant_id" = NEW."id")
    WHERE "id" = NEW."content_id";
END""",
)


def _v2(conn: sqlite3.Connection) -> None:
    _statements(_V2)(conn)
    for trigger in _V2_TRIGGERS:
        conn.execute(trigger)


# The status line's token warning counts each account's pending posts due after its token
# expires (accounts.expiry_warnings): with (account_id, status) every such row was looked up for
# its due_at (26 ms at 100k posts, ~270 ms at 1M, on each refresh); with due_at in the index the
# count reads the index alone (1.6 ms at 100k). It answers the narrower index's queries too.
_V3 = """
CREATE INDEX "scheduled_post_account_status_due" ON "scheduled_post" ("account_id", "status",
  "due_at");
DROP INDEX "scheduled_post_account_status";
"""

# Identities that are never reused (see credentials.py):
# - `data_folder` holds one random id per database: keyring entries are named after it, so two
#   data folders on one keyring never read, overwrite or delete each other's secrets;
# - an account's `uid` is random and its keyring entry is named after it (the folder's id and the
#   account's uid): a new account never finds the secret of a removed one. `secret_rev` grows on
#   every change of the secret, so a process that cached a secret notices the change in the row
#   it reads anyway; `legacy_secret` names the entry of the old scheme ("account-<row id>") that
#   the next keyring access moves to the new name (the keyring cannot be reached from here);
# - AUTOINCREMENT on account, content and scheduled_post: a row id is never given out twice, so
#   nothing keyed by an id (a running engine's plans, the window's selection, a draft open in
#   the editor, a script holding a post id) can ever point at a new row.
# SQLite adds AUTOINCREMENT only by rebuilding a table (sqlite.org/lang_altertable.html, "Making
# Other Kinds Of Table Schema Changes"): foreign keys off for the step, the triggers dropped
# first (a rename checks every trigger, and theirs name the tables being rebuilt) and made
# again, the indexes made again, the foreign keys checked before the commit.
_V4 = """
DROP TRIGGER "scheduled_post_counted";
DROP TRIGGER "scheduled_post_uncounted";
DROP TRIGGER "scheduled_post_recounted";
DROP TRIGGER "content_variant_moved";
CREATE TABLE "data_folder" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
  "uid" VARCHAR(255) NOT NULL);
INSERT INTO "data_folder" ("id", "uid") VALUES (1, lower(hex(randomblob(16))));
CREATE TABLE "account_new" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" VARCHAR(255) NOT NULL, "platform" VARCHAR(255) NOT NULL, "settings" TEXT NOT NULL,
  "token_expires_at" TEXT, "created_at" TEXT NOT NULL, "last_check_at" TEXT,
  "last_check_ok" INTEGER, "last_check_message" TEXT, "uid" VARCHAR(255) NOT NULL,
  "secret_rev" INTEGER NOT NULL DEFAULT 0, "legacy_secret" VARCHAR(255));
INSERT INTO "account_new" ("id", "name", "platform", "settings", "token_expires_at",
  "created_at", "last_check_at", "last_check_ok", "last_check_message", "uid", "secret_rev",
  "legacy_secret")
  SELECT "id", "name", "platform", "settings", "token_expires_at", "created_at",
  "last_check_at", "last_check_ok", "last_check_message", lower(hex(randomblob(16))), 0,
  'account-' || "id" FROM "account";
DROP TABLE "account";
ALTER TABLE "account_new" RENAME TO "account";
CREATE UNIQUE INDEX "account_name" ON "account" ("name");
CREATE UNIQUE INDEX "account_uid" ON "account" ("uid");
CREATE INDEX "account_platform" ON "account" ("platform");
CREATE TABLE "content_new" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "title" TEXT NOT NULL, "text" TEXT NOT NULL, "link" TEXT, "media" TEXT NOT NULL,
  "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "posts" INTEGER NOT NULL DEFAULT 0);
INSERT INTO "content_new" SELECT "id", "title", "text", "link", "media", "created_at",
  "updated_at", "posts" FROM "content";
DROP TABLE "content";
ALTER TABLE "content_new" RENAME TO "content";
CREATE INDEX "content_draft" ON "content" ("id") WHERE "posts" = 0;
CREATE TABLE "scheduled_post_new" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "variant_id" INTEGER NOT NULL, "account_id" INTEGER NOT NULL, "publication_date" TEXT NOT NULL,
  "due_at" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "attempts" INTEGER NOT NULL,
  "last_error_kind" VARCHAR(255), "last_error" TEXT, "external_id" TEXT, "url" TEXT,
  "published_at" TEXT, "claimed_at" TEXT, "checkpoint" TEXT NOT NULL, "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL,
  FOREIGN KEY ("variant_id") REFERENCES "content_variant" ("id") ON DELETE RESTRICT,
  FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE RESTRICT);
INSERT INTO "scheduled_post_new" SELECT "id", "variant_id", "account_id", "publication_date",
  "due_at", "status", "attempts", "last_error_kind", "last_error", "external_id", "url",
  "published_at", "claimed_at", "checkpoint", "created_at", "updated_at" FROM "scheduled_post";
DROP TABLE "scheduled_post";
ALTER TABLE "scheduled_post_new" RENAME TO "scheduled_post";
CREATE INDEX "scheduled_post_variant_id" ON "scheduled_post" ("variant_id");
CREATE INDEX "scheduled_post_status_due" ON "scheduled_post" ("status", "due_at");
CREATE INDEX "scheduled_post_status_updated" ON "scheduled_post" ("status", "updated_at");
CREATE INDEX "scheduled_post_publication_date" ON "scheduled_post" ("publication_date");
CREATE INDEX "scheduled_post_publication_status" ON "scheduled_post" ("publication_date",
  "status");
CREATE INDEX "scheduled_post_account_status_due" ON "scheduled_post" ("account_id", "status",
  "due_at");
UPDATE "setting" SET "value" = '""' WHERE "key" = 'linkedin_version' AND "value" = '"202510"'
"""
# The LinkedIn-Version default used to be a fixed month ("202510", stored like any value): it is
# now "" (follow the calendar, see platforms/api_versions.py), so that stored default goes too; a
# month the user chose stays.


def _v4(conn: sqlite3.Connection) -> None:
    _statements(_V4)(conn)
    for trigger in _V2_TRIGGERS:
        conn.execute(trigger)
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise MigrationError(f"foreign keys broken by the rebuild: {broken[:5]}")


# Messages for people (docs/architecture.md): beside each English text the window reads a failure
# from, its rule and values as JSON (message.py's detail_data: the English it words, and the
# message), so the window says it in its own language. NULL for everything written before.
_V5 = """
ALTER TABLE "scheduled_post" ADD COLUMN "last_error_detail" TEXT;
ALTER TABLE "publish_attempt" ADD COLUMN "error_detail" TEXT;
ALTER TABLE "account" ADD COLUMN "last_check_detail" TEXT
"""


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _statements(_V1)),
    Migration(2, "draft index and calendar index", _v2),
    Migration(3, "account index with the due time", _statements(_V3)),
    Migration(4, "identities never reused: data folder id, account uids, AUTOINCREMENT", _v4, True),
    Migration(5, "failure details the window words in its language", _statements(_V5)),
]


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    return (migrations or MIGRATIONS)[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    """0 for an empty database; the recorded version otherwise."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if not has_table:
        others = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if others:
            raise MigrationError(
                "the file holds tables but no schema version: it is not a Desktop Publisher "
                "database"
            )
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


class MigrationError(Exception):
    pass


def backup_database(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = db_path.with_name(f"{db_path.name}.v{version}-{stamp}.bak")
    fd_conn = sqlite3.connect(target)
    try:
        conn.backup(fd_conn)
    finally:
        fd_conn.close()
    target.chmod(0o600)
    return target


def migrate(
    conn: sqlite3.Connection,
    db_path: Path | None,
    migrations: Sequence[Migration] | None = None,
) -> list[int]:
    """Bring the database up to the latest version; returns the versions applied.

    `conn` must be in autocommit mode (isolation_level=None) so each step controls its own
    transaction.
    """
    steps = list(migrations or MIGRATIONS)
    version = current_version(conn)
    latest = steps[-1].version
    if version > latest:
        raise MigrationError(
            f"the database is at schema version {version}, newer than this app knows ({latest}):"
            " update Desktop Publisher"
        )
    pending = [m for m in steps if m.version > version]
    if not pending:
        return []
    if version > 0 and db_path is not None:
        backup = backup_database(conn, db_path, version)
        log.info("backed up the database before migrating from version %s to %s", version, backup)
    applied = []
    for step in pending:
        foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        if step.rebuilds_tables:
            conn.execute("PRAGMA foreign_keys=OFF")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                step.apply(conn)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (step.version, datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")),
                )
            except Exception as exc:
                conn.execute("ROLLBACK")
                raise MigrationError(
                    f"migration to version {step.version} ({step.description}) failed: {exc}"
                ) from exc
            conn.execute("COMMIT")
        finally:
            if step.rebuilds_tables:  # outside the transaction, where the pragma works
                conn.execute(f"PRAGMA foreign_keys={int(foreign_keys)}")
        applied.append(step.version)
        log.info("database migrated to version %s (%s)", step.version, step.description)
    return applied
