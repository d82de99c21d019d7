"""A cell table of a package as a matrix: one row per report, one column per pair of codes.

The reconciliation reads the cells of every report at once from this matrix,
with NaN for a blank (or a cell the report does not have); ``held`` tells the
two apart, so that a cell a package does not hold is never read as a blank. Reports that print
the same template the same way (which codes of a group carry cells) share a
:class:`Layout`, so a rule is expanded once per layout, not once per report.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ReconcileError
from ..standard import CELL_TABLES
from ..standard.expand import family
from ..standard.rules import dimension_list
from .findings import distinct_rows


@dataclass(frozen=True)
class Layout:
    """A template and the group codes a report printed, per code column of the table."""

    template: str
    printed: tuple[frozenset[str], frozenset[str]]


def positions(values: pd.Series, index: pd.Index) -> np.ndarray:
    """Position of each value in ``index`` (-1 when absent or missing), fast for categoricals."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        lookup = np.append(index.get_indexer(values.cat.categories.astype(str)), -1)
        return lookup[values.cat.codes.to_numpy()]
    return index.get_indexer(values.astype(object))


def _column_major(
    n: int, cells: int, row: np.ndarray, column: np.ndarray, value: np.ndarray, block: int = 4096
) -> np.ndarray:
    """The reports x (cells + 1 spare) matrix of values, NaN elsewhere, stored column-major.

    ``row`` is sorted. Each block of reports is scattered into a small
    row-major buffer and copied transposed, which is several times faster than
    filling one matrix and converting it.
    """
    columns = np.empty((cells + 1, n))
    buffer = np.empty((block, cells + 1))
    bounds = np.searchsorted(row, np.arange(0, n + block, block))
    for number, start in enumerate(range(0, n, block)):
        low, high = bounds[number], bounds[number + 1]
        part = buffer[: min(block, n - start)]
        part.fill(np.nan)
        part.reshape(-1)[(row[low:high] - start) * (cells + 1) + column[low:high]] = value[low:high]
        columns[:, start : start + len(part)] = part.T
    return columns.T


def _held(n: int, cells: int, row: np.ndarray, column: np.ndarray) -> np.ndarray:
    """The reports x (cells + 1 spare) mask of the cells a package has rows for, column-major."""
    held = np.zeros((cells + 1, n), dtype=bool)
    held[column, row] = True
    return held.T


def report_index(reports: pd.DataFrame) -> pd.Index:
    """The ``report_id`` column as an index; ids must be unique."""
    ids = pd.Index(reports["report_id"].astype(str).to_numpy(object))
    if not ids.is_unique:
        twice = ids[ids.duplicated()].unique().tolist()
        raise ReconcileError(f"report_id {', '.join(twice)} occurs twice in reports")
    return ids


class Matrix:
    """The cells of one table (requests, appeals, disclosure) of every report.

    ``values`` is reports x cells, column-major so that a rule reads each cell
    of every report as one contiguous column; a code a report does not carry
    reads as a blank (the spare last column). ``held`` (same shape) is True
    where the package has a row for the cell, blank or not. ``printed`` tells,
    per code column, which codes each report has cells for.
    """

    def __init__(
        self, table: str, frame: pd.DataFrame, reports: pd.Index, templates: np.ndarray
    ) -> None:
        self.table = table
        self.columns = CELL_TABLES[table]
        self.lists = tuple(dimension_list(table, column) for column in self.columns)
        self.codes = tuple(pd.Index(codelist.cell_codes()) for codelist in self.lists)
        n, width = len(reports), len(self.codes[1])
        row = positions(frame["report_id"], reports)
        first = positions(frame[self.columns[0]], self.codes[0])
        second = positions(frame[self.columns[1]], self.codes[1])
        value = frame["value"].to_numpy(dtype=float, na_value=np.nan)
        keep = (row >= 0) & (first >= 0) & (second >= 0)
        if not keep.all():
            row, first, second, value = row[keep], first[keep], second[keep], value[keep]
        if len(row) and (np.diff(row) < 0).any():
            order = np.argsort(row, kind="stable")
            row, first, second, value = row[order], first[order], second[order], value[order]
        self.values = _column_major(
            n, len(self.codes[0]) * width, row, first * width + second, value
        )
        self.held = _held(n, len(self.codes[0]) * width, row, first * width + second)
        self.printed = (np.zeros((n, len(self.codes[0])), bool), np.zeros((n, width), bool))
        self.printed[0].reshape(-1)[row * len(self.codes[0]) + first] = True
        self.printed[1].reshape(-1)[row * width + second] = True
        self.layout_of, self.layouts = self._layouts(templates)

    @property
    def cells(self) -> int:
        """Number of cell columns (without the spare blank one)."""
        return self.values.shape[1] - 1

    def column(self, first: str, second: str) -> int:
        """Matrix column of the cell (first code, second code); the blank one when absent."""
        if first not in self.codes[0] or second not in self.codes[1]:
            return self.cells
        return self.codes[0].get_loc(first) * len(self.codes[1]) + self.codes[1].get_loc(second)

    def code_pair(self, column: int) -> tuple[str, str]:
        """The two codes of a matrix column."""
        first, second = divmod(column, len(self.codes[1]))
        return self.codes[0][first], self.codes[1][second]

    def name(self, first: str, second: str) -> str:
        """How findings name a cell: ``requests[granted,total]``."""
        return f"{self.table}[{first},{second}]"

    def _layouts(self, templates: np.ndarray) -> tuple[np.ndarray, list[Layout]]:
        members = [
            np.flatnonzero(self.codes[axis].isin(family(self.lists[axis]))) for axis in range(2)
        ]
        template_codes, template_of = np.unique(templates.astype(str), return_inverse=True)
        keys = np.column_stack(
            [template_of] + [self.printed[axis][:, members[axis]] for axis in range(2)]
        )
        unique, layout_of = distinct_rows(keys)
        split = 1 + len(members[0])
        layouts = [
            Layout(
                str(template_codes[key[0]]),
                (
                    frozenset(self.codes[0][members[0][key[1:split] == 1]]),
                    frozenset(self.codes[1][members[1][key[split:] == 1]]),
                ),
            )
            for key in unique
        ]
        return layout_of, layouts
