"""The rules engine: a package against the rules of the standard, and its measures.

:func:`reconcile` (``run``) returns the findings table, one row per report,
rule and subject (the column, row or proceeding checked). Each rule is
evaluated for all reports at once (``equations``, ``domains``,
``narrative`` and ``parts``, on the :class:`~govinfo.reconcile.engine.Context` of
``engine``), never cell by cell. :func:`measures` (``ratios``) reads the same
matrices for the measures of the standard (disclosure rate, refusal shares,
appeals per 100 requests, ...).

This module holds only the vocabulary (:data:`BLANKS`, :data:`STATUSES`);
:func:`reconcile` and :func:`measures` are imported on first use, so that the
command line can offer the choices without importing pandas.
"""

from __future__ import annotations

import importlib

from ..errors import ReconcileError

__all__ = ["BLANKS", "STATUSES", "check_blanks", "measures", "reconcile"]

BLANKS = ("zero", "strict")
STATUSES = ("pass", "fail", "not_assessable")
"""The status of a finding, in the order of the findings table's categories."""

_LAZY = {"measures": ".ratios", "reconcile": ".run"}


def check_blanks(blanks: str) -> str:
    """``blanks`` when it is one of :data:`BLANKS`; ReconcileError otherwise."""
    if blanks not in BLANKS:
        raise ReconcileError(f"blanks must be one of {BLANKS}, not {blanks!r}")
    return blanks


def __getattr__(name: str) -> object:
    """:func:`reconcile` and :func:`measures` from their modules on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily imported ones included."""
    return sorted(set(globals()) | set(__all__))
