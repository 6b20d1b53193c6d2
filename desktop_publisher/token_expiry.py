"""Warnings about account tokens: expired, expiring soon, or expiring before posts scheduled
with them (no Qt; the command line prints `message`, the window words the same values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_publisher.store.fields import utcnow
from desktop_publisher.store.models import PENDING, Account, ScheduledPost

# What a token warning is about (TokenWarning.kind).
EXPIRED, EXPIRES_SOON, BEFORE_POSTS = "expired", "expires_soon", "before_posts"


@dataclass(frozen=True)
class TokenWarning:
    """A token that has expired, expires within the warning days, or expires before some of
    its account's scheduled posts. `message` is the English line (command line, logs); the
    window words it in the UI's language from the same values."""

    account: str
    platform: str
    expires: datetime
    kind: str  # EXPIRED, EXPIRES_SOON or BEFORE_POSTS
    count: int = 0  # days left (EXPIRES_SOON), posts due after the expiry (BEFORE_POSTS)

    @property
    def message(self) -> str:
        token = f"The token of {self.account} ({self.platform})"
        day = f"{self.expires:%Y-%m-%d}"
        if self.kind == EXPIRED:
            return f"{token} expired on {day}: reconnect the account."
        if self.kind == EXPIRES_SOON:
            return f"{token} expires in {self.count} day(s), on {day}."
        return f"{token} expires on {day}, before {self.count} of its scheduled post(s)."


def expiry_warnings(days: int, now: datetime | None = None) -> list[TokenWarning]:
    """Every account's token warning, `days` being how long before expiry one is warned."""
    now = now or utcnow()
    warnings = []
    for account in Account.select().where(Account.token_expires_at.is_null(False)):
        expires = account.token_expires_at
        about = (account.name, account.platform, expires)
        if expires <= now:
            warnings.append(TokenWarning(*about, EXPIRED))
            continue
        if expires - now <= timedelta(days=days):
            warnings.append(TokenWarning(*about, EXPIRES_SOON, (expires - now).days))
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
            warnings.append(TokenWarning(*about, BEFORE_POSTS, later))
    return warnings
