"""The govinfo standard in Python: the only code that opens files under ``govinfo/schema/``.

``govinfo/schema/<version>/`` holds one version of the standard (profile, Table
Schemas, code lists, rules); ``govinfo/schema/readers/`` holds the readers'
heuristics (aliases, hints, plausible ranges, corrections), which are not part
of a version. Facts of the standard are derived from its files here, never
retyped: the cell tables' dimension columns come from each Table Schema's
primary key, the templates from ``codes/templates.csv``.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

VERSION = "1.1"
SCHEMA_ROOT = Path(str(resources.files("govinfo") / "schema"))


def standard_dir(version: str = VERSION) -> Path:
    """Folder holding one version of the standard."""
    return SCHEMA_ROOT / version


def versions() -> tuple[str, ...]:
    """The versions of the standard this govinfo knows, oldest first."""
    found = [p.name for p in SCHEMA_ROOT.iterdir() if (p / "profile.json").is_file()]
    return tuple(sorted(found, key=lambda v: tuple(int(n) for n in v.split("."))))


@cache
def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def profile(version: str = VERSION) -> dict[str, Any]:
    """The data package profile (a JSON Schema) of a standard version."""
    return _read_json(standard_dir(version) / "profile.json")


def resources(version: str = VERSION) -> tuple[str, ...]:
    """The resources a package of ``version`` may hold, in the standard's order (its profile's)."""
    names = profile(version)["definitions"]["govinfoResource"]["properties"]["name"]["enum"]
    return tuple(names)


def table_schema(resource: str, version: str = VERSION) -> dict[str, Any]:
    """The Table Schema of one resource, as a fresh dict the caller may change."""
    if resource not in resources(version):
        raise KeyError(f"no resource {resource!r} in the govinfo standard {version}")
    return json.loads(json.dumps(_read_json(standard_dir(version) / f"{resource}.schema.json")))


@cache
def _read_csv(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def read_csv(name: str, version: str | None = VERSION) -> tuple[dict[str, str], ...]:
    """The records of one CSV file of the standard, ``name`` without ``.csv``.

    ``read_csv("codes/rows")`` reads a file of a version; with ``version=None``
    the name is relative to ``govinfo/schema/`` (``read_csv("readers/aliases",
    None)``). Raises FileNotFoundError when there is no such file.
    """
    root = SCHEMA_ROOT if version is None else standard_dir(version)
    return _read_csv(root / f"{name}.csv")


def reader_table(name: str) -> tuple[dict[str, str], ...]:
    """One of the readers' heuristics tables (``aliases``, ``hints``, ``plausible``, ...)."""
    return read_csv(f"readers/{name}", None)


RESOURCES: tuple[str, ...] = resources()


def _cell_tables() -> dict[str, tuple[str, str]]:
    """Each cell table and its two code columns: its primary key after ``report_id``."""
    out = {}
    for resource in RESOURCES:
        key = table_schema(resource).get("primaryKey", [])
        if len(key) == 3 and "value" in {f["name"] for f in table_schema(resource)["fields"]}:
            out[resource] = (key[1], key[2])
    return out


CELL_TABLES: dict[str, tuple[str, str]] = _cell_tables()
TEMPLATES: tuple[str, ...] = tuple(r["code"] for r in read_csv("codes/templates"))
