"""Entry point of the bundle: the same command line as the installed ``transcript-editor``."""

import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
