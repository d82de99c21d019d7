"""The govinfo standard on disk: the profile and the Table Schemas of one version.

The files under ``govinfo/schema/<version>/`` are the standard; this module
only finds and reads them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

VERSION = "1.0"
RESOURCES = ("reports", "requests", "appeals", "disclosure", "sections")
SCHEMA_ROOT = Path(str(resources.files("govinfo") / "schema"))


def standard_dir(version: str = VERSION) -> Path:
    """Folder holding one version of the standard."""
    return SCHEMA_ROOT / version


@cache
def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def profile(version: str = VERSION) -> dict[str, Any]:
    """The data package profile (a JSON Schema) of a standard version."""
    return _read_json(standard_dir(version) / "profile.json")


def table_schema(resource: str, version: str = VERSION) -> dict[str, Any]:
    """The Table Schema of one resource, as a fresh dict the caller may change."""
    if resource not in RESOURCES:
        raise KeyError(f"no resource {resource!r} in the govinfo standard")
    return json.loads(json.dumps(_read_json(standard_dir(version) / f"{resource}.schema.json")))
