"""The cells a report's template prints, and an ``unread`` cell for each one not read.

Once a report's template is known, its package must hold every cell of the
tables that template prints: a read value, a printed blank, or a cell the
reader could not read (value empty, flag ``unread``) — never an absent row.
The printed shape counts: a 2021 report that prints (六)其他处理 as one row
has that one row, not its three sub-rows.
"""

from __future__ import annotations

from ..model import Cell, Diagnostic
from ..standard import CELL_TABLES, codes
from ..standard.expand import printed_leaves
from ..standard.rules import dimension_list

Key = tuple[str, str]


def printed_shape(table: str, template: str, read: dict[Key, Cell]) -> list[Key]:
    """The cells ``table`` prints in a report of ``template``, given the cells it read."""
    if table == "disclosure":
        return [(cell.item, cell.measure) for cell in codes.table2_layout(template)]
    first, second = (dimension_list(table, column) for column in CELL_TABLES[table])
    present = frozenset(key[0] for key in read)
    tops = [c for c in first.in_template(template) if first[c].parent is None]
    rows = [leaf for top in tops for leaf in printed_leaves(first, top, template, present)]
    columns = second.leaves(template)
    return [(row, column) for row in rows for column in columns]


def missing_cells(table: str, template: str, read: dict[Key, Cell]) -> list[Key]:
    """The cells of the printed shape that were not read at all."""
    return [key for key in printed_shape(table, template, read) if key not in read]


def unread_cells(keys: list[Key]) -> dict[Key, Cell]:
    """Empty cells flagged ``unread`` for ``keys``."""
    return {key: Cell(None, "", "unread") for key in keys}


def loss(table: str, missing: list[Key], found: bool, last: bool) -> list[Diagnostic]:
    """What the cells the text did not give say: a table not found or cut off, rows not printed.

    ``found`` tells whether the table's heading or labels were seen, ``last``
    whether it is the last table in the text (where a cut-off page ends).
    """
    count = len(missing)
    if not found:
        if last:
            return [
                Diagnostic(
                    "truncated",
                    f"{table}: the text ends before the table; {count} cells unread",
                    table,
                )
            ]
        return [
            Diagnostic(
                "table_missing", f"{table}: table not found; its {count} cells are unread", table
            )
        ]
    if last:
        return [
            Diagnostic(
                "truncated", f"{table}: the text ends inside the table; {count} cells unread", table
            )
        ]
    rows = dict.fromkeys(key[0] for key in missing)
    return [
        Diagnostic(
            "row_missing", f"{table}: {row} is not printed; its cells are unread", table, row
        )
        for row in rows
    ]
