"""What the evaluators of the rules share: the :class:`Context` of one reconciliation.

Each evaluator (``equations``, ``domains``, ``narrative``) takes a rule and the
context and returns :class:`~govinfo.reconcile.findings.Chunk` s. A rule is
expanded once per :class:`~govinfo.reconcile.matrix.Layout` and subject; its
sums are then read for every report of that layout at once from the table's
:class:`~govinfo.reconcile.matrix.Matrix`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..errors import ReconcileError
from ..package import Dataset
from ..standard.rules import Rule, Term, format_sum
from .findings import FAIL, NOT_ASSESSABLE, PASS, Chunk, Labels, make_chunk
from .matrix import Layout, Matrix, report_index


class Context:
    """What the evaluators share: the reports, one matrix per table, consecutive-year pairs."""

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
        self._matrices: dict[str, Matrix] = {}

    def matrix(self, table: str) -> Matrix:
        """The matrix of one cell table (built on first use)."""
        if table not in self._matrices:
            frame = self.frames.get(table)
            if frame is None:
                raise ReconcileError(f"the package has no {table} resource")
            self._matrices[table] = Matrix(table, frame, self.ids, self.templates)
        return self._matrices[table]

    @cached_property
    def body_years(self) -> pd.DataFrame:
        """Each report's position, body (its ``body_id`` where the package gives one) and year."""
        reports = self.frames["reports"]
        body = reports["body"].astype(object)
        if "body_id" in reports:
            body = reports["body_id"].astype(object).where(reports["body_id"].notna(), body)
        return pd.DataFrame(
            {
                "report": np.arange(len(reports)),
                "body": body.to_numpy(),
                "year": pd.to_numeric(reports["year"]).astype("Float64").to_numpy(),
            }
        ).dropna()

    @cached_property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions of (report, previous-year report of the same body), every such pair.

        Reports sharing a body and year are left out (:attr:`unpaired`): pairing
        them would square their number, and which follows which is unknown.
        """
        frame = self.body_years
        frame = frame[~frame.duplicated(["body", "year"], keep=False)]
        before = frame.assign(year=frame["year"] + 1).rename(columns={"report": "previous"})
        pairs = frame.merge(before, on=["body", "year"]).sort_values(["report", "previous"])
        return pairs["report"].to_numpy(), pairs["previous"].to_numpy()

    @cached_property
    def unpaired(self) -> np.ndarray:
        """Positions of the reports that share their body and year with another."""
        frame = self.body_years
        return frame["report"][frame.duplicated(["body", "year"], keep=False)].to_numpy()

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


def axes(rule: Rule, matrix: Matrix) -> tuple[int, int]:
    """(axis of the terms, axis of the subjects) of ``rule`` in ``matrix``."""
    subject_axis = matrix.columns.index(rule.per or "")
    return 1 - subject_axis, subject_axis


@dataclass(frozen=True)
class Gathered:
    """The cells of a sum for a set of reports: values (NaN blank), which are held, their names."""

    values: np.ndarray  # terms x reports
    held: np.ndarray  # terms x reports
    names: list[str]

    @property
    def blank(self) -> np.ndarray:
        """Cells the package holds with no value (left blank in the report)."""
        return np.isnan(self.values) & self.held


def gather(
    matrix: Matrix,
    term_axis: int,
    subject: str,
    terms: list[Term],
    current: np.ndarray,
    previous: np.ndarray | None = None,
) -> Gathered:
    """The values (terms x reports) of ``terms`` for ``subject``, whether held, and their names."""
    values = np.empty((len(terms), len(current)))
    held = np.empty((len(terms), len(current)), dtype=bool)
    names = []
    for j, term in enumerate(terms):
        pair = (term.code, subject) if term_axis == 0 else (subject, term.code)
        rows = previous if term.previous and previous is not None else current
        column = matrix.column(*pair)
        values[j] = matrix.values[:, column][rows]
        held[j] = matrix.held[:, column][rows]
        names.append(matrix.name(*pair) + ("[y-1]" if term.previous else ""))
    return Gathered(values, held, names)


def signed_sum(values: np.ndarray, terms: list[Term]) -> np.ndarray:
    """The sum over the terms (rows of ``values``) with their signs, blanks read as 0."""
    signs = np.array([term.sign for term in terms], dtype=float)
    return signs @ np.where(np.isnan(values), 0.0, values)


def format_cells(terms: list[Term], names: list[str]) -> str:
    """A sum of cells as findings show it: ``requests[granted,total] + ...``."""
    return format_sum(tuple(Term(name, term.sign) for term, name in zip(terms, names, strict=True)))


def status_of(gathered: Gathered, holds: np.ndarray, strict: bool) -> np.ndarray:
    """pass/fail from ``holds``; not_assessable when a cell is not held, or every input
    (strict: any) is blank.

    A cell the package does not hold at all (a column or table it did not code)
    is never read as 0: the check needs it, so it cannot be assessed.
    """
    blank = gathered.blank
    count = blank.sum(axis=0)
    unassessable = (count == blank.shape[0]) | (strict & (count > 0))
    unassessable |= ~gathered.held.all(axis=0)
    return np.where(unassessable, NOT_ASSESSABLE, np.where(holds, PASS, FAIL))


def layouts(matrix: Matrix, current: np.ndarray) -> list[tuple[Layout, np.ndarray]]:
    """The layouts of the reports at ``current``, each with which of them have it."""
    layout_of = matrix.layout_of[current]
    return [(matrix.layouts[i], layout_of == i) for i in np.unique(layout_of)]
