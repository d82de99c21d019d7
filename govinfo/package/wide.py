"""A cell table as one row per report and one column per printed cell, and back.

Regressions and spreadsheets want a report per row: :func:`wide_frame` puts
each report's metadata beside one column per cell (``row__applicant`` by
codes, or by labels). :func:`tidy_frame` turns such a frame back into the
long form of the standard. The round trip is lossless: a cell a report holds
is either valued in its column or blank in a cell of its layout — its
template's leaves, or a group it printed as one row — so the blanks come
back and the cells other reports print do not.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import PackageError
from ..standard import CELL_TABLES, TEMPLATES, codes, table_schema
from ..standard.expand import printed_leaves
from ..standard.rules import dimension_list

SEPARATOR = "__"


def cell_column(first: str, second: str) -> str:
    """The column of one cell in a wide frame: ``granted__total``."""
    return f"{first}{SEPARATOR}{second}"


def wide_frame(
    reports: pd.DataFrame, cells: pd.DataFrame, table: str, lang: str | None = None
) -> pd.DataFrame:
    """One row per report (all of ``reports``, in order), its metadata, then one column per cell.

    The cell columns are the cells any report holds, in code-list order,
    named ``<first>__<second>`` by codes, or by their labels in ``lang``.
    A report that does not hold a cell has <NA> there, as a blank has.
    """
    first, second = _columns(table)
    pairs = cells[[first, second]].drop_duplicates()
    pairs = pairs.sort_values([first, second], key=lambda c: c.cat.codes)
    names = [cell_column(a, b) for a, b in zip(pairs[first], pairs[second], strict=True)]
    keyed = cells.assign(cell=cells[first].astype(str) + SEPARATOR + cells[second].astype(str))
    values = keyed.pivot(index="report_id", columns="cell", values="value")
    values = values.reindex(index=reports["report_id"].astype(object), columns=names)
    values = values.astype(cells["value"].dtype).reset_index(drop=True)
    if lang is not None:
        values.columns = _labels(table, pairs, lang)
    return pd.concat([reports.reset_index(drop=True), values], axis=1)


def tidy_frame(wide: pd.DataFrame, table: str) -> pd.DataFrame:
    """The long form (``report_id``, the two codes, ``value``) of a :func:`wide_frame` frame.

    Columns named by codes are read back; each report keeps its valued cells
    and the blank cells of its layout (see the module's docstring).
    """
    first, second = _columns(table)
    lists = [dimension_list(table, column) for column in (first, second)]
    cells = [c for c in wide.columns if SEPARATOR in str(c)]
    if "report_id" not in wide or "template" not in wide:
        raise PackageError("a wide frame needs its report_id and template columns")
    long = wide[["report_id", "template", *cells]].melt(
        id_vars=["report_id", "template"], var_name="cell", value_name="value"
    )
    codes_of = long["cell"].str.rsplit(SEPARATOR, n=1, expand=True)
    long[first], long[second] = codes_of[0], codes_of[1]
    keep = long["value"].notna().to_numpy().copy()
    for (_, template), part in long.groupby(["report_id", "template"], sort=False):
        valued = part[part["value"].notna()]
        layout = _layout(table, str(template), lists, valued[first], valued[second])
        keep[part.index] |= [pair in layout for pair in zip(part[first], part[second], strict=True)]
    long = long[keep]
    schema = {f["name"]: f for f in table_schema(table)["fields"]}
    out = pd.DataFrame(
        {
            "report_id": long["report_id"].astype("string"),
            first: long[first].astype(_categories(schema[first])),
            second: long[second].astype(_categories(schema[second])),
            "value": long["value"].astype(wide[cells[0]].dtype if cells else "Int64"),
        }
    )
    position = out["report_id"].map({r: i for i, r in enumerate(wide["report_id"].astype(str))})
    keys = pd.DataFrame({"r": position, "a": out[first].cat.codes, "b": out[second].cat.codes})
    return out.loc[keys.sort_values(["r", "a", "b"]).index].reset_index(drop=True)


def _layout(
    table: str,
    template: str,
    lists: Sequence[codes.CodeList],
    firsts: pd.Series,
    seconds: pd.Series,
) -> set[tuple[str, str]]:
    """The cells a report of ``template`` holds, given the codes it printed values for."""
    if template not in TEMPLATES or template == "other":
        return set()
    if table == "disclosure":
        return {(cell.item, cell.measure) for cell in codes.table2_layout(template)}
    leaves = []
    for codelist, printed in zip(lists, (firsts, seconds), strict=True):
        present = frozenset(printed.astype(str))
        tops = [c for c in codelist.in_template(template) if codelist[c].parent is None]
        leaves.append(
            [leaf for top in tops for leaf in printed_leaves(codelist, top, template, present)]
        )
    return {(a, b) for a in leaves[0] for b in leaves[1]}


def _columns(table: str) -> tuple[str, str]:
    if table not in CELL_TABLES:
        raise PackageError(f"no cell table {table!r} (cell tables: {', '.join(CELL_TABLES)})")
    return CELL_TABLES[table]


def _categories(field: dict) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(field["constraints"]["enum"], ordered=True)


def _labels(table: str, pairs: pd.DataFrame, lang: str) -> list[str]:
    """Column labels ``<first label> / <second label>``, each with its group's label before it."""
    lists = [dimension_list(table, column) for column in pairs.columns]

    def label(codelist: codes.CodeList, code: str) -> str:
        parent = codelist[code].parent
        own = codelist.label(code, lang)
        return f"{codelist.label(parent, lang)} {own}" if parent else own

    names = [
        f"{label(lists[0], a)} / {label(lists[1], b)}"
        for a, b in zip(pairs.iloc[:, 0], pairs.iloc[:, 1], strict=True)
    ]
    if len(set(names)) < len(names):
        raise PackageError(f"the {lang} labels of {table} do not name its cells uniquely")
    return names
