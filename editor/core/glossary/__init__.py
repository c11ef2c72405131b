"""Glossary terms (trademarks, frameworks, names) and checking a transcript against them."""

from editor.core.glossary.matcher import GlossaryMatcher, Hit, Kind
from editor.core.glossary.scan import Finding, MarkRule, scan

__all__ = ["Finding", "GlossaryMatcher", "Hit", "Kind", "MarkRule", "scan"]
