"""What a platform says about itself, as plain data: everything but the HTTP work.

A publisher class carries one `Declaration` (its `declaration` attribute). From it come the
command line's account options, the account form, the settings dialog's API fields, the
validation of account settings and of the platform's global settings, and which platform hosts
media for the others. A built-in platform keeps its declaration in its package's `__init__.py`,
which imports nothing heavy: the command line and the window read every platform's declaration
without loading a single client. See docs/adding-a-platform.md.

Texts a person reads are marked with QT_TRANSLATE_NOOP where they are written: field labels in
context "Platforms", rules in "Problem", the settings dialog's words in "SettingsDialog".
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One validation failure: the field it concerns and the rule, in words.

    `rule` is an English template marked for the catalogues (context "Problem"), `args` its
    values: `message` is the English text (command line, logs); the window shows the rule
    translated and filled with the same values (gui/problems.py)."""

    field: str
    rule: str
    args: Mapping[str, object] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        return self.rule.format(**self.args)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class Limits:
    """Declared once per platform; drives validate() and the editor's live counters."""

    max_text: int | None = None
    text_required: bool = True
    min_media: int = 0
    max_media: int = 0
    media_types: tuple[str, ...] = ()  # MIME types, e.g. ("image/jpeg",)
    max_media_bytes: int | None = None  # None: DEFAULT_MAX_MEDIA_BYTES (files are read whole)
    max_hashtags: int | None = None
    max_mentions: int | None = None
    title_required: bool = False
    max_title: int | None = None


# The rule a value breaks (None when it is fine); the Problem's field is the setting's key.
ValueRule = Callable[[str, str], Problem | None]


@dataclass(frozen=True)
class AccountField:
    """A non-secret account setting, stored in the Account row.

    `label` is the field's name alone (context "Platforms"); `hint` says what a value looks
    like (shown in the empty field); neither is parsed out of the other. `cli_help` is the
    option's help in `account add`, `cli_set_help` in `account set` when it differs. `rule`
    checks a value's format, `keep` turns an accepted value into what is stored.
    """

    key: str
    label: str
    cli_option: str | None = None  # e.g. "--page-id"
    env: str | None = None  # legacy environment variable for `account import-env`
    required: bool = True
    flag: bool = False  # a yes/no switch (e.g. --media-host)
    hint: str = ""
    cli_help: str | None = None
    cli_set_help: str | None = None
    rule: ValueRule | None = None
    keep: Callable[[str], str] | None = None
    # Where the option comes among the command line's options of its platform (lower first);
    # the form keeps the declaration's order.
    cli_rank: int = 0

    @property
    def set_help(self) -> str | None:
        return self.cli_set_help if self.cli_set_help is not None else self.cli_help


# The former name: platforms written before declarations used it.
SettingField = AccountField


@dataclass(frozen=True)
class Secret:
    """What the platform's secret is called (`label` in sentences, `title` as a field's name:
    both context "Platforms"), its legacy variable and whether it expires by default."""

    label: str = "access token"
    title: str = "Access token"
    env: str | None = None
    # Whether tokens expire unless told otherwise (LinkedIn/Facebook user tokens: 60 days).
    expires_by_default: bool = True


@dataclass(frozen=True)
class ApiUrl:
    """The platform API's base address, which an environment variable may replace (a test's
    fake, a proxy). Platforms sharing an API (Facebook, Instagram) share one ApiUrl."""

    key: str  # what PublisherOptions.urls is keyed by
    env: str
    default: str

    def resolve(self) -> str:
        return os.environ.get(self.env, self.default).rstrip("/")


@dataclass(frozen=True)
class GlobalSetting:
    """A setting of the platform shared by all its accounts (an API version), stored with the
    app's settings. `group` "api" puts it in the settings dialog's "API versions" box; "internal"
    keeps it out of sight (what a client learned).

    For the dialog (context "SettingsDialog"): `label`, `help`; `pattern` is the format a value
    must match (an empty value is accepted when `empty_ok`), `problem` the rule's words with
    `%1`, `%2`… filled by `problem_values(value)`; `automatic(settings)` is the value in use
    when the field is empty, shown as "automatic: …".
    """

    key: str
    default: object
    label: str
    group: str = "api"
    help: str = ""
    pattern: re.Pattern[str] | None = None
    empty_ok: bool = False
    problem: str = ""
    problem_values: Callable[[str], tuple[str, ...]] | None = None
    automatic: Callable[[Callable[[str], object]], str] | None = None

    def problem_with(self, value: object) -> tuple[str, tuple[str, ...]] | None:
        """The rule `value` breaks and the values to fill it with; None when it is fine."""
        text = str(value if value is not None else "")
        if self.pattern is None or (self.empty_ok and not text):
            return None
        if self.pattern.match(text):
            return None
        values = self.problem_values(text) if self.problem_values else (repr(text),)
        return self.problem, values


@dataclass(frozen=True)
class Capabilities:
    # Hosts images in public for platforms that need an address (an account marked with the
    # platform's flag field `media_host`); its publisher class offers `media_host(account)`.
    hosts_media: bool = False
    # Whether publish() may need a media host (Instagram: local images must be public).
    needs_media_host: bool = False
    # Whether the platform itself can publish at a later time (none here does: the app does).
    native_scheduling: bool = False
    # Whether this app downloads the images given by URL to upload them (LinkedIn, WordPress):
    # then their addresses must be public (platforms/addresses.py).
    fetches_media_urls: bool = False
    # Whether the platform checks what it downloads from an image address itself (Meta): then an
    # address whose type cannot be told (a CDN, a query string) is not refused here.
    checks_remote_types: bool = False


@dataclass(frozen=True)
class Declaration:
    platform: str  # the id: `account add PLATFORM`, the Account row
    label: str  # the platform's name for people
    limits: Limits
    account_fields: tuple[AccountField, ...] = ()
    secret: Secret = Secret()
    api_urls: tuple[ApiUrl, ...] = ()
    settings: tuple[GlobalSetting, ...] = ()
    capabilities: Capabilities = Capabilities()
    # Keys of PostVariant.extra this platform reads, in the order an editor shows them:
    # "excerpt", "categories", "tags" (lists of names), "alt" (text for the images).
    extra_fields: tuple[str, ...] = ()
    # The module holding the publisher class, for a built-in platform whose declaration lives
    # apart from its client (imported when the class is first needed).
    client: str = ""

    def field(self, key: str) -> AccountField | None:
        return next((f for f in self.account_fields if f.key == key), None)
