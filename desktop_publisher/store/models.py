"""The domain tables. Secrets are never stored here (see credentials.py)."""

from __future__ import annotations

import uuid
from enum import StrEnum

import peewee

# The statuses are the lifecycle's (lifecycle.py); named here too for the queries' convenience.
from desktop_publisher.lifecycle import PENDING, TERMINAL, Status  # noqa: F401
from desktop_publisher.store.fields import JsonField, UtcDateTimeField, utcnow

database_proxy = peewee.DatabaseProxy()


class FailureKind(StrEnum):
    AUTH = "auth"
    INVALID_CONTENT = "invalid_content"
    PERMANENT = "permanent"
    MISSED = "missed"
    RETRIES_EXHAUSTED = "retries_exhausted"
    # Non-final kinds stored in last_error_kind while a post waits or needs a check:
    TRANSIENT = "transient"
    RATE_LIMITED = "rate_limited"
    UNKNOWN_OUTCOME = "unknown_outcome"


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = peewee.IntegerField()
    applied_at = UtcDateTimeField(default=utcnow)


class Setting(BaseModel):
    key = peewee.CharField(primary_key=True)
    value = JsonField(null=True)


def new_uid() -> str:
    return uuid.uuid4().hex


class DataFolder(BaseModel):
    """One row: the random id of this data folder (its keyring entries are named after it)."""

    uid = peewee.CharField()


class Account(BaseModel):
    name = peewee.CharField(unique=True)
    platform = peewee.CharField(index=True)
    settings = JsonField(default=dict)
    token_expires_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField(default=utcnow)
    last_check_at = UtcDateTimeField(null=True)
    last_check_ok = peewee.BooleanField(null=True)
    last_check_message = peewee.TextField(null=True)
    # The check's failure as a message for the window (message.detail_data of the English).
    last_check_detail = JsonField(null=True)
    # Never reused, unlike a row id: the account's keyring entry is named after it.
    uid = peewee.CharField(unique=True, default=new_uid)
    # Grows with every change of the secret: a cached secret of an older revision is stale.
    secret_rev = peewee.IntegerField(default=0)
    # The keyring entry of the old naming ("account-<id>"), moved on first use.
    legacy_secret = peewee.CharField(null=True)


class Content(BaseModel):
    title = peewee.TextField(default="")
    text = peewee.TextField(default="")
    link = peewee.TextField(null=True)
    media = JsonField(default=list)
    created_at = UtcDateTimeField(default=utcnow)
    updated_at = UtcDateTimeField(default=utcnow)


class ContentVariant(BaseModel):
    content = peewee.ForeignKeyField(Content, backref="variants", on_delete="CASCADE")
    platform = peewee.CharField()
    text = peewee.TextField(default="")
    title = peewee.TextField(null=True)
    link = peewee.TextField(null=True)
    media = JsonField(default=list)
    # Platform-specific extras (WordPress categories/tags, alt text, excerpt...).
    extra = JsonField(default=dict)
    accepted = peewee.BooleanField(default=False)
    updated_at = UtcDateTimeField(default=utcnow)


class ScheduledPost(BaseModel):
    variant = peewee.ForeignKeyField(ContentVariant, backref="posts", on_delete="RESTRICT")
    account = peewee.ForeignKeyField(Account, backref="posts", on_delete="RESTRICT")
    publication_date = UtcDateTimeField()
    # When the engine means to send it next: publication_date, or a retry/hold time.
    due_at = UtcDateTimeField()
    status = peewee.CharField(default=Status.SCHEDULED)
    attempts = peewee.IntegerField(default=0)
    last_error_kind = peewee.CharField(null=True)
    last_error = peewee.TextField(null=True)
    # last_error as a message for the window (message.detail_data): read with stored_detail,
    # which ignores it once last_error says something else.
    last_error_detail = JsonField(null=True)
    external_id = peewee.TextField(null=True)
    url = peewee.TextField(null=True)
    published_at = UtcDateTimeField(null=True)
    claimed_at = UtcDateTimeField(null=True)
    # What a publisher must remember across attempts (uploaded media ids, Instagram container...).
    checkpoint = JsonField(default=dict)
    created_at = UtcDateTimeField(default=utcnow)
    updated_at = UtcDateTimeField(default=utcnow)


class PublishAttempt(BaseModel):
    """The ledger: written before each publish call, completed after it."""

    post = peewee.ForeignKeyField(ScheduledPost, backref="attempt_rows", on_delete="CASCADE")
    number = peewee.IntegerField()
    started_at = UtcDateTimeField(default=utcnow)
    finished_at = UtcDateTimeField(null=True)
    outcome = peewee.CharField(default="started")
    error_kind = peewee.CharField(null=True)
    message = peewee.TextField(null=True)
    error_detail = JsonField(null=True)  # `message` as a message for the window
    manual = peewee.BooleanField(default=False)


MODELS: tuple[type[BaseModel], ...] = (
    SchemaVersion,
    Setting,
    DataFolder,
    Account,
    Content,
    ContentVariant,
    ScheduledPost,
    PublishAttempt,
)
