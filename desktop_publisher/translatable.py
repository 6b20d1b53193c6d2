"""Texts the window shows translated, written where they arise (outside gui/, without Qt).

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged: the command line shows the English.
The name is the one `pyside6-lupdate` looks for, so scripts/update-translations.sh puts the text
in the catalogues under `context`; the window translates it there (gui/problems.py).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate finds
    return text
