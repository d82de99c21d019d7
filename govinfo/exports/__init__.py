"""Export a data package for Excel, R/Arrow, SQL or Stata: ``govinfo.export(data, path, to=...)``.

One module per format (``xlsx``, ``parquet``, ``sqlite``, ``stata``), each with
``write(dataset, path)``; what they share is in ``common``. Formats load lazily,
so a missing optional dependency only matters for the format that needs it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError

if TYPE_CHECKING:
    from ..package import Dataset

FORMATS = {"xlsx": "xlsx", "parquet": "parquet", "sqlite": "sqlite", "dta": "stata"}


LABELLED = ("xlsx", "dta")


def export(
    data: Dataset | str | Path, path: str | Path, *, to: str, lang: str | None = None
) -> Path:
    """Write ``data`` (a Dataset, a package folder or a curated name) as ``to``; return the output.

    ``xlsx`` and ``sqlite`` write one file; ``parquet`` and ``dta`` write a
    folder with one file per resource. ``lang`` (``xlsx``, ``dta``) is the
    language of the labels shown first: by default the locale's for xlsx,
    English for Stata (whose ``labels_zh.do`` switches to Chinese).
    """
    if to not in FORMATS:
        raise ExportError(f"unknown export format {to!r}; choose one of {', '.join(FORMATS)}")
    from ..package import Dataset, load

    dataset = data if isinstance(data, Dataset) else load(data)
    module = importlib.import_module(f".{FORMATS[to]}", __name__)
    if lang is None:
        return module.write(dataset, Path(path))
    if to not in LABELLED:
        raise ExportError(f"the {to} export has no labels to choose (lang is for {LABELLED})")
    return module.write(dataset, Path(path), lang=lang)
