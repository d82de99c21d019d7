"""The aggregate-against-parts rule: an aggregate report's cells against the sum of its parts'.

An aggregate report (``scope`` ``aggregate``) counts the requests of its body
and of the bodies under it, so no cell of the reports of those bodies, summed,
may exceed its own. Which bodies are under it comes from the body registry of
the curated packages (``parent_id``). Only the parts the package holds for the
same year and template are summed (a blank part cell read as 0; with
``blanks="strict"`` such a cell is not compared); a package with no part of
an aggregate's gets no finding for it. A finding's numbers are those of the
cell the parts exceed most or, when none, of the cell with the largest sum.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..package.catalogue import parents
from ..standard.rules import Rule
from .engine import Context
from .findings import FAIL, NOT_ASSESSABLE, PASS, Chunk, Labels, make_chunk, number_text

SHOWN = 5
"""Exceeding cells a finding names before it says how many more."""


@dataclass(frozen=True)
class Finding:
    """One aggregate report against its parts in one table."""

    report: int
    status: int
    reported: float = np.nan
    expected: float = np.nan
    cells: str = ""
    message: str = ""


def aggregate_parts(rule: Rule, context: Context) -> list[Chunk]:
    """One finding per aggregate report and table whose parts (same year) the package holds."""
    registry = parents()
    reports = context.frames["reports"]
    if not registry or "scope" not in reports:
        return []
    frame = context.body_years
    known = Counter(registry.values())
    parent = frame["body"].map(registry)
    scope = reports["scope"].astype(object).to_numpy()[frame["report"].to_numpy()]
    chunks = []
    for table in rule.tables:
        if context.frames.get(table) is None or context.frames[table].empty:
            continue
        found = []
        for row in frame[scope == "aggregate"].itertuples():
            parts = frame[(parent == row.body).to_numpy() & (frame["year"] == row.year).to_numpy()]
            if len(parts):
                counted = f"{len(parts)} of {known[row.body]} known parts in the package"
                found.append(_finding(context, table, row.report, parts, counted))
        if found:
            chunks.append(_chunk(rule, table, found))
    return chunks


def _chunk(rule: Rule, table: str, found: list[Finding]) -> Chunk:
    return make_chunk(
        rule,
        table,
        np.array([f.report for f in found]),
        np.array([f.status for f in found]),
        np.array([f.reported for f in found]),
        np.array([f.expected for f in found]),
        Labels.of(np.array([f.cells for f in found], dtype=object)),
        Labels.of(np.array([f.message for f in found], dtype=object)),
    )


def _finding(
    context: Context, table: str, report: int, parts: pd.DataFrame, counted: str
) -> Finding:
    """The aggregate report at ``report`` against the reports ``parts`` in ``table``."""
    template = context.templates[report]
    same = parts["report"].to_numpy()
    same = same[context.templates[same] == template]
    other = len(parts) - len(same)
    skipped = f"{other} part(s) of another template left out" if other else ""
    names = "parts: " + ", ".join(context.id_text[same]) if len(same) else ""
    if template not in ("2019", "2021") or not len(same):
        why = "the aggregate is of no standard template" if len(same) else ""
        return Finding(report, NOT_ASSESSABLE, message=_join(counted, skipped, why))
    matrix = context.matrix(table)
    mine = matrix.values[report, : matrix.cells]
    theirs = matrix.values[same, : matrix.cells]
    compared = ~np.isnan(mine) & (~np.isnan(theirs)).any(axis=0)
    if context.strict:
        compared &= ~np.isnan(theirs).any(axis=0)
    if not compared.any():
        why = "no cell both the aggregate and a part report"
        return Finding(report, NOT_ASSESSABLE, message=_join(counted, names, skipped, why))
    total = np.where(np.isnan(theirs), 0.0, theirs).sum(axis=0)
    over = np.flatnonzero(compared & (total > mine))
    shown = np.where(compared, total - mine if len(over) else total, -np.inf)
    worst = int(np.argmax(shown))
    listed = ", ".join(
        f"{matrix.name(*matrix.code_pair(c))} {number_text(total[c])} > {number_text(mine[c])}"
        for c in over[:SHOWN]
    )
    more = f" and {len(over) - SHOWN} more" if len(over) > SHOWN else ""
    said = (
        f"the parts exceed the aggregate in {len(over)} cell(s): {listed}{more}" if listed else ""
    )
    return Finding(
        report,
        FAIL if len(over) else PASS,
        total[worst],
        mine[worst],
        matrix.name(*matrix.code_pair(worst)),
        _join(counted, names, skipped, said),
    )


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
