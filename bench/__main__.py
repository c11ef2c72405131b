"""Run every benchmark: ``python -m bench``."""

from bench import formats, glossary

formats.main()
glossary.main()
