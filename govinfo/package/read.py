"""Read a data package of the govinfo standard into typed pandas DataFrames.

Dtypes come from the package's Table Schemas: code columns become ordered
categoricals (a code outside its list is an error, never a silent NaN),
counts nullable ``Int64``, amounts ``Float64``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import PackageError
from ..standard import RESOURCES, resources, table_schema
from .csv_errors import csv_error
from .descriptor import DESCRIPTOR as DESCRIPTOR  # where write.py takes it from
from .descriptor import declared_version, read_descriptor


def read_frames(path: str | Path) -> tuple[Path, dict[str, Any], dict[str, pd.DataFrame]]:
    """Read every resource of a package into a typed DataFrame (dtypes from its Table Schemas).

    Each file is read with the Table Schema of the standard version the package
    declares, then brought to the current version's shape (:func:`upgrade`), so
    that a 1.0 package loads like a 1.1 one. A 1.0 package must hold its five
    resources; from 1.1 on, only ``reports`` is required and a resource the
    package does not hold is empty.
    """
    target, descriptor = read_descriptor(path)
    version = declared_version(descriptor, target)
    listed = descriptor.get("resources", [])
    frames = {}
    for resource in listed if isinstance(listed, list) else []:
        name = resource.get("name") if isinstance(resource, dict) else None
        if name in resources(version):
            frames[name] = _read_resource(target.parent, resource, version)
    missing = [r for r in required_resources(version) if r not in frames]
    if missing:
        raise PackageError(f"{target}: the package has no resource {', '.join(missing)}")
    return target, descriptor, upgrade(frames)


def required_resources(version: str) -> tuple[str, ...]:
    """The resources a package of ``version`` must hold (every one in 1.0, ``reports`` later)."""
    return resources(version) if version == "1.0" else ("reports",)


def upgrade(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Frames of an older (or partial) package in the current version's shape.

    Resources it lacks are empty; columns the current version added are
    empty; code columns take the current code lists (which only grow).
    """
    out = {}
    for resource in RESOURCES:
        fields = table_schema(resource)["fields"]
        frame = frames.get(resource)
        if frame is None:
            frame = pd.DataFrame({f["name"]: pd.Series([], dtype=object) for f in fields})
        columns = {}
        for field in fields:
            name = field["name"]
            if name not in frame:
                empty = pd.Series([None] * len(frame), index=frame.index, dtype=object)
                columns[name] = _typed(empty, field, Path(resource))
            elif frame is frames.get(resource):
                columns[name] = _current_codes(frame[name], field)
            else:
                columns[name] = _typed(frame[name], field, Path(resource))
        out[resource] = pd.DataFrame(columns, index=frame.index)
    return out


def _current_codes(column: pd.Series, field: dict[str, Any]) -> pd.Series:
    """A code column with the current code list as its categories (lists only grow)."""
    enum = field.get("constraints", {}).get("enum")
    if not enum or not isinstance(column.dtype, pd.CategoricalDtype):
        return column
    if list(column.cat.categories) == list(enum):
        return column
    return column.cat.set_categories(enum)


def _read_resource(base: Path, resource: dict[str, Any], version: str) -> pd.DataFrame:
    schema = table_schema(resource["name"], version)
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
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise csv_error(file, resource["name"], exc) from None
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
            column = column.astype("Int64")  # exact: never through float64
            return _coded(column, enum, field, file) if enum else column
        if kind == "number":
            return pd.to_numeric(column).astype("Float64")
        if kind == "date":
            return pd.to_datetime(column, format="%Y-%m-%d")
    except (ValueError, TypeError, OverflowError) as exc:
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
