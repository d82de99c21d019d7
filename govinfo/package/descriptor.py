"""A package descriptor read and checked before any file it names is opened.

``load``, ``validate`` and ``export`` all read a descriptor through
:func:`read_descriptor`, which refuses, with a :class:`PackageError` naming
the descriptor and never quoting a file it names:

* a descriptor that is not a JSON object, nests too deep, or whose
  ``resources`` is not a list of objects with a ``name`` and one ``path``;
* a resource (or schema, dialect, profile) path that is remote (nothing is
  ever fetched), absolute, or that leads outside the package's folder, also
  through a symbolic link;
* a resource of the standard whose Table Schema differs from the standard's
  own for the version the package declares: a package cannot redefine what a
  blank is (``missingValues: ["", "0"]``) or which codes exist.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import PackageError
from ..standard import VERSION, resources, table_schema, versions

DESCRIPTOR = "datapackage.json"
MAX_BYTES = 32 * 1024 * 1024
"""A descriptor larger than this is not one govinfo wrote or could mean (ours are ~50 kB)."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_OWN_PROFILE = re.compile(r"^urn:govinfo:standard:[0-9.]+:profile$")
REFERENCES = ("schema", "dialect", "profile", "$schema")
"""Properties of a resource that Frictionless follows as a path or URL when they are strings."""


def read_descriptor(path: str | Path) -> tuple[Path, dict[str, Any]]:
    """Find, read and check a package descriptor given its folder or its ``datapackage.json``."""
    path = Path(path)
    target = path / DESCRIPTOR if path.is_dir() else path
    try:
        with target.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PackageError(f"{target}: no data package here") from None
    except OSError as exc:
        raise PackageError(f"{target}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise PackageError(f"{target}: the descriptor is larger than {MAX_BYTES >> 20} MB")
    try:
        descriptor = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackageError(f"{target}: the descriptor is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise PackageError(f"{target}: the descriptor is not valid JSON ({exc})") from None
    except RecursionError:
        raise PackageError(f"{target}: the descriptor nests too deep to be a package") from None
    check(target, descriptor)
    return target, descriptor


def declared_version(descriptor: dict[str, Any], target: Path) -> str:
    """The standard version a package declares (``govinfo.standard``); it must be one known here."""
    meta = descriptor.get("govinfo")
    version = meta.get("standard", VERSION) if isinstance(meta, dict) else VERSION
    if version not in versions():
        known = ", ".join(versions())
        raise PackageError(f"{target}: govinfo standard {version!r} is not known (known: {known})")
    return version


def check(target: Path, descriptor: Any) -> None:
    """Refuse a descriptor that is malformed, names anything outside its folder, or redefines
    a Table Schema of the standard (see the module's docstring)."""
    if not isinstance(descriptor, dict):
        raise PackageError(f"{target}: the descriptor is not a JSON object")
    listed = descriptor.get("resources", [])
    if not isinstance(listed, list):
        raise PackageError(f"{target}: 'resources' is not a list")
    for key in ("$schema", "profile"):
        _check_reference(target, descriptor, key, "the package")
    version = declared_version(descriptor, target)
    for number, resource in enumerate(listed, start=1):
        if not isinstance(resource, dict):
            raise PackageError(f"{target}: resource {number} is not an object")
        name = resource.get("name")
        if not isinstance(name, str) or not name:
            raise PackageError(f"{target}: resource {number} has no name")
        where = f"resource {name!r}"
        path = resource.get("path")
        if not isinstance(path, str) or not path:
            raise PackageError(f"{target}: {where}: 'path' must be one file path (text)")
        inside(target, path, where)
        for key in REFERENCES:
            _check_reference(target, resource, key, where)
        if name in resources(version):
            _check_schema(target, resource, name, version)


def inside(target: Path, path: str, where: str) -> Path:
    """The file ``path`` names, relative to the descriptor's folder; refused unless it is
    local, relative and inside that folder (symbolic links followed)."""
    drive = re.match(r"^[A-Za-z]:[\\/]", path)
    if _SCHEME.match(path) and not drive:
        raise PackageError(
            f"{target}: {where}: {path!r} is remote; govinfo reads local files only "
            "(download it into the package folder)"
        )
    if drive or Path(path).is_absolute() or PurePosixPath(path.replace("\\", "/")).is_absolute():
        raise PackageError(f"{target}: {where}: {path!r} is absolute; paths must be relative")
    base = target.parent.resolve()
    file = (base / path).resolve()
    if not file.is_relative_to(base):
        raise PackageError(f"{target}: {where}: {path!r} leads outside the package folder")
    return file


def _check_reference(target: Path, holder: dict[str, Any], key: str, where: str) -> None:
    """A string ``schema``/``dialect``/``profile``/``$schema`` names a local file or a
    registered profile name, never a URL to fetch."""
    value = holder.get(key)
    if not isinstance(value, str) or _OWN_PROFILE.match(value):
        return
    if key in ("profile", "$schema") and not _SCHEME.match(value) and "/" not in value:
        return  # a registered profile name, such as tabular-data-resource
    inside(target, value, f"{where}: {key}")


def _check_schema(target: Path, resource: dict[str, Any], name: str, version: str) -> None:
    """A resource of the standard carries the standard's Table Schema, inline or by path."""
    schema = resource.get("schema")
    where = f"resource {name!r}"
    if isinstance(schema, str):
        file = inside(target, schema, f"{where}: schema")
        try:
            schema = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            raise PackageError(
                f"{target}: {where}: its schema {resource['schema']!r} is not a readable JSON file"
            ) from None
    if schema is None:
        return
    expected = table_schema(name, version)
    if schema == expected:
        return
    differs = _difference(schema, expected)
    raise PackageError(
        f"{target}: {where}: its Table Schema differs from the govinfo {version} "
        f"standard's ({differs}); a package of the standard uses the standard's schemas"
    )


def _difference(schema: Any, expected: dict[str, Any]) -> str:
    """The first property in which ``schema`` differs from ``expected``, in words."""
    if not isinstance(schema, dict):
        return "it is not an object"
    for key in dict.fromkeys([*expected, *schema]):
        if key not in schema:
            return f"no {key!r}"
        if key not in expected:
            return f"an extra {key!r}"
        if schema[key] != expected[key]:
            if key == "fields" and isinstance(schema[key], list):
                return _field_difference(schema[key], expected[key])
            return f"{key!r} is {_short(schema[key])}, not {_short(expected[key])}"
    return "different"


def _field_difference(fields: list[Any], expected: list[dict[str, Any]]) -> str:
    names = [f.get("name") if isinstance(f, dict) else None for f in fields]
    if names != [f["name"] for f in expected]:
        return "its fields are not the standard's"
    for field, wanted in zip(fields, expected, strict=True):
        if field != wanted:
            return f"field {wanted['name']!r} differs"
    return "its fields differ"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
