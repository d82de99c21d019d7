"""The measures of the standard computed for every report: ``govinfo.measures(data)``.

Each measure of ``measures.csv`` is a ratio of two sums of cells. They are
read from the same :class:`~govinfo.reconcile.matrix.Matrix` as the rules,
with groups expanded per layout, and blanks handled as the rules handle
them: a blank in a sum is read as 0 and listed in ``blanks`` (``strict``:
the value is <NA>); a sum whose every cell is blank, or that needs a cell
the package does not hold, is <NA>, and ``reason`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..package import Dataset, load
from ..standard.expand import expand
from ..standard.measures import Measure, Side, select
from ..standard.rules import cell_label
from . import check_blanks
from .engine import Context, layouts
from .findings import distinct_rows

COLUMNS = (
    "report_id",
    "measure",
    "value",
    "numerator",
    "denominator",
    "unit",
    "blanks",
    "reason",
)


def measures(
    data: Dataset | str | Path, blanks: str = "zero", ids: list[str] | None = None
) -> pd.DataFrame:
    """Every measure of the standard (or those in ``ids``) for every report of ``data``.

    One row per report and measure: ``value`` (in ``unit``: a percent, or per
    100 requests handled), the ``numerator`` and ``denominator`` it is the
    ratio of, ``blanks`` (the blank cells read as 0 in a sum) and ``reason``
    (why the value is <NA>: a blank or zero denominator, a cell the package
    does not hold, a report without the standard tables). ``blanks="strict"``
    reads no blank as 0.
    """
    check_blanks(blanks)
    dataset = data if isinstance(data, Dataset) else load(data)
    context = Context(dataset, strict=blanks == "strict")
    chosen = select(ids)
    parts = [_measure(measure, context) for measure in chosen]
    n = len(context.ids)
    order = np.argsort(np.tile(np.arange(n), len(chosen)), kind="stable")

    def stacked(key: str) -> np.ndarray:
        return np.concatenate([part[key] for part in parts])[order] if parts else np.array([])

    value = stacked("value").astype(float)
    return pd.DataFrame(
        {
            "report_id": pd.Categorical.from_codes(
                np.tile(np.arange(n), len(chosen))[order], categories=context.ids
            ),
            "measure": pd.Categorical.from_codes(
                np.repeat(np.arange(len(chosen)), n)[order], categories=[m.id for m in chosen]
            ),
            "value": pd.array(np.where(np.isnan(value), None, value), dtype="Float64"),
            "numerator": _counts(stacked("numerator")),
            "denominator": _counts(stacked("denominator")),
            "unit": pd.Categorical(
                np.repeat([m.unit for m in chosen], n)[order],
                categories=sorted({m.unit for m in chosen}),
            ),
            "blanks": pd.array(stacked("blanks"), dtype="string"),
            "reason": pd.array(stacked("reason"), dtype="string"),
        },
        columns=list(COLUMNS),
    )


def _counts(values: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Sums of cells as nullable integers (floats if a sum is not whole)."""
    values = values.astype(float)
    whole = np.isnan(values) | (values == np.round(values))
    dtype = "Int64" if whole.all() else "Float64"
    return pd.array(np.where(np.isnan(values), None, values), dtype=dtype)


@dataclass(frozen=True)
class _Sum:
    """One side of a measure for every report: the sum (NaN: not defined), why not, blanks."""

    value: np.ndarray
    reason: np.ndarray
    blanks: np.ndarray


def _measure(measure: Measure, context: Context) -> dict[str, np.ndarray]:
    numerator = _side(measure.numerator, context)
    denominator = _side(measure.denominator, context)
    zero = denominator.value == 0
    value = np.full(len(context.ids), np.nan)
    defined = ~np.isnan(numerator.value) & ~np.isnan(denominator.value) & ~zero
    value[defined] = measure.scale * numerator.value[defined] / denominator.value[defined]
    reason = np.array(
        [
            "; ".join(
                part
                for part in (
                    f"numerator {top}" if top else "",
                    f"denominator {below}" if below else "",
                    f"denominator is 0: {measure.denominator}" if is_zero else "",
                )
                if part
            )
            for top, below, is_zero in zip(numerator.reason, denominator.reason, zero, strict=True)
        ],
        dtype=object,
    )
    other = ~np.isin(context.templates.astype(str), sorted(measure.templates))
    allowed = ", ".join(sorted(measure.templates))
    reason[other] = (
        "template "
        + context.templates[other].astype(str)
        + (f": the measure applies to templates {allowed} (no standard tables)")
    )
    value[other] = np.nan
    blanks = np.array(
        [
            ", ".join(b for b in pair if b)
            for pair in zip(numerator.blanks, denominator.blanks, strict=True)
        ],
        dtype=object,
    )
    return {
        "value": value,
        "numerator": np.where(other, np.nan, numerator.value),
        "denominator": np.where(other, np.nan, denominator.value),
        "blanks": np.where(other, "", blanks),
        "reason": reason,
    }


def _side(side: Side, context: Context) -> _Sum:
    """The sum of one side for every report, expanded per layout of its table."""
    matrix = context.matrix(side.table)
    n = len(context.ids)
    value = np.full(n, np.nan)
    reason = np.full(n, "", dtype=object)
    blanks = np.full(n, "", dtype=object)
    for layout, chosen in layouts(matrix, np.arange(n)):
        rows = np.flatnonzero(chosen)
        firsts = expand(side.first, matrix.lists[0], layout.template, layout.printed[0])
        seconds = expand(side.second, matrix.lists[1], layout.template, layout.printed[1])
        pairs = [(f, s) for f in firsts for s in seconds]
        columns = [matrix.column(f.code, s.code) for f, s in pairs]
        signs = np.array([f.sign * s.sign for f, s in pairs], dtype=float)
        values = np.stack([matrix.values[:, c][rows] for c in columns])
        held = np.stack([matrix.held[:, c][rows] for c in columns])
        blank = np.isnan(values) & held
        names = [
            f"{matrix.name(f.code, s.code)} ({cell_label(side.table, f.code, s.code)})"
            if c < matrix.cells
            else matrix.name(f.code, s.code)
            for (f, s), c in zip(pairs, columns, strict=True)
        ]
        total = signs @ np.where(np.isnan(values), 0.0, values)
        unusable = ~held.all(axis=0) | blank.all(axis=0) | (context.strict & blank.any(axis=0))
        total[unusable] = np.nan
        value[rows] = total
        keys, inverse = distinct_rows(np.column_stack([blank.T, (~held).T]))
        texts = [
            _texts(key[: len(names)], key[len(names) :], names, context.strict) for key in keys
        ]
        reason[rows] = np.array([t[0] for t in texts], dtype=object)[inverse]
        blanks[rows] = np.array([t[1] for t in texts], dtype=object)[inverse]
    return _Sum(value, reason, blanks)


def _texts(
    blank: np.ndarray, absent: np.ndarray, names: list[str], strict: bool
) -> tuple[str, str]:
    """(why a sum is not defined, the blanks it read as 0) for one pattern of its cells."""
    listed = ", ".join(n for n, b in zip(names, blank, strict=True) if b)
    if absent.any():
        missing = [n for n, a in zip(names, absent, strict=True) if a]
        return "needs cells the package does not hold (not read as 0): " + ", ".join(missing), ""
    if blank.all():
        return f"is blank in the report: {listed}", ""
    if strict and blank.any():
        return f"has blank cells (strict, not read as 0): {listed}", ""
    return "", listed
