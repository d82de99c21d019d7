"""Parquet (R/Arrow, Python, DuckDB): one file per resource, types kept, metadata inside.

Code columns are ordered dictionary-encoded columns (pandas categoricals),
counts are nullable integers, table-2 values floats; ``codes.parquet`` holds
the code lists. Parquet restores dictionaries of strings only, so the integer
``section`` code reads back as an integer column. Every file carries the
package's provenance as JSON under the ``govinfo`` key of its key-value metadata.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..package import Dataset
from ..standard import RESOURCES
from . import common

METADATA_KEY = b"govinfo"


def write(dataset: Dataset, path: Path) -> Path:
    """Write ``<resource>.parquet`` files and ``codes.parquet`` in the folder ``path``."""
    common.require("pyarrow")
    folder = common.output_folder(path)
    meta = json.dumps(common.metadata(dataset), ensure_ascii=False).encode("utf-8")
    for resource in RESOURCES:
        _write(dataset.frames[resource], folder / f"{resource}.parquet", meta)
    _write(common.codes_table(dataset), folder / "codes.parquet", meta)
    return folder


def _write(frame: pd.DataFrame, path: Path, meta: bytes) -> None:
    pa = common.require("pyarrow")
    pq = common.require("pyarrow.parquet")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), METADATA_KEY: meta})
    pq.write_table(table, path)
