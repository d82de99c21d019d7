"""Figure of reconciliation findings: a heatmap of reports against rules."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from ..errors import PlotError
from ..package import Dataset
from . import data, style
from .words import report_labels, source, text

STATUSES = ("fail", "not_assessable", "pass")
REQUIRED = ("report_id", "rule", "status")


def findings(
    findings: pd.DataFrame,
    dataset: Dataset | None = None,
    *,
    report_ids: Sequence[str] | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
) -> Axes:
    """Reports against rules, coloured by the worst status of their findings.

    ``findings`` is the table of ``govinfo.reconcile`` (one row per finding with
    ``report_id``, ``rule`` and ``status``: pass, fail or not_assessable). A cell
    fails when any of its findings fails and is then labelled failed/all; a
    report and rule without findings stays empty. With ``dataset`` the reports
    are named by body and year.
    """
    frame = _checked(findings)
    if report_ids:
        unknown = sorted(set(report_ids) - set(frame["report_id"]))
        if unknown:
            raise PlotError(f"no findings for report {', '.join(map(repr, unknown))}")
        frame = frame[frame["report_id"].isin(list(report_ids))]
    ids = list(dict.fromkeys(frame["report_id"]))
    reports = None
    if dataset is not None:
        reports = data.select(dataset, [r for r in dataset.report_ids if r in ids] or ids)
        ids = list(reports.index) + [r for r in ids if r not in reports.index]
    rules = list(dict.fromkeys(frame["rule"]))
    counts = frame.groupby(["report_id", "rule"])["status"].value_counts().unstack(fill_value=0)
    size = (max(6.0, 4.0 + 0.95 * len(rules)), style.figure_size(len(ids))[1])
    with style.canvas(ax, lang, size) as (ax, lang):
        for (report_id, rule), row in counts.iterrows():
            worst = next(s for s in STATUSES if row.get(s, 0))
            x, y = rules.index(rule), ids.index(report_id)
            cell = Rectangle(
                (x - 0.5, y - 0.5),
                1,
                1,
                facecolor=style.colour("status", worst),
                edgecolor="white",
                linewidth=2,
                gid=f"{report_id}|{rule}",
            )
            ax.add_patch(cell)
            if worst == "fail":
                ax.text(
                    x,
                    y,
                    f"{row['fail']}/{int(row.sum())}",
                    ha="center",
                    va="center",
                    color=style.text_colour(style.colour("status", "fail")),
                    fontweight="bold",
                )
        names = report_labels(reports, lang) if reports is not None else {}
        turn = {"rotation": 30, "ha": "right", "rotation_mode": "anchor"} if len(rules) > 6 else {}
        ax.set_xticks(range(len(rules)), rules, **turn)
        ax.set_yticks(range(len(ids)), [names.get(r, r) for r in ids])
        ax.set_xlim(-0.5, len(rules) - 0.5)
        ax.set_ylim(len(ids) - 0.5, -0.5)
        for spine in ax.spines.values():
            spine.set_visible(False)
        style.title(ax, text("findings", lang))
        present = [s for s in STATUSES if s in counts.columns and counts[s].any()]
        handles = [Patch(color=style.colour("status", s)) for s in present]
        style.legend(ax, handles, [text(f"status.{s}", lang) for s in present])
        lines = source(reports, lang) if reports is not None else [f"{text('source', lang)}govinfo"]
        style.source_line(ax, lines)
    return ax


def _checked(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings table, when it has the columns and statuses a heatmap needs."""
    missing = [c for c in REQUIRED if c not in findings.columns]
    if missing:
        raise PlotError(f"the findings table has no column {', '.join(missing)}")
    if findings.empty:
        raise PlotError("the findings table is empty")
    frame = findings.assign(
        report_id=findings["report_id"].astype(str),
        rule=findings["rule"].astype(str),
        status=findings["status"].astype(str),
    )
    unknown = sorted(set(frame["status"]) - set(STATUSES))
    if unknown:
        raise PlotError(
            f"unknown finding status {', '.join(unknown)} (expected {', '.join(STATUSES)})"
        )
    return frame
