"""The measures of the standard (disclosure rate, refusal shares, appeals per 100, ...) as data.

``govinfo/schema/<version>/measures.csv`` states each measure once: its
labels, its numerator and denominator, its unit and a note on the
denominator that published analyses choose. This module parses that file;
``govinfo.measures`` computes the measures for every report of a package.

Not to be confused with the *columns of table 2*, the code list
``codes/measures.csv`` (本年制发件数 …), which ``govinfo.codes.measures()`` reads.

Each side of a measure is the cells of one table, written
``table[rows, columns]``: each of the two is a code or a signed sum of codes
of that table's code lists, in the notation of ``rules.csv``
(``requests[granted + partially_granted, total]``). A code that is a group
stands for the cells that carry it in a report, as in the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..errors import ReconcileError
from . import CELL_TABLES, TEMPLATES, VERSION, read_csv
from .codes import check_lang
from .rules import Term, dimension_list, format_sum, parse_sum

UNITS = {"percent": 100.0, "per_100": 100.0}
"""Each unit and the factor of numerator / denominator it is written in."""
_SIDE = re.compile(r"^(\w+)\[([^,\]]+),([^,\]]+)\]$")


@dataclass(frozen=True)
class Side:
    """The cells one side of a measure sums: a table, and terms of its two code columns."""

    table: str
    first: tuple[Term, ...]
    second: tuple[Term, ...]

    def __str__(self) -> str:
        return f"{self.table}[{format_sum(self.first)}, {format_sum(self.second)}]"


@dataclass(frozen=True)
class Measure:
    """One measure of ``measures.csv``, with its two sides parsed."""

    id: str
    label_zh: str
    label_en: str
    numerator: Side
    denominator: Side
    unit: str
    templates: frozenset[str]
    note_zh: str
    note_en: str

    @property
    def scale(self) -> float:
        """The factor of numerator / denominator the value is written in (100 for a percent)."""
        return UNITS[self.unit]

    def label(self, lang: str = "zh") -> str:
        """The Chinese or English label."""
        return self.label_en if check_lang(lang) == "en" else self.label_zh

    def note(self, lang: str = "zh") -> str:
        """The note on the denominator, in Chinese or English."""
        return self.note_en if check_lang(lang) == "en" else self.note_zh


@cache
def measures(version: str = VERSION) -> tuple[Measure, ...]:
    """Every measure of the standard, in file order."""
    return tuple(_measure(record) for record in read_csv("measures", version))


def select(ids: list[str] | tuple[str, ...] | None = None) -> list[Measure]:
    """The measures named by ``ids`` (all when None), in file order."""
    known = {measure.id: measure for measure in measures()}
    if ids is None:
        return list(known.values())
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ReconcileError(f"no measure {', '.join(unknown)} (known: {', '.join(known)})")
    return [measure for measure in known.values() if measure.id in ids]


def _measure(record: dict[str, str]) -> Measure:
    mid = record["id"]
    try:
        if record["unit"] not in UNITS:
            raise ValueError(f"unit {record['unit']!r} is not one of {', '.join(UNITS)}")
        templates = frozenset(record["templates"].split())
        if not templates <= set(TEMPLATES):
            raise ValueError(f"templates {sorted(templates - set(TEMPLATES))} are not known")
        return Measure(
            id=mid,
            label_zh=record["label_zh"],
            label_en=record["label_en"],
            numerator=parse_side(record["numerator"]),
            denominator=parse_side(record["denominator"]),
            unit=record["unit"],
            templates=templates,
            note_zh=record["note_zh"],
            note_en=record["note_en"],
        )
    except ValueError as exc:
        raise ReconcileError(f"measure {mid}: {exc}") from None


def parse_side(text: str) -> Side:
    """One side, ``table[rows, columns]``; ValueError when it names no cells of the standard."""
    match = _SIDE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not 'table[codes, codes]'")
    table, first, second = match.groups()
    if table not in CELL_TABLES:
        raise ValueError(f"{table!r} is not a cell table ({', '.join(CELL_TABLES)})")
    lists = [dimension_list(table, column) for column in CELL_TABLES[table]]
    terms = [
        parse_sum(part, codelist) for part, codelist in zip((first, second), lists, strict=True)
    ]
    if not all(terms):
        raise ValueError(f"{text!r}: both code columns need at least one code")
    return Side(table, terms[0], terms[1])
