"""SQLite: one table per resource with SQL types, primary and foreign keys from the Table Schemas.

Every code column references a code-list table ``codes_<list>`` (code,
label_zh, label_en, parent, order, templates), so a join gives the labels and
``PRAGMA foreign_keys = ON`` keeps codes valid. A blank cell is NULL.
``govinfo_metadata`` holds the package's provenance, one key per row.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ExportError
from ..package import Dataset
from ..standard import RESOURCES
from . import common

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "string": "TEXT", "date": "TEXT"}
METADATA_TABLE = "govinfo_metadata"


def write(dataset: Dataset, path: Path) -> Path:
    """Write ``dataset`` as a new SQLite database at ``path`` (an existing file is replaced)."""
    target = common.output_file(path)
    target.unlink(missing_ok=True)
    resource = ""
    try:
        with closing(sqlite3.connect(target)) as db:
            db.execute("PRAGMA foreign_keys = ON")
            for name, sql_type in _codelist_types(dataset).items():
                _codelist_table(db, dataset, name, sql_type)
            for resource in RESOURCES:
                schema = common.schema(dataset, resource)
                db.execute(_create(resource, schema))
                _insert(db, resource, _sql_values(dataset.frames[resource], schema["fields"]))
            _metadata_table(db, common.metadata(dataset))
            db.commit()
    except sqlite3.IntegrityError as exc:
        target.unlink(missing_ok=True)
        raise ExportError(
            f"{dataset.path}: resource {resource!r} breaks its keys ({exc}): "
            "two rows share a primary key, or a row names a report or code that does not exist; "
            "govinfo validate shows which"
        ) from None
    except sqlite3.OperationalError as exc:
        target.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write the database ({exc})") from None
    return target


def codelist_table(name: str) -> str:
    """Name of the table holding code list ``name``."""
    return f"codes_{name}"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _codelist_types(dataset: Dataset) -> dict[str, str]:
    """The code lists in use, with the SQL type of the columns that reference them."""
    types: dict[str, str] = {}
    for resource in RESOURCES:
        for field in common.fields(dataset, resource):
            name = common.codelist_name(field)
            if name:
                types.setdefault(name, SQL_TYPES[field.get("type", "string")])
    return types


def _codelist_table(db: sqlite3.Connection, dataset: Dataset, name: str, sql_type: str) -> None:
    table = _quote(codelist_table(name))
    db.execute(
        f"CREATE TABLE {table} (code {sql_type} PRIMARY KEY, label_zh TEXT NOT NULL, "
        f'label_en TEXT NOT NULL, parent {sql_type} REFERENCES {table}(code), "order" INTEGER, '
        "templates TEXT)"
    )
    frame = common.codelist_frame(dataset, name)
    if sql_type == "INTEGER":
        frame["code"] = frame["code"].astype(int)
    _insert(db, codelist_table(name), frame)


def _create(resource: str, schema: dict[str, Any]) -> str:
    """CREATE TABLE for a resource: typed columns, code-list references, its keys."""
    lines = []
    for field in schema["fields"]:
        column = f"{_quote(field['name'])} {SQL_TYPES[field.get('type', 'string')]}"
        if field.get("constraints", {}).get("required"):
            column += " NOT NULL"
        listname = common.codelist_name(field)
        if listname:
            column += f" REFERENCES {_quote(codelist_table(listname))}(code)"
        lines.append(column)
    if schema.get("primaryKey"):
        lines.append(f"PRIMARY KEY ({', '.join(map(_quote, schema['primaryKey']))})")
    for key in schema.get("foreignKeys", []):
        reference = key["reference"]
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_quote, key['fields']))}) "
            f"REFERENCES {_quote(reference['resource'])}"
            f"({', '.join(map(_quote, reference['fields']))})"
        )
    return f"CREATE TABLE {_quote(resource)} (\n  " + ",\n  ".join(lines) + "\n)"


def _sql_values(frame: pd.DataFrame, fields: list[dict[str, Any]]) -> pd.DataFrame:
    """The frame with dates as ISO text, ready for SQLite."""
    out = frame.copy()
    for field in fields:
        if field.get("type") == "date":
            out[field["name"]] = out[field["name"]].dt.strftime("%Y-%m-%d")
    return out


def _insert(db: sqlite3.Connection, table: str, frame: pd.DataFrame) -> None:
    columns = ", ".join(map(_quote, frame.columns))
    marks = ", ".join("?" * len(frame.columns))
    rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
    db.executemany(f"INSERT INTO {_quote(table)} ({columns}) VALUES ({marks})", rows)


def _metadata_table(db: sqlite3.Connection, meta: dict[str, Any]) -> None:
    db.execute(f"CREATE TABLE {METADATA_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    rows = pd.DataFrame(
        [
            (key, value if isinstance(value, str | None) else json.dumps(value, ensure_ascii=False))
            for key, value in meta.items()
        ],
        columns=["key", "value"],
    )
    _insert(db, METADATA_TABLE, rows)
