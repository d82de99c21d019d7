"""Errors raised by govinfo: every failure a user can cause is a GovinfoError."""

from __future__ import annotations


class GovinfoError(Exception):
    """Base class of every error govinfo raises on bad input."""


class ParseError(GovinfoError):
    """A file could not be read as a report.

    Carries the file, the table (when the problem is in one) and the reason,
    so that a failure in a batch of thousands can be found and fixed.
    """

    def __init__(self, source: str, reason: str, table: str | None = None) -> None:
        self.source = source
        self.table = table
        self.reason = reason
        where = f"{source}: {table}" if table else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str, str | None]]:
        return (type(self), (self.source, self.reason, self.table))


class PackageError(GovinfoError):
    """A data package could not be written or loaded."""


class ExportError(GovinfoError):
    """A package could not be exported (unknown format, missing optional dependency, bad path)."""


class ReconcileError(GovinfoError):
    """A rule of the standard, or an option or rule id given to the reconciliation, is invalid."""


class PlotError(GovinfoError):
    """A figure cannot be drawn from what was asked (unknown report, body, kind or option)."""


class HarvestError(GovinfoError):
    """A harvest cannot run as asked (bad URL or option, Scrapy missing, unreadable manifest)."""
