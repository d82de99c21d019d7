"""Write reports as a data package of the govinfo standard, and read one back into pandas."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from .errors import PackageError
from .model import Report
from .standard import RESOURCES, VERSION, table_schema

DESCRIPTOR = "datapackage.json"
CELL_TABLES = {
    "requests": ("row", "applicant"),
    "appeals": ("proceeding", "outcome"),
    "disclosure": ("item", "measure"),
}


def write_package(
    reports: Iterable[Report],
    path: str | Path,
    *,
    name: str | None = None,
    title: str | None = None,
    description: str | None = None,
    sources: list[dict[str, str]] | None = None,
) -> Path:
    """Write ``reports`` as one data package in the folder ``path``; return the descriptor path."""
    reports = list(reports)
    _check_unique_ids(reports)
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    tables = {resource: _records(resource, reports) for resource in RESOURCES}
    for resource, records in tables.items():
        _write_csv(folder / f"{resource}.csv", resource, records)
    descriptor = _descriptor(name or _package_name(folder), title, description, sources)
    target = folder / DESCRIPTOR
    target.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def _check_unique_ids(reports: list[Report]) -> None:
    seen: set[str] = set()
    for report in reports:
        if report.report_id in seen:
            raise PackageError(f"report_id {report.report_id!r} occurs twice; ids must be unique")
        seen.add(report.report_id)


def _package_name(folder: Path) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", folder.resolve().name.lower()).strip("-")
    return name or "govinfo-package"


def _descriptor(
    name: str, title: str | None, description: str | None, sources: list[dict[str, str]] | None
) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "$schema": f"urn:govinfo:standard:{VERSION}:profile",
        "name": name,
        "govinfo": {"standard": VERSION, "written_by": f"govinfo-cn {__version__}"},
    }
    if title:
        descriptor["title"] = title
    if description:
        descriptor["description"] = description
    if sources:
        descriptor["sources"] = sources
    descriptor["resources"] = [
        {
            "name": resource,
            "path": f"{resource}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(resource),
        }
        for resource in RESOURCES
    ]
    return descriptor


def _records(resource: str, reports: list[Report]) -> list[dict[str, object]]:
    if resource == "reports":
        return [report.metadata() for report in reports]
    if resource == "sections":
        return [
            {"report_id": r.report_id, "section": number, "heading": s.heading, "text": s.text}
            for r in reports
            for number, s in sorted(r.sections.items())
        ]
    first, second = CELL_TABLES[resource]
    out = []
    for report in reports:
        for (a, b), cell in getattr(report, resource).items():
            record = {"report_id": report.report_id, first: a, second: b, "value": cell.value}
            if resource == "disclosure":
                record["unit"] = cell.unit
            record.update(raw=cell.raw, flag=cell.flag)
            out.append(record)
    return out


def _write_csv(path: Path, resource: str, records: list[dict[str, object]]) -> None:
    columns = [f["name"] for f in table_schema(resource)["fields"]]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow([_format(record.get(column)) for column in columns])


def _format(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        return format(value, "f").rstrip("0").rstrip(".") if "e" in text else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
