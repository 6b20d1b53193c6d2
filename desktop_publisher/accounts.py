"""Adding, listing, testing and removing accounts (no Qt; used by the CLI and the window)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import peewee

from desktop_publisher.credentials import (
    CredentialStore,
    get_platform_credentials,
    read_legacy_env,
)
from desktop_publisher.errors import UserError
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import PublisherOptions
from desktop_publisher.store.connection import Store
from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import PENDING, Account, ScheduledPost, Status

MAX_NAME = 80


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
        site = clean.get("site_url")
        if site is not None:
            from desktop_publisher.platforms.http import is_loopback_host

            parsed = urlparse(site)
            if not parsed.hostname or parsed.scheme not in ("http", "https"):
                raise UserError(f"Site URL {site!r} must look like https://example.com.")
            if parsed.scheme == "http" and not is_loopback_host(parsed.hostname):
                raise UserError(
                    f"Site URL {site!r} uses http://: use https:// (plain http is accepted only "
                    "for a site on this computer)."
                )
            clean["site_url"] = site.rstrip("/")
        author = clean.get("author")
        if author is not None and not author.startswith(("urn:li:person:", "urn:li:organization:")):
            raise UserError(
                "Author must be a LinkedIn URN: urn:li:person:… or urn:li:organization:…."
            )
        return clean

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
    ) -> Account:
        name = (name or "").strip()
        if not name:
            raise UserError("Account name must not be empty.")
        if len(name) > MAX_NAME:
            raise UserError(f"Account name must be at most {MAX_NAME} characters.")
        clean = self.validate_settings(platform, settings)
        if not (secret or "").strip():
            label = registry.publisher_class(platform).secret_label
            raise UserError(f"The {label} must not be empty.")
        if Account.select().where(Account.name == name).exists():
            raise UserError(f"An account named {name!r} already exists: choose another name.")
        if clean.get("media_host"):
            self._check_single_media_host(None)
        expiry = expires if expires is not None else self.default_expiry(platform)
        with self.store.atomic():
            try:
                account = Account.create(
                    name=name, platform=platform, settings=clean, token_expires_at=expiry
                )
            except peewee.IntegrityError:
                raise UserError(
                    f"An account named {name!r} already exists: choose another name."
                ) from None
        try:
            self.credentials.set_secret(account.id, secret.strip())
        except Exception:
            # No secret, no account: never leave one that can only fail later.
            account.delete_instance()
            raise
        return account

    def update_secret(self, account: Account, secret: str, expires: datetime | None) -> None:
        self.credentials.set_secret(account.id, secret.strip())
        account.token_expires_at = (
            expires if expires is not None else self.default_expiry(account.platform)
        )
        account.save()

    def _check_single_media_host(self, except_id: int | None) -> None:
        for other in Account.select().where(Account.platform == "wordpress"):
            if other.id != except_id and (other.settings or {}).get("media_host"):
                raise UserError(
                    f"Account {other.name!r} already hosts Instagram images; only one may."
                )

    def remove(self, name: str) -> None:
        account = self.get(name)
        pending = (
            ScheduledPost.select()
            .where(
                (ScheduledPost.account == account)
                & ScheduledPost.status.in_([*PENDING, Status.PUBLISHING, Status.NEEDS_CHECK])
            )
            .count()
        )
        if pending:
            raise UserError(
                f"Account {name!r} still has {pending} post(s) waiting or to check: cancel or "
                "finish them first."
            )
        with self.store.atomic():
            # Finished posts of the account go with it; their content stays.
            ScheduledPost.delete().where(ScheduledPost.account == account).execute()
            account.delete_instance()
        self.credentials.delete_secret(account.id)

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
                existing.settings = self.validate_settings(legacy.platform, legacy.settings)
                existing.save()
                if self.credentials.get_secret(existing.id) != legacy.secret:
                    self.update_secret(existing, legacy.secret, None)
                report.updated.append(legacy.platform)
        if not found and not incomplete:
            raise UserError(
                "None of the variables LINKEDIN_ACCESS_TOKEN, FACEBOOK_ACCESS_TOKEN, "
                "INSTAGRAM_ACCESS_TOKEN, WORDPRESS_PASSWORD… is set (nor in the --env-file)."
            )
        return report

    def test(self, name: str) -> str:
        """verify() against the platform: the name it knows the account by. Network: not on the
        GUI thread."""
        account = self.get(name)
        info = get_platform_credentials(account, self.credentials)
        publisher = registry.create(info, publisher_options(self.store))
        try:
            display = publisher.verify()
        except Exception as exc:
            message = getattr(exc, "message", None) or str(exc)
            Account.update(
                last_check_at=utcnow(), last_check_ok=False, last_check_message=message
            ).where(Account.id == account.id).execute()
            raise
        Account.update(
            last_check_at=utcnow(), last_check_ok=True, last_check_message=display
        ).where(Account.id == account.id).execute()
        return display

    # --- token expiry ----------------------------------------------------------------------
    def expiry_warnings(self, now: datetime | None = None) -> list[str]:
        now = now or utcnow()
        days = int(self.store.settings.get("token_warning_days"))
        warnings = []
        for account in Account.select().where(Account.token_expires_at.is_null(False)):
            expires = account.token_expires_at
            if expires <= now:
                warnings.append(
                    f"The token of {account.name} ({account.platform}) expired on "
                    f"{expires:%Y-%m-%d}: reconnect the account."
                )
                continue
            if expires - now <= timedelta(days=days):
                left = (expires - now).days
                warnings.append(
                    f"The token of {account.name} ({account.platform}) expires in {left} day(s), "
                    f"on {expires:%Y-%m-%d}."
                )
                continue
            later = (
                ScheduledPost.select(ScheduledPost.id)
                .where(
                    (ScheduledPost.account == account)
                    & ScheduledPost.status.in_(PENDING)
                    & (ScheduledPost.due_at > expires)
                )
                .count()
            )
            if later:
                warnings.append(
                    f"The token of {account.name} ({account.platform}) expires on "
                    f"{expires:%Y-%m-%d}, before {later} of its scheduled post(s)."
                )
        return warnings


def publisher_options(store: Store, media_host=None) -> PublisherOptions:  # noqa: ANN001
    from desktop_publisher import config

    return PublisherOptions(
        linkedin_url=config.linkedin_base_url(),
        graph_url=config.graph_base_url(),
        linkedin_version=str(store.settings.get("linkedin_version")),
        graph_version=str(store.settings.get("graph_version")),
        media_host=media_host,
    )
