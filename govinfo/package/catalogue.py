"""The curated catalogue, and where a package named by a path or a name is.

:func:`resolve` is the one place that turns "a folder, a ``datapackage.json``
or a curated name" into a descriptor path; ``load``, ``validate`` and
``export`` all go through it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import PackageError
from .descriptor import DESCRIPTOR


def catalogue_dirs() -> list[Path]:
    """Folders searched for curated packages: the installed copy, then a source checkout's."""
    installed = Path(str(resources.files("govinfo") / "datapackages"))
    checkout = Path(__file__).resolve().parents[2] / "datapackages"
    return [d for d in (installed, checkout) if d.is_dir()]


def list_datasets() -> list[str]:
    """Names of the curated packages."""
    names = {
        child.name
        for folder in catalogue_dirs()
        for child in folder.iterdir()
        if (child / DESCRIPTOR).is_file()
    }
    return sorted(names)


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
