"""Excel: one sheet per resource with Chinese and English labels beside every code, and a README.

Values stay numbers and a blank cell stays an empty cell (never 0). Every
text is written as text, never as a formula: a package title or a report's
text that begins with ``=`` stays the text it is; control characters are
written in OOXML's escape, and an integer beyond 2**53 as its digits (text). ``lang`` chooses the
language the workbook opens in — the README's words and which label column
comes first — by default the user's locale's (Chinese for ``zh_*``).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..package import Dataset
from ..standard import RESOURCES
from ..standard.codes import LANGS, check_lang
from . import common

DATE_FORMAT = "yyyy-mm-dd"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
WORDS = {
    "package": ("govinfo 数据包", "govinfo data package"),
    "title": ("标题", "title"),
    "standard": ("govinfo 标准版本", "govinfo standard"),
    "written_by": ("写入", "written by"),
    "exported_by": ("导出", "exported by"),
    "content_sha256": ("内容 sha256", "content sha256"),
    "sheets": ("工作表", "sheets"),
    "blank_cells": ("空白单元格", "blank cells"),
    "blanks": (
        "空白单元格表示报告中该栏为空、“/”“—”或未填报，不是0；0表示报告印的是0。",
        "An empty cell was left blank, '/', '—' or not reported in the report; it is never 0. "
        "0 means the report printed 0.",
    ),
    "sources": ("来源", "sources"),
    "reports": ("报告", "reports"),
    "flags": (
        "标记（数值为何存疑；空白＝直接读取）",
        "flags (why a value is uncertain; empty = read unambiguously)",
    ),
}


def write(dataset: Dataset, path: Path, lang: str | None = None) -> Path:
    """Write ``dataset`` as one workbook at ``path``, in ``lang`` (default: the locale's)."""
    openpyxl = common.require("openpyxl")
    lang = check_lang(lang or common.locale_lang())
    target = common.output_file(path)
    book = openpyxl.Workbook()
    book.properties.language = "zh-CN" if lang == "zh" else "en"
    book.active.title = "README"
    readme(book.active, dataset, lang)
    for resource in RESOURCES:
        _table(book.create_sheet(resource), labelled(dataset, resource, lang), freeze=True)
    _table(book.create_sheet("codes"), common.codes_table(dataset), freeze=True)
    book.save(target)
    return target


def labelled(dataset: Dataset, resource: str, lang: str = "zh") -> pd.DataFrame:
    """A resource with ``<column>_zh`` and ``<column>_en`` after each code column (lang first)."""
    return dataset.tidy(resource, lang=[lang, *(other for other in LANGS if other != lang)])


def readme(sheet: Any, dataset: Dataset, lang: str = "en") -> None:
    """Fill the README sheet: package, versions, digest, sources, reports and flags."""
    meta = common.metadata(dataset)

    def word(key: str) -> str:
        zh, en = WORDS[key]
        return zh if lang == "zh" else en

    rows: list[list[Any]] = [
        [word("package"), meta["name"]],
        [word("title"), meta["title"]],
        [word("standard"), meta["standard"]],
        [word("written_by"), meta["written_by"]],
        [word("exported_by"), meta["exported_by"]],
        [word("content_sha256"), meta["content_sha256"]],
        [word("sheets"), ", ".join([*RESOURCES, "codes"])],
        [word("blank_cells"), word("blanks")],
    ]
    for row in rows:
        _append(sheet, row)
    _append_table(sheet, word("sources"), pd.DataFrame(meta["sources"]))
    _append_table(sheet, word("reports"), pd.DataFrame(meta["reports"]))
    labels = ["label_zh", "label_en"] if lang == "zh" else ["label_en", "label_zh"]
    flags = common.codelist_frame(dataset, "flags")[["code", *labels]]
    _append_table(sheet, word("flags"), flags)


def _append_table(sheet: Any, title: str, frame: pd.DataFrame) -> None:
    _append(sheet, [])
    _append(sheet, [title])
    _table(sheet, frame)


def _table(sheet: Any, frame: pd.DataFrame, freeze: bool = False) -> None:
    """Append ``frame`` with its header; a missing value leaves the cell empty."""
    _append(sheet, list(frame.columns))
    if freeze:
        sheet.freeze_panes = "A2"
    for record in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        _append(sheet, list(record))


def _append(sheet: Any, values: list[Any]) -> None:
    """Append one row: text as text (openpyxl reads a string starting with '=' as a formula),
    control characters in OOXML's escape, integers a double cannot hold exactly as text."""
    sheet.append([_cell_value(value) for value in values])
    for cell in sheet[sheet.max_row] if values else ():
        if isinstance(cell.value, str):
            cell.data_type = "s"
        elif isinstance(cell.value, dt.datetime):
            cell.number_format = DATE_FORMAT


def _cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return ooxml_text(value)
    if isinstance(value, numbers.Integral) and abs(int(value)) > common.EXACT_INTEGERS:
        return str(value)  # Excel numbers are doubles: 2**53 + 1 would become 2**53
    return value


def ooxml_text(text: str) -> str:
    """``text`` with the control characters XML cannot hold written as OOXML's ``_xHHHH_``
    (Excel shows the character again), and a literal ``_xHHHH_`` escaped as ``_x005F_xHHHH_``."""
    if "_x" not in text and not CONTROL.search(text):
        return text
    text = LITERAL_ESCAPE.sub(r"_x005F_\1", text)
    return CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)
