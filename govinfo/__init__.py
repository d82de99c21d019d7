"""govinfo: China's government information disclosure annual reports as checked open data.

The public API: :func:`parse` a report, :func:`write_package` reports to a
Frictionless data package, :func:`load` a package (or a curated one by name)
into pandas (its ``provenance`` says what to cite), :func:`reconcile` its reports against
the rules of the standard, :func:`export` it for Excel, Parquet, SQLite or Stata, and the
:class:`Report` model with its :class:`Cell` values.
"""

__version__ = "0.1.0"

import importlib

from . import codes
from .dataset import Dataset
from .datasets import list_datasets, load
from .errors import ExportError, GovinfoError, PackageError, ParseError, ReconcileError
from .exports import export
from .model import Cell, Report, Section
from .package import write_package
from .parse import parse
from .parse.batch import Batch, parse_many
from .reconcile import reconcile

__all__ = [
    "Batch",
    "Cell",
    "Dataset",
    "ExportError",
    "GovinfoError",
    "PackageError",
    "ParseError",
    "ReconcileError",
    "Report",
    "Section",
    "__version__",
    "codes",
    "export",
    "list_datasets",
    "load",
    "parse",
    "parse_many",
    "reconcile",
    "write_package",
]


def __getattr__(name: str) -> object:
    """``govinfo.plot`` on first use, so that importing govinfo does not import matplotlib."""
    if name == "plot":
        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
