"""The curated catalogue, and where a package named by a path or a name is.

:func:`resolve` is the one place that turns "a folder, a ``datapackage.json``
or a curated name" into a descriptor path; ``load``, ``validate`` and
``export`` all go through it. pandas is imported only by what returns a
DataFrame, so that resolving a name (``govinfo parse``, ``--help``) stays light.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from ..errors import PackageError
from .descriptor import DESCRIPTOR

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset

REGISTRY = "bodies.csv"
"""The body registry of the curated packages, beside them in the catalogue folder."""
PARENT = "parent_id"
"""The registry column naming a body's parent body_id."""
CELL_RESOURCES = ("requests", "appeals", "disclosure")


def catalogue_dirs() -> list[Path]:
    """Folders searched for curated packages: the installed copy, then a source checkout's."""
    installed = Path(str(resources.files("govinfo") / "datapackages"))
    checkout = Path(__file__).resolve().parents[2] / "datapackages"
    return [d for d in (installed, checkout) if d.is_dir()]


@overload
def list_datasets(details: Literal[False] = False) -> list[str]: ...
@overload
def list_datasets(details: Literal[True]) -> pd.DataFrame: ...
def list_datasets(details: bool = False) -> list[str] | pd.DataFrame:
    """Names of the curated packages; with ``details``, the catalogue (one row per package).

    The catalogue's columns: ``bodies`` (how many: body ids, else names),
    ``years`` (first–last), ``levels``, ``reports``, ``cells`` (of tables 2–4),
    ``flagged`` (cells with any flag), ``unread`` (cells flagged ``unread``)
    and ``standard`` (the version the package declares); indexed by name.
    """
    names = sorted(
        {
            child.name
            for folder in catalogue_dirs()
            for child in folder.iterdir()
            if (child / DESCRIPTOR).is_file()
        }
    )
    if not details:
        return names
    import pandas as pd

    from .dataset import Dataset

    rows = [_summary(Dataset.read(dataset_path(name) / DESCRIPTOR)) for name in names]
    return pd.DataFrame(rows, index=pd.Index(names, name="name"))


def _summary(dataset: Dataset) -> dict[str, object]:
    """One catalogue row: what a package holds."""
    import pandas as pd

    reports = dataset.frames["reports"]
    body = reports["body"].astype(object)
    if "body_id" in reports:
        body = reports["body_id"].astype(object).where(reports["body_id"].notna(), body)
    years = sorted(int(y) for y in reports["year"].dropna())
    span = (
        "" if not years else f"{years[0]}–{years[-1]}" if years[-1] != years[0] else str(years[0])
    )
    flags = pd.concat(
        [dataset.frames[t]["flag"].astype(object) for t in CELL_RESOURCES if t in dataset.frames]
    )
    return {
        "bodies": body.nunique(),
        "years": span,
        "levels": " ".join(sorted(reports["level"].dropna().astype(str).unique())),
        "reports": len(reports),
        "cells": len(flags),
        "flagged": int(flags.notna().sum()),
        "unread": int((flags == "unread").sum()),
        "standard": str(dataset.descriptor.get("govinfo", {}).get("standard", "")),
    }


def bodies() -> pd.DataFrame:
    """The body registry of the curated packages (``bodies.csv``), one row per body_id."""
    import pandas as pd

    for folder in catalogue_dirs():
        if (folder / REGISTRY).is_file():
            return pd.read_csv(folder / REGISTRY, dtype=str, keep_default_na=False)
    raise PackageError(f"{REGISTRY}: no body registry in the catalogue folders")


def dataset_path(name: str) -> Path:
    """Folder of the curated package ``name``."""
    for folder in catalogue_dirs():
        candidate = folder / name
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    known = ", ".join(list_datasets()) or "none"
    raise PackageError(f"no curated package named {name!r} (known: {known})")


def resolve(path_or_name: str | Path) -> Path:
    """The descriptor path of a package given as a folder, a ``datapackage.json`` or a name."""
    path = Path(path_or_name)
    if path.exists():
        return path / DESCRIPTOR if path.is_dir() else path
    if isinstance(path_or_name, str) and "/" not in path_or_name and not path.suffix:
        return dataset_path(path_or_name) / DESCRIPTOR
    raise PackageError(
        f"{path_or_name}: no data package here (no such file, folder or curated name)"
    )


def parents() -> dict[str, str]:
    """Each registered body_id's parent body_id (bodies without a parent left out); empty
    when the catalogue has no registry."""
    try:
        registry = bodies()
    except PackageError:
        return {}
    if PARENT not in registry or "body_id" not in registry:
        raise PackageError(f"{REGISTRY}: the registry needs the columns body_id and {PARENT}")
    known = registry[registry[PARENT] != ""]
    return dict(zip(known["body_id"], known[PARENT], strict=True))
