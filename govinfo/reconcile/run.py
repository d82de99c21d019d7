"""Run the rules of the standard over a package: :func:`reconcile` and its evaluators."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..package import Dataset, load
from ..standard.rules import select
from . import check_blanks
from .domains import domain
from .engine import Context
from .equations import equation
from .findings import findings_table
from .narrative import text
from .parts import aggregate_parts

EVALUATORS = {
    "identity": equation,
    "cross_year": equation,
    "domain": domain,
    "text": text,
    "parts": aggregate_parts,
}


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
