"""API versions that follow the calendar instead of a value fixed in code.

LinkedIn publishes a `LinkedIn-Version` (YYYYMM) every month and serves each one for at least a
year (learn.microsoft.com/linkedin/marketing/versioning); a retired month is answered with HTTP
426 NONEXISTENT_VERSION. A month written in code therefore breaks every install a year later.
Here the month is computed from today's date, and when LinkedIn refuses it anyway (a month it
skipped, one not out yet, one retired early) the client walks through the other months it
should serve until one works, and remembers that one.

Meta keeps each Graph API version for at least two years and answers a call to an expired one
with the oldest version still live, saying so in the `facebook-api-version` response header
(developers.facebook.com/docs/graph-api/guides/versioning): the client notices the header and
moves its setting forward (graph.py).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

# How many months back LinkedIn surely still serves (each month lives at least twelve).
LINKEDIN_MONTHS_SERVED = 12
LINKEDIN_VERSION = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
GRAPH_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?$")


def _today(today: date | None) -> date:
    return today or datetime.now(UTC).date()


def _month_index(version: str) -> int | None:
    match = LINKEDIN_VERSION.match(version or "")
    if not match:
        return None
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def _version(index: int) -> str:
    return f"{index // 12}{index % 12 + 1:02d}"


def linkedin_default(today: date | None = None) -> str:
    """Last month: out for weeks already (a month's version may come out late in that month)
    and served for about eleven more months."""
    day = _today(today)
    return _version(day.year * 12 + day.month - 1 - 1)


def linkedin_served(today: date | None = None) -> list[str]:
    """The months LinkedIn should serve today, newest first: last month back to a year ago,
    then this month (which may not be out yet)."""
    day = _today(today)
    this_month = day.year * 12 + day.month - 1
    older = [_version(this_month - back) for back in range(1, LINKEDIN_MONTHS_SERVED + 1)]
    return [*older, _version(this_month)]


def linkedin_is_plausible(version: str, today: date | None = None) -> bool:
    """Whether a month is one LinkedIn should serve today (not retired, not in the future)."""
    return version in linkedin_served(today)


def linkedin_first_choice(manual: str, learned: dict | None, today: date | None = None) -> str:
    """The version to send first.

    - a month the user set by hand is kept, unless it was already found refused and another
      learned in its place (then that one, as long as the user has not changed the setting);
    - otherwise the version learned the last time, while the calendar says it is served;
    - otherwise the calendar's default."""
    manual = (manual or "").strip()
    learned = learned if isinstance(learned, dict) else {}
    found = str(learned.get("version") or "")
    replaces = str(learned.get("instead_of") or "")
    if manual:
        return found if found and replaces == manual else manual
    if found and not replaces and linkedin_is_plausible(found, today):
        return found
    return linkedin_default(today)


def linkedin_fallbacks(tried: str, today: date | None = None) -> list[str]:
    """The months to try, in order, after `tried` was refused: the served months, newest first,
    without the one refused."""
    return [v for v in linkedin_served(today) if v != tried]


def graph_version_key(version: str) -> tuple[int, int] | None:
    """(major, minor) of `v25.0`, `25.0`, `v25` or `25`; None when it is not a version."""
    match = GRAPH_VERSION.match((version or "").strip())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def graph_served_newer(requested: str, served: str | None) -> str | None:
    """The version Meta says it served instead of `requested`, when that is a newer one (the
    requested version has expired); None otherwise."""
    if not served:
        return None
    asked, got = graph_version_key(requested), graph_version_key(served)
    if asked is None or got is None or got <= asked:
        return None
    return f"v{got[0]}.{got[1]}"
