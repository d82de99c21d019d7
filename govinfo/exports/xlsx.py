"""Excel: one sheet per resource with Chinese and English labels beside every code, and a README.

Values stay numbers and a blank cell stays an empty cell (never 0). No text
from a report is ever written as a formula.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from ..package import Dataset
from ..standard import RESOURCES
from . import common

DATE_FORMAT = "yyyy-mm-dd"
BLANKS = (
    "An empty cell was left blank, '/', '—' or not reported in the report; it is never 0. "
    "0 means the report printed 0."
)


def write(dataset: Dataset, path: Path) -> Path:
    """Write ``dataset`` as one workbook at ``path``."""
    openpyxl = common.require("openpyxl")
    target = common.output_file(path)
    book = openpyxl.Workbook()
    book.active.title = "README"
    readme(book.active, dataset)
    for resource in RESOURCES:
        _table(book.create_sheet(resource), labelled(dataset, resource), freeze=True)
    _table(book.create_sheet("codes"), common.codes_table(dataset), freeze=True)
    book.save(target)
    return target


def labelled(dataset: Dataset, resource: str) -> pd.DataFrame:
    """A resource with ``<column>_zh`` and ``<column>_en`` labels after each code column."""
    frame = dataset.frames[resource]
    out = {}
    for field in common.fields(dataset, resource):
        name = field["name"]
        out[name] = frame[name]
        listname = common.codelist_name(field)
        if listname:
            entries = common.codelist(dataset, listname)
            for lang in ("zh", "en"):
                out[f"{name}_{lang}"] = common.labels(frame[name], entries, lang)
    return pd.DataFrame(out)


def readme(sheet: Any, dataset: Dataset) -> None:
    """Fill the README sheet: package, versions, digest, sources, reports and flags."""
    meta = common.metadata(dataset)
    rows: list[list[Any]] = [
        ["govinfo data package", meta["name"]],
        ["title", meta["title"]],
        ["govinfo standard", meta["standard"]],
        ["written by", meta["written_by"]],
        ["exported by", meta["exported_by"]],
        ["content sha256", meta["content_sha256"]],
        ["sheets", ", ".join([*RESOURCES, "codes"])],
        ["blank cells", BLANKS],
    ]
    for row in rows:
        sheet.append(row)
    _append_table(sheet, "sources", pd.DataFrame(meta["sources"]))
    _append_table(sheet, "reports", pd.DataFrame(meta["reports"]))
    flags = common.codelist_frame(dataset, "flags")[["code", "label_zh", "label_en"]]
    _append_table(sheet, "flags (why a value is uncertain; empty = read unambiguously)", flags)


def _append_table(sheet: Any, title: str, frame: pd.DataFrame) -> None:
    sheet.append([])
    sheet.append([title])
    _table(sheet, frame)


def _table(sheet: Any, frame: pd.DataFrame, freeze: bool = False) -> None:
    """Append ``frame`` with its header; a missing value leaves the cell empty."""
    sheet.append(list(frame.columns))
    if freeze:
        sheet.freeze_panes = "A2"
    for record in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        sheet.append(list(record))
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text that starts with '=' stays text
                cell.data_type = "s"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = DATE_FORMAT
