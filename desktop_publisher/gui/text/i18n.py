"""English and Polish: the UI follows the system language unless a setting overrides it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_publisher.gui.infra.resources import resource

LANGUAGES = {"": "System", "en": "English", "pl": "Polski"}


def install(app: QCoreApplication, language: str = "") -> str:
    """Load our catalogue and Qt's own for `language` (or the system's). Returns the code used."""
    uninstall(app)  # a second call (the language setting changed) replaces the first
    code = language or QLocale.system().name().split("_")[0]
    if code not in ("en", "pl"):
        code = "en"
    QLocale.setDefault(QLocale(code))
    translators = []
    # English has a catalogue too: it holds the plural forms ("%n post(s)" → "1 post").
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"desktop_publisher_{code}.qm"))):
        translators.append(ours)
    if code != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    app.setProperty("dp_translators", translators)  # keep them alive
    return code


def uninstall(app: QCoreApplication) -> None:
    for translator in app.property("dp_translators") or []:
        app.removeTranslator(translator)
    app.setProperty("dp_translators", [])
    QLocale.setDefault(QLocale.system())
