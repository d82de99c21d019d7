"""Data packages: reports written to disk, read back as typed DataFrames, curated by name.

:class:`Dataset` (and pandas with it) is imported on first use, so that
writing a package (``govinfo parse``) does not import pandas.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from .catalogue import list_datasets, resolve
from .write import write_package

if TYPE_CHECKING:
    from .dataset import Dataset


def load(path_or_name: str | Path) -> Dataset:
    """Load a data package from a folder, a ``datapackage.json``, or a curated package name."""
    return __getattr__("Dataset").read(resolve(path_or_name))


def __getattr__(name: str) -> type[Dataset]:
    """:class:`Dataset` from ``dataset`` on first use."""
    if name != "Dataset":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return importlib.import_module(".dataset", __name__).Dataset


def __dir__() -> list[str]:
    """The module's names, the lazily imported :class:`Dataset` included."""
    return sorted(set(globals()) | set(__all__))


__all__ = ["Dataset", "list_datasets", "load", "resolve", "write_package"]
