"""A platform described only here, in the test suite, reaches the command line's options, the
account form, the settings dialog and the validation rules: nothing else names it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop_publisher.gui.dialogs.account_edit import AccountEditDialog
from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog
from desktop_publisher.platforms import registry
from desktop_publisher.platforms.base import (
    AccountField,
    ApiUrl,
    Declaration,
    GlobalSetting,
    Limits,
    PostVariant,
    Problem,
    PublishContext,
    Publisher,
    PublishResult,
)
from desktop_publisher.platforms.declaration import Secret


def loft_number(key: str, value: str) -> Problem | None:
    return (
        None
        if value.isdigit()
        else Problem(key, "Loft must be a number (not {value}).", {"value": value})
    )


class PigeonPublisher(Publisher):
    declaration = Declaration(
        platform="pigeon",
        label="Pigeon Post",
        limits=Limits(max_text=50),
        account_fields=(
            AccountField(
                "loft",
                "Loft",
                "--loft",
                hint="the number on the loft's door",
                cli_help="Pigeon Post loft number",
                rule=loft_number,
            ),
        ),
        secret=Secret("ring code", "Ring code", expires_by_default=False),
        api_urls=(ApiUrl("pigeon", "DESKTOP_PUBLISHER_PIGEON_URL", "http://127.0.0.1:9"),),
        settings=(
            GlobalSetting(
                "pigeon_version",
                "p1",
                "Pigeon protocol",
                help="Which protocol the birds speak.",
                pattern=re.compile(r"^p\d$"),
                problem="Pigeon protocol must look like p1 (not %1).",
            ),
        ),
    )

    def publish(self, variant: PostVariant, ctx: PublishContext) -> PublishResult:
        raise AssertionError("nothing is published in these tests")

    def verify(self) -> str:
        return "the loft"


@pytest.fixture
def pigeon() -> Iterator[type[Publisher]]:
    registry.register(PigeonPublisher)
    yield PigeonPublisher
    registry.unregister("pigeon")


def test_the_command_line_offers_the_platform_and_its_options(pigeon, cli, capsys):  # noqa: ANN001
    with pytest.raises(SystemExit):
        cli("account", "add", "--help")
    shown = capsys.readouterr().out
    assert "pigeon" in shown
    assert re.search(r"--loft LOFT\s+Pigeon Post loft number", shown)

    refused = cli("account", "add", "pigeon", "--name", "Birds", "--loft", "attic", stdin="c\n")
    assert refused.code == 1
    assert refused.err.strip().endswith("Loft must be a number (not attic).")

    added = cli("account", "add", "pigeon", "--name", "Birds", "--loft", "12", stdin="code\n")
    assert added.code == 0, added.err
    assert "Added Pigeon Post account 'Birds'; its ring code is in the system keyring." in added.out
    listed = cli("account", "list")
    assert re.search(r"Birds\s+pigeon\s+loft=12", listed.out)


def test_the_account_form_shows_its_fields_with_their_hint(pigeon, qtbot, ctx):  # noqa: ANN001
    dialog = AccountEditDialog(ctx, platform="pigeon")
    qtbot.addWidget(dialog)
    loft = dialog._setting_widgets["loft"]
    assert isinstance(loft, QLineEdit)
    assert loft.placeholderText() == "the number on the loft's door"
    assert loft.accessibleName() == "Loft"
    assert dialog.secret_label.text() == "Ring code:"
    problems = ctx.accounts.field_problems("pigeon", "Birds", {"loft": "attic"}, "code")
    assert problems["loft"].message == "Loft must be a number (not attic)."


def test_the_settings_dialog_shows_its_global_setting(pigeon, qtbot, ctx):  # noqa: ANN001
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    version = dialog.widgets["pigeon_version"]
    assert isinstance(version, QLineEdit)
    assert version.text() == "p1"  # its declared default, as stored
    version.setText("carrier")
    dialog.save()
    assert dialog.errors["pigeon_version"].text() == (
        "Pigeon protocol must look like p1 (not 'carrier')."
    )
    version.setText("p2")
    dialog.save()
    assert ctx.store.settings.get("pigeon_version") == "p2"


def test_the_platform_is_gone_once_unregistered(pigeon):  # noqa: ANN001
    registry.unregister("pigeon")
    assert "pigeon" not in registry.names()
    assert all(spec.key != "loft" for spec in registry.account_fields())
