"""Adding, listing, testing and removing accounts (no Qt; used by the CLI and the window)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import peewee

from desktop_publisher.account_clients import account_info, publisher_options
from desktop_publisher.credentials import (
    CredentialStore,
    read_legacy_env,
)
from desktop_publisher.errors import UserError
from desktop_publisher.media_host import MEDIA_HOST_FIELD, media_host_account
from desktop_publisher.message import detail_data
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import (
    Problem,
    Publisher,
    PublishError,
)
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import (
    PENDING,
    Account,
    ScheduledPost,
    Status,
)
from desktop_publisher.token_expiry import (  # noqa: F401 - the window reads them here
    BEFORE_POSTS,
    EXPIRED,
    EXPIRES_SOON,
    TokenWarning,
    expiry_warnings,
)
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

MAX_NAME = 80
# The form's rule (also when a rename races with another, see update).
NAME_CLASH = QT_TRANSLATE_NOOP(
    "Problem", "Name: an account named '{name}' already exists; choose another."
)
NAME_TAKEN = QT_TRANSLATE_NOOP(
    "Error", "An account named {name} already exists: choose another name."
)


@dataclass
class ImportReport:
    created: list[str]
    updated: list[str]
    incomplete: list[str]


class AccountService:
    def __init__(self, store: Store, credentials: CredentialStore) -> None:
        self.store = store
        self.credentials = credentials

    # --- queries -------------------------------------------------------------------------
    def get(self, name: str) -> Account:
        account = Account.get_or_none(Account.name == name)
        if account is None:
            known = ", ".join(a.name for a in Account.select(Account.name).order_by(Account.name))
            hint = f" Known accounts: {known}." if known else " There are no accounts yet."
            raise UserError(f"No account named {name!r}.{hint}")
        return account

    def list(self) -> list[Account]:
        return list(Account.select().order_by(Account.platform, Account.name))

    # --- changes -------------------------------------------------------------------------
    def validate_settings(self, platform: str, settings: Mapping[str, Any]) -> dict:
        cls = registry.publisher_class(platform)
        clean: dict[str, Any] = {}
        for spec in cls.setting_fields:
            value = settings.get(spec.key)
            if spec.flag:
                if value:
                    clean[spec.key] = True
                continue
            value = (value or "").strip() if isinstance(value, str) else value
            if spec.required and not value:
                option = f" ({spec.cli_option})" if spec.cli_option else ""
                raise UserError(f"{cls.label} accounts need {spec.label}{option}.")
            if value:
                clean[spec.key] = value
        for spec in cls.setting_fields:
            value = clean.get(spec.key)
            if spec.flag or value is None or not isinstance(value, str):
                continue
            if spec.rule is not None and (problem := spec.rule(spec.key, value)):
                raise UserError(problem.message)
            if spec.keep is not None:
                clean[spec.key] = spec.keep(value)
        return clean

    def field_problems(
        self,
        platform: str,
        name: str,
        settings: Mapping[str, Any],
        secret: str,
        account: Account | None = None,
    ) -> dict[str, Problem]:
        """What is wrong with a filled-in account form, per field: "name", "secret" or a setting
        key → the rule it breaks (its `message` names the field and the rule; the window shows
        it translated). Empty when it can be saved. Reads the DB only (never the keyring), so a
        form can check on the GUI thread.

        `account` is the one being edited: its own name is not a clash, and an empty secret
        keeps the stored one.
        """
        cls = registry.publisher_class(platform)
        problems: dict[str, Problem] = {}
        name = (name or "").strip()
        if not name:
            problems["name"] = Problem(
                "name", QT_TRANSLATE_NOOP("Problem", "Name must not be empty.")
            )
        elif len(name) > MAX_NAME:
            rule = QT_TRANSLATE_NOOP(
                "Problem", "Name must be at most {limit} characters ({count} now)."
            )
            problems["name"] = Problem("name", rule, {"limit": MAX_NAME, "count": len(name)})
        else:
            clash = Account.get_or_none(Account.name == name)
            if clash is not None and (account is None or clash.id != account.id):
                problems["name"] = Problem("name", NAME_CLASH, {"name": name})
        for spec in cls.setting_fields:
            # A value named "label" is a field's name: the window translates it too.
            label = spec.label
            value = settings.get(spec.key)
            if spec.flag:
                hosting = value and spec.key == MEDIA_HOST_FIELD
                other = media_host_account(account.id if account else None) if hosting else None
                if other is not None:
                    rule = QT_TRANSLATE_NOOP(
                        "Problem",
                        "{label}: account '{other}' already hosts Instagram images; only one may.",
                    )
                    problems[spec.key] = Problem(
                        spec.key, rule, {"label": label, "other": other.name}
                    )
                continue
            value = value.strip() if isinstance(value, str) else value
            if spec.required and not value:
                rule = QT_TRANSLATE_NOOP(
                    "Problem", "{label} must not be empty: {platform} accounts need it."
                )
                args = {"label": label, "platform": cls.label}
                problems[spec.key] = Problem(spec.key, rule, args)
            elif value and spec.rule is not None and (problem := spec.rule(spec.key, value)):
                problems[spec.key] = problem
        if account is None and not (secret or "").strip():
            rule = QT_TRANSLATE_NOOP(
                "Problem", "{label} must not be empty: it is how {platform} knows you."
            )
            label = cls.declaration.secret.title
            problems["secret"] = Problem("secret", rule, {"label": label, "platform": cls.label})
        return problems

    def default_expiry(self, platform: str) -> datetime | None:
        cls = registry.publisher_class(platform)
        if not cls.token_expires_by_default:
            return None
        return utcnow() + timedelta(days=int(self.store.settings.get("token_lifetime_days")))

    def add(
        self,
        platform: str,
        name: str,
        settings: Mapping[str, Any],
        secret: str,
        expires: datetime | None = None,
        *,
        never_expires: bool = False,
    ) -> Account:
        """`expires` None means the platform's usual lifetime, unless `never_expires`."""
        name = (name or "").strip()
        if not name:
            raise UserError.translatable(
                QT_TRANSLATE_NOOP("Error", "Account name must not be empty.")
            )
        if len(name) > MAX_NAME:
            raise UserError.translatable(
                QT_TRANSLATE_NOOP("Error", "Account name must be at most {limit} characters."),
                limit=MAX_NAME,
            )
        clean = self.validate_settings(platform, settings)
        if not (secret or "").strip():
            raise UserError.translatable(
                QT_TRANSLATE_NOOP("Error", "The {label} must not be empty."),
                label=registry.publisher_class(platform).secret_label,
            )
        if Account.select().where(Account.name == name).exists():
            raise UserError.translatable(NAME_TAKEN, name=repr(name))
        if clean.get(MEDIA_HOST_FIELD) and (other := media_host_account()) is not None:
            raise UserError.translatable(
                QT_TRANSLATE_NOOP(
                    "Error", "Account {name} already hosts Instagram images; only one may."
                ),
                name=repr(other.name),
            )
        if never_expires:
            expiry = None
        else:
            expiry = expires if expires is not None else self.default_expiry(platform)
        with self.store.atomic():
            try:
                account = Account.create(
                    name=name, platform=platform, settings=clean, token_expires_at=expiry
                )
            except peewee.IntegrityError:
                raise UserError.translatable(NAME_TAKEN, name=repr(name)) from None
        try:
            self.credentials.set_secret(account, secret.strip())
        except Exception:
            # No secret, no account: never leave one that can only fail later.
            account.delete_instance()
            raise
        return account

    def update_secret(self, account: Account, secret: str, expires: datetime | None) -> None:
        self.credentials.set_secret(account, secret.strip())
        account.token_expires_at = (
            expires if expires is not None else self.default_expiry(account.platform)
        )
        # Only the expiry: a whole-row save from this object could undo a concurrent change.
        Account.update(token_expires_at=account.token_expires_at).where(
            Account.id == account.id
        ).execute()

    def remove(self, name: str, with_scheduled: bool = False) -> None:
        """Remove the account, its finished posts and its secret; their content stays.

        Posts still waiting refuse the removal, unless `with_scheduled`: then they go too (they
        will not be published). A post being published or whose outcome is unknown always
        refuses: the user must see how it ended first.
        """
        account = self.get(name)
        blocking = [Status.PUBLISHING, Status.NEEDS_CHECK]
        if not with_scheduled:
            blocking += list(PENDING)
        with self.store.atomic():
            # IMMEDIATE: the engine cannot claim one of these posts between check and delete.
            pending = (
                ScheduledPost.select()
                .where((ScheduledPost.account == account) & ScheduledPost.status.in_(blocking))
                .count()
            )
            if pending:
                if with_scheduled:
                    raise UserError.translatable(
                        QT_TRANSLATE_NOOP(
                            "Error",
                            "Account {name} has {count} post(s) being published or to check: "
                            "wait for them or resolve them first.",
                        ),
                        name=repr(name),
                        count=pending,
                    )
                raise UserError.translatable(
                    QT_TRANSLATE_NOOP(
                        "Error",
                        "Account {name} still has {count} post(s) waiting or to check: cancel "
                        "or finish them first.",
                    ),
                    name=repr(name),
                    count=pending,
                )
            # Finished posts of the account go with it; their content stays.
            ScheduledPost.delete().where(ScheduledPost.account == account).execute()
            account.delete_instance()
        self.credentials.delete_secret(account)

    def post_counts(self, account: Account) -> dict[str, int]:
        """How many of the account's posts are in each status (what removing it would touch)."""
        rows = (
            ScheduledPost.select(ScheduledPost.status, peewee.fn.COUNT(ScheduledPost.id))
            .where(ScheduledPost.account == account)
            .group_by(ScheduledPost.status)
            .tuples()
        )
        return {str(status): int(count) for status, count in rows}

    def update(
        self,
        account_id: int,
        name: str,
        settings: Mapping[str, Any],
        secret: str | None,
        expires: datetime | None,
    ) -> Account:
        """Rename, change settings and expiry (None: does not expire); a new secret only when
        given (empty keeps the stored one). Touches the keyring: not on the GUI thread."""
        account = Account.get_or_none(Account.id == account_id)
        if account is None:
            raise UserError.translatable(
                QT_TRANSLATE_NOOP("Error", "This account was removed meanwhile.")
            )
        problems = self.field_problems(account.platform, name, settings, secret or "", account)
        if problems:
            problem = next(iter(problems.values()))
            raise UserError.translatable(problem.rule, context="Problem", **problem.args)
        clean = self.validate_settings(account.platform, settings)
        secret = (secret or "").strip()
        # Keyring first: if it is locked, nothing has changed yet.
        if secret:
            self.credentials.set_secret(account, secret)
        changes: dict[Any, Any] = {
            Account.name: name.strip(),
            Account.settings: clean,
            Account.token_expires_at: expires,
        }
        if secret or clean != (account.settings or {}):
            # The last check was of other credentials: say nothing rather than something stale.
            changes.update(
                {
                    Account.last_check_at: None,
                    Account.last_check_ok: None,
                    Account.last_check_message: None,
                }
            )
        with self.store.atomic():
            try:
                Account.update(changes).where(Account.id == account.id).execute()
            except peewee.IntegrityError:
                raise UserError.translatable(
                    NAME_CLASH, context="Problem", name=name.strip()
                ) from None
        return Account.get_by_id(account.id)

    def import_env(self, env: Mapping[str, str]) -> ImportReport:
        """Legacy variables → accounts named after the platform; re-running updates them."""
        found, incomplete = read_legacy_env(env)
        report = ImportReport([], [], incomplete)
        for legacy in found:
            existing = Account.get_or_none(Account.name == legacy.platform)
            if existing is not None and existing.platform != legacy.platform:
                raise UserError(
                    f"An account named {legacy.platform!r} exists for {existing.platform}: rename "
                    "it before importing."
                )
            if existing is None:
                self.add(legacy.platform, legacy.platform, legacy.settings, legacy.secret)
                report.created.append(legacy.platform)
            else:
                # The variables set what they name; what was set since (a LinkedIn author, the
                # media host mark) stays.
                existing.settings = self.validate_settings(
                    legacy.platform, {**(existing.settings or {}), **legacy.settings}
                )
                existing.save()
                if self.credentials.get_secret(existing) != legacy.secret:
                    self.update_secret(existing, legacy.secret, None)
                report.updated.append(legacy.platform)
        if not found and not incomplete:
            raise UserError(
                "None of the variables LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, "
                "INSTAGRAM_ACCESS_TOKEN, WORDPRESS_PASSWORD… is set (nor in the --env-file)."
            )
        return report

    def _publisher(self, account: Account) -> Publisher:
        """The account's client, as the engine builds it (reads the keyring)."""
        return registry.create(
            account_info(account, self.credentials), publisher_options(self.store)
        )

    def learn_settings(self, account: Account) -> str | None:
        """Ask the platform what it can tell about a new account (LinkedIn: the author URN,
        from /v2/userinfo) and keep it; None, or why it could not (it is asked again at the
        first post then). Network: not on the GUI thread."""
        publisher = self._publisher(account)
        try:
            publisher.learn_settings()
        except PublishError as exc:
            log.info("account %r: could not learn its settings now: %s", account.name, exc)
            return exc.message
        return None

    def test(self, name: str) -> str:
        """verify() against the platform: the name it knows the account by. Network: not on the
        GUI thread."""
        account = self.get(name)
        publisher = self._publisher(account)
        try:
            display = publisher.check_account()
        except Exception as exc:
            message = getattr(exc, "message", None) or str(exc)
            # The platform's refusal as a message too, so the window words it in its language.
            detail = exc.detail if isinstance(exc, PublishError) else None
            Account.update(
                last_check_at=utcnow(),
                last_check_ok=False,
                last_check_message=message,
                last_check_detail=detail_data(detail, message),
            ).where(Account.id == account.id).execute()
            raise
        Account.update(
            last_check_at=utcnow(),
            last_check_ok=True,
            last_check_message=display,
            last_check_detail=None,
        ).where(Account.id == account.id).execute()
        return display

    # --- token expiry ----------------------------------------------------------------------
    def expiry_warnings(self, now: datetime | None = None) -> list[TokenWarning]:
        """Tokens expired, expiring within the warning days, or before scheduled posts."""
        return expiry_warnings(int(self.store.settings.get("token_warning_days")), now)
