"""Stata: one .dta file (format 118, UTF-8) per resource, with value and variable labels.

A code column becomes a numeric variable whose values are the code list's
``order`` and whose value labels are the English labels (``tab row`` reads
well), beside ``<column>_code`` (the code) and ``<column>_zh`` (the Chinese
label). Variable labels are the Table Schema titles; a blank cell is missing
(``.`` for numbers, ``""`` for text, as Stata has no missing string).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..package import Dataset
from ..standard import RESOURCES
from . import common

VERSION = 118
STR_MAX_BYTES = 2045  # longer text needs Stata's strL
LABEL_MAX = 80  # variable and data label length


def write(dataset: Dataset, path: Path) -> Path:
    """Write ``dataset`` as ``<resource>.dta`` files in folder ``path``."""
    folder = common.output_folder(path)
    meta = common.metadata(dataset)
    data_label = f"{meta['name']} (govinfo standard {meta['standard']})"[:LABEL_MAX]
    for resource in RESOURCES:
        frame, value_labels, variable_labels = labelled(dataset, resource)
        frame.to_stata(
            folder / f"{resource}.dta",
            version=VERSION,
            write_index=False,
            value_labels=value_labels,
            variable_labels=variable_labels,
            convert_dates={
                f["name"]: "td" for f in common.fields(dataset, resource) if f["type"] == "date"
            },
            convert_strl=_long_text(frame),
            data_label=data_label,
        )
    return folder


def labelled(
    dataset: Dataset, resource: str
) -> tuple[pd.DataFrame, dict[str, dict[int, str]], dict[str, str]]:
    """One resource as Stata variables, their value labels and their variable labels."""
    frame = dataset.frames[resource]
    columns: dict[str, pd.Series] = {}
    value_labels: dict[str, dict[int, str]] = {}
    variable_labels: dict[str, str] = {}
    for field in common.fields(dataset, resource):
        name, title = field["name"], field.get("title", field["name"])
        listname = common.codelist_name(field)
        if not listname:
            column = frame[name]
            columns[name] = column.astype("string") if column.dtype == "category" else column
            variable_labels[name] = title[:LABEL_MAX]
            continue
        entries = common.codelist(dataset, listname)
        codes = frame[name].astype("string")
        columns[name] = codes.map({c.code: c.order for c in entries}).astype("Int64")
        columns[f"{name}_code"] = codes
        columns[f"{name}_zh"] = common.labels(frame[name], entries, "zh")
        value_labels[name] = {c.order: c.label_en for c in entries}
        variable_labels[name] = title[:LABEL_MAX]
        variable_labels[f"{name}_code"] = f"{title} (code)"[:LABEL_MAX]
        variable_labels[f"{name}_zh"] = f"{title} (Chinese label)"[:LABEL_MAX]
    table = pd.DataFrame(columns)
    text = [name for name, column in table.items() if pd.api.types.is_string_dtype(column)]
    table[text] = table[text].fillna("")
    return table, value_labels, variable_labels


def _long_text(frame: pd.DataFrame) -> list[str]:
    """Text columns with a value longer than Stata's fixed-width strings hold."""
    return [
        name
        for name, column in frame.items()
        if pd.api.types.is_string_dtype(column)
        and column.dropna().map(lambda text: len(text.encode("utf-8"))).gt(STR_MAX_BYTES).any()
    ]
