"""The numbers a figure draws, taken from a loaded Dataset: blanks stay None, never 0."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import PlotError
from ..package import Dataset
from ..standard import codes

OUTCOME_GROUPS = (
    "granted",
    "partially_granted",
    "withheld",
    "unavailable",
    "not_processed",
    "other",
)
BALANCE = (("carried_over", "new_received"), ("total_processed", "carried_forward"))
APPLICANT_GROUPS = ("natural_person", "legal_person")
APPEAL_OUTCOMES = ("upheld", "corrected", "other", "pending")

Value = int | float | None


def select(
    dataset: Dataset, report_ids: Sequence[str] | None = None, body: str | None = None
) -> pd.DataFrame:
    """The reports to draw (metadata indexed by report id), in the order asked or the package's.

    ``body`` keeps the reports of one publishing body (its Chinese or English name).
    """
    reports = dataset.reports.set_index("report_id", drop=False)
    reports.index = reports.index.astype(str)
    if report_ids:
        unknown = [r for r in report_ids if r not in reports.index]
        if unknown:
            raise PlotError(
                f"no report {', '.join(map(repr, unknown))} in this package "
                f"(reports: {_listing(reports.index)})"
            )
        reports = reports.loc[list(dict.fromkeys(report_ids))]
    if body is not None:
        names = reports["body"].astype("string")
        if "body_en" in reports:
            mask = (names == body) | (reports["body_en"].astype("string") == body)
        else:
            mask = names == body
        if not mask.fillna(False).any():
            raise PlotError(
                f"no report of body {body!r} here (bodies: {_listing(reports['body'].dropna())})"
            )
        reports = reports[mask.fillna(False).to_numpy()]
    if reports.empty:
        raise PlotError("the package has no reports to draw")
    return reports


def _listing(values: object) -> str:
    names = list(dict.fromkeys(str(v) for v in values))
    return ", ".join(names[:10]) + (", …" if len(names) > 10 else "")


def one_body(reports: pd.DataFrame) -> pd.DataFrame:
    """``reports`` when they are all of one body, else a PlotError asking to choose one."""
    bodies = reports["body"].dropna().unique()
    if len(bodies) > 1:
        raise PlotError(
            f"choose one body: body=… in Python, --body on the command line "
            f"(bodies: {_listing(bodies)})"
        )
    years = reports["year"].dropna()
    if years.duplicated().any():
        raise PlotError(
            f"several reports for year {int(years[years.duplicated()].iloc[0])}; "
            "choose them with report_ids=… in Python, --report on the command line"
        )
    return reports.sort_values("year")


def latest_per_body(reports: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The latest report of each body, and whether any earlier one was left out."""
    latest = reports.sort_values("year").groupby("body", sort=False, dropna=False).tail(1)
    latest = reports.loc[[r for r in reports.index if r in latest.index]]
    return latest, len(latest) < len(reports)


def _cells(frame: pd.DataFrame, report_ids: Sequence[str], column: str, code: str) -> pd.DataFrame:
    frame = frame[frame["report_id"].isin(list(report_ids))]
    return frame[frame[column].astype(str) == code]


def count_or_none(value: object) -> Value:
    """A count cell as a plain int, a blank (or missing) one as None."""
    return None if value is None or pd.isna(value) else int(value)


def table3_column(
    dataset: Dataset, report_ids: Sequence[str], applicant: str = "total"
) -> dict[str, dict[str, Value]]:
    """Per report, the cells of one applicant column of table 3: {row: value}; a row the
    report does not print is absent, a blank cell is None."""
    columns = codes.applicants().cell_codes()
    if applicant not in columns:
        raise PlotError(
            f"no applicant column {applicant!r} in table 3 (表三) (columns: {_listing(columns)})"
        )
    return _by_report(
        _cells(dataset.requests, report_ids, "applicant", applicant), "row", report_ids
    )


def table3_row(
    dataset: Dataset, report_ids: Sequence[str], row: str
) -> dict[str, dict[str, Value]]:
    """Per report, the cells of one row of table 3: {applicant: value}."""
    if row not in codes.rows().cell_codes():
        raise PlotError(f"no row {row!r} in table 3 (表三)")
    return _by_report(_cells(dataset.requests, report_ids, "row", row), "applicant", report_ids)


def _by_report(
    cells: pd.DataFrame, column: str, report_ids: Sequence[str]
) -> dict[str, dict[str, Value]]:
    """{report: {code of ``column``: value}} from one row or column of table 3."""
    out: dict[str, dict[str, Value]] = {r: {} for r in report_ids}
    for report_id, code, value in zip(
        cells["report_id"], cells[column].astype(str), cells["value"], strict=True
    ):
        out[report_id][code] = count_or_none(value)
    return out


def table4(dataset: Dataset, report_ids: Sequence[str]) -> dict[str, dict[tuple[str, str], Value]]:
    """Per report, the cells of table 4: {(proceeding, outcome): value}."""
    frame = dataset.appeals[dataset.appeals["report_id"].isin(list(report_ids))]
    out: dict[str, dict[tuple[str, str], Value]] = {r: {} for r in report_ids}
    for report_id, proceeding, outcome, value in zip(
        frame["report_id"],
        frame["proceeding"].astype(str),
        frame["outcome"].astype(str),
        frame["value"],
        strict=True,
    ):
        out[report_id][(proceeding, outcome)] = count_or_none(value)
    return out


def measure_values(
    dataset: Dataset, report_ids: Sequence[str], measures: Sequence[str]
) -> dict[str, dict[str, float | None]]:
    """Per report, the standard's ``measures`` as plain floats (None: not reported).

    Read with ``blanks="strict"``, so a sum with a blank cell is not reported
    rather than a guess; a report without a standard table (or a zero
    denominator) has no values at all, and is drawn as not reported.
    """
    from ..reconcile import measures as compute

    table = compute(dataset, blanks="strict", ids=list(measures))
    table = table[table["report_id"].isin(list(report_ids))]
    out: dict[str, dict[str, float | None]] = {r: {} for r in report_ids}
    for report_id, measure, value, reason in zip(
        table["report_id"].astype(str),
        table["measure"].astype(str),
        table["value"],
        table["reason"],
        strict=True,
    ):
        if pd.notna(value):
            out[report_id][measure] = float(value)
        elif "blank" in reason:
            out[report_id][measure] = None
    return out


def grouped(
    cells: dict[str, Value], codelist: codes.CodeList, groups: Sequence[str], compact: bool
) -> dict[str, Value]:
    """The categories of ``groups`` a report prints, template-aware.

    A group the report prints as one cell (the 2019 ``other`` row, or a 2021
    report printing it as one row) is used as it is. Otherwise its children
    printed by the report are the categories, or, when ``compact``, the group
    is their sum — None (not reported) unless every child is reported.
    Categories the report does not print are absent.
    """
    out: dict[str, Value] = {}
    for group in groups:
        if group in cells:
            out[group] = cells[group]
            continue
        children = [c for c in codelist.children(group) if c in cells]
        if not children:
            continue
        if not compact:
            out.update({c: cells[c] for c in children})
        elif any(cells[c] is None for c in children):
            out[group] = None
        else:
            out[group] = sum(cells[c] for c in children)
    return out


def ordered(codelist: codes.CodeList, categories: set[str]) -> list[str]:
    """``categories`` in code-list order."""
    return [c.code for c in codelist if c.code in categories]
