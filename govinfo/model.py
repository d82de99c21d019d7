"""The in-memory report: metadata, narrative sections and the cells of tables 2-4."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .standard import TEMPLATES, table_schema


@dataclass(frozen=True)
class Cell:
    """One printed cell: the number, the text it was read from, and why it may be uncertain.

    ``value`` is None when the cell was left blank or not reported (never 0);
    ``flag`` is empty when the value was read unambiguously, otherwise a code
    of ``codes/flags.csv``. ``unit`` is set for amounts only.
    """

    value: int | float | None
    raw: str = ""
    flag: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Diagnostic:
    """Something the reader noticed about a report: a code of ``codes/diagnostics.csv`` and words.

    ``table``, ``row`` and ``column`` say where, when known (``row`` and
    ``column`` are the two codes of the cells concerned). Diagnostics are
    written to the package's ``diagnostics`` resource, so a researcher can
    filter reports by what happened to them.
    """

    code: str
    message: str
    table: str = ""
    row: str = ""
    column: str = ""

    def __str__(self) -> str:
        return self.message


@dataclass
class Section:
    """One of the six sections of the report."""

    heading: str
    text: str


@dataclass
class Alternatives:
    """Cells of a report whose split was not settled: every candidate that fits equally well.

    Kept on the :class:`Report` (not in packages) so that reports of the same
    body in neighbouring years can settle them; ``candidates[i]`` holds one
    value per key, ``raws[i]`` the printed digits of each.
    """

    table: str
    keys: tuple[tuple[str, str], ...]
    kinds: tuple[str, ...]
    candidates: list[tuple[int | float, ...]]
    raws: list[tuple[str, ...]]


@dataclass
class Report:
    """One annual report in the govinfo standard.

    Cells are keyed by their two codes: ``requests[(row, applicant)]``,
    ``appeals[(proceeding, outcome)]`` and ``disclosure[(item, measure)]``.
    """

    report_id: str
    template: str = "other"
    body_id: str | None = None
    body: str | None = None
    body_en: str | None = None
    division_code: str | None = None
    level: str | None = None
    year: int | None = None
    scope: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source_url: str | None = None
    source_sha256: str | None = None
    index_number: str | None = None
    notes: str | None = None
    sections: dict[int, Section] = field(default_factory=dict)
    requests: dict[tuple[str, str], Cell] = field(default_factory=dict)
    appeals: dict[tuple[str, str], Cell] = field(default_factory=dict)
    disclosure: dict[tuple[str, str], Cell] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    alternatives: list[Alternatives] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise ValueError(f"template must be one of {TEMPLATES}, not {self.template!r}")

    @property
    def warnings(self) -> list[str]:
        """The diagnostics' messages, in the order they were noticed."""
        return [diagnostic.message for diagnostic in self.diagnostics]

    def note(
        self, code: str, message: str, table: str = "", key: tuple[str, str] = ("", "")
    ) -> None:
        """Record a diagnostic about this report."""
        self.diagnostics.append(Diagnostic(code, message, table, *key))

    def account(self) -> str:
        """One line on what the reader could not read, inferred, and noticed.

        ``3 cells unread, 2 split; diagnostics: row_unread, label_detached`` —
        the details are in :attr:`diagnostics`.
        """
        flags = Counter(
            cell.flag
            for table in (self.requests, self.appeals, self.disclosure)
            for cell in table.values()
            if cell.flag
        )
        parts = [f"{count} cells {flag}" for flag, count in flags.most_common()]
        codes = ", ".join(dict.fromkeys(d.code for d in self.diagnostics))
        said = "; ".join(filter(None, [", ".join(parts), f"diagnostics: {codes}" if codes else ""]))
        return said or "every cell read as printed"

    def metadata(self) -> dict[str, object]:
        """The report's row of the ``reports`` resource (its columns come from the standard)."""
        return {name: getattr(self, name) for name in metadata_fields()}


def metadata_fields() -> list[str]:
    """Columns of the ``reports`` resource, read from the standard."""
    return [f["name"] for f in table_schema("reports")["fields"]]
