"""The Qt-free core: domain model, project store, operations, formats.

Nothing in this package may import PySide6 or vlc (``tests/core/test_architecture.py`` checks it),
so the command line, the tests and the GUI all share one implementation.
"""
