"""Every text the window translates reaches the catalogues: `pyside6-lupdate` finds only
`tr("…")`, `QCoreApplication.translate("Context", "…")` and `QT_TRANSLATE_NOOP` with literal
texts. A helper that wraps them (`_tr(text)`) hides its texts from it, and they stay English in
every language without any test noticing — unless the helper translates texts marked elsewhere
with QT_TRANSLATE_NOOP, as the few functions below do."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desktop_publisher" / "gui"

# (module, function): translate data whose texts are marked with QT_TRANSLATE_NOOP where they
# are declared (settings, platforms' words, statuses, rules and advice).
DATA_TRANSLATORS = {
    ("dialogs/settings_dialog.py", "_tr"),
    ("text/problems.py", "platform_tr"),
    ("text/problems.py", "_translated_rule"),
    ("text/problems.py", "advice_text"),
    ("text/problems.py", "_worded"),
    ("text/problems.py", "storage_text"),
    ("text/statuses.py", "label"),
}


def variable_translations(root: Path) -> set[tuple[str, str, int]]:
    """(module, enclosing function, line) of each tr()/translate() whose text is not a literal."""
    found: set[tuple[str, str, int]] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                index = {"translate": 1, "tr": 0}.get(node.func.attr)
                if index is None or len(node.args) <= index:
                    continue
                text = node.args[index]
                if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                    found.add((path.relative_to(root).as_posix(), function.name, node.lineno))
    return found


def test_only_the_data_translators_translate_a_variable_text() -> None:
    wrong = {
        (module, name, line)
        for module, name, line in variable_translations(GUI)
        if (module, name) not in DATA_TRANSLATORS
    }
    assert wrong == set()


def test_a_wrapper_hiding_texts_from_the_catalogues_is_found(tmp_path: Path) -> None:
    (tmp_path / "part.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Part', text)\n"
        "def fine(self):\n"
        "    return self.tr('Literal')\n",
        encoding="utf-8",
    )
    assert variable_translations(tmp_path) == {("part.py", "_tr", 3)}
