#!/usr/bin/env bash
# Installs what the tests need into .venv and runs every test (plus ruff).
# Real-part tests run when their system parts are installed (scripts/install-test-system-deps.sh):
#   - the real Secret Service: inside a private D-Bus session with a throw-away gnome-keyring;
#   - a real WordPress on 127.0.0.1 (scripts/wordpress-test-server.sh);
#   - the window on a real X server (Xvfb; under CI=true its absence fails instead).
# Otherwise those tests are skipped, and pytest's summary (-rs) gives each one's reason.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=${PYTHON:-python3}

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

state=$(mktemp -d)
cleanup() {
  if [ -f "$state/wordpress/env" ]; then bash scripts/wordpress-test-server.sh stop "$state/wordpress" || true; fi
  rm -rf "$state"
}
trap cleanup EXIT

if bash scripts/wordpress-test-server.sh available >/dev/null 2>&1; then
  # A free port, so a server already listening on this machine cannot get in the way.
  port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  bash scripts/wordpress-test-server.sh start "$port" "$state/wordpress"
  export DP_WORDPRESS_ENV="$state/wordpress/env"
fi

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # A fresh HOME holds the throw-away keyring: the developer's own keyring is never touched.
  mkdir -p "$state/home"
  env -u DBUS_SESSION_BUS_ADDRESS HOME="$state/home" DP_REAL_KEYRING=1 \
    dbus-run-session -- bash -c '
      printf %s throwaway-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
      exec "$0"/.venv/bin/python -m pytest -rs "${@}"' "$root" "$@"
else
  echo "note: dbus-run-session or gnome-keyring-daemon missing: the real keyring test is skipped" >&2
  .venv/bin/python -m pytest -rs "$@"
fi
