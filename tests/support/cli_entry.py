"""`python -m tests.support.cli_entry ARGS`: the real CLI, plus the test platform "fakenet".

Used by tests that need the engine or the CLI in another process (kill -9, change detection).
"""

import sys

from desktop_publisher.cli import main
from tests.fakes import fakenet  # noqa: F401  (registers the platform)

sys.exit(main())
