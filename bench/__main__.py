"""Run every benchmark: ``python -m bench``."""

from bench import formats

formats.main()
