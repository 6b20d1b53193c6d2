#!/usr/bin/env bash
# Refresh the Qt translation sources from the code (the GUI's, and the validation rules written
# outside it, marked with QT_TRANSLATE_NOOP: see desktop_publisher/translatable.py) and compile
# them.
#   bash scripts/update-translations.sh [path/to/venv]
# Edit resources/translations/desktop_publisher_pl.ts with Qt Linguist (pyside6-linguist), then
# run this again: the .qm files next to it are what the app loads.
# English has a catalogue too: it only holds plural forms ("%n post(s)" → "1 post", "2 posts").
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
bin="$venv/bin"
out=resources/translations
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t sources < <(find desktop_publisher -name '*.py' | sort)
# A fresh extraction, merged by scripts/merge_translations.py (lupdate's own merge loses Polish
# plural forms in some PySide6 versions).
"$bin/pyside6-lupdate" -silent -locations none "${sources[@]}" -ts "$work/strings.ts"
"$bin/python" scripts/merge_translations.py "$work/strings.ts" "$out/desktop_publisher_pl.ts"
"$bin/python" scripts/merge_translations.py --plural-only "$work/strings.ts" \
  "$out/desktop_publisher_en.ts"
for ts in "$out"/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
