"""``govinfo demo``: the example report, end to end, and the key figures it prints."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from .package import Dataset, load, write_package
from .parse import parse
from .plot import outcomes, save
from .plot.data import count_or_none

EXAMPLE = "hunan_lengshuitan-gov_2022.txt"


def example_path() -> Path:
    """The example report shipped inside the package (永州市冷水滩区, 2022)."""
    return Path(str(resources.files("govinfo") / "data" / EXAMPLE))


def run_demo(output: Path, lang: str = "zh") -> str:
    """Parse the example, write it as a package in ``output``, and describe what was read."""
    report = parse(example_path())
    target = write_package([report], output, name="govinfo-demo")
    dataset = load(target)
    figure = save(outcomes(dataset, lang=lang), Path(output) / "outcomes.png")
    table = dataset.table3(report.report_id, lang=lang)
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        shown = table.to_string()
    return "\n\n".join(
        [
            f"Parsed {EXAMPLE}: {report.title} ({report.template} template)",
            f"Data package written to {target}",
            "Table 3 — requests received and how they were handled:",
            shown,
            summary_text(key_figures(dataset, report.report_id)),
            f"Figure of how the requests were handled written to {figure}",
        ]
    )


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
        year=count_or_none(meta["year"]),
        new_received=count_or_none(by_row.get("new_received")),
        carried_over=count_or_none(by_row.get("carried_over")),
        total_processed=count_or_none(by_row.get("total_processed")),
        granted=count_or_none(by_row.get("granted")),
        partially_granted=count_or_none(by_row.get("partially_granted")),
        carried_forward=count_or_none(by_row.get("carried_forward")),
        reviews=count_or_none(by_proceeding.get("review")),
        lawsuits=None if any(v is None or pd.isna(v) for v in lawsuits) else int(sum(lawsuits)),
    )


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
