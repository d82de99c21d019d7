"""``govinfo demo``: the example report, end to end, and the key figures it prints."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .examples import EXAMPLE, example_path
from .package import Dataset, load, write_package
from .parse import parse
from .plot import outcomes, save
from .plot.data import count_or_none
from .standard import codes

WIDTH = 100
COLUMN = 13  # widest an applicant column gets, in display columns (a header wraps)
NUMBER = 6  # narrowest
BLANK = "-"
_NOTE = re.compile(r"\s*（[^（）]*）$")  # a trailing note: （区分处理的，只计这一情形…）


def run_demo(output: Path, lang: str = "zh") -> str:
    """Parse the example, write it as a package in ``output``, and describe what was read."""
    report = parse(example_path())
    target = write_package([report], output, name="govinfo-demo")
    dataset = load(target)
    figure = save(outcomes(dataset, lang=lang), Path(output) / "outcomes.png")
    shown = table3_text(dataset, report.report_id, lang)
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


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a CJK (wide or full-width) character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int, right: bool = False) -> str:
    """``text`` padded (or cut, with …) to ``width`` display columns."""
    if display_width(text) > width:
        while display_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - display_width(text))
    return pad + text if right else text + pad


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display columns (words kept, CJK split anywhere)."""
    if display_width(text) == len(text):
        return textwrap.wrap(text, width) or [""]
    lines, line = [], ""
    for char in text:
        if display_width(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def table3_text(dataset: Dataset, report_id: str, lang: str = "zh", width: int = WIDTH) -> str:
    """Table 3 of a report as aligned text, at most ``width`` columns wide in a terminal.

    Aligned by display width (a CJK character takes two columns); the
    organisations' heading spans its five columns, headers wrap, sub-rows are
    indented, labels too long are cut with …, and a blank cell shows as ``-``
    (never 0).
    """
    table = dataset.table3(report_id, lang=lang)
    rows = codes.rows()
    by_label = {row.label(lang): row for row in rows}
    heads = [sub or top for top, sub in table.columns]
    widths = [max(NUMBER, min(_longest_word(head), COLUMN)) for head in heads]
    cells = [_wrapped(head, w) for head, w in zip(heads, widths, strict=True)]
    label_width = width - sum(w + 1 for w in widths)
    lines = [_group_line(table.columns, widths, label_width)]
    for level in range(max(len(lines) for lines in cells)):
        parts = [
            _fit(c[level] if level < len(c) else "", w, right=True)
            for c, w in zip(cells, widths, strict=True)
        ]
        lines.append(" " * label_width + " " + " ".join(parts))
    for label, values in table.iterrows():
        row = by_label.get(label)
        shown = [BLANK if pd.isna(v) else str(v) for v in values]
        if row is not None and rows.children(row.code) and all(pd.isna(v) for v in values):
            shown = [""] * len(values)  # a group heading carries no cells of its own
        indent = "  " if row is not None and row.parent else ""
        parts = [_fit(v, w, right=True) for v, w in zip(shown, widths, strict=True)]
        lines.append(_fit(indent + _NOTE.sub("", label), label_width) + " " + " ".join(parts))
    note = "- = 报告中该栏为空，不是0" if lang == "zh" else "- = blank in the report, not 0"
    return "\n".join(line.rstrip() for line in [*lines, note])


def _longest_word(text: str) -> int:
    if display_width(text) != len(text):  # CJK: wraps anywhere
        return display_width(text)
    return max(len(word) for word in text.split())


def _group_line(columns: pd.MultiIndex, widths: list[int], label_width: int) -> str:
    """The line above the headers: each group's label centred over the columns it spans."""
    line, i = " " * label_width, 0
    while i < len(columns):
        top, sub = columns[i]
        span = 1
        while sub and i + span < len(columns) and columns[i + span][0] == top:
            span += 1
        room = sum(w + 1 for w in widths[i : i + span]) - 1
        text = _fit(top, room).rstrip() if sub else ""
        pad = room - display_width(text)
        line += " " + " " * (pad // 2) + text + " " * (pad - pad // 2)
        i += span
    return line


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
