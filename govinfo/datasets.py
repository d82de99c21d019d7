"""The curated catalogue: data packages of real reports, loadable by name."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .dataset import Dataset
from .errors import PackageError
from .package import DESCRIPTOR


def catalogue_dirs() -> list[Path]:
    """Folders searched for curated packages: the installed copy, then a source checkout's."""
    installed = Path(str(resources.files("govinfo") / "datapackages"))
    checkout = Path(__file__).resolve().parent.parent / "datapackages"
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


def load(path_or_name: str | Path) -> Dataset:
    """Load a data package from a folder, a ``datapackage.json``, or a curated package name."""
    path = Path(path_or_name)
    if path.exists():
        return Dataset.read(path)
    if isinstance(path_or_name, str) and "/" not in path_or_name and not path.suffix:
        return Dataset.read(dataset_path(path_or_name))
    raise PackageError(f"{path_or_name}: no such file, folder or curated package")
