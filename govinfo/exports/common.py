"""What every export format shares: schema fields, code columns and labels, metadata, outputs.

Types come from the Table Schemas (``govinfo.standard``) and labels from the
code lists (``govinfo.codes``) of the current standard version: a loaded
:class:`~govinfo.Dataset` is always in its shape (older packages are upgraded
on read).
"""

from __future__ import annotations

import importlib
import locale
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from .._version import __version__
from ..errors import ExportError
from ..package import Dataset
from ..standard import RESOURCES, codes, table_schema

INSTALL = 'pip install "govinfo-cn[export]"'
CODELIST_COLUMNS = ("code", "label_zh", "label_en", "parent", "order", "templates")
EXACT_INTEGERS = 2**53
"""Largest integer a double (an Excel number, a Stata ``double``) holds exactly."""


def require(module: str) -> ModuleType:
    """Import an optional dependency of the export extra, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(f"this export needs {module.split('.')[0]}: {INSTALL}") from None


def schema(dataset: Dataset, resource: str) -> dict[str, Any]:
    """The Table Schema of one resource (the current version's: the dataset is in its shape)."""
    return table_schema(resource)


def fields(dataset: Dataset, resource: str) -> list[dict[str, Any]]:
    """The Table Schema fields of one resource."""
    return schema(dataset, resource)["fields"]


def codelist_name(field: dict[str, Any]) -> str | None:
    """Name of the code list a field takes its codes from (``codes/rows.csv`` -> ``rows``)."""
    path = field.get("codelist")
    return Path(path).stem if path else None


def codelist(dataset: Dataset, name: str) -> codes.CodeList:
    """A code list of the current standard version."""
    return codes.code_list(name)


def used_codelists(dataset: Dataset) -> list[str]:
    """Names of the code lists the resources' fields refer to, in first-use order."""
    names = (codelist_name(f) for r in RESOURCES for f in fields(dataset, r))
    return list(dict.fromkeys(n for n in names if n))


def codelist_frame(dataset: Dataset, name: str) -> pd.DataFrame:
    """One code list as a table: code, label_zh, label_en, parent, order, templates."""
    return pd.DataFrame(
        [
            (c.code, c.label_zh, c.label_en, c.parent, c.order, " ".join(sorted(c.templates)))
            for c in codelist(dataset, name)
        ],
        columns=list(CODELIST_COLUMNS),
    )


def codes_table(dataset: Dataset) -> pd.DataFrame:
    """Every code list the resources use, one row per code, ``list`` naming its list."""
    frames = [codelist_frame(dataset, name).assign(list=name) for name in used_codelists(dataset)]
    return pd.concat(frames, ignore_index=True)[["list", *CODELIST_COLUMNS]]


def labels(column: pd.Series, entries: codes.CodeList, lang: str) -> pd.Series:
    """The label of every code in ``column`` (missing stays missing)."""
    mapping = {c.code: c.label(lang) for c in entries}
    return column.astype("string").map(mapping, na_action="ignore").astype("string")


def metadata(dataset: Dataset) -> dict[str, Any]:
    """The package's provenance and the exporting govinfo version (no local paths)."""
    meta = dataset.provenance.as_dict()
    meta.pop("path")
    return {**meta, "exported_by": f"govinfo-cn {__version__}"}


def locale_lang() -> str:
    """``zh`` when the user's locale is Chinese (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else en."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable):
            return "zh" if os.environ[variable].lower().startswith("zh") else "en"
    name = locale.getlocale()[0] or ""
    return "zh" if name.lower().startswith(("zh", "chinese")) else "en"


def output_file(path: Path) -> Path:
    """``path`` ready to be written as one file (its folder created)."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; this format writes one file")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def output_folder(path: Path) -> Path:
    """``path`` ready to hold one file per resource."""
    if path.exists() and not path.is_dir():
        raise ExportError(f"{path} is a file; this format writes a folder of files")
    path.mkdir(parents=True, exist_ok=True)
    return path
