"""govinfo: China's government information disclosure annual reports as checked open data.

The public API: :func:`parse` a report (:func:`example_path` is the bundled
one), :func:`write_package` reports to a Frictionless data package,
:func:`load` a package (or a curated one by name) into pandas (its
``provenance`` says what to cite), :func:`reconcile` its reports against the
rules of the standard, compute its :func:`measures` (disclosure rate, refusal
shares, appeals per 100 requests, ...), :func:`validate` a package
(structure, profile and rules), :func:`export` it for Excel, Parquet, SQLite
or Stata, and the :class:`Report` model with its :class:`Cell` values.

Where each layer lives: ``standard/`` (the Python that reads ``schema/``),
``parse/`` (documents → text → cells, and what the print lost), ``package/``
(write, read, ``Dataset``, the curated catalogue), ``reconcile/`` (the rules
engine), ``validate.py``, ``exports/`` and ``plot/``.
"""

import importlib

from ._version import __version__
from .errors import ExportError, GovinfoError, PackageError, ParseError, ReconcileError
from .examples import example_path
from .exports import export
from .model import Cell, Report, Section
from .package import Dataset, list_datasets, load, write_package
from .parse import parse
from .parse.batch import Batch, parse_many
from .reconcile import measures, reconcile
from .standard import codes
from .validate import Validation, validate

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
    "Validation",
    "__version__",
    "codes",
    "example_path",
    "export",
    "list_datasets",
    "load",
    "measures",
    "parse",
    "parse_many",
    "reconcile",
    "validate",
    "write_package",
]


def __getattr__(name: str) -> object:
    """``govinfo.plot`` on first use, so that importing govinfo does not import matplotlib."""
    if name == "plot":
        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
