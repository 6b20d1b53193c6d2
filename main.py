"""Desktop Publisher from a checkout: `python main.py` opens the window, like `desktop-publisher`
with no command; any arguments are the command line's (`python main.py --data-dir DIR`,
`python main.py status`)."""

import sys

from desktop_publisher.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
