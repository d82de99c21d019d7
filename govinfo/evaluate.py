"""Evaluating the table rules: equations within a report and across years, and value domains.

Each evaluator takes a rule and the :class:`Context` of one reconciliation and
returns :class:`~govinfo.findings.Chunk` s. A rule is expanded once per
:class:`~govinfo.grid.Layout` and subject; its sums are then read for every
report of that layout at once from the table's :class:`~govinfo.grid.Grid`.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from . import codes
from .dataset import Dataset
from .errors import ReconcileError
from .findings import FAIL, NOT_ASSESSABLE, PASS, Chunk, Labels, blank_messages, make_chunk
from .grid import Grid, Layout, report_index
from .model import TEMPLATES
from .rules import Rule, Term, expand, format_sum, subjects_for


class Context:
    """What the evaluators share: the reports, one grid per table, consecutive-year pairs."""

    def __init__(self, dataset: Dataset, strict: bool) -> None:
        self.frames = dataset.frames
        reports = self.frames["reports"]
        self.ids = report_index(reports)
        self.id_text = self.ids.to_numpy(object)
        self.templates = reports["template"].astype(object).fillna("other").to_numpy(object)
        self.template_codes, self.template_of = np.unique(
            self.templates.astype(str), return_inverse=True
        )
        self.strict = strict
        self.cache: dict[str, object] = {}
        self._grids: dict[str, Grid] = {}

    def grid(self, table: str) -> Grid:
        """The grid of one cell table (built on first use)."""
        if table not in self._grids:
            frame = self.frames.get(table)
            if frame is None:
                raise ReconcileError(f"the package has no {table} resource")
            self._grids[table] = Grid(table, frame, self.ids, self.templates)
        return self._grids[table]

    @cached_property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions of (report, previous-year report of the same body), every such pair."""
        reports = self.frames["reports"]
        frame = pd.DataFrame(
            {
                "report": np.arange(len(reports)),
                "body": reports["body"].astype(object).to_numpy(),
                "year": pd.to_numeric(reports["year"]).astype("Float64").to_numpy(),
            }
        ).dropna()
        before = frame.assign(year=frame["year"] + 1).rename(columns={"report": "previous"})
        pairs = frame.merge(before, on=["body", "year"]).sort_values(["report", "previous"])
        return pairs["report"].to_numpy(), pairs["previous"].to_numpy()

    @cached_property
    def previous_notes(self) -> np.ndarray:
        """``previous report: <id>`` for each report."""
        return "previous report: " + self.id_text

    def applies(
        self, rule: Rule, current: np.ndarray, previous: np.ndarray | None = None
    ) -> np.ndarray:
        """Which reports (and their previous reports) have a template ``rule`` applies to."""
        allowed = np.isin(self.template_codes, sorted(rule.templates))
        applies = allowed[self.template_of[current]]
        if previous is not None:
            applies &= allowed[self.template_of[previous]]
        return applies

    def not_applicable(
        self, rule: Rule, current: np.ndarray, previous: np.ndarray | None = None
    ) -> Chunk:
        """``not_assessable`` findings for reports of templates the rule does not apply to."""
        message = (
            f"the rule applies to templates {', '.join(sorted(rule.templates))}; this report's is "
            + self.templates[current]
        )
        if previous is not None:
            message = message + "; previous report " + self.id_text[previous]
            message = message + " has template " + self.templates[previous]
        status = np.full(len(current), NOT_ASSESSABLE)
        return make_chunk(rule, "", current, status, None, None, "", Labels.of(message))


def axes(rule: Rule, grid: Grid) -> tuple[int, int]:
    """(axis of the terms, axis of the subjects) of ``rule`` in ``grid``."""
    subject_axis = grid.columns.index(rule.per or "")
    return 1 - subject_axis, subject_axis


def gather(
    grid: Grid,
    term_axis: int,
    subject: str,
    terms: list[Term],
    current: np.ndarray,
    previous: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str]]:
    """The values (terms x reports) of ``terms`` for ``subject``, and the cells' names."""
    values = np.empty((len(terms), len(current)))
    names = []
    for j, term in enumerate(terms):
        pair = (term.code, subject) if term_axis == 0 else (subject, term.code)
        rows = previous if term.previous and previous is not None else current
        values[j] = grid.values[:, grid.column(*pair)][rows]
        names.append(grid.name(*pair) + ("[y-1]" if term.previous else ""))
    return values, names


def signed_sum(values: np.ndarray, terms: list[Term]) -> np.ndarray:
    """The sum over the terms (rows of ``values``) with their signs, blanks read as 0."""
    signs = np.array([term.sign for term in terms], dtype=float)
    return signs @ np.where(np.isnan(values), 0.0, values)


def format_cells(terms: list[Term], names: list[str]) -> str:
    """A sum of cells as findings show it: ``requests[granted,total] + ...``."""
    return format_sum(tuple(Term(name, term.sign) for term, name in zip(terms, names, strict=True)))


def status_of(blank: np.ndarray, holds: np.ndarray, strict: bool) -> np.ndarray:
    """pass/fail from ``holds``; not_assessable when every input (or, strict, any) is blank.

    ``blank`` is inputs x reports.
    """
    count = blank.sum(axis=0)
    unassessable = (count == blank.shape[0]) | (strict & (count > 0))
    return np.where(unassessable, NOT_ASSESSABLE, np.where(holds, PASS, FAIL))


def layouts(grid: Grid, current: np.ndarray) -> list[tuple[Layout, np.ndarray]]:
    """The layouts of the reports at ``current``, each with which of them have it."""
    layout_of = grid.layout_of[current]
    return [(grid.layouts[i], layout_of == i) for i in np.unique(layout_of)]


def equation(rule: Rule, context: Context) -> list[Chunk]:
    """An identity, or a cross-year equation over pairs of consecutive reports."""
    grid = context.grid(rule.table)
    if rule.kind == "cross_year":
        current, previous = context.pairs
    else:
        current, previous = np.arange(len(context.ids)), None
    applies = context.applies(rule, current, previous)
    chunks = [context.not_applicable(rule, current[~applies], _take(previous, ~applies))]
    current, previous = current[applies], _take(previous, applies)
    for layout, chosen in layouts(grid, current):
        chunks += _equation_layout(
            rule, context, grid, layout, current[chosen], _take(previous, chosen)
        )
    return chunks


def _take(array: np.ndarray | None, which: np.ndarray) -> np.ndarray | None:
    return None if array is None else array[which]


def _equation_layout(
    rule: Rule,
    context: Context,
    grid: Grid,
    layout: Layout,
    current: np.ndarray,
    previous: np.ndarray | None,
) -> list[Chunk]:
    term_axis, subject_axis = axes(rule, grid)
    terms, printed = rule.term_list(), layout.printed[term_axis]
    left = expand(rule.left, terms, layout.template, printed)
    right = expand(rule.readings[0].terms, terms, layout.template, printed)
    fail_text = f"{format_sum(rule.left)} ≠ {rule.readings[0]}"
    chunks = []
    for subject in subjects_for(rule, layout.template, layout.printed[subject_axis]):
        values, names = gather(grid, term_axis, subject, left + right, current, previous)
        left_sum = signed_sum(values[: len(left)], left)
        right_sum = signed_sum(values[len(left) :], right)
        blank = np.isnan(values)
        status = status_of(blank, left_sum == right_sum, context.strict)
        message = blank_messages(status, blank, names, fail_text)
        if previous is not None:
            message = message.join(Labels(previous, context.previous_notes))
        cells = f"{format_cells(left, names[: len(left)])} = "
        cells += format_cells(right, names[len(left) :])
        chunks.append(
            make_chunk(rule, subject, current, status, left_sum, right_sum, cells, message)
        )
    return chunks


def domain(rule: Rule, context: Context) -> list[Chunk]:
    """Every value of each table within the domain of its kind (count, change, amount)."""
    everyone = np.arange(len(context.ids))
    applies = context.applies(rule, everyone)
    chunks = [context.not_applicable(rule, everyone[~applies])]
    for table in rule.tables:
        grid = context.grid(table)
        kinds = _kinds(grid)
        integer = np.array([rule.domain(k).integer for k in kinds])
        non_negative = np.array([rule.domain(k).non_negative for k in kinds])
        if pd.api.types.is_integer_dtype(context.frames[table]["value"].dtype):
            integer[:] = False
        values = grid.values[:, : grid.cells]
        with np.errstate(invalid="ignore"):
            bad = non_negative & (values < 0)
            if integer.any():
                bad |= integer & (np.abs(values % 1) > 0)
        status = np.where(
            np.isnan(values).all(axis=1), NOT_ASSESSABLE, np.where(bad.any(axis=1), FAIL, PASS)
        )
        cells = Labels.constant(f"{table}[*]", len(values))
        rows, columns = np.nonzero(bad)
        if len(rows):
            listed = (
                pd.Series(
                    [
                        f"{grid.name(*grid.code_pair(c))}={values[r, c]:g}"
                        for r, c in zip(rows, columns, strict=True)
                    ]
                )
                .groupby(rows)
                .agg(", ".join)
            )
            cells.codes[listed.index.to_numpy()] = np.arange(1, len(listed) + 1)
            cells = Labels(cells.codes, np.concatenate([cells.texts, listed.to_numpy(object)]))
        texts = np.array(
            ["", f"outside the domain ({rule.check})", "no value is reported"], dtype=object
        )
        chunks.append(
            make_chunk(
                rule,
                table,
                everyone[applies],
                status[applies],
                None,
                None,
                Labels(cells.codes[applies], cells.texts),
                Labels(status[applies].astype(np.int32), texts),
            )
        )
    return chunks


def _kinds(grid: Grid) -> list[str]:
    """The kind of each cell of ``grid``: a table-2 cell's measure's kind, else count."""
    if grid.table != "disclosure":
        return ["count"] * grid.cells
    kinds = {
        cell.measure: cell.kind for template in TEMPLATES for cell in codes.table2_layout(template)
    }
    return [kinds.get(measure, "count") for _ in grid.codes[0] for measure in grid.codes[1]]
