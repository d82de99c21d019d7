"""Tables rebuilt from where their text stands: OCR boxes, or the glyphs of an unruled PDF.

A page read by OCR, or a PDF whose tables have no ruling lines, gives words
with boxes and nothing else. The tables are found in the regions of the
template's table sections (二、 三、 四、), and their grid from the positions:

* **rows** from the baselines of the values (numbers and blank marks), plus
  a row for each line of the label column that is a whole label of the
  template (a row whose cells are all blank prints no value);
* **columns** from the values' x extents and the header cells above them
  (a column left blank all the way down keeps the place of its header);
* **labels**: the label column's lines join the nearest row (wrapped labels,
  row-group labels down the margin); the header's cells are written parents
  first, column by column, as a ruled table's header reads.

The result is the same :data:`~.cells.Grid` the ruled readers give, so the
text reader reads every form of table by its labels. Coordinates are in any
unit with ``y`` growing downwards; distances are measured in text heights.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from ...standard import codes
from ..text.labels import vocabulary
from ..text.sections import find_headings
from ..text.values import is_value
from .cells import PAGE_NUMBER, Grid, pipe_rows
from .ruling import Box, Glyph

TABLE_SECTIONS = frozenset({2, 3, 4})
_NUMBERS = re.compile(r"^[\d.,]+(?:\s+[\d.,]+)+$")
JOIN_GAP = 1.5  # text heights: a header fragment this close below another continues it
MAX_WORDS = 5000  # more words than this in one table section are no report table: read as lines
MAX_HEADER_WORDS = 300  # a header of more words is not joined (no report's header has so many)
ROW_GAP = 0.5  # text heights: a label line this far from a value line is a row of its own


@dataclass(frozen=True)
class Word:
    """A piece of text and its box: an OCR box, or glyphs of a PDF run together.

    ``score`` is the recogniser's confidence (1 for a text layer).
    """

    text: str
    box: Box
    score: float = 1.0


@dataclass
class _Anchor:
    """One row of the rebuilt table: a value line, a header block or a label of its own.

    Its extent is that of the words it was made with (words added later stand level).
    """

    kind: str  # "values", "header" or "label"
    words: list[Word]
    labels: list[Word] = field(default_factory=list)
    top: float = field(init=False)
    bottom: float = field(init=False)

    def __post_init__(self) -> None:
        self.top = min(w.box.y0 for w in self.words)
        self.bottom = max(w.box.y1 for w in self.words)

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2


def words_from_glyphs(glyphs: Sequence[Glyph]) -> list[Word]:
    """The glyphs of a page as words: runs of one line, cut where a gap is wider than half a
    character (a space, or the gap between two cells).
    """
    words = []
    for line in word_lines([Word(g.text, g.box) for g in glyphs]):
        run: list[Word] = []
        for word in line:
            if run and word.box.x0 - run[-1].box.x1 > _height(run[-1], word) / 2:
                words.append(_joined(run))
                run = []
            run.append(word)
        if run:
            words.append(_joined(run))
    return [w for w in words if w.text.strip()]


def _height(*words: Word) -> float:
    return max(w.box.y1 - w.box.y0 for w in words)


def _joined(run: list[Word]) -> Word:
    """Words of one line as one, a space where the gap is wider than half a character."""
    parts = [run[0].text]
    for before, word in pairwise(run):
        if word.box.x0 - before.box.x1 > _height(before, word) / 2:
            parts.append(" ")
        parts.append(word.text)
    text = " ".join("".join(parts).split())
    return Word(text, _union(w.box for w in run), min(w.score for w in run))


def _union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


def word_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom, each left to right.

    A word joins a line when its centre is within half the line's height of
    the line's centre; a word much taller than the text (a label set down the
    margin) stays a line of its own, so that it cannot chain lines together.
    """
    words = list(words)
    if not words:
        return []
    text_height = statistics.median(w.box.y1 - w.box.y0 for w in words)
    lines: list[list[Word]] = []
    centre = height = 0.0  # of the last line: the mean of its words' centres, its tallest word
    for word in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        size = word.box.y1 - word.box.y0
        tall = size > 2 * text_height
        if (
            lines
            and not tall
            and height <= 2 * text_height
            and abs(word.box.cy - centre) <= height / 2
        ):
            line = lines[-1]
            line.append(word)
            centre += (word.box.cy - centre) / len(line)
            height = max(height, size)
        else:
            lines.append([word])
            centre, height = word.box.cy, size
    for line in lines:
        line.sort(key=lambda w: w.box.x0)
    return lines


def line_text(line: list[Word]) -> str:
    """The text of one printed line: its words left to right, spaced where they stand apart."""
    return _joined(line).text


# -- pages: narrative lines and table regions ---------------------------------------------


def document_lines(pages: Sequence[tuple[float, list[Word]]]) -> list[str]:
    """The text form of a document given as pages of positioned words (page height, words).

    Page numbers at the top or bottom of a page are dropped; the pages are
    stacked into one tall page, so that a table continued on the next page is
    one table. The regions of the table sections become pipe rows.
    """
    words: list[Word] = []
    offset = 0.0
    for height, page in pages:
        words += [_moved(w, offset) for w in _without_page_numbers(page)]
        offset += height
    lines = word_lines(words)
    texts = [line_text(line) for line in lines]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    headings = find_headings("\n".join(texts))
    first_line = {}
    for heading in headings:
        index = max(i for i, start in enumerate(starts) if start <= heading.start)
        first_line.setdefault(index, heading.number)
    out: list[str] = []
    region: list[list[Word]] | None = None
    for index, line in enumerate(lines):
        number = first_line.get(index)
        if number is not None:
            if region is not None:
                out += region_lines(region)
            out.append(texts[index])
            region = [] if number in TABLE_SECTIONS else None
        elif region is not None:
            region.append(line)
        else:
            out.append(texts[index])
    if region is not None:
        out += region_lines(region)
    return out


def _moved(word: Word, dy: float) -> Word:
    b = word.box
    return Word(word.text, Box(b.x0, b.y0 + dy, b.x1, b.y1 + dy), word.score)


def _without_page_numbers(words: list[Word]) -> list[Word]:
    """A page's words without a page number printed as its first or last line."""
    lines = word_lines(words)
    drop: set[int] = set()
    for line in (lines[:1] + lines[-1:]) if lines else []:
        if PAGE_NUMBER.match(line_text(line)):
            drop.update(id(w) for w in line)
    return [w for w in words if id(w) not in drop]


def region_lines(lines: list[list[Word]]) -> list[str]:
    """A table section's lines: its sentences as text, its table as pipe rows."""
    sentences = [line for line in lines if _is_sentence(line)]
    table = [w for line in lines if not _is_sentence(line) for w in line]
    if not table:
        return [line_text(line) for line in sentences]
    top = min(w.box.y0 for w in table)
    before = [line_text(line) for line in sentences if line[0].box.y0 < top]
    after = [line_text(line) for line in sentences if line[0].box.y0 >= top]
    return before + pipe_rows(table_grid(table)) + after


def _is_sentence(line: list[Word]) -> bool:
    """A line of narrative inside a table section: text holding a full stop (cells hold none)."""
    return "。" in line_text(line)


# -- one table ------------------------------------------------------------------------------


def table_grid(words: Sequence[Word]) -> Grid:
    """The grid of one table given as positioned words (see the module's docstring).

    Without values, or with more than :data:`MAX_WORDS` words, it is not a report
    table: each line is a row of one cell, as text.
    """
    words = [part for word in words for part in _split_numbers(word)]
    values = [w for w in words if is_value(w.text)]
    if not values or len(words) > MAX_WORDS:
        return [[line_text(line)] for line in word_lines(words)]
    height = statistics.median(w.box.y1 - w.box.y0 for w in words)
    left = min(v.box.x0 for v in values) - height / 2
    others = [w for w in words if not is_value(w.text)]
    alone = {id(line[0]) for line in word_lines(others) if len(line) == 1}
    labels = [w for w in others if w.box.cx < left or (id(w) in alone and _is_label_row(w))]
    anchors = [_Anchor("values", line) for line in word_lines(values)]
    label_ids = {id(w) for w in labels}
    headers = [w for w in others if id(w) not in label_ids]
    anchors += _header_blocks(headers, anchors)
    anchors += _label_rows(labels, anchors, height)
    anchors.sort(key=lambda a: a.top)
    _attach(labels, anchors)
    grid: Grid = []
    columns: list[tuple[float, float]] = []
    for index, anchor in enumerate(anchors):
        label_cells = _label_cells(anchor.labels)
        if anchor.kind == "header":
            below = _block_values(anchors, index)
            header = _header_cells(anchor.words, height, _value_spans(below))
            columns = _columns(header, below)
            grid.append(label_cells + _header_order(header, columns))
        elif anchor.kind == "values":
            if not columns:
                columns = _columns([], [w for a in anchors if a.kind == "values" for w in a.words])
            grid.append(label_cells + _value_cells(anchor.words, columns))
        else:
            blanks = [""] * len(columns) if _is_cell_label(anchor.labels) else []
            grid.append(label_cells + blanks)
    width = max(len(row) for row in grid)
    return [row + [None] * (width - len(row)) for row in grid]


def _split_numbers(word: Word) -> list[Word]:
    """A box holding several numbers apart (``3 0 12``) as one word per number, placed pro rata."""
    text = word.text.strip()
    if not _NUMBERS.match(text):
        return [word]
    out, position, size = [], 0, len(text)
    width = word.box.x1 - word.box.x0
    for part in text.split():
        start = text.index(part, position)
        position = start + len(part)
        x0 = word.box.x0 + width * start / size
        x1 = word.box.x0 + width * position / size
        out.append(Word(part, Box(x0, word.box.y0, x1, word.box.y1), word.score))
    return out


def _header_blocks(headers: list[Word], values: list[_Anchor]) -> list[_Anchor]:
    """Header words grouped by the gap between value lines they stand in.

    A word level with a value line (a misread number) joins that line instead.
    """
    values = sorted(values, key=lambda a: a.top)
    blocks: dict[int, list[Word]] = {}
    for word in headers:
        line = next((a for a in values if a.top <= word.box.cy <= a.bottom), None)
        if line is not None:
            line.words.append(word)
            continue
        gap = sum(1 for a in values if a.bottom < word.box.cy)
        blocks.setdefault(gap, []).append(word)
    return [_Anchor("header", block) for _, block in sorted(blocks.items())]


def _label_rows(labels: list[Word], anchors: list[_Anchor], height: float) -> list[_Anchor]:
    """Lines of the label column that are a whole label of the template, away from any value line.

    They are rows whose cells are all blank (or the 第二十条 headings of table 2).
    """
    out = []
    for line in word_lines(labels):
        if not _is_whole_label(line_text(line)):
            continue
        top, bottom = min(w.box.y0 for w in line), max(w.box.y1 for w in line)
        near = [a for a in anchors if a.top - height * ROW_GAP < bottom]
        near = [a for a in near if top < a.bottom + height * ROW_GAP]
        if not near:
            out.append(_Anchor("label", list(line)))
    return out


def _attach(labels: list[Word], anchors: list[_Anchor]) -> None:
    """Each label word to its row: its own label row, else the nearest row by height."""
    own = {id(w) for a in anchors if a.kind == "label" for w in a.words}
    for anchor in anchors:
        if anchor.kind == "label":
            anchor.labels = list(anchor.words)
    for word in labels:
        if id(word) in own:
            continue
        nearest = min(anchors, key=lambda a: (_distance(word.box, a), abs(word.box.cy - a.centre)))
        nearest.labels.append(word)


def _distance(box: Box, anchor: _Anchor) -> float:
    if box.y1 < anchor.top:
        return anchor.top - box.y1
    if box.y0 > anchor.bottom:
        return box.y0 - anchor.bottom
    return 0.0


def _label_cells(words: list[Word]) -> list[str]:
    """The label column's words of one row: one cell per column of labels, each read downwards."""
    columns: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.x0):
        column = next((c for c in columns if _overlap(c[-1].box, word.box) > 0), None)
        if column is None:
            columns.append([word])
        else:
            column.append(word)
    return ["".join(w.text for w in sorted(c, key=lambda w: w.box.y0)) for c in columns]


def _overlap(a: Box, b: Box) -> float:
    """How far two boxes overlap horizontally (0 when they do not)."""
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))


def _header_cells(words: list[Word], height: float, spans: list[tuple[float, float]]) -> list[Word]:
    """Header words joined into cells: a fragment below another in the same column continues it.

    ``结果`` over ``维持`` is one cell; ``法人或其他组织`` over ``商业企业`` and
    ``科研机构`` is a parent of both and stays a cell of its own, and so does a
    parent wider than the column of the one child it overlaps (``复议后起诉``
    centred over ``其他结果``). Columns reach half way to the next value column.
    """
    centres = [(x0 + x1) / 2 for x0, x1 in spans]
    bounds = [(a + b) / 2 for a, b in pairwise(centres)]

    def column(box: Box) -> tuple[int, int]:
        return bisect_right(bounds, box.x0 + height / 4), bisect_right(bounds, box.x1 - height / 4)

    cells = sorted(words, key=lambda w: (w.box.y0, w.box.x0))
    joined = len(cells) <= MAX_HEADER_WORDS
    while joined:
        joined = False
        for upper in cells:
            below = [
                w
                for w in cells
                if w is not upper and w.box.y0 >= upper.box.cy and _overlap(upper.box, w.box) > 0
            ]
            if not below:
                continue
            lower = min(below, key=lambda w: w.box.y0)
            above = [
                w
                for w in cells
                if w.box.cy <= lower.box.y0
                and lower.box.y0 - w.box.y1 <= JOIN_GAP * height
                and _overlap(w.box, lower.box)
            ]
            one_column = column(upper.box)[0] == column(upper.box)[1] == column(lower.box)[0]
            if len(below) == 1 and above == [upper] and (not spans or one_column):
                merged = Word(upper.text + lower.text, _union([upper.box, lower.box]))
                cells = [w for w in cells if w is not upper and w is not lower] + [merged]
                joined = True
                break
    return sorted(cells, key=lambda w: (w.box.y0, w.box.x0))


def _block_values(anchors: list[_Anchor], index: int) -> list[Word]:
    """The values under the header block at ``index``, down to the next header block."""
    out = []
    for anchor in anchors[index + 1 :]:
        if anchor.kind == "header":
            break
        if anchor.kind == "values":
            out += anchor.words
    return out


def _value_spans(values: list[Word]) -> list[tuple[float, float]]:
    """The x extents of the value columns: the values' extents, overlapping ones merged."""
    merged: list[list[float]] = []
    for x0, x1 in sorted((w.box.x0, w.box.x1) for w in values if is_value(w.text)):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _columns(header: list[Word], values: list[Word]) -> list[tuple[float, float]]:
    """The value columns: the values' x extents, with the header's leaf cells.

    A leaf header over no value keeps the place of a column printed blank all
    the way down; a header cell over several columns (a parent) adds none.
    """
    merged = [list(span) for span in _value_spans(values)]
    for leaf in _leaves(header):
        hits = [m for m in merged if min(m[1], leaf.box.x1) > max(m[0], leaf.box.x0)]
        if not hits:
            merged.append([leaf.box.x0, leaf.box.x1])
    return sorted((x0, x1) for x0, x1 in merged)


def _leaves(header: list[Word]) -> list[Word]:
    """Header cells with no header cell below them in their column."""
    return [
        cell
        for cell in header
        if not any(
            o is not cell and o.box.y0 >= cell.box.cy and _overlap(cell.box, o.box) for o in header
        )
    ]


def _column_of(box: Box, columns: list[tuple[float, float]]) -> int:
    """The column a box stands in: the one it overlaps most, else the nearest."""
    best = max(
        range(len(columns)), key=lambda i: min(columns[i][1], box.x1) - max(columns[i][0], box.x0)
    )
    if min(columns[best][1], box.x1) > max(columns[best][0], box.x0):
        return best
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - box.cx))


def _header_order(header: list[Word], columns: list[tuple[float, float]]) -> list[str]:
    """The header cells in reading order: column by column, a parent before its first column.

    A parent's columns are those whose centres lie in its zone: up to half
    way to its neighbours on its line, mirrored where it has one neighbour.
    """
    if not columns:
        return [w.text for w in header]
    order = []
    for cell in header:
        line = sorted(
            (o for o in header if o.box.y0 < cell.box.y1 and cell.box.y0 < o.box.y1),
            key=lambda o: o.box.cx,
        )
        at = line.index(cell)
        low = (line[at - 1].box.x1 + cell.box.x0) / 2 if at > 0 else None
        high = (cell.box.x1 + line[at + 1].box.x0) / 2 if at + 1 < len(line) else None
        if low is None and high is None:
            low, high = cell.box.x0, cell.box.x1
        elif low is None:
            low = cell.box.cx - (high - cell.box.cx)
        elif high is None:
            high = cell.box.cx + (cell.box.cx - low)
        inside = [i for i, (x0, x1) in enumerate(columns) if low <= (x0 + x1) / 2 <= high]
        first = min(inside) if inside else _column_of(cell.box, columns)
        order.append((first, cell.box.y0, cell.text))
    return [text for *_, text in sorted(order)]


def _value_cells(words: list[Word], columns: list[tuple[float, float]]) -> list[str]:
    """One value line as a cell per column, blank where the column has no value."""
    cells: list[list[Word]] = [[] for _ in columns]
    for word in words:
        cells[_column_of(word.box, columns)].append(word)
    return [" ".join(w.text for w in sorted(c, key=lambda w: w.box.x0)) for c in cells]


def _is_label_row(word: Word) -> bool:
    """Whether a word alone on its line is a heading of table 2's blocks (第二十条第（五）项).

    Printed across the whole table, it stands over the value columns, but it
    is a row of the label column, not a column's header.
    """
    items = codes.items()
    return any(items[code].parent is None for code in _whole_labels(word.text) if code in items)


def _is_whole_label(text: str) -> bool:
    """Whether a line holds a whole label of a row or item of the template (or 第二十条 …)."""
    return bool(_whole_labels(text))


def _is_cell_label(words: list[Word]) -> bool:
    """Whether a label row names a row of cells (not a heading of table 2's blocks)."""
    text = "".join(w.text for w in words)
    return any(code in _cell_codes() for code in _whole_labels(text))


def _whole_labels(text: str) -> list[str]:
    return [m.code for name in ("rows", "items") for m in vocabulary(name).find(text)]


@cache
def _cell_codes() -> frozenset[str]:
    items = codes.items()
    return frozenset(codes.rows().cell_codes()) | {c.code for c in items if c.parent}
