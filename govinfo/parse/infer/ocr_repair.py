"""Tables read by OCR, verified by their identities: never trusted blindly.

Every value of a recognised table is flagged ``ocr`` (its ``raw`` is the
recogniser's text). The table's identities (row totals, the balance, the
outcome sum, table-4 totals) then check it:

* where identities fail and exactly one digit substitution in one cell (or
  one digit in a cell left blank) makes every identity hold, that reading is
  taken and flagged ``repaired`` — the classic misreading of 8 for 3, or a
  thin 1 the detector missed;
* a value the recogniser was unsure of that no holding identity confirms is
  flagged ``doubtful``, so that a low-confidence character never becomes a
  silent number.

Identities still failing are left to the reader's self-check
(``verify.py``), for which ``ocr`` is one more inferred flag: it flags the
cells of each failing identity ``doubtful``. Blank cells count as 0 here as
there; cells that could not be read (``unread``) make their identities not
assessable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ...model import Cell, Report
from .identities import Identity, report_identities

Key = tuple[str, str]
KEPT = frozenset({"unread", "split", "ambiguous_split", "placed"})


def verify_recognised(report: Report, tables: Iterable[str], unsure: frozenset[str]) -> None:
    """Flag, verify and repair the cells of ``tables`` of ``report`` that OCR read."""
    read = [table for table in tables if getattr(report, table)]
    if not read:
        return
    report.note("ocr", f"{', '.join(read)}: read by optical character recognition; flagged ocr")
    for table in read:
        cells = {key: _recognised(cell) for key, cell in getattr(report, table).items()}
        identities = report_identities(table, report.template, cells)
        _repair(report, table, cells, identities)
        _doubt(report, table, cells, identities, unsure)
        setattr(report, table, cells)


def _recognised(cell: Cell) -> Cell:
    return cell if cell.flag in KEPT else Cell(cell.value, cell.raw, "ocr", cell.unit)


def _values(cells: dict[Key, Cell]) -> dict[Key, int | float]:
    """The numbers the identities read: blanks as 0, unread cells left out."""
    return {k: (0 if c.value is None else c.value) for k, c in cells.items() if c.flag != "unread"}


def _repair(report: Report, table: str, cells: dict[Key, Cell], identities: list[Identity]) -> None:
    """Take the one digit substitution that makes every identity hold, if there is exactly one."""
    values = _values(cells)
    failing = [identity for identity in identities if identity.holds(values) is False]
    if not failing:
        return
    suspects = set.intersection(*(set(identity.keys) for identity in failing))
    fits = []
    for key in sorted(suspects):
        if cells[key].flag != "ocr" or isinstance(cells[key].value, float):
            continue
        concerned = [identity for identity in identities if key in identity.keys]
        for candidate in _substitutions(cells[key].value):
            trial = {**values, key: candidate}
            if all(identity.holds(trial) is not False for identity in concerned):
                fits.append((key, candidate))
    if len(fits) != 1:
        return
    key, value = fits[0]
    before = cells[key]
    cells[key] = Cell(value, before.raw, "repaired", before.unit)
    read = "blank" if before.value is None else str(before.value)
    report.note(
        "ocr_repaired",
        f"{table} {key}: OCR read {read}; {value} is the only one-digit reading "
        "that makes every identity of the table hold",
        table,
        key,
    )


def _substitutions(value: int | None) -> Iterator[int]:
    """Every number one digit away from ``value`` (a blank: every single digit)."""
    if value is None:
        yield from range(1, 10)
        return
    digits = str(abs(value))
    sign = -1 if value < 0 else 1
    for position, old in enumerate(digits):
        for new in "0123456789":
            if new == old or (new == "0" and position == 0 and len(digits) > 1):
                continue
            yield sign * int(digits[:position] + new + digits[position + 1 :])


def _doubt(
    report: Report,
    table: str,
    cells: dict[Key, Cell],
    identities: list[Identity],
    unsure: frozenset[str],
) -> None:
    """Flag ``doubtful`` the values recognised with low confidence that no identity confirms."""
    values = _values(cells)
    confirmed = {key for i in identities if i.holds(values) for key in i.keys}
    doubted = [
        key
        for key, cell in cells.items()
        if cell.flag == "ocr" and cell.raw in unsure and key not in confirmed
    ]
    for key in doubted:
        cells[key] = replace(cells[key], flag="doubtful")
    if doubted:
        report.note(
            "ocr_unsure",
            f"{table}: {len(doubted)} values recognised with low confidence and not "
            "confirmed by an identity; flagged doubtful",
            table,
        )
