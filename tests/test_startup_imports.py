"""What start-up does not load: the command line and the window come up without `requests`,
`keyring` or APScheduler (70, 50 and 60 ms), which load when first used.

Each probe runs in a fresh interpreter, where sys.modules shows what was imported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_publisher.platforms import registry
from tests.support.processes import run_python

HEAVY = ("requests", "urllib3", "keyring", "apscheduler")


def run_probe(code: str) -> None:
    probe = (
        "import sys\n"
        f"{code}\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "assert not heavy, heavy\n"
    )
    run_python(probe)


def test_builtin_ids_and_labels_match_the_client_classes():
    classes = registry.platforms()
    assert set(registry.BUILTIN) <= set(classes)
    for platform, package in registry.BUILTIN.items():
        declared = registry.declaration(platform)
        assert classes[platform].__module__ == declared.client == f"{package}.publisher"
        assert classes[platform].declaration is declared
        assert classes[platform].label == declared.label == registry.label(platform)
    assert registry.names() == sorted(classes)


def test_an_unknown_platform_is_refused_with_the_known_ones():
    from desktop_publisher.errors import UserError

    with pytest.raises(UserError, match="Unknown platform 'nope': choose one of .*linkedin"):
        registry.publisher_class("nope")


def test_names_and_labels_import_no_client():
    run_probe(
        "from desktop_publisher.platforms import registry\n"
        "assert 'linkedin' in registry.names() and registry.label('wordpress') == 'WordPress'\n"
        "loaded = [m for m in registry.client_modules() if m in sys.modules]\n"
        "assert not loaded, loaded"
    )


def test_one_platform_class_imports_that_client_only():
    run_probe(
        "from desktop_publisher.platforms import registry\n"
        "assert registry.publisher_class('linkedin').label == 'LinkedIn'\n"
        "loaded = [m for m in registry.client_modules() if m in sys.modules]\n"
        "assert loaded == ['desktop_publisher.platforms.linkedin.publisher'], loaded"
    )


def test_the_command_line_parses_without_the_heavy_libraries():
    run_probe(
        "from desktop_publisher.cli import build_parser\n"
        "args = build_parser().parse_args(['account', 'add', 'linkedin', '--name', 'A'])\n"
        "assert args.platform == 'linkedin'"
    )


def test_the_command_line_reads_the_declarations_without_any_client():
    run_probe(
        "from desktop_publisher.cli import build_parser\n"
        "from desktop_publisher.platforms import registry\n"
        "args = build_parser().parse_args(['account', 'add', 'wordpress', '--name', 'A',"
        " '--site-url', 'https://a.example'])\n"
        "assert args.site_url == 'https://a.example'\n"
        "loaded = [m for m in registry.client_modules() if m in sys.modules]\n"
        "assert not loaded, loaded"
    )


def test_the_clients_load_without_requests_until_a_request_is_sent():
    run_probe("from desktop_publisher.platforms import registry\nregistry.platforms()")


def test_the_window_modules_load_without_the_heavy_libraries():
    pytest.importorskip("PySide6")
    run_probe(
        "import desktop_publisher.gui.app, desktop_publisher.gui.window.main_window\n"
        "import desktop_publisher.gui.tray, desktop_publisher.credentials"
    )


def test_the_window_modules_leave_the_engine_lock_and_the_dialogs_for_later():
    """Each costs milliseconds before the first paint: the engine lock (filelock) is taken after
    it, and PySide makes a Qt class's Python type with all its enums when its name is first
    read."""
    pytest.importorskip("PySide6")
    run_probe(
        "import desktop_publisher.gui.app, desktop_publisher.gui.window.main_window\n"
        "import desktop_publisher.gui.tray\n"
        "later = ('filelock', 'desktop_publisher.engine.lock',"
        " 'desktop_publisher.gui.dialogs.post_dialogs')\n"
        "loaded = [m for m in later if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "import PySide6.QtWidgets\n"
        "made = [n for n in ('QMessageBox', 'QFileDialog', 'QInputDialog')"
        " if n in vars(PySide6.QtWidgets)]\n"
        "assert not made, made"
    )


def test_pyside_answers_its_import_scan_without_reading_sources_through_inspect():
    """PySide reads each newly named module's source after it is imported (~0.1 ms a module,
    kept in linecache); pyside_fixes answers the same question with a plain read, and for the
    app's own modules by their package (see the next test). Modules that mention PySide6 must
    still be told apart from the rest."""
    pytest.importorskip("PySide6")
    run_probe(
        "import linecache\n"
        "from desktop_publisher.gui.app import run_app\n"
        "from desktop_publisher.gui.window.main_window import MainWindow\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "if not hasattr(feature, '_mod_uses_pyside'):\n"
        "    raise SystemExit(0)  # a PySide6 without the scan: nothing to speed up\n"
        "seen = feature.pyside_feature_dict\n"
        "assert seen['desktop_publisher.gui.window.main_window'] == 0, 'uses PySide6'\n"
        "assert seen['desktop_publisher.store.models'] == -1, 'no PySide6'\n"
        "assert seen['peewee'] == -1 and seen['html'] == -1\n"
        "read = [path for path in linecache.cache if 'desktop_publisher' in path"
        " or path.endswith(('peewee.py', 'html/__init__.py'))]\n"
        "assert not read, read"
    )


def test_only_the_window_package_mentions_pyside6():
    """The architecture's rule (nothing outside gui/ imports Qt), which also lets the import
    scan answer for the app's own modules by their name without reading their sources.
    display_check.py names the package only to find its plugin file before Qt is imported,
    and imports nothing of it (the scan's answer for it, "no PySide6", is right)."""
    package = Path(registry.__file__).resolve().parent.parent
    window = package / "gui"
    mentions = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if window not in path.parents and b"PySide6" in path.read_bytes()
    ]
    assert mentions == ["display_check.py"]
    source = (package / "display_check.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) PySide6", source, re.M)
