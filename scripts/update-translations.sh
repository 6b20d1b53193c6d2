#!/usr/bin/env bash
# Refresh the Qt translation sources from the GUI code and compile them.
#   bash scripts/update-translations.sh [path/to/venv]
# Edit resources/translations/desktop_publisher_pl.ts with Qt Linguist (pyside6-linguist), then
# run this again: the .qm files next to it are what the app loads.
# English has a catalogue too: it only holds plural forms ("%n post(s)" → "1 post", "2 posts").
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
bin="$venv/bin"
out=resources/translations
sources=$(find desktop_publisher/gui -name '*.py' | sort)
# shellcheck disable=SC2086
"$bin/pyside6-lupdate" -silent -no-obsolete -locations none $sources -ts "$out/desktop_publisher_pl.ts"
# shellcheck disable=SC2086
"$bin/pyside6-lupdate" -silent -no-obsolete -locations none -pluralonly $sources \
  -ts "$out/desktop_publisher_en.ts"
for ts in "$out"/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
