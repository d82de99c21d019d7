"""Stata: one .dta file (format 118, UTF-8) per resource, with value and variable labels.

A code column becomes a numeric variable whose values are the code list's
``order`` and whose value labels are the labels in ``lang`` (English by
default: ``tab row`` reads well), beside ``<column>_code`` (the code) and
``<column>_<other>`` (the label in the other language). ``labels_<other>.do``
adds the other language's value labels as a Stata label language
(``do labels_zh.do`` after ``use``, then ``label language zh`` or ``en``).
Variable labels are the Table Schema titles; a blank cell is missing (``.``
for numbers, ``""`` for text, as Stata has no missing string).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ExportError
from ..package import Dataset
from ..standard import RESOURCES
from ..standard.codes import LANGS, check_lang
from . import common

VERSION = 118
STR_MAX_BYTES = 2045  # longer text needs Stata's strL
LABEL_MAX = 80  # variable and data label length


def write(dataset: Dataset, path: Path, lang: str = "en") -> Path:
    """Write ``dataset`` as ``<resource>.dta`` files (value labels in ``lang``) in folder ``path``,
    and ``labels_<other>.do``, which adds the other language's labels."""
    lang = check_lang(lang)
    other = next(code for code in LANGS if code != lang)
    folder = common.output_folder(path)
    meta = common.metadata(dataset)
    data_label = f"{meta['name']} (govinfo standard {meta['standard']})"[:LABEL_MAX]
    for resource in RESOURCES:
        frame, value_labels, variable_labels = labelled(dataset, resource, lang)
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
    script = label_language(dataset, lang, other)
    (folder / f"labels_{other}.do").write_text(script, encoding="utf-8")
    return folder


def labelled(
    dataset: Dataset, resource: str, lang: str = "en"
) -> tuple[pd.DataFrame, dict[str, dict[int, str]], dict[str, str]]:
    """One resource as Stata variables, their value labels (in ``lang``) and variable labels."""
    other = next(code for code in LANGS if code != lang)
    names = {"zh": "Chinese", "en": "English"}
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
        columns[f"{name}_{other}"] = common.labels(frame[name], entries, other)
        value_labels[name] = {c.order: c.label(lang) for c in entries}
        variable_labels[name] = title[:LABEL_MAX]
        variable_labels[f"{name}_code"] = f"{title} (code)"[:LABEL_MAX]
        variable_labels[f"{name}_{other}"] = f"{title} ({names[other]} label)"[:LABEL_MAX]
    table = pd.DataFrame(columns)
    _check_exact(table, resource, dataset)
    text = [name for name, column in table.items() if pd.api.types.is_string_dtype(column)]
    table[text] = table[text].fillna("")
    return table, value_labels, variable_labels


def label_language(dataset: Dataset, lang: str, other: str) -> str:
    """A do-file adding the ``other`` language's value labels to a .dta of this export.

    Stata keeps labels per label language: the file names the embedded one
    ``lang``, creates ``other`` as a copy and attaches ``<column>_<other>``
    value labels to each code variable the data in memory has.
    """
    lines = [
        f"* govinfo: {other} value labels for the .dta files of this folder.",
        f"* Usage: use requests.dta, clear; do labels_{other}.do; label language {lang} | {other}",
        "version 14",
        f"capture label language {lang}, rename",
        f"label language {other}, new copy",
    ]
    seen: set[str] = set()
    for resource in RESOURCES:
        for field in common.fields(dataset, resource):
            listname = common.codelist_name(field)
            if not listname or field["name"] in seen:
                continue
            seen.add(field["name"])
            name, labels = field["name"], f"{field['name']}_{other}"
            for entry in common.codelist(dataset, listname):
                text = entry.label(other).replace("'", "’")
                lines.append(f'label define {labels} {entry.order} `"{text}"\', modify')
            lines.append(f"capture label values {name} {labels}")
    return "\n".join(lines) + "\n"


def _long_text(frame: pd.DataFrame) -> list[str]:
    """Text columns with a value longer than Stata's fixed-width strings hold."""
    return [
        name
        for name, column in frame.items()
        if pd.api.types.is_string_dtype(column)
        and column.dropna().map(lambda text: len(text.encode("utf-8"))).gt(STR_MAX_BYTES).any()
    ]


def _check_exact(table: pd.DataFrame, resource: str, dataset: Dataset) -> None:
    """Refuse integers a Stata double cannot hold exactly (Stata has no 64-bit integer)."""
    for name, column in table.items():
        if str(column.dtype) == "Int64" and column.abs().gt(common.EXACT_INTEGERS).any():
            raise ExportError(
                f"{dataset.path}: resource {resource!r}: column {name!r} holds integers "
                f"beyond 2**53, which Stata cannot store exactly; export to parquet or sqlite"
            )
