"""Entry point of the bundle: the same command line as the installed ``transcript-editor``."""

import multiprocessing
import sys

from editor.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the aligner's worker processes start this executable
    sys.exit(main())
