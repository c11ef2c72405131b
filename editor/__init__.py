"""Transcript Editor: a desktop editor for podcast transcripts, one SQLite project per episode."""

__version__ = "0.1.0"
APP_NAME = "Transcript Editor"
APP_ID = "io.github.transcript_editor.TranscriptEditor"
PROJECT_SUFFIX = ".tep"
