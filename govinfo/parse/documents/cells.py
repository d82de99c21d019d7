"""Tables of documents as grids, written as the pipe rows the text reader reads.

The HTML, DOCX and PDF readers expand every table into a :data:`Grid`: a
rectangle of slots, each holding the text of the cell that starts there, or
``None`` where a cell spanning rows or columns covers it (pdfplumber's own
convention). :func:`pipe_rows` writes a grid the way the table is printed:
one line per row, each cell once (in its first row, at its first column), a
blank cell as an empty cell. ``parse.report.read_text`` then reads the tables by their
labels whatever the document was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import ParseError
from ..text.normalize import clean_text
from ..text.values import is_value

Slot = str | None
Grid = list[list[Slot]]

# A page number printed as a header or footer: - 4 -, 第4页 共6页, 4/6.
PAGE_NUMBER = re.compile(
    r"^(?:[-－—–\s]*\d{1,4}[-－—–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
MAX_COLSPAN = 1000
MAX_SLOTS = 250_000


@dataclass(frozen=True)
class Span:
    """A cell as a document writes it: its text and how many rows and columns it covers."""

    text: str
    rows: int = 1
    cols: int = 1


def cell_text(lines: Iterable[str]) -> str:
    """One cell's text: lines joined as a printed label reads (商业 / 企业 → 商业企业).

    A ``|`` inside a cell becomes ``｜`` so that it cannot split the pipe row.
    """
    return clean_text(" ".join(lines)).replace("|", "｜")


def expand(rows: Sequence[Sequence[Span]], *, name: str, table: str) -> Grid:
    """The grid of a table given row by row (the HTML table model).

    Each cell takes the first column of its row not covered by a cell above
    that spans rows; spans reaching past the last row are cut there. A table
    larger than :data:`MAX_SLOTS` is a ParseError, not a report table.
    """
    covered: set[tuple[int, int]] = set()
    placed: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for span in row:
            while (r, c) in covered:
                c += 1
            cols = max(1, min(span.cols, MAX_COLSPAN))
            height = max(1, min(span.rows, len(rows) - r))
            if len(covered) + cols * height > MAX_SLOTS:
                raise ParseError(name, f"more than {MAX_SLOTS} cells; not a report table", table)
            placed[(r, c)] = span.text
            covered.update((r + i, c + j) for i in range(height) for j in range(cols))
            c += cols
            width = max(width, c)
    return [[placed.get((r, c)) for c in range(width)] for r in range(len(rows))]


def pipe_rows(grid: Grid) -> list[str]:
    """The lines of a grid as pipe text: ``| cell | cell |``, rows without any text left out."""
    lines = []
    for row in grid:
        cells = _without_label_blanks([slot for slot in row if slot is not None])
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _without_label_blanks(cells: list[str]) -> list[str]:
    """The row without empty cells that stand among its labels (values follow the labels).

    Such a cell is a label column left empty (the part of a row-group label
    cut off by a page break), not a blank value; passed on, it would be read
    as one.
    """
    labels = [i for i, text in enumerate(cells) if text and not is_value(text)]
    if not labels:
        return cells
    last = labels[-1]
    return [text for i, text in enumerate(cells) if text or i > last]
