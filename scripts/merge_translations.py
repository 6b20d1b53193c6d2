"""Merge a fresh lupdate extraction into a translation catalogue, keeping every translation.

    python scripts/merge_translations.py [--plural-only] EXTRACTED.ts CATALOGUE.ts

lupdate can merge by itself, but some PySide6 versions (6.11) miss plural strings in Python code
and drop every plural form while merging. Here the extraction gives the strings and their order;
the catalogue gives the translations, matched by (context, source). A string with %n (or %Ln)
is a plural whatever the extraction says. Strings gone from the code are dropped; new ones are
left unfinished for a translator. --plural-only keeps the plurals only (the English catalogue).
"""

from __future__ import annotations

import copy
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# Plural forms per language, for new plural strings (Qt's rules: Polish has three).
PLURAL_FORMS = {"pl": 3, "en": 2}
PLURAL = re.compile(r"%L?n")


def merge(extracted: Path, catalogue: Path, plural_only: bool = False) -> tuple[int, int]:
    """Returns (strings, still untranslated)."""
    old_root = ET.parse(catalogue).getroot() if catalogue.exists() else None
    known: dict[tuple[str, str], ET.Element] = {}
    language = None
    if old_root is not None:
        language = old_root.get("language")
        for context in old_root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                known[(name, message.findtext("source") or "")] = message.find("translation")
    tree = ET.parse(extracted)
    root = tree.getroot()
    if language:
        root.set("language", language)
    forms = PLURAL_FORMS.get((root.get("language") or "en")[:2], 2)
    total = untranslated = 0
    for context in list(root.iter("context")):
        name = context.findtext("name") or ""
        for message in list(context.iter("message")):
            source = message.findtext("source") or ""
            if PLURAL.search(source):
                message.set("numerus", "yes")
            elif plural_only:
                context.remove(message)
                continue
            total += 1
            translation = message.find("translation")
            previous = known.get((name, source))
            if previous is not None and previous.get("type") not in ("vanished", "obsolete"):
                message.remove(translation)
                message.append(copy.deepcopy(previous))
                if previous.get("type") == "unfinished":
                    untranslated += 1
                continue
            untranslated += 1
            translation.clear()
            translation.set("type", "unfinished")
            if message.get("numerus") == "yes":
                for _ in range(forms):
                    ET.SubElement(translation, "numerusform")
    for context in list(root.iter("context")):
        if context.find("message") is None:
            root.remove(context)
    ET.indent(tree, space="    ")
    with catalogue.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return total, untranslated


def main(argv: list[str]) -> int:
    plural_only = "--plural-only" in argv
    paths = [arg for arg in argv if arg != "--plural-only"]
    if len(paths) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    total, untranslated = merge(Path(paths[0]), Path(paths[1]), plural_only)
    print(f"{paths[1]}: {total} strings, {untranslated} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
