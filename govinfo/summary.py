"""Key figures of one report, as numbers and as a short paragraph."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .dataset import Dataset


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of a report's tables 3 and 4 (None where not reported)."""

    body: str | None
    year: int | None
    new_received: int | None
    carried_over: int | None
    total_processed: int | None
    granted: int | None
    partially_granted: int | None
    carried_forward: int | None
    reviews: int | None
    lawsuits: int | None

    @property
    def share_granted(self) -> float | None:
        """Share of handled requests disclosed in full."""
        if self.granted is None or not self.total_processed:
            return None
        return self.granted / self.total_processed


def key_figures(dataset: Dataset, report_id: str) -> KeyFigures:
    """Headline numbers of one report, from the ``total`` column of table 3 and table 4."""
    meta = dataset.reports.set_index("report_id").loc[report_id]
    requests = dataset.requests
    totals = requests[(requests["report_id"] == report_id) & (requests["applicant"] == "total")]
    by_row = dict(zip(totals["row"].astype(str), totals["value"], strict=True))
    appeals = dataset.appeals
    appeal_totals = appeals[(appeals["report_id"] == report_id) & (appeals["outcome"] == "total")]
    by_proceeding = dict(
        zip(appeal_totals["proceeding"].astype(str), appeal_totals["value"], strict=True)
    )
    lawsuits = [by_proceeding.get(p) for p in ("litigation_direct", "litigation_after_review")]
    return KeyFigures(
        body=None if pd.isna(meta["body"]) else str(meta["body"]),
        year=_int_or_none(meta["year"]),
        new_received=_int_or_none(by_row.get("new_received")),
        carried_over=_int_or_none(by_row.get("carried_over")),
        total_processed=_int_or_none(by_row.get("total_processed")),
        granted=_int_or_none(by_row.get("granted")),
        partially_granted=_int_or_none(by_row.get("partially_granted")),
        carried_forward=_int_or_none(by_row.get("carried_forward")),
        reviews=_int_or_none(by_proceeding.get("review")),
        lawsuits=None if any(v is None or pd.isna(v) for v in lawsuits) else int(sum(lawsuits)),
    )


def _int_or_none(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def summary_text(figures: KeyFigures) -> str:
    """One paragraph a reader can check against the report."""

    def n(value: int | None) -> str:
        return "not reported" if value is None else str(value)

    share = figures.share_granted
    share_text = "n/a" if share is None else f"{share:.0%}"
    return (
        f"{figures.body or 'The body'} ({figures.year or 'year unknown'}): "
        f"{n(figures.new_received)} new requests received and {n(figures.carried_over)} "
        f"carried over from the previous year; {n(figures.total_processed)} handled, of which "
        f"{n(figures.granted)} disclosed in full ({share_text}) and "
        f"{n(figures.partially_granted)} in part; {n(figures.carried_forward)} carried forward. "
        f"Appeals: {n(figures.reviews)} administrative reviews and {n(figures.lawsuits)} lawsuits."
    )
