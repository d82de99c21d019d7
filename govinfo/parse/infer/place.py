"""Giving loose values back to the table-2 rows that lost them.

A PDF converter may lift a multi-line cell (``55（含自然失效29件）``) out of
its row, leaving ``| 行政规范性文件 | 34 | 189 |``. Every position the loose
value could take is a candidate; values the narrative states choose among
them, then the reading that keeps the row's last number in the last column.
Cells whose value depends on the choice are flagged ``placed``.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from ...model import Cell
from ...standard.codes import amount_measures
from ..text.tables import Gap
from ..text.tokens import Token
from ..text.values import read_value
from .hints import agreement
from .identities import Key, Number


def fill_gaps(gaps: list[Gap], hints: dict[Key, set[Number]]) -> dict[Key, Cell]:
    """Cells of the rows that lost values to loose lines."""
    cells: dict[Key, Cell] = {}
    for gap in gaps:
        readings = _readings(gap)
        readings = _agreeing(gap.keys, readings, hints)
        last = len(gap.keys) - 1
        chosen = min(readings, key=lambda r: (last in r[0], r[0]))[1]
        for index, key in enumerate(gap.keys):
            cell = read_value(chosen[index].text)
            if len({read_value(r[1][index].text).value for r in readings}) > 1:
                cell = replace(cell, flag="placed")
            if key[1] in amount_measures() and cell.value is not None and not cell.unit:
                cell = replace(cell, unit=gap.unit)
            cells[key] = cell
    return cells


def _readings(gap: Gap) -> list[tuple[tuple[int, ...], list[Token]]]:
    """Every way to put the loose values into the row, keeping both in their printed order."""
    width = len(gap.keys)
    out = []
    for positions in combinations(range(width), len(gap.loose)):
        loose, printed = iter(gap.loose), iter(gap.tokens)
        out.append(
            (positions, [next(loose) if i in positions else next(printed) for i in range(width)])
        )
    return out


def _agreeing(
    keys: list[Key],
    readings: list[tuple[tuple[int, ...], list[Token]]],
    hints: dict[Key, set[Number]],
) -> list[tuple[tuple[int, ...], list[Token]]]:
    scores = [
        agreement(
            {key: read_value(t.text).value for key, t in zip(keys, tokens, strict=True)}, hints
        )
        for _, tokens in readings
    ]
    best = max(scores)
    return [r for r, s in zip(readings, scores, strict=True) if s == best]
