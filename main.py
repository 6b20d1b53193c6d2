"""Opens the Desktop Publisher window (same as `desktop-publisher gui`)."""

import sys

from desktop_publisher.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui", *sys.argv[1:]]))
