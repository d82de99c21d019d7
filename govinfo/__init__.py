"""govinfo: China's government information disclosure annual reports as checked open data.

The public API: :func:`parse` a report, :func:`write_package` reports to a
Frictionless data package, :func:`load` a package (or a curated one by name)
into pandas, :func:`reconcile` its reports against the rules of the standard,
and the :class:`Report` model with its :class:`Cell` values.
"""

__version__ = "0.1.0"

from . import codes
from .dataset import Dataset
from .datasets import list_datasets, load
from .errors import GovinfoError, PackageError, ParseError, ReconcileError
from .model import Cell, Report, Section
from .package import write_package
from .parse import parse
from .reconcile import reconcile

__all__ = [
    "Cell",
    "Dataset",
    "GovinfoError",
    "PackageError",
    "ParseError",
    "ReconcileError",
    "Report",
    "Section",
    "__version__",
    "codes",
    "list_datasets",
    "load",
    "parse",
    "reconcile",
    "write_package",
]
