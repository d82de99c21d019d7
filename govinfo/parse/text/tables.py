"""Interpreting the token stream of tables 2, 3 and 4 by their labels.

Rows and columns are recognised by their printed labels (``labels.py``), never
by counting numbers in order. Values whose cell boundaries were lost (glued
digit runs) are handed on as :class:`Pending` for ``split.py`` to resolve with
the table's identities.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from functools import cached_property

from ...model import Cell, Diagnostic
from ...standard import codes
from .labels import Match, Vocabulary, vocabulary
from .normalize import label_key
from .tokens import Token, laid_out, unit_of
from .values import read_value


@dataclass
class Entry:
    """A run of labels and the values printed after it."""

    labels: list[Token] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        return "".join(label_key(t.text) for t in self.labels)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.labels)


@dataclass
class Pending:
    """Values of one printed row whose cells could not be told apart from the text alone.

    In text extracted with its layout kept (``laid_out``), ``columns`` are
    where the table's columns stand in its printed lines, when rows printed in
    full show them (possibly none), and the row's numbers may stand among
    blank cells.
    """

    table: str
    keys: list[tuple[str, str]]
    tokens: list[Token]
    columns: tuple[float, ...] | None = None


@dataclass
class Gap:
    """A table-2 row that lost cells to loose lines: its printed values and the loose ones."""

    keys: list[tuple[str, str]]
    tokens: list[Token]
    loose: list[Token] = field(default_factory=list)
    unit: str = ""


@dataclass
class TableRead:
    """What was read from one table: cells, unresolved rows, diagnostics, template evidence."""

    table: str = ""
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    templates: set[str] = field(default_factory=set)
    found: bool = False

    def note(self, code: str, message: str, key: tuple[str, str] = ("", "")) -> None:
        """Record a diagnostic about this table."""
        self.diagnostics.append(Diagnostic(code, f"{self.table}: {message}", self.table, *key))

    def unread(self, keys: list[tuple[str, str]], printed: str, code: str, message: str) -> None:
        """Cells that could not be read: kept, empty and flagged ``unread``, with the text seen."""
        for key in keys:
            self.cells.setdefault(key, Cell(None, printed, "unread"))
        self.note(code, message, (keys[0][0], "") if keys else ("", ""))


def entries(tokens: list[Token]) -> list[Entry]:
    """Group a token stream into label runs, each with the values that follow it."""
    out: list[Entry] = []
    for token in tokens:
        if token.kind == "label":
            if not out or out[-1].values:
                out.append(Entry())
            out[-1].labels.append(token)
        else:
            if not out:
                out.append(Entry())
            out[-1].values.append(token)
    return out


def place_values(
    table: str,
    keys: list[tuple[str, str]],
    tokens: list[Token],
    flag: str = "",
    columns: tuple[float, ...] | None = None,
) -> TableRead:
    """Cells for ``keys`` from the printed ``tokens`` when each token is one cell."""
    read = TableRead(table)
    tokens = _drop_trailing_blanks(tokens, len(keys))
    if len(tokens) == len(keys) and _delimited(tokens):
        for key, token in zip(keys, tokens, strict=True):
            cell = read_value(token.text)
            read.cells[key] = replace(cell, flag=flag) if flag else cell
    elif len(tokens) < len(keys) and (
        any(t.kind == "run" for t in tokens) or len(tokens) == len(keys) - 1
    ):
        read.pending.append(Pending(table, keys, tokens, columns))
    else:
        printed = " | ".join(t.text for t in tokens)
        read.unread(
            keys,
            printed,
            "row_unread",
            f"{keys[0][0]}: {len(tokens)} values printed for {len(keys)} cells ({printed!r}); "
            "its cells are unread",
        )
    return read


def _drop_trailing_blanks(tokens: list[Token], wanted: int) -> list[Token]:
    tokens = list(tokens)
    while len(tokens) > wanted and tokens[-1].kind == "cell" and not tokens[-1].text:
        tokens.pop()
    return tokens


def _delimited(tokens: list[Token]) -> bool:
    """Whether every token is one cell (a delimited cell, or a run holding one number)."""
    return all(
        t.kind == "cell" or re.fullmatch(r"[+\-减增]?(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元)?", t.text)
        for t in tokens
    )


def _merge(into: TableRead, part: TableRead) -> None:
    for key, cell in part.cells.items():
        if key in into.cells:
            into.note("printed_twice", f"{key} printed twice; the first is kept", key)
        else:
            into.cells[key] = cell
    into.pending.extend(part.pending)
    into.diagnostics.extend(part.diagnostics)


def _tree_order(
    found: list[str], codelist: codes.CodeList, expected: list[str]
) -> list[str] | None:
    """Leaf columns in printed order from header labels found left to right (a two-level header)."""
    position: dict[str, int] = {}
    for index, code in enumerate(found):
        top = codelist[code].parent or code
        position.setdefault(top, index)
    order: list[str] = []
    for top in sorted(position, key=position.get):
        children = [c for c in dict.fromkeys(found) if codelist[c].parent == top]
        order.extend(children or [top])
    return order if sorted(order) == sorted(expected) else None


def read_requests(tokens: list[Token]) -> TableRead:
    """Table 3: rows by their labels, applicant columns from the header.

    A label broken by layout is recognised by its fragments; numbers printed
    without a label are placed, flagged ``placed``, at the template row whose
    label is missing at that point.
    """
    read = TableRead("requests")
    rows = vocabulary("rows")
    groups = entries(tokens)
    start, header_key = _first_row(groups, rows)
    if start is None:
        return read
    read.found = True
    columns = _requests_columns(header_key, read)
    cell_rows = set(codes.rows().cell_codes())
    assigned: dict[str, list[Token]] = {}
    orphans: list[tuple[str | None, list[Token]]] = []
    blank: list[str] = []
    beside: list[str] = []
    last: str | None = None
    for entry in groups[start:]:
        row = _row_of(entry, rows, cell_rows, assigned, last)
        if not entry.values:
            continue
        without = [r for r in _rows_without_values(entry, rows, cell_rows) if r not in assigned]
        blank += without
        if without and row:
            beside.append(row)
        if row is None and last and _continues(assigned.get(last, []), entry.values, len(columns)):
            assigned[last] = assigned[last] + entry.values
            continue
        if row is None:
            orphans.extend((last, part) for part in _rows_of(entry.values, len(columns)))
            continue
        parts = _rows_of(entry.values, len(columns))
        if row in assigned:
            read.note("printed_twice", f"{row} printed twice; the first is kept", (row, ""))
        else:
            assigned[row] = parts[0]
        orphans.extend((row, part) for part in parts[1:])
        last = row
    if any(row.startswith("other.") for row in assigned):
        read.templates.add("2021")
    placed = _place_orphans(orphans, assigned, read)
    layout = laid_out(tokens)
    offsets = column_offsets(list(assigned.values()), len(columns)) if layout else None
    # In text kept in its layout, values can stand beside any of the labels around them:
    # which of the rows one entry names they belong to is a guess.
    blank_flag = "placed" if layout else ""
    placed |= set(beside) if layout else set()
    for row, values in assigned.items():
        flag = "placed" if row in placed else ""
        keys = [(row, c) for c in columns]
        _merge(read, place_values("requests", keys, values, flag, offsets))
    for row in (r for r in dict.fromkeys(blank) if r not in assigned):
        read.cells.update({(row, column): Cell(None, "", blank_flag) for column in columns})
        read.note("row_blank", f"{row}: printed without values; read as blank cells", (row, ""))
    return read


def _continues(values: list[Token], more: list[Token], width: int) -> bool:
    """Whether ``more`` (numbers under a label that names no row) finish a row's ``values``.

    Text extracted with its layout kept can print one row's numbers on two
    lines, beside the two lines of its label (``5.属于三类内部1 0`` /
    ``事务信息 0 0 0 0 1``): the first part has too few digits to fill the row
    at all, and the two together hold one number per cell.
    """
    digits = sum(len(unit_of(t.text)[0].lstrip("-")) for t in values)
    return bool(values) and digits < width and len(values) + len(more) == width


def column_offsets(rows: list[list[Token]], width: int) -> tuple[float, ...]:
    """Where each column's numbers stand in the printed lines: the median over the rows
    printed in full with places known (layout text), or nothing."""
    full = [r for r in rows if len(r) == width and all(t.offset >= 0 for t in r)]
    if not full:
        return ()
    return tuple(statistics.median(r[i].offset for r in full) for i in range(width))


def _rows_without_values(entry: Entry, rows: Vocabulary, cell_rows: set[str]) -> list[str]:
    """Rows an entry names before the one its values belong to: printed with no values.

    A group printed above its children (（六）其他处理 over 1.…) is a heading, not
    a row without values.
    """
    named = [m.code for m in rows.find(entry.key) if m.code in cell_rows]
    return [
        code
        for index, code in enumerate(named[:-1])
        if not any(later.startswith(f"{code}.") for later in named[index + 1 :])
    ]


def _first_row(groups: list[Entry], rows: Vocabulary) -> tuple[int | None, str]:
    """Index of the first entry naming a row, and the header text before it."""
    header_key = ""
    for index, entry in enumerate(groups):
        matches = rows.find(entry.key)
        if matches:
            return index, header_key + entry.key[: matches[0].start]
        header_key += entry.key
    return None, header_key


def _requests_columns(header_key: str, read: TableRead) -> list[str]:
    applicants = codes.applicants()
    expected = applicants.leaves("2021")
    found = vocabulary("applicants").codes_in(header_key)
    columns = _tree_order(found, applicants, expected)
    if columns is None:
        read.note(
            "columns_by_template",
            "applicant columns not recognised in the header; read in template order",
        )
        return expected
    return columns


def _row_of(
    entry: Entry, rows: Vocabulary, cell_rows: set[str], assigned: dict, last: str | None
) -> str | None:
    """The row an entry's labels name: the last full label, else a fragment's next match.

    A full label that heads a group (（六）其他处理 above its three rows) gives way
    to a row of the group that a fragment names (a layout that prints the
    group's label down the side, among its first row's label).
    """
    order = codes.rows()
    after = order[last].order if last else 0
    fragments = [
        code
        for token in entry.labels
        for code in rows.completing(token.text)
        if code in cell_rows and code not in assigned and order[code].order > after
    ]
    matches = [m for m in rows.find(entry.key) if m.code in cell_rows]
    if matches:
        code = matches[-1].code
        children = [f for f in fragments if order[f].parent == code]
        return min(children, key=lambda c: order[c].order) if children else code
    return min(fragments, key=lambda code: order[code].order) if fragments else None


def _rows_of(values: list[Token], width: int) -> list[list[Token]]:
    """Values of one entry as printed rows: several when whole rows of cells were run together."""
    values = _drop_trailing_blanks(values, width)
    if len(values) > width and len(values) % width == 0 and _delimited(values):
        return [values[i : i + width] for i in range(0, len(values), width)]
    return [values]


def _place_orphans(
    orphans: list[tuple[str | None, list[Token]]], assigned: dict[str, list[Token]], read: TableRead
) -> set[str]:
    """Give rows of numbers printed without a label to the missing row at their position."""
    order = codes.rows()
    template = "2021" if any(r.startswith("other.") for r in assigned) else "2019"
    placed = set()
    for after, values in orphans:
        low = order[after].order if after else 0
        missing = [r for r in order.leaves(template) if r not in assigned and order[r].order > low]
        if not missing:
            printed = " | ".join(t.text for t in values)
            read.note("values_unplaced", f"numbers with no row label not read: {printed!r}")
            continue
        row = missing[0]
        assigned[row] = values
        placed.add(row)
        read.note(
            "label_detached", f"{row}: its label was detached; placed by template order", (row, "")
        )
    return placed


def read_appeals(tokens: list[Token]) -> TableRead:
    """Table 4: each outcome block belongs to the proceeding whose label precedes it."""
    read = TableRead("appeals")
    proceedings, outcomes = codes.proceedings(), codes.outcomes()
    leaves = proceedings.leaves("2021")
    slots: list[tuple[str | None, str]] = []
    queue: list[str] = []
    block: tuple[str | None, set[str]] = (None, set())
    values: list[Token] = []
    for entry in entries(tokens):
        found: list[tuple[Match, str]] = [
            (m, "p") for m in vocabulary("proceedings").find(entry.key)
        ]
        found += [(m, "o") for m in vocabulary("outcomes").find(entry.key)]
        if values and not found and entry.labels:
            break
        for match, kind in sorted(found, key=lambda mk: mk[0].start):
            if kind == "p":
                seen = queue + [p for p, _ in slots if p]
                if match.code in leaves and match.code not in seen:
                    queue.append(match.code)
            else:
                if block[0] is None or match.code in block[1]:
                    block = (queue.pop(0) if queue else None, set())
                block[1].add(match.code)
                slots.append((block[0], match.code))
        values.extend(entry.values)
        read.found = read.found or bool(found)
    if not read.found:
        return read
    keys = [(p, o) for p, o in slots if p is not None]
    expected = [(p, o) for p in leaves for o in outcomes.leaves("2021")]
    if len(keys) != len(slots) or sorted(keys) != sorted(expected):
        keys = expected
        read.note(
            "columns_by_template", "columns not recognised in the header; read in template order"
        )
    _merge(read, place_values("appeals", keys, values))
    return read


def read_disclosure(tokens: list[Token]) -> TableRead:
    """Table 2: blocks of measures under each 第二十条 heading, items by their labels.

    Numbers printed on lines of their own (cells split over lines by a PDF
    converter) are kept as loose values and given to the rows that lack cells.
    """
    read = TableRead("disclosure")
    items, measures = codes.items(), codes.measures()
    articles = {c.code for c in items if not c.parent}
    block: list[str] = []
    block_used = False
    unit = ""
    loose: list[Token] = []
    for entry in entries(tokens):
        found = [(m, "i") for m in vocabulary("items").find(entry.key)]
        found += [(m, "m") for m in vocabulary("measures").find(entry.key)]
        item = None
        for match, kind in sorted(found, key=lambda mk: mk[0].start):
            if kind == "i" and match.code in articles:
                block, block_used, unit = [], False, ""
            elif kind == "m":
                if block_used or match.code in block:
                    block, block_used, unit = [], False, ""
                block.append(match.code)
                read.templates.update(_only_template(measures, match.code))
            else:
                item = match.code
        unit = _printed_unit(entry.text) or unit
        read.found = read.found or bool(found)
        if not entry.values or not read.found:
            continue
        if item is None:
            loose.extend(entry.values)
            continue
        if not block:
            printed = " | ".join(t.text for t in entry.values)
            read.note(
                "row_unread",
                f"{item} printed before its column headings ({printed!r}); not read",
                (item, ""),
            )
            continue
        block_used = True
        keys = [(item, m) for m in block]
        if len(entry.values) < len(keys) and all(t.kind == "cell" for t in entry.values):
            read.gaps.append(Gap(keys, entry.values, unit=unit))
            continue
        part = place_values("disclosure", keys, entry.values)
        for key, cell in part.cells.items():
            if key[1] in codes.amount_measures() and not cell.unit:
                part.cells[key] = replace(cell, unit=unit)
        _merge(read, part)
    _fill_gaps(read, loose)
    return read


def _fill_gaps(read: TableRead, loose: list[Token]) -> None:
    """Hand loose values to the rows short of cells, in order."""
    for gap in list(read.gaps):
        need = len(gap.keys) - len(gap.tokens)
        gap.loose, loose = loose[:need], loose[need:]
        if len(gap.loose) < need:
            read.gaps.remove(gap)
            printed = " | ".join(t.text for t in gap.tokens)
            read.unread(
                gap.keys,
                printed,
                "row_unread",
                f"{gap.keys[0][0]}: {len(gap.tokens)} values for {len(gap.keys)} cells "
                f"({printed!r}); its cells are unread",
            )
    for token in loose:
        read.note("values_unplaced", f"value {token.text!r} with no item not read")


def _only_template(codelist: codes.CodeList, code: str) -> set[str]:
    templates = codelist[code].templates
    return set(templates) if len(templates) == 1 else set()


def _printed_unit(text: str) -> str:
    match = re.search(r"单位\s*[:：]?\s*(万元|元)", text)
    return match.group(1) if match else ""
