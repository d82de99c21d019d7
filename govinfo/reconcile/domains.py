"""The domain rule: every value within the domain of its kind (count, change, amount)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..standard import TEMPLATES, codes
from ..standard.rules import Rule
from .engine import Context
from .findings import FAIL, NOT_ASSESSABLE, PASS, Chunk, Labels, make_chunk
from .matrix import Matrix


def domain(rule: Rule, context: Context) -> list[Chunk]:
    """Every value of each table within the domain of its kind (count, change, amount)."""
    everyone = np.arange(len(context.ids))
    applies = context.applies(rule, everyone)
    chunks = [context.not_applicable(rule, everyone[~applies])]
    for table in rule.tables:
        matrix = context.matrix(table)
        kinds = _kinds(matrix)
        integer = np.array([rule.domain(k).integer for k in kinds])
        non_negative = np.array([rule.domain(k).non_negative for k in kinds])
        if pd.api.types.is_integer_dtype(context.frames[table]["value"].dtype):
            integer[:] = False
        values = matrix.values[:, : matrix.cells]
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
                        f"{matrix.name(*matrix.code_pair(c))}={values[r, c]:g}"
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


def _kinds(matrix: Matrix) -> list[str]:
    """The kind of each cell of ``matrix``: a table-2 cell's measure's kind, else count."""
    if matrix.table != "disclosure":
        return ["count"] * matrix.cells
    kinds = {
        cell.measure: cell.kind for template in TEMPLATES for cell in codes.table2_layout(template)
    }
    return [kinds.get(measure, "count") for _ in matrix.codes[0] for measure in matrix.codes[1]]
