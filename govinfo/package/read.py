"""Read a data package of the govinfo standard into typed pandas DataFrames.

Dtypes come from the package's Table Schemas: code columns become ordered
categoricals (a code outside its list is an error, never a silent NaN),
counts nullable ``Int64``, amounts ``Float64``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import PackageError
from ..standard import RESOURCES, table_schema

DESCRIPTOR = "datapackage.json"


def read_descriptor(path: str | Path) -> tuple[Path, dict[str, Any]]:
    """Find and read a package descriptor given its folder or its ``datapackage.json``."""
    path = Path(path)
    target = path / DESCRIPTOR if path.is_dir() else path
    try:
        return target, json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackageError(f"{target}: no data package here") from None
    except json.JSONDecodeError as exc:
        raise PackageError(f"{target}: the descriptor is not valid JSON ({exc})") from None


def read_frames(path: str | Path) -> tuple[Path, dict[str, Any], dict[str, pd.DataFrame]]:
    """Read every resource of a package into a typed DataFrame (dtypes from its Table Schemas)."""
    target, descriptor = read_descriptor(path)
    frames = {}
    for resource in descriptor.get("resources", []):
        name = resource.get("name")
        if name not in RESOURCES:
            continue
        frames[name] = _read_resource(target.parent, resource)
    missing = [r for r in RESOURCES if r not in frames]
    if missing:
        raise PackageError(f"{target}: the package has no resource {', '.join(missing)}")
    return target, descriptor, frames


def _read_resource(base: Path, resource: dict[str, Any]) -> pd.DataFrame:
    schema = resource.get("schema") or table_schema(resource["name"])
    fields = schema["fields"]
    missing = schema.get("missingValues", [""])
    file = base / resource["path"]
    try:
        frame = pd.read_csv(
            file,
            dtype=str,
            keep_default_na=False,
            na_values=missing,
            encoding="utf-8",
        )
    except FileNotFoundError:
        raise PackageError(f"{file}: resource {resource['name']!r} is missing") from None
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        raise PackageError(
            f"{file}: columns {list(frame.columns)} differ from the schema's {names}"
        )
    for f in fields:
        frame[f["name"]] = _typed(frame[f["name"]], f, file)
    return frame


def _typed(column: pd.Series, field: dict[str, Any], file: Path) -> pd.Series:
    kind = field.get("type", "string")
    enum = field.get("constraints", {}).get("enum")
    try:
        if kind == "integer":
            column = pd.to_numeric(column).astype("Int64")
            return _coded(column, enum, field, file) if enum else column
        if kind == "number":
            return pd.to_numeric(column).astype("Float64")
        if kind == "date":
            return pd.to_datetime(column, format="%Y-%m-%d")
    except (ValueError, TypeError) as exc:
        raise PackageError(f"{file}: column {field['name']!r} is not {kind}: {exc}") from None
    if enum:
        return _coded(column, enum, field, file)
    return column.astype("string")


def _coded(column: pd.Series, enum: list[Any], field: dict[str, Any], file: Path) -> pd.Series:
    """A code column as an ordered categorical; a code outside the list is an error, not a NaN."""
    unknown = sorted({str(v) for v in column.dropna().unique()} - {str(v) for v in enum})
    if unknown:
        raise PackageError(
            f"{file}: column {field['name']!r} holds codes not in its code list: "
            f"{', '.join(unknown[:5])}"
        )
    return column.astype(pd.CategoricalDtype(enum, ordered=True))
