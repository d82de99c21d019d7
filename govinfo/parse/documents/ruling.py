"""Tables of a PDF page from its ruling lines, and lines of text from its glyphs.

Reports are printed from Word or WPS with every table cell ruled. The rules
(thin filled rectangles or stroked lines) give the rows and columns; a merged
cell is where an inner rule is missing; each glyph belongs to the cell under
its centre. A row-group label written one character per line down the left
margin (三、本年度办理结果) is one merged cell, so it joins into one label and
breaks no row. Coordinates are in points with ``y`` growing downwards.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from .cells import Grid, cell_text

TOLERANCE = 2.0  # points: rules this thin are lines, rules this close are one
SPACING = 6.0  # points: two rules this close with no text between are one cell boundary
MAX_CROSSINGS = 2_000_000  # rule positions a page's rules may cross (a ruled report: thousands)
MAX_CELLS = 200_000  # elementary cells of one table (a report's largest: hundreds)
Line = tuple[float, float, float]  # where the rule is across its direction, where it starts, ends


class TooManyRules(ValueError):
    """A page draws more rules than the table finder reads (a limit, not a table)."""


@dataclass(frozen=True)
class Box:
    """A rectangle: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Glyph:
    """One printed character and its box."""

    text: str
    box: Box


@dataclass
class Table:
    """A ruled table: where it is on the page and its grid of cell texts."""

    box: Box
    grid: Grid


@dataclass
class _Lines:
    """The horizontal (y, x0, x1) and vertical (x, y0, y1) rules of one table."""

    horizontal: list[Line] = field(default_factory=list)
    vertical: list[Line] = field(default_factory=list)


def find_tables(rects: list[Box], glyphs: list[Glyph]) -> tuple[list[Table], list[Glyph]]:
    """The ruled tables of a page (two columns or more), and the glyphs outside them."""
    tables, inside = [], set()
    for rules in _connected(*_rules(rects)):
        xs = _clusters(x for x, _, _ in rules.vertical)
        ys = _open_edges(_clusters(y for y, _, _ in rules.horizontal), rules.vertical)
        if len(xs) < 3 or len(ys) < 2:
            continue
        if (len(xs) - 1) * (len(ys) - 1) > MAX_CELLS:
            raise TooManyRules(
                f"a table of {len(ys) - 1} × {len(xs) - 1} cells is drawn "
                f"(more than the {MAX_CELLS:,} govinfo reads)"
            )
        box = Box(xs[0], ys[0], xs[-1], ys[-1])
        members = [i for i, g in enumerate(glyphs) if _contains(box, g.box)]
        printed = [glyphs[i].box for i in members if not glyphs[i].text.isspace()]
        xs = _without_spacing(xs, [box.cx for box in printed], rules.vertical)
        ys = _without_spacing(ys, [box.cy for box in printed], rules.horizontal)
        inside.update(members)
        grid = _grid(rules, xs, ys, [glyphs[i] for i in members])
        tables.append(Table(box, grid))
    outside = [g for i, g in enumerate(glyphs) if i not in inside]
    return sorted(tables, key=lambda t: t.box.y0), outside


def _without_spacing(lines: list[float], centres: list[float], rules: list[Line]) -> list[float]:
    """Grid lines with the pairs a table's cell spacing draws taken as one.

    A table drawn with spacing between its cells (an HTML ``border=1`` table
    printed by a browser) gives each cell its own box, so every boundary is
    two rules a few points apart: with no text between them, or ruled along
    the same length (the two sides of neighbouring cells; a cell spanning
    both columns has text across the pair and neither rule).
    """
    ordered = sorted(centres)
    ruled = _ruled_length(lines, rules)
    out = [lines[0]] if lines else []
    lengths = [ruled[0]] if lines else []
    for line, length in zip(lines[1:], ruled[1:], strict=True):
        between = bisect_right(ordered, line) - bisect_left(ordered, out[-1])
        alike = abs(length - lengths[-1]) <= 0.15 * max(length, lengths[-1])
        if line - out[-1] <= SPACING and (not between or alike):
            out[-1], lengths[-1] = (out[-1] + line) / 2, max(length, lengths[-1])
        else:
            out.append(line)
            lengths.append(length)
    return out


def _ruled_length(lines: list[float], rules: list[Line]) -> list[float]:
    """How long the rules along each line are, together."""
    lengths = [0.0] * len(lines)
    for at, low, high in rules:
        index = _nearest(lines, at)
        if index is not None and abs(lines[index] - at) <= TOLERANCE:
            lengths[index] += high - low
    return lengths


def _nearest(lines: list[float], at: float) -> int | None:
    """The index of the sorted ``lines`` nearest ``at`` (the first of two as near)."""
    after = bisect_left(lines, at)
    near = [k for k in (after - 1, after) if 0 <= k < len(lines)]
    return min(near, key=lambda k: abs(lines[k] - at)) if near else None


def _open_edges(ys: list[float], vertical: list[Line]) -> list[float]:
    """Row lines with the open top or bottom of a table broken across pages added.

    A table continued from the page before starts without a rule above its
    first row, and one continued on the next page ends without one below its
    last: the vertical rules still reach there, and so does the row.
    """
    if not vertical or not ys:
        return ys
    top, bottom = min(y0 for _, y0, _ in vertical), max(y1 for _, _, y1 in vertical)
    return [top] * (top < ys[0] - TOLERANCE) + ys + [bottom] * (bottom > ys[-1] + TOLERANCE)


def text_lines(glyphs: list[Glyph]) -> list[tuple[Box, str]]:
    """Glyphs grouped into printed lines, top to bottom, each with its box."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.box.cy, g.box.x0)):
        if lines and abs(glyph.box.cy - _centre(lines[-1])) <= _height(lines[-1]) / 2:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    out = []
    for line in lines:
        line.sort(key=lambda g: g.box.x0)
        box = Box(
            min(g.box.x0 for g in line),
            min(g.box.y0 for g in line),
            max(g.box.x1 for g in line),
            max(g.box.y1 for g in line),
        )
        out.append((box, _join(line)))
    return out


def _centre(line: list[Glyph]) -> float:
    return sum(g.box.cy for g in line) / len(line)


def _height(line: list[Glyph]) -> float:
    return max(g.box.y1 - g.box.y0 for g in line)


def _join(line: list[Glyph]) -> str:
    """The text of one line; a gap wider than half a character is a space."""
    parts = [line[0].text]
    for before, glyph in pairwise(line):
        size = max(before.box.y1 - before.box.y0, glyph.box.y1 - glyph.box.y0)
        if glyph.box.x0 - before.box.x1 > size / 2:
            parts.append(" ")
        parts.append(glyph.text)
    return "".join(parts)


def _rules(rects: list[Box]) -> tuple[list[Line], list[Line]]:
    """Rules from drawn rectangles: thin ones are lines, larger ones give their four sides."""
    horizontal: list[Line] = []
    vertical: list[Line] = []
    for r in rects:
        width, height = r.x1 - r.x0, r.y1 - r.y0
        if height <= TOLERANCE < width:
            horizontal.append((r.cy, r.x0, r.x1))
        elif width <= TOLERANCE < height:
            vertical.append((r.cx, r.y0, r.y1))
        elif width > TOLERANCE and height > TOLERANCE:
            horizontal += [(r.y0, r.x0, r.x1), (r.y1, r.x0, r.x1)]
            vertical += [(r.x0, r.y0, r.y1), (r.x1, r.y0, r.y1)]
    return horizontal, vertical


def _connected(horizontal: list[Line], vertical: list[Line]) -> list[_Lines]:
    """Rules grouped into tables: those that cross or touch each other.

    The vertical rules at one ``x`` that continue one another are one run (and
    joined into one group anyway), so a horizontal rule is joined to the run
    it touches on each ``x`` it crosses: the work grows with the positions a
    rule crosses, not with every pair of rules (80,000 rectangles of one table in
    seconds). Those positions are counted first: past ``MAX_CROSSINGS`` (rules
    scattered everywhere, as a drawing rather than a table) it raises TooManyRules.
    """
    parent = list(range(len(horizontal) + len(vertical)))
    _join_collinear(horizontal, 0, parent)
    _join_collinear(vertical, len(horizontal), parent)
    runs = _runs(vertical)
    xs = sorted(runs)
    spans = [
        (bisect_left(xs, hx0 - TOLERANCE), bisect_right(xs, hx1 + TOLERANCE))
        for _, hx0, hx1 in horizontal
    ]
    crossings = sum(end - start for start, end in spans)
    if crossings > MAX_CROSSINGS:
        raise TooManyRules(
            f"{len(horizontal) + len(vertical):,} rules cross {crossings:,} rule positions "
            f"(more than the {MAX_CROSSINGS:,} govinfo reads)"
        )
    for i, ((y, _, _), (start, end)) in enumerate(zip(horizontal, spans, strict=True)):
        for x in xs[start:end]:
            lows, extents = runs[x]
            last = bisect_right(lows, y + TOLERANCE) - 1
            for low, high, j in extents[max(last - 1, 0) : last + 1]:
                if _near(y, low, high):
                    parent[_find(parent, i)] = _find(parent, len(horizontal) + j)
    groups: dict[int, _Lines] = {}
    for i, rule in enumerate(horizontal):
        groups.setdefault(_find(parent, i), _Lines()).horizontal.append(rule)
    for j, rule in enumerate(vertical):
        groups.setdefault(_find(parent, len(horizontal) + j), _Lines()).vertical.append(rule)
    return list(groups.values())


def _join_collinear(lines: list[Line], offset: int, parent: list[int]) -> None:
    """Join rules that continue one another along one line: a browser or Word draws each
    cell's border as a segment of its own, and a segment under a cell spanning columns
    touches no crossing rule at all."""
    order = sorted(range(len(lines)), key=lambda i: lines[i][0])
    start = 0
    for end in range(1, len(order) + 1):
        if end < len(order) and lines[order[end]][0] - lines[order[end - 1]][0] <= TOLERANCE:
            continue
        reach, last = float("-inf"), -1
        for k in sorted(order[start:end], key=lambda i: lines[i][1]):
            if last >= 0 and lines[k][1] <= reach + TOLERANCE:
                parent[_find(parent, offset + k)] = _find(parent, offset + last)
            if lines[k][2] > reach:
                reach, last = lines[k][2], k
        start = end


def _runs(vertical: list[Line]) -> dict[float, tuple[list[float], list[tuple[float, float, int]]]]:
    """The vertical rules by ``x``: the runs of rules that continue one another (low, high,
    one of its rules), sorted, with their lows for bisecting."""
    by_x: dict[float, list[int]] = {}
    for j, (x, _, _) in enumerate(vertical):
        by_x.setdefault(x, []).append(j)
    out = {}
    for x, members in by_x.items():
        extents: list[tuple[float, float, int]] = []
        for j in sorted(members, key=lambda k: vertical[k][1]):
            _, low, high = vertical[j]
            if extents and low <= extents[-1][1] + TOLERANCE:
                extents[-1] = (extents[-1][0], max(high, extents[-1][1]), extents[-1][2])
            else:
                extents.append((low, high, j))
        out[x] = ([low for low, _, _ in extents], extents)
    return out


def _find(parent: list[int], i: int) -> int:
    """The representative of ``i`` in a union-find forest (halving the paths it walks)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _near(value: float, low: float, high: float) -> bool:
    return low - TOLERANCE <= value <= high + TOLERANCE


def _clusters(values) -> list[float]:
    """Positions closer than the tolerance merged into one (their mean), sorted."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= TOLERANCE:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(c) / len(c) for c in out]


def _contains(box: Box, inner: Box) -> bool:
    return box.x0 <= inner.cx <= box.x1 and box.y0 <= inner.cy <= box.y1


def _grid(rules: _Lines, xs: list[float], ys: list[float], glyphs: list[Glyph]) -> Grid:
    """The grid of one table: elementary cells joined where no rule separates them."""
    rows, cols = len(ys) - 1, len(xs) - 1
    vertical, horizontal = _by_line(rules.vertical, xs), _by_line(rules.horizontal, ys)
    parent = list(range(rows * cols))
    for r in range(rows):
        for c in range(cols):
            here = r * cols + c
            middle = (ys[r] + ys[r + 1]) / 2
            if c + 1 < cols and not _ruled(vertical.get(c + 1, []), middle):
                parent[_find(parent, here + 1)] = _find(parent, here)
            centre = (xs[c] + xs[c + 1]) / 2
            if r + 1 < rows and not _ruled(horizontal.get(r + 1, []), centre):
                parent[_find(parent, here + cols)] = _find(parent, here)
    corner: dict[int, int] = {}
    for i in range(rows * cols):
        corner.setdefault(_find(parent, i), i)
    texts: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        r = min(max(bisect_right(ys, glyph.box.cy) - 1, 0), rows - 1)
        c = min(max(bisect_right(xs, glyph.box.cx) - 1, 0), cols - 1)
        texts.setdefault(corner[_find(parent, r * cols + c)], []).append(glyph)
    grid: Grid = [[None] * cols for _ in range(rows)]
    for i in set(corner.values()):
        lines = [text for _, text in text_lines(texts.get(i, []))]
        grid[i // cols][i % cols] = cell_text(lines)
    return grid


def _by_line(rules: list[Line], lines: list[float]) -> dict[int, list[tuple[float, float]]]:
    """The extents (low, high) of the rules along each grid line, by the line's index."""
    out: dict[int, list[tuple[float, float]]] = {}
    for at, low, high in rules:
        index = _nearest(lines, at)
        if index is not None and abs(lines[index] - at) <= SPACING:
            out.setdefault(index, []).append((low, high))
    return {index: _merged(extents) for index, extents in out.items()}


def _merged(extents: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Extents widened by the tolerance, overlapping ones merged, sorted."""
    out: list[tuple[float, float]] = []
    for low, high in sorted((low - TOLERANCE, high + TOLERANCE) for low, high in extents):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(high, out[-1][1]))
        else:
            out.append((low, high))
    return out


def _ruled(extents: list[tuple[float, float]], across: float) -> bool:
    """Whether a rule along a grid line (merged extents: :func:`_merged`) crosses ``across``."""
    index = bisect_right(extents, (across, float("inf"))) - 1
    return index >= 0 and extents[index][1] >= across
