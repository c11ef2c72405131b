"""Glossary CSV files: header ``term,variants,note``, variants separated by ``|``.

An optional ``case`` column (``exact`` or ``ignore``) is read too. Cells that a spreadsheet
would run as a formula are written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import InputError
from editor.core.model import CaseRule, GlossaryTerm
from editor.core.textfile import read_text

HEADER = ("term", "variants", "note")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class NewTerm:
    term: str
    variants: tuple[str, ...] = ()
    note: str = ""
    case_rule: CaseRule = CaseRule.EXACT


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _unsafe(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES) else cell


def read_glossary_csv(path: str | Path) -> list[NewTerm]:
    source = read_text(path)
    reader = csv.reader(io.StringIO(source.text))
    rows, first_lines, line = [], [], 1
    for record in reader:  # a quoted cell may span lines: report where its record starts
        rows.append(record)
        first_lines.append(line)
        line = reader.line_num + 1
    if not rows:
        raise InputError(path, "the file is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    if "term" not in header:
        raise InputError(path, f"the first line must be the header {','.join(HEADER)}", 1)
    column = {name: header.index(name) for name in (*HEADER, "case") if name in header}
    terms: list[NewTerm] = []
    for number, row in zip(first_lines[1:], rows[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            position = column.get(name)
            return (
                _unsafe(row[position].strip())
                if position is not None and position < len(row)
                else ""
            )

        term = cell("term")
        if not term:
            raise InputError(path, "a row has variants or a note but no term", number)
        case = cell("case").lower() or CaseRule.EXACT.value
        if case not in {rule.value for rule in CaseRule}:
            raise InputError(path, f"case must be 'exact' or 'ignore', not {case!r}", number)
        variants = tuple(v.strip() for v in cell("variants").split("|") if v.strip())
        terms.append(NewTerm(term, variants, cell("note"), CaseRule(case)))
    return terms


def write_glossary_csv(terms: list[GlossaryTerm]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for term in terms:
        writer.writerow(
            [
                spreadsheet_safe(term.term),
                spreadsheet_safe("|".join(term.variants)),
                spreadsheet_safe(term.note),
            ]
        )
    return out.getvalue()
