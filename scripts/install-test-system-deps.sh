#!/usr/bin/env bash
# Debian/Ubuntu packages the real-part tests need (run as root): the Secret Service keyring, the
# system libraries of Qt and its X11 platform plugin (the ones README's install section names)
# with an X server to open the real window on (Xvfb; xwininfo sees the window), and a local
# WordPress. Everything else the tests need comes from pyproject.toml.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
window_libraries=(
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  libxcb1 libx11-xcb1 libx11-6 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
  libfreetype6 libdbus-1-3 libglib2.0-0
)
apt-get update -qq
apt-get install -y -qq --no-install-recommends gnome-keyring dbus xvfb x11-utils \
  "${window_libraries[@]}" >/dev/null
cd "$(dirname "$0")/.."
bash scripts/wordpress-test-server.sh install
