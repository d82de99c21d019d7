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

Importing govinfo imports only its version and error types: every other
public name is imported from its module on first use, so that ``import
govinfo`` and ``govinfo --help`` start without pandas, Frictionless or
matplotlib.
"""

import importlib
import sys
import types

from ._version import __version__
from .errors import ExportError, GovinfoError, PackageError, ParseError, ReconcileError

# Public name -> the module that defines it, imported on first use.
_LAZY = {
    "Batch": ".parse.batch",
    "Cell": ".model",
    "Dataset": ".package",
    "Report": ".model",
    "Section": ".model",
    "Validation": ".validate",
    "example_path": ".examples",
    "export": ".exports",
    "list_datasets": ".package",
    "load": ".package",
    "measures": ".reconcile",
    "parse": ".parse",
    "parse_many": ".parse.batch",
    "reconcile": ".reconcile",
    "validate": ".validate",
    "write_package": ".package",
}
# Public names that are modules, imported on first use.
_SUBMODULES = {"codes": ".standard.codes", "plot": ".plot"}

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
    """Import a public name (or ``govinfo.plot``) from its module on first use."""
    if name in _SUBMODULES:
        return importlib.import_module(_SUBMODULES[name], __name__)
    if name not in _LAZY:
        raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily imported public ones included."""
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """govinfo itself: ``govinfo.parse``, ``.reconcile`` and ``.validate`` stay the functions.

    Importing a submodule of the same name (``govinfo.parse.batch``) would
    bind the submodule over the function's name; the function keeps it, as
    when the package imported them all up front.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
