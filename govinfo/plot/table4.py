"""Figure of table 4: how administrative reviews and lawsuits ended."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from ..package import Dataset
from ..standard import codes
from . import bars, data, style
from .bars import Segment
from .words import code_label, report_labels, source, text
from .wrapping import wrap

GAP = 0.7


def appeals(
    dataset: Dataset,
    report_ids: Sequence[str] | None = None,
    *,
    body: str | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """Outcomes of review and litigation: one stacked bar per report and proceeding.

    Parts are upheld, corrected, other and pending; the black tick is the
    printed total, so a row whose outcomes do not add up shows it.
    """
    reports = data.select(dataset, report_ids, body)
    ids = list(reports.index)
    cells = data.table4(dataset, ids)
    proceedings, outcomes = codes.proceedings(), codes.outcomes()
    kinds = proceedings.cell_codes()
    rows = [(r, p) for r in ids for p in kinds]
    with style.canvas(ax, lang, style.figure_size(len(rows))) as (ax, lang):
        names = report_labels(reports, lang)
        keys = {(r, p): f"{r}/{p}" for r, p in rows}
        positions = {
            keys[r, p]: i * (len(kinds) + GAP) + j
            for i, r in enumerate(ids)
            for j, p in enumerate(kinds)
        }
        values = {
            keys[r, p]: {o: cells[r][p, o] for o in data.APPEAL_OUTCOMES if (p, o) in cells[r]}
            for r, p in rows
        }
        segments = [
            Segment(o, code_label(outcomes, o, lang), style.colour("outcomes", o))
            for o in data.APPEAL_OUTCOMES
        ]
        drawn, blank = bars.stacked(ax, positions, segments, values, lang=lang)
        bars.sums(ax, positions, values)
        totals = {keys[r, p]: cells[r].get((p, "total")) for r, p in rows}
        shown = [k for k in positions if totals[k] is not None]
        extra = []
        if shown:
            marker = ax.scatter(
                [totals[k] for k in shown],
                [positions[k] for k in shown],
                zorder=3,
                **style.TOTAL_MARKER,
            )
            marker.set_gid("total")
            extra.append((marker, code_label(outcomes, "total", lang)))
        labels = [
            code_label(proceedings, p, lang)
            if len(ids) == 1
            else wrap(f"{names[r]} · {code_label(proceedings, p, lang)}", style.LABEL_WRAP + 10)
            for r, p in rows
        ]
        ax.set_yticks(list(positions.values()), labels)
        ax.set_ylim(max(positions.values()) + 0.5, -0.5)
        ax.set_xlabel(text("cases", lang))
        if all(totals[k] in (None, 0) for k in positions):
            ax.set_xlim(0, 1)
        style.grid(ax, "x")
        style.title(ax, text("appeals", lang))
        notes = [text("note.not_reported", lang)] if blank else []
        style.source_line(ax, source(reports, lang, notes))
        bars.legend(ax, drawn, extra)
    return ax
