"""Write reports as a data package of the govinfo standard: one CSV per resource, a descriptor."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import PackageError
from ..model import Report
from ..standard import CELL_TABLES, RESOURCES, VERSION, table_schema
from .descriptor import DESCRIPTOR


def write_package(
    reports: Iterable[Report],
    path: str | Path,
    *,
    name: str | None = None,
    title: str | None = None,
    description: str | None = None,
    sources: list[dict[str, str]] | None = None,
    errata: Iterable[dict[str, str]] | None = None,
) -> Path:
    """Write ``reports`` as one data package in the folder ``path``; return the descriptor path.

    Every resource of the standard is written, ``diagnostics`` included (empty
    when the reader noticed nothing); ``errata`` only when some are given.
    """
    reports = list(reports)
    _check_unique_ids(reports)
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    tables = {r: _records(r, reports) for r in RESOURCES if r != "errata"}
    tables["errata"] = list(errata or [])
    written = [r for r in RESOURCES if r != "errata" or tables[r]]
    for resource in written:
        _write_csv(folder / f"{resource}.csv", resource, tables[resource])
    descriptor = _descriptor(name or _package_name(folder), title, description, sources, written)
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
    name: str,
    title: str | None,
    description: str | None,
    sources: list[dict[str, str]] | None,
    resources: list[str],
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
        for resource in resources
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
    if resource == "diagnostics":
        return [
            {"report_id": r.report_id, **dataclasses.asdict(diagnostic)}
            for r in reports
            for diagnostic in r.diagnostics
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
