"""The reader checks its own work: the table identities, run on the cells it wrote.

After a report is read (and its open splits settled), each identity of its
tables is evaluated the way ``govinfo.reconcile`` does by default (a printed
blank counts as 0, an unread cell makes the identity unassessable). Where one
fails and a cell it reads was inferred — split from glued digits, placed by
template order, repaired, or recognised by OCR — those cells are flagged
``doubtful`` and the failure is recorded, so that an inference never hides
behind a printed error. A failure among directly printed cells only is the
report's own and stays as printed.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Report
from ...standard import CELL_TABLES
from .identities import report_identities

INFERRED = frozenset({"split", "ambiguous_split", "placed", "repaired", "ocr", "doubtful"})


def verify(report: Report) -> None:
    """Flag ``doubtful`` the inferred cells of every identity the report's cells break."""
    if report.template == "other":
        return
    for table in CELL_TABLES:
        cells = getattr(report, table)
        values = {
            key: (None if cell.flag == "unread" else 0 if cell.value is None else cell.value)
            for key, cell in cells.items()
        }
        doubtful: dict[tuple[str, str], None] = {}
        for identity in report_identities(table, report.template, cells):
            if identity.holds(values) is not False:
                continue
            inferred = sorted(k for k in identity.keys if k in cells and cells[k].flag in INFERRED)
            if inferred:
                doubtful.update(dict.fromkeys(inferred))
                report.note(
                    "identity_fails",
                    f"{table}: {identity.name} fails; inferred cells flagged doubtful: "
                    + ", ".join(f"{row}/{column}" for row, column in inferred),
                    table,
                )
        for key in doubtful:
            cells[key] = replace(cells[key], flag="doubtful")
