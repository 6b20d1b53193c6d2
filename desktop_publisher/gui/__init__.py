"""The window. The only package that imports Qt; it talks to the engine through signals."""

from desktop_publisher.gui.infra import pyside_fixes

# First, before the window's modules import the rest, and before any of them emits a signal
# (see pyside_fixes).
pyside_fixes.speed_up_import_scan()
pyside_fixes.install()
