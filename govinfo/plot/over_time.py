"""Figures across reports: one body over the years, and several bodies side by side."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from ..errors import PlotError
from ..package import Dataset
from ..standard import codes
from . import bars, data, style
from .bars import Segment
from .words import body_name, code_label, report_labels, source, text

MEASURES = ("requests", "disclosure_rate", "appeals")
COMPARED = {
    **{group: f"{group}_share" for group in data.OUTCOME_GROUPS},
    "review": "review_per_100",
    "litigation": "litigation_per_100",
}
"""What ``compare`` draws: a table-3 outcome group or table-4 proceeding, and its measure."""
Years = dict[str, int]


def trend(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    measure: str = "requests",
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """One body's series over the years.

    ``measure`` is ``requests`` (new requests received beside requests handled),
    ``disclosure_rate`` (requests disclosed in full and in part, as shares of
    the printed total handled) or ``appeals`` (reviews and lawsuits by kind).
    A year whose report has no standard table is shown as not reported.
    """
    if measure not in MEASURES:
        raise PlotError(f"unknown measure {measure!r} (measures: {', '.join(MEASURES)})")
    reports = data.one_body(data.select(dataset, report_ids, body))
    reports = reports[reports["year"].notna()]
    if reports.empty:
        raise PlotError("none of the selected reports has a year")
    ids = list(reports.index)
    years = {r: int(reports.loc[r, "year"]) for r in ids}
    draw = {"requests": _requests, "disclosure_rate": _disclosure, "appeals": _appeals}[measure]
    with style.canvas(ax, lang, (max(6.5, 3.5 + 0.9 * len(ids)), 4.6)) as (ax, lang):
        drawn, blank = draw(ax, dataset, years, lang)
        ax.set_xticks(list(years.values()), [str(y) for y in years.values()])
        ax.set_xlim(min(years.values()) - 0.6, max(years.values()) + 0.6)
        ax.margins(y=0.15)
        style.grid(ax, "y")
        style.title(ax, f"{text(f'trend.{measure}', lang)} — {body_name(reports.iloc[0], lang)}")
        notes = [text("note.not_reported", lang)] if blank else []
        style.source_line(ax, source(reports, lang, notes))
        bars.legend(ax, drawn)
    return ax


def _requests(ax: Axes, dataset: Dataset, years: Years, lang: str) -> tuple[list[Segment], bool]:
    """New requests beside requests handled, per year."""
    rows = codes.rows()
    column = data.table3_column(dataset, list(years), "total")
    drawn, blank = [], False
    for i, (key, shift) in enumerate((("new_received", -0.2), ("total_processed", 0.2))):
        segment = Segment(key, code_label(rows, key, lang), style.colour("rows", key))
        values = {r: {key: column[r][key]} if key in column[r] else {} for r in years}
        positions = {r: year + shift for r, year in years.items()}
        parts, missing = bars.stacked(
            ax,
            positions,
            [segment],
            values,
            lang=lang,
            horizontal=False,
            width=0.38,
            edge_labels=True,
            mark_empty=i == 0,
        )
        drawn += parts
        blank = blank or missing
    ax.set_ylabel(text("requests", lang))
    return drawn, blank


def _disclosure(ax: Axes, dataset: Dataset, years: Years, lang: str) -> tuple[list[Segment], bool]:
    """Shares disclosed in full and in part of the printed total handled, per year.

    The shares are the standard's measures ``granted_share`` and
    ``partially_granted_share`` (``measures.csv``); their sum is ``disclosure_rate``.
    """
    rows = codes.rows()
    keys = ("granted", "partially_granted")
    shares = data.measure_values(dataset, list(years), [f"{k}_share" for k in keys])
    values: dict[str, dict[str, data.Value]] = {}
    for r in years:
        percent = {k: shares[r].get(f"{k}_share") for k in keys if f"{k}_share" in shares[r]}
        values[r] = {k: None if v is None else v / 100 for k, v in percent.items()}
    segments = [Segment(k, code_label(rows, k, lang), style.colour("rows", k)) for k in keys]
    positions = {r: float(year) for r, year in years.items()}
    drawn, blank = bars.stacked(
        ax, positions, segments, values, lang=lang, horizontal=False, percent=True
    )
    bars.sums(ax, positions, values, horizontal=False, percent=True)
    ax.set_ylabel(text("share_handled", lang))
    return drawn, blank


def _appeals(ax: Axes, dataset: Dataset, years: Years, lang: str) -> tuple[list[Segment], bool]:
    """Reviews and lawsuits (table 4 totals) by kind of proceeding, per year."""
    proceedings = codes.proceedings()
    kinds = proceedings.cell_codes()
    cells = data.table4(dataset, list(years))
    values = {
        r: {p: cells[r][p, "total"] for p in kinds if (p, "total") in cells[r]} for r in years
    }
    segments = [
        Segment(
            p,
            code_label(proceedings, p, lang),
            style.colour("proceedings", p),
            code_label(proceedings, proceedings[p].parent, lang) if proceedings[p].parent else None,
        )
        for p in kinds
    ]
    positions = {r: float(year) for r, year in years.items()}
    drawn, blank = bars.stacked(ax, positions, segments, values, lang=lang, horizontal=False)
    bars.sums(ax, positions, values, horizontal=False)
    ax.set_ylabel(text("cases", lang))
    return drawn, blank


def compare(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """Several bodies side by side, per 100 requests handled.

    For each body (its latest report unless ``report_ids`` choose), the outcome
    groups of table 3 and the reviews and lawsuits of table 4, divided by the
    printed total of requests handled: the standard's measures (``COMPARED``),
    a group only where all its cells are reported.
    """
    reports = data.select(dataset, report_ids, body)
    reports, dropped = data.latest_per_body(reports)
    ids = list(reports.index)
    rows, proceedings = codes.rows(), codes.proceedings()
    metrics = list(COMPARED)
    measured = data.measure_values(dataset, ids, list(COMPARED.values()))
    rates = {r: {m: measured[r].get(COMPARED[m]) for m in metrics} for r in ids}
    size = style.figure_size(len(metrics) + len(ids))
    with style.canvas(ax, lang, size) as (ax, lang):
        names = report_labels(reports, lang)
        step = 0.8 / len(ids)
        handles, labels, blank = [], [], False
        for j, r in enumerate(ids):
            fill = style.SERIES[j % len(style.SERIES)]
            ys = {m: i + (j - (len(ids) - 1) / 2) * step for i, m in enumerate(metrics)}
            shown = [m for m in metrics if rates[r].get(m) is not None]
            ax.hlines([ys[m] for m in shown], 0, [rates[r][m] for m in shown], color=fill, lw=1.5)
            dots = ax.scatter(
                [rates[r][m] for m in shown], [ys[m] for m in shown], color=fill, s=28, zorder=3
            )
            dots.set_gid(r)
            for m in shown:
                ax.annotate(
                    f"{rates[r][m]:.1f}",
                    xy=(rates[r][m], ys[m]),
                    xytext=(5, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=style.SMALL_SIZE,
                    color=style.MUTED,
                )
            for m in metrics:
                if m not in shown:
                    blank = True
                    ax.annotate(
                        text("not_reported", lang),
                        xy=(0, ys[m]),
                        xytext=(4, 0),
                        textcoords="offset points",
                        va="center",
                        fontsize=style.SMALL_SIZE,
                        fontstyle="italic",
                        color=fill,
                        gid=f"not_reported|{r}|{m}",
                    )
            handles.append(dots)
            labels.append(names[r])
        metric_labels = [
            code_label(rows, m, lang) if m in rows else code_label(proceedings, m, lang)
            for m in metrics
        ]
        ax.set_yticks(range(len(metrics)), metric_labels)
        ax.set_ylim(len(metrics) - 0.5, -0.5)
        ax.set_xlim(left=0)
        ax.margins(x=0.12)
        ax.set_xlabel(text("per_100", lang))
        style.grid(ax, "x")
        style.title(ax, text("compare", lang))
        notes = [text("note.grouped", lang)]
        if dropped:
            notes.append(text("note.latest", lang))
        if blank:
            notes.append(text("note.not_reported", lang))
        style.source_line(ax, source(reports, lang, notes))
        style.legend(ax, handles, labels)
    return ax
