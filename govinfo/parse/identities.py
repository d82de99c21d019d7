"""The accounting identities (勾稽关系) the readers use to split glued digit runs.

Each identity is a signed sum of cells that must be zero. Within a report:
row totals (T3-APPLICANTS), the balance and the outcome sum per applicant
column (T3-BALANCE, T3-OUTCOMES), table-4 totals (T4-TOTALS). Across
consecutive years of one body: carry-over (X-CARRYOVER), the stock of
normative documents (X-STOCK), and the 2019 template's running counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .. import codes

Key = tuple[str, str]
Number = int | float


@dataclass(frozen=True)
class Identity:
    """``sum(sign * cell) == 0`` over cells of one table of one report."""

    name: str
    table: str
    terms: tuple[tuple[Key, int], ...]
    keys: frozenset[Key] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(key for key, _ in self.terms))

    def holds(self, values: Mapping[Key, Number | None]) -> bool | None:
        """True or False, or None when a cell it reads is missing or blank."""
        total = 0
        for key, sign in self.terms:
            value = values.get(key)
            if value is None:
                return None
            total += sign * value
        return abs(total) < 1e-6


@dataclass(frozen=True)
class SeriesIdentity:
    """``sum(sign * cell) == 0`` over cells of a report (offset 0) and the year before (-1)."""

    name: str
    table: str
    terms: tuple[tuple[int, Key, int], ...]


def requests_identities(rows: list[str], columns: list[str]) -> list[Identity]:
    """Table-3 identities over the rows a report prints (template-aware through ``rows``)."""
    leaves = [c for c in columns if c != "total"]
    out = [
        Identity(
            f"T3-APPLICANTS {row}",
            "requests",
            (((row, "total"), 1), *(((row, c), -1) for c in leaves)),
        )
        for row in rows
        if "total" in columns
    ]
    outcome_rows = _outcome_rows(rows)
    for column in columns:
        if {"new_received", "carried_over", "total_processed", "carried_forward"} <= set(rows):
            out.append(
                Identity(
                    f"T3-BALANCE {column}",
                    "requests",
                    (
                        (("new_received", column), 1),
                        (("carried_over", column), 1),
                        (("total_processed", column), -1),
                        (("carried_forward", column), -1),
                    ),
                )
            )
        if "total_processed" in rows and outcome_rows:
            out.append(
                Identity(
                    f"T3-OUTCOMES {column}",
                    "requests",
                    (
                        (("total_processed", column), 1),
                        *(((row, column), -1) for row in outcome_rows),
                    ),
                )
            )
    return out


def _outcome_rows(rows: list[str]) -> list[str]:
    """Printed rows between 二、上年结转 and (七)总计: the leaves of 三、本年度办理结果."""
    order = {c.code: c.order for c in codes.rows()}
    low, high = order["carried_over"], order["total_processed"]
    return [row for row in rows if low < order[row] < high]


def appeals_identities() -> list[Identity]:
    """T4-TOTALS: per proceeding, total = upheld + corrected + other + pending."""
    outcomes = [o for o in codes.outcomes().leaves("2021") if o != "total"]
    return [
        Identity(
            f"T4-TOTALS {p}", "appeals", (((p, "total"), 1), *(((p, o), -1) for o in outcomes))
        )
        for p in codes.proceedings().leaves("2021")
    ]


def series_identities(previous: str, current: str) -> list[SeriesIdentity]:
    """Identities between consecutive reports with templates ``previous`` and ``current``."""
    out = [
        SeriesIdentity(
            f"X-CARRYOVER {column}",
            "requests",
            ((0, ("carried_over", column), 1), (-1, ("carried_forward", column), -1)),
        )
        for column in codes.applicants().leaves("2021")
    ]
    if previous == current == "2021":
        stocks = [c.item for c in codes.table2_layout("2021") if c.measure == "in_force"]
        out += [
            SeriesIdentity(
                f"X-STOCK {item}",
                "disclosure",
                (
                    (0, (item, "in_force"), 1),
                    (-1, (item, "in_force"), -1),
                    (0, (item, "issued"), -1),
                    (0, (item, "repealed"), 1),
                ),
            )
            for item in stocks
        ]
    if previous == current == "2019":
        layout = {(c.item, c.measure) for c in codes.table2_layout("2019")}
        out += [
            SeriesIdentity(
                f"X-ITEMS {item}",
                "disclosure",
                (
                    (0, (item, "items_prev_year"), 1),
                    (-1, (item, "items_prev_year"), -1),
                    (-1, (item, "items_change"), -1),
                ),
            )
            for item in codes.items().leaves("2019")
            if (item, "items_change") in layout
        ]
        out += [
            SeriesIdentity(
                f"X-PUBLISHED {item}",
                "disclosure",
                (
                    (0, (item, "total_published"), 1),
                    (-1, (item, "total_published"), -1),
                    (0, (item, "published"), -1),
                ),
            )
            for item in codes.items().leaves("2019")
            if (item, "total_published") in layout
        ]
    return out
