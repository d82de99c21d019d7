"""Plausible ranges of ratios between cells, used only to choose between glued splits.

When a glued run's splits all fit the identities (``39573802895.90元`` =
395 items for 73,802,895.90 元, or 39 for 573,802,895.90 …), a ratio far
outside its usual range marks a split as implausible. The ranges live in
``govinfo/schema/readers/plausible.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...standard import codes, reader_table
from .identities import Key, Number


@dataclass(frozen=True)
class Ratio:
    """``low <= numerator / denominator <= high`` for cells of one row, in one unit."""

    numerator: Key
    denominator: Key
    unit: str
    low: float
    high: float

    def violated(self, values: dict[Key, Number | None], units: dict[Key, str]) -> bool:
        """Whether the values given break this range (False when they do not apply).

        Over a zero denominator any non-zero numerator is out of range.
        """
        top, bottom = values.get(self.numerator), values.get(self.denominator)
        if top is None or bottom is None or units.get(self.numerator, "") != self.unit:
            return False
        if bottom == 0:
            return top != 0
        return not self.low <= top / bottom <= self.high


@cache
def plausible_ratios() -> tuple[Ratio, ...]:
    """The ranges of ``plausible.csv``; a row ``*`` stands for every item."""
    return tuple(
        Ratio(
            (item, r["numerator"]),
            (item, r["denominator"]),
            r["unit"],
            float(r["low"]),
            float(r["high"]),
        )
        for r in reader_table("plausible")
        for item in (codes.items().cell_codes() if r["row"] == "*" else [r["row"]])
    )
