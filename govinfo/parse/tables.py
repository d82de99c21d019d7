"""Interpreting the token stream of tables 2, 3 and 4 by their labels.

Rows and columns are recognised by their printed labels (``labels.py``), never
by counting numbers in order. Values whose cell boundaries were lost (glued
digit runs) are handed on as :class:`Pending` for ``split.py`` to resolve with
the table's identities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import codes
from ..model import Cell
from .labels import Match, vocabulary
from .normalize import label_key
from .tokens import Token
from .values import read_value


@dataclass
class Entry:
    """A run of labels and the values printed after it."""

    labels: list[Token] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)

    @property
    def key(self) -> str:
        return "".join(label_key(t.text) for t in self.labels)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.labels)


@dataclass
class Pending:
    """Values of one printed row whose cells could not be told apart from the text alone."""

    table: str
    keys: list[tuple[str, str]]
    tokens: list[Token]


@dataclass
class TableRead:
    """What was read from one table: cells, unresolved rows, warnings, template evidence."""

    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    templates: set[str] = field(default_factory=set)
    found: bool = False


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


def place_values(table: str, keys: list[tuple[str, str]], tokens: list[Token]) -> TableRead:
    """Cells for ``keys`` from the printed ``tokens`` when each token is one cell."""
    read = TableRead()
    tokens = _drop_trailing_blanks(tokens, len(keys))
    single = all(t.kind == "cell" or _is_single_number(t.text) for t in tokens)
    if len(tokens) == len(keys) and single:
        read.cells.update(zip(keys, (read_value(t.text) for t in tokens), strict=True))
    elif len(tokens) < len(keys) and any(t.kind == "run" for t in tokens):
        read.pending.append(Pending(table, keys, tokens))
    else:
        printed = " | ".join(t.text for t in tokens)
        read.warnings.append(
            f"{table}: {len(tokens)} values printed for {len(keys)} cells "
            f"({keys[0][0]}): {printed!r}; row skipped"
        )
    return read


def _drop_trailing_blanks(tokens: list[Token], wanted: int) -> list[Token]:
    tokens = list(tokens)
    while len(tokens) > wanted and tokens[-1].kind == "cell" and not tokens[-1].text:
        tokens.pop()
    return tokens


def _is_single_number(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|元)?", text))


def _merge(into: TableRead, part: TableRead) -> None:
    for key, cell in part.cells.items():
        if key in into.cells:
            into.warnings.append(f"{key} printed twice; the first is kept")
        else:
            into.cells[key] = cell
    into.pending.extend(part.pending)
    into.warnings.extend(part.warnings)


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
    """Table 3: rows by their labels, applicant columns from the header."""
    read = TableRead()
    rows, applicants = vocabulary("rows"), codes.applicants()
    cell_rows = set(codes.rows().cell_codes())
    groups = entries(tokens)
    header_key, start = "", None
    for index, entry in enumerate(groups):
        matches = rows.find(entry.key)
        if matches:
            header_key += entry.key[: matches[0].start]
            start = index
            break
        header_key += entry.key
    if start is None:
        return read
    read.found = True
    expected = applicants.leaves("2021")
    columns = _tree_order(vocabulary("applicants").codes_in(header_key), applicants, expected)
    if columns is None:
        columns = expected
        read.warnings.append(
            "requests: applicant columns not recognised in the header; read in template order"
        )
    for entry in groups[start:]:
        matches = [m for m in rows.find(entry.key) if m.code in cell_rows]
        if not matches:
            if entry.values:
                read.warnings.append(f"requests: unknown row {entry.text!r} with values skipped")
            continue
        row = matches[-1].code
        if not entry.values:
            continue
        if row.startswith("other."):
            read.templates.add("2021")
        keys = [(row, column) for column in columns]
        _merge(read, place_values("requests", keys, entry.values))
    return read


def read_appeals(tokens: list[Token]) -> TableRead:
    """Table 4: each outcome block belongs to the proceeding whose label precedes it."""
    read = TableRead()
    proceedings, outcomes = codes.proceedings(), codes.outcomes()
    leaves = proceedings.leaves("2021")
    slots: list[tuple[str | None, str]] = []
    queue: list[str] = []
    block: dict[str, object] = {"proceeding": None, "outcomes": set()}
    values: list[Token] = []
    for entry in entries(tokens):
        found: list[tuple[Match, str]] = [
            (m, "p") for m in vocabulary("proceedings").find(entry.key)
        ]
        found += [(m, "o") for m in vocabulary("outcomes").find(entry.key)]
        for match, kind in sorted(found, key=lambda mk: mk[0].start):
            if kind == "p":
                if (
                    match.code in leaves
                    and match.code not in queue
                    and match.code not in _assigned(slots)
                ):
                    queue.append(match.code)
                continue
            if block["proceeding"] is None or match.code in block["outcomes"]:
                block = {"proceeding": queue.pop(0) if queue else None, "outcomes": set()}
            block["outcomes"].add(match.code)
            slots.append((block["proceeding"], match.code))
        values.extend(entry.values)
        read.found = read.found or bool(found)
    if not read.found:
        return read
    keys = [(p, o) for p, o in slots if p is not None]
    expected = [(p, o) for p in leaves for o in outcomes.leaves("2021")]
    if len(keys) != len(slots) or sorted(keys) != sorted(expected):
        keys = expected
        read.warnings.append(
            "appeals: columns not recognised in the header; read in template order"
        )
    _merge(
        read, place_values("appeals", keys, values[: len(keys)] if _all_cells(values) else values)
    )
    return read


def _assigned(slots: list[tuple[str | None, str]]) -> set[str]:
    return {p for p, _ in slots if p}


def _all_cells(tokens: list[Token]) -> bool:
    return all(t.kind == "cell" for t in tokens)


def read_disclosure(tokens: list[Token]) -> TableRead:
    """Table 2: blocks of measures under each 第二十条 heading, items by their labels."""
    read = TableRead()
    items, measures = codes.items(), codes.measures()
    articles = {
        c.code for c in items if items.is_group(c.code, "2021") or items.is_group(c.code, "2019")
    }
    block: list[str] = []
    unit = ""
    for entry in entries(tokens):
        found = [(m, "i") for m in vocabulary("items").find(entry.key)]
        found += [(m, "m") for m in vocabulary("measures").find(entry.key)]
        item = None
        for match, kind in sorted(found, key=lambda mk: mk[0].start):
            if kind == "i" and match.code in articles:
                block, unit = [], ""
            elif kind == "m":
                if match.code in block:
                    block = []
                block.append(match.code)
                read.templates.update(_only_template(measures, match.code))
            else:
                item = match.code
        unit = _printed_unit(entry.text) or unit
        read.found = read.found or bool(found)
        if item is None or not entry.values:
            if entry.values and read.found:
                read.warnings.append(
                    f"disclosure: values {[t.text for t in entry.values]} with no item skipped"
                )
            continue
        if not block:
            read.warnings.append(f"disclosure: {item} printed before its column headings; skipped")
            continue
        part = place_values("disclosure", [(item, m) for m in block], entry.values)
        for key, cell in part.cells.items():
            if key[1] in codes.amount_measures() and not cell.unit:
                part.cells[key] = Cell(cell.value, cell.raw, cell.flag, unit)
        _merge(read, part)
    return read


def _only_template(codelist: codes.CodeList, code: str) -> set[str]:
    templates = codelist[code].templates
    return set(templates) if len(templates) == 1 else set()


def _printed_unit(text: str) -> str:
    match = re.search(r"单位\s*[:：]?\s*(万元|元)", text)
    return match.group(1) if match else ""
