"""English and Polish: the catalogues are complete, current with the code, and loaded."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_publisher.gui.infra.resources import resource
from desktop_publisher.gui.text import i18n, statuses
from desktop_publisher.store.models import Status

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"


def _lupdate() -> Path | None:
    found = Path(sys.executable).parent / "pyside6-lupdate"
    return found if found.exists() else None


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → its <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def _translated(translation: ET.Element) -> bool:
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


@pytest.mark.parametrize("language", ["pl", "en"])
def test_catalogue_is_complete_and_current(tmp_path: Path, language: str) -> None:
    """Every string the code marks for translation (the GUI's, and the validation rules
    outside it) has its translation (Polish: all of them; English: the plural forms)."""
    lupdate = _lupdate()
    assert lupdate is not None, "pyside6-lupdate comes with PySide6-Essentials"
    # A fresh extraction, compared by (context, source): merging into a copy of the catalogue
    # would let this lupdate's own idea of Polish plurals (some versions have none) interfere.
    extracted = tmp_path / f"extracted_{language}.ts"
    # Validation rules outside gui/ are marked for the catalogues too (translatable.py).
    sources = sorted(str(p) for p in (REPO / "desktop_publisher").rglob("*.py"))
    extra = ["-pluralonly"] if language == "en" else []
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *extra, *sources, "-ts", str(extracted)],
        check=True,
    )
    wanted = set(_messages(extracted))
    assert wanted, "the extraction found no strings at all"
    catalogue = _messages(TRANSLATIONS / f"desktop_publisher_{language}.ts")
    missing = sorted(
        source for key in wanted if not _translated(catalogue.get(key, ET.Element("x")))
        for source in [key[1]]
    )  # fmt: skip
    assert missing == [], (
        f"{len(missing)} string(s) without a {language} translation; run "
        "scripts/update-translations.sh and translate them: " + "; ".join(missing[:10])
    )
    # The compiled catalogue the app loads is there.
    qm = TRANSLATIONS / f"desktop_publisher_{language}.qm"
    assert qm.stat().st_size > 0


def _polish(context: str) -> list[tuple[str, ET.Element]]:
    """(source, <translation>) of every Polish message in `context`."""
    messages = _messages(TRANSLATIONS / "desktop_publisher_pl.ts")
    return [(source, tr) for (ctx, source), tr in messages.items() if ctx == context]


def _values(text: str) -> list[str]:
    """The {names} a rule is filled with."""
    return re.findall(r"{(\w+)}", text)


def test_the_platform_rules_keep_their_placeholders_in_polish() -> None:
    """The window fills a translated rule with the rule's values ({platform}, {limit}…): a
    translation naming another value would fall back to English."""
    rules = _polish("Problem")
    assert len(rules) >= 20
    for source, translation in rules:
        assert translation is not None and _translated(translation), source
        assert sorted(_values(translation.text or "")) == sorted(_values(source)), source


def test_every_translation_keeps_the_numbered_placeholders_of_its_source() -> None:
    """%1, %2… and %n are filled after translating: one lost or renumbered would show a wrong
    value (or the placeholder itself) in Polish only."""
    placeholder = re.compile(r"%L?(?:\d|n)")
    checked = 0
    for (_context, source), translation in _messages(
        TRANSLATIONS / "desktop_publisher_pl.ts"
    ).items():
        assert translation is not None, source
        texts = [form.text or "" for form in translation.findall("numerusform")]
        for text in texts or [translation.text or ""]:
            assert set(placeholder.findall(text)) == set(placeholder.findall(source)), source
            checked += 1
    assert checked > 400


def test_the_user_errors_keep_only_their_own_values_in_polish() -> None:
    """The window fills a translated error with the error's values: a translation naming a
    value the error does not have would fall back to English."""
    errors = _polish("Error")
    assert len(errors) >= 40
    for source, translation in errors:
        assert translation is not None and _translated(translation), source
        assert set(_values(translation.text or "")) <= set(_values(source)), source


def _translate(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def test_polish_ui_loads(qapp) -> None:  # noqa: ANN001
    try:
        assert i18n.install(qapp, "pl") == "pl"
        assert _translate("MainWindow", "Pause publishing") == "Wstrzymaj publikowanie"
        # Polish has three plural forms.
        assert _translate("MainWindow", "%Ln post(s)", 1) == "1 post"
        assert _translate("MainWindow", "%Ln post(s)", 3) == "3 posty"
        assert _translate("MainWindow", "%Ln post(s)", 5) == "5 postów"
        # Words looked up through small helpers are found by the tool too.
        assert statuses.label(Status.NEEDS_CHECK) == "Do sprawdzenia"
    finally:
        i18n.uninstall(qapp)


def test_english_plurals(qapp) -> None:  # noqa: ANN001
    try:
        i18n.install(qapp, "en")
        assert _translate("DetailsPane", "%n attempt(s)", 1) == "1 attempt"
        assert _translate("DetailsPane", "%n attempt(s)", 2) == "2 attempts"
    finally:
        i18n.uninstall(qapp)


def test_unknown_language_falls_back_to_english(qapp) -> None:  # noqa: ANN001
    try:
        assert i18n.install(qapp, "xx") == "en"
        assert _translate("MainWindow", "Pause publishing") == "Pause publishing"
    finally:
        i18n.uninstall(qapp)


def test_catalogues_are_installed_with_the_package() -> None:
    assert resource("translations", "desktop_publisher_pl.qm").is_file()
    assert resource("translations", "desktop_publisher_en.qm").is_file()


def test_polish_month_headings_name_the_month_on_its_own(qapp) -> None:  # noqa: ANN001
    """'Listopad 2026', not the form a date uses ('24 listopada')."""
    from datetime import date

    from desktop_publisher.gui.text import timefmt

    try:
        i18n.install(qapp, "pl")
        assert timefmt.month_title(date(2026, 11, 3)) == "Listopad 2026"
        assert timefmt.month_title(date(2027, 1, 3)) == "Styczeń 2027"
        i18n.install(qapp, "en")
        assert timefmt.month_title(date(2026, 11, 3)) == "November 2026"
    finally:
        i18n.uninstall(qapp)


def test_the_status_column_fits_the_longest_polish_status(qtbot, qapp, store) -> None:  # noqa: ANN001
    from desktop_publisher.gui.widgets.queue_model import Column, QueueModel
    from desktop_publisher.gui.widgets.queue_view import QueueView

    try:
        i18n.install(qapp, "pl")
        view = QueueView()
        qtbot.addWidget(view)
        view.setModel(QueueModel(store.db, view))
        longest = view.fontMetrics().horizontalAdvance("Do sprawdzenia")
        # The status icon (16) and the cell's margins come on top of the words.
        assert view.horizontalHeader().sectionSize(Column.STATUS) >= longest + 30
    finally:
        i18n.uninstall(qapp)
