"""Data packages: reports written to disk, read back as typed DataFrames, curated by name."""

from __future__ import annotations

from pathlib import Path

from .catalogue import list_datasets, resolve
from .dataset import Dataset
from .write import write_package


def load(path_or_name: str | Path) -> Dataset:
    """Load a data package from a folder, a ``datapackage.json``, or a curated package name."""
    return Dataset.read(resolve(path_or_name))


__all__ = ["Dataset", "list_datasets", "load", "resolve", "write_package"]
