"""Helpers for the plot tests: small packages, and reading back what a figure drew."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.text import Text

import govinfo
from govinfo import Cell, Report

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def package(tmp_path: Path, reports: list[Report]) -> govinfo.Dataset:
    """``reports`` written as a package under ``tmp_path`` and loaded back."""
    return govinfo.load(govinfo.write_package(reports, tmp_path / "package"))


def report(
    report_id: str,
    totals: dict[str, int | None],
    *,
    template: str = "2021",
    body: str = "测试机关",
    year: int = 2022,
    column: str = "total",
) -> Report:
    """A report with the table-3 cells ``totals`` in one applicant column (None = blank)."""
    made = Report(report_id=report_id, template=template, body=body, year=year)
    for row, value in totals.items():
        made.requests[(row, column)] = Cell(value, "" if value is None else str(value))
    return made


def parts(ax: Axes) -> dict[str, object]:
    """The bar parts and cells drawn, by their gid ("<row>|<code>")."""
    return {p.get_gid(): p for p in ax.patches if p.get_gid()}


def texts(ax: Axes) -> list[str]:
    """Every non-empty text of the figure of ``ax`` (after drawing it)."""
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.figure.findobj(Text) if t.get_text()]


def annotation(ax: Axes, gid: str) -> str | None:
    """The text of the annotation with ``gid``, or None when there is none."""
    for child in ax.texts:
        if child.get_gid() == gid:
            return child.get_text()
    return None


def legend_labels(ax: Axes) -> list[str]:
    """The legend's entries, with wrapped labels joined again."""
    return [t.get_text().replace("\n", "") for t in ax.get_legend().get_texts()]


def render_strictly(ax: Axes) -> None:
    """Render the figure to PNG, failing on any warning (a missing glyph warns)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.savefig(io.BytesIO(), format="png")


def missing_glyphs(ax: Axes) -> list[str]:
    """Characters of the figure's texts that the font each text resolves to does not have."""
    ax.figure.canvas.draw()
    missing = []
    for text in ax.figure.findobj(Text):
        if not text.get_text():
            continue
        font = font_manager.get_font(font_manager.findfont(text.get_fontproperties()))
        missing += [ch for ch in text.get_text() if ch.strip() and not font.get_char_index(ord(ch))]
    return missing
