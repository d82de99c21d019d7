"""Figures of table 3: how requests were handled, the balance of requests, who asked."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from ..errors import PlotError
from ..package import Dataset
from ..standard import codes
from . import bars, data, style
from .bars import Segment
from .words import code_label, report_labels, source, text


def outcomes(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    applicant: str = "total",
    compact: bool = False,
    normalize: bool = False,
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """How requests were handled: one stacked bar per report, by outcome of table 3.

    Each report is drawn with the rows its template prints (the 2019 ``other``
    row, or the three 2021 ``other.*`` rows). ``compact`` sums withheld,
    unavailable, not processed and other to their group; ``normalize`` draws
    shares of each report's reported outcomes. The number at a bar's end is
    the printed total handled (三(七)总计), at the black tick; a bar whose
    segments add up to another number says so beside it, in red.
    """
    reports = data.select(dataset, report_ids, body)
    ids = list(reports.index)
    column = data.table3_column(dataset, ids, applicant)
    _require_table3(column)
    rows = codes.rows()
    values = {r: data.grouped(column[r], rows, data.OUTCOME_GROUPS, compact) for r in ids}
    keys = data.ordered(rows, set().union(*values.values()))
    keys = [k for k in keys if any(values[r].get(k, 0) != 0 for r in ids)]
    with style.canvas(ax, lang, style.figure_size(len(ids))) as (ax, lang):
        segments = _family_segments(rows, keys, lang)
        positions = {r: float(i) for i, r in enumerate(ids)}
        drawn, blank = bars.stacked(ax, positions, segments, values, lang=lang, normalize=normalize)
        extra = []
        if not normalize:
            totals = {r: column[r].get("total_processed") for r in ids}
            _printed_totals(ax, positions, values, totals, lang)
            extra.append(
                _total_marker(ax, positions, totals, code_label(rows, "total_processed", lang))
            )
        _bar_axes(ax, positions, report_labels(reports, lang), "x")
        ax.set_xlabel(text("share" if normalize else "requests", lang))
        style.title(ax, _with_column(text("outcomes", lang), applicant, lang))
        notes = [text("note.not_reported", lang)] if blank else []
        if compact:
            notes.append(text("note.grouped", lang))
        style.source_line(ax, source(reports, lang, notes))
        bars.legend(ax, drawn, [e for e in extra if e])
    return ax


def flow(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    applicant: str = "total",
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """The balance of table 3 per report: carried over + new beside handled + carried forward.

    Two stacked bars per report that are equally high when the report balances;
    where both are fully reported and differ, the difference is written above.
    """
    reports = data.select(dataset, report_ids, body)
    ids = list(reports.index)
    column = data.table3_column(dataset, ids, applicant)
    _require_table3(column)
    rows = codes.rows()
    size = (max(6.5, 3.8 + 0.9 * len(ids)), 4.8)
    with style.canvas(ax, lang, size) as (ax, lang):
        drawn, blank = [], False
        sides = {}
        for side, (keys, shift) in zip(
            ("in", "out"), zip(data.BALANCE, (-0.21, 0.21), strict=True), strict=True
        ):
            group = text(f"flow.{side}", lang)
            segments = [
                Segment(k, code_label(rows, k, lang), style.colour("rows", k), group) for k in keys
            ]
            values = {r: {k: column[r][k] for k in keys if k in column[r]} for r in ids}
            positions = {r: i + shift for i, r in enumerate(ids)}
            parts, missing = bars.stacked(
                ax,
                positions,
                segments,
                values,
                lang=lang,
                horizontal=False,
                width=0.4,
                mark_empty=side == "in",
            )
            bars.sums(ax, positions, values, horizontal=False)
            drawn += parts
            blank = blank or missing
            sides[side] = values
        _differences(ax, ids, sides, lang)
        ax.set_xticks(range(len(ids)), list(report_labels(reports, lang).values()))
        ax.set_xlim(-0.6, len(ids) - 0.4)
        ax.set_ylabel(text("requests", lang))
        ax.margins(y=0.15)
        style.grid(ax, "y")
        style.title(ax, _with_column(text("flow", lang), applicant, lang))
        notes = [text("note.not_reported", lang)] if blank else []
        style.source_line(ax, source(reports, lang, notes))
        bars.legend(ax, drawn)
    return ax


def applicants(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    row: str = "new_received",
    compact: bool = False,
    normalize: bool = False,
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """Who asked: natural persons and the five kinds of organisations, one bar per report.

    Drawn for the new requests of the year unless another ``row`` is given;
    ``compact`` sums the organisations; the black tick is the printed total.
    """
    reports = data.select(dataset, report_ids, body)
    ids = list(reports.index)
    cells = data.table3_row(dataset, ids, row)
    _require_table3(cells)
    kinds = codes.applicants()
    values = {r: data.grouped(cells[r], kinds, data.APPLICANT_GROUPS, compact) for r in ids}
    keys = data.ordered(kinds, set().union(*values.values()))
    with style.canvas(ax, lang, style.figure_size(len(ids))) as (ax, lang):
        segments = [
            Segment(
                k,
                code_label(kinds, k, lang),
                style.colour("applicants", k),
                code_label(kinds, kinds[k].parent, lang) if kinds[k].parent else None,
            )
            for k in keys
        ]
        positions = {r: float(i) for i, r in enumerate(ids)}
        drawn, blank = bars.stacked(ax, positions, segments, values, lang=lang, normalize=normalize)
        extra = []
        if not normalize:
            bars.sums(ax, positions, values)
            totals = {r: cells[r].get("total") for r in ids}
            extra.append(_total_marker(ax, positions, totals, code_label(kinds, "total", lang)))
        _bar_axes(ax, positions, report_labels(reports, lang), "x")
        ax.set_xlabel(text("share" if normalize else "requests", lang))
        heading = text("applicants", lang)
        if row != "new_received":
            heading = f"{heading} — {code_label(codes.rows(), row, lang)}"
        style.title(ax, heading)
        notes = [text("note.not_reported", lang)] if blank else []
        if compact:
            notes.append(text("note.grouped", lang))
        style.source_line(ax, source(reports, lang, notes))
        bars.legend(ax, drawn, [e for e in extra if e])
    return ax


def _require_table3(cells: dict[str, dict]) -> None:
    if not any(cells.values()):
        raise PlotError(
            "none of the selected reports has table 3 (表三，收到和处理政府信息公开申请情况) "
            "in a standard template"
        )


def _family_segments(rows: codes.CodeList, keys: list[str], lang: str) -> list[Segment]:
    """Segments for outcome rows: a group's children share its colour in lighter shades."""
    segments = []
    for key in keys:
        parent = rows[key].parent
        if parent is None:
            segments.append(Segment(key, code_label(rows, key, lang), style.colour("rows", key)))
            continue
        family = [k for k in keys if rows[k].parent == parent]
        fill = style.shade(style.colour("rows", parent), family.index(key), len(family))
        segments.append(
            Segment(key, code_label(rows, key, lang), fill, code_label(rows, parent, lang))
        )
    return segments


def _total_marker(
    ax: Axes, positions: dict[str, float], totals: dict[str, data.Value], label: str
) -> tuple[object, str] | None:
    """A black tick at each printed total; the legend entry, or None when none is printed."""
    shown = [r for r in positions if totals[r] is not None]
    if not shown:
        return None
    marker = ax.scatter(
        [totals[r] for r in shown], [positions[r] for r in shown], zorder=3, **style.TOTAL_MARKER
    )
    marker.set_gid("total")
    return marker, label


def _printed_totals(
    ax: Axes,
    positions: dict[str, float],
    values: dict[str, dict[str, data.Value]],
    totals: dict[str, data.Value],
    lang: str,
) -> None:
    """Write the printed total at each bar's end; mark a bar whose segments add up otherwise.

    A report without a printed total gets the sum of its segments, as before,
    when every segment is reported.
    """
    for row, at in positions.items():
        parts = [v for v in values[row].values() if v is not None]
        whole = bool(values[row]) and len(parts) == len(values[row])
        total, added = totals[row], sum(parts)
        if total is None:
            if whole:
                bars.sums(ax, {row: at}, {row: values[row]})
            continue
        disagrees = whole and added != total
        colour = style.OKABE_ITO["vermillion"] if disagrees else style.OKABE_ITO["black"]
        label = f"{total}"
        if disagrees:
            label += f"  ({text('parts_sum', lang)} {added:g})"
        ax.annotate(
            label,
            xy=(max(total, added), at),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=style.FONT_SIZE,
            fontweight="bold",
            color=colour,
            gid=f"{'disagrees' if disagrees else 'total'}|{row}",
            annotation_clip=False,
        )


def _bar_axes(ax: Axes, positions: dict[str, float], labels: dict[str, str], grid: str) -> None:
    ax.set_yticks(list(positions.values()), [labels[r] for r in positions])
    ax.set_ylim(len(positions) - 0.5, -0.5)
    style.grid(ax, grid)


def _with_column(heading: str, applicant: str, lang: str) -> str:
    if applicant == "total":
        return heading
    return f"{heading} — {code_label(codes.applicants(), applicant, lang)}"


def _differences(ax: Axes, ids: list[str], sides: dict[str, dict], lang: str) -> None:
    """Write the difference above a report whose two sides are reported and differ."""
    for i, r in enumerate(ids):
        totals = []
        for side in ("in", "out"):
            parts = list(sides[side][r].values())
            totals.append(None if not parts or None in parts else sum(parts))
        if None in totals or totals[0] == totals[1]:
            continue
        ax.annotate(
            f"{text('difference', lang)} {totals[0] - totals[1]:+d}",
            xy=(i, max(totals)),
            xytext=(0, 16),
            textcoords="offset points",
            ha="center",
            color=style.OKABE_ITO["vermillion"],
            fontweight="bold",
            gid=f"difference|{r}",
        )
