"""The rules engine: a package against the rules of the standard, and its measures.

:func:`reconcile` returns the findings table, one row per report, rule and
subject (the column, row or proceeding checked). Each rule is evaluated for
all reports at once (``equations``, ``domains``, ``narrative`` and ``parts``, on the
:class:`~govinfo.reconcile.engine.Context` of ``engine``), never cell by cell.
:func:`measures` (``ratios``) reads the same matrices for the measures of the
standard (disclosure rate, refusal shares, appeals per 100 requests, ...).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ReconcileError
from ..package import Dataset, load
from ..standard.rules import select
from .domains import domain
from .engine import Context
from .equations import equation
from .findings import findings_table
from .narrative import text
from .parts import aggregate_parts
from .ratios import measures

__all__ = ["BLANKS", "check_blanks", "measures", "reconcile"]

BLANKS = ("zero", "strict")
EVALUATORS = {
    "identity": equation,
    "cross_year": equation,
    "domain": domain,
    "text": text,
    "parts": aggregate_parts,
}


def check_blanks(blanks: str) -> str:
    """``blanks`` when it is one of :data:`BLANKS`; ReconcileError otherwise."""
    if blanks not in BLANKS:
        raise ReconcileError(f"blanks must be one of {BLANKS}, not {blanks!r}")
    return blanks


def reconcile(
    data: Dataset | str | Path, blanks: str = "zero", rules: list[str] | None = None
) -> pd.DataFrame:
    """Check every report of ``data`` against the rules; return the findings table.

    ``data`` is a :class:`Dataset`, a package folder or descriptor, or a
    curated package name. ``blanks="zero"`` reads a blank input of a sum as 0
    and the finding's message lists it; ``blanks="strict"`` makes such a
    check ``not_assessable``. ``rules`` selects rule ids (default: all).

    Columns: ``report_id, rule, severity, status, subject, reported,
    expected, difference, cells, message``; ``status`` is ``pass``, ``fail``
    or ``not_assessable``. Text columns are categoricals (their strings
    repeat); the numbers are nullable floats, NA where nothing was compared.
    """
    check_blanks(blanks)
    selected = select(rules)
    dataset = data if isinstance(data, Dataset) else load(data)
    context = Context(dataset, strict=blanks == "strict")
    chunks = [chunk for rule in selected for chunk in EVALUATORS[rule.kind](rule, context)]
    return findings_table(chunks, context.ids, selected)
