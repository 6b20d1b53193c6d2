#!/usr/bin/env bash
# Debian/Ubuntu packages the real-part tests need (run as root): the Secret Service keyring and
# a local WordPress. Everything else the tests need comes from pyproject.toml.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends gnome-keyring dbus libegl1 libgl1 libxkbcommon0 \
  libfontconfig1 libdbus-1-3 >/dev/null
cd "$(dirname "$0")/.."
bash scripts/wordpress-test-server.sh install
