"""The house style of every figure: palette, sizes, fonts, and the canvas they are drawn on.

All style constants live here. Colours are the Okabe–Ito palette, which stays
distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb

from ..errors import PlotError
from . import fonts
from .wrapping import wrap

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#999999"
MUTED = "#555555"
GRID = "#DDDDDD"

COLOURS = {
    "rows": {
        "granted": OKABE_ITO["bluish_green"],
        "partially_granted": OKABE_ITO["sky_blue"],
        "withheld": OKABE_ITO["vermillion"],
        "unavailable": OKABE_ITO["orange"],
        "not_processed": OKABE_ITO["reddish_purple"],
        "other": GREY,
        "carried_over": OKABE_ITO["sky_blue"],
        "new_received": OKABE_ITO["blue"],
        "total_processed": OKABE_ITO["bluish_green"],
        "carried_forward": OKABE_ITO["orange"],
    },
    "applicants": {
        "natural_person": OKABE_ITO["blue"],
        "legal_person": OKABE_ITO["orange"],
        "commercial": OKABE_ITO["orange"],
        "research": OKABE_ITO["bluish_green"],
        "social_welfare": OKABE_ITO["reddish_purple"],
        "legal_service": OKABE_ITO["sky_blue"],
        "other_org": GREY,
    },
    "outcomes": {
        "upheld": OKABE_ITO["bluish_green"],
        "corrected": OKABE_ITO["vermillion"],
        "other": GREY,
        "pending": OKABE_ITO["yellow"],
    },
    "proceedings": {
        "review": OKABE_ITO["blue"],
        "litigation_direct": OKABE_ITO["orange"],
        "litigation_after_review": OKABE_ITO["vermillion"],
    },
    "status": {
        "pass": OKABE_ITO["bluish_green"],
        "fail": OKABE_ITO["vermillion"],
        "not_assessable": OKABE_ITO["yellow"],
    },
}
SERIES = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["black"],
)
TOTAL_MARKER = {"marker": "|", "s": 260, "linewidths": 2.2, "color": OKABE_ITO["black"]}

FONT_SIZE = 9
TITLE_SIZE = 12
SMALL_SIZE = 7.5
WIDTH = 9.5
ROW_HEIGHT = 0.42
BAR = 0.62
DPI = 150
LABEL_WRAP = 22
LEGEND_WRAP = 34
MIN_LABELLED = 0.045
NOTE_ROOM = 1.4


def colour(codelist: str, code: str) -> str:
    """The colour of a code; a leaf without its own colour takes its parent's."""
    return COLOURS[codelist].get(code) or COLOURS[codelist].get(code.split(".")[0], GREY)


def shade(hex_colour: str, step: int, steps: int) -> tuple[float, float, float]:
    """``hex_colour`` lightened towards white, step ``step`` of ``steps`` (0 is the colour)."""
    mix = 0.55 * step / max(steps - 1, 1)
    return tuple(c + (1 - c) * mix for c in to_rgb(hex_colour))


def text_colour(fill: object) -> str:
    """Black or white, whichever reads better on ``fill``."""
    r, g, b = to_rgb(fill)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


@contextmanager
def canvas(ax: Axes | None, lang: str, size: tuple[float, float]) -> Iterator[tuple[Axes, str]]:
    """The axes to draw on (a new figure unless given) and the language actually drawn in.

    Text made inside the block uses the house font sizes and, for Chinese, the
    CJK font found by :mod:`.fonts`; tick labels keep it when drawn later.
    """
    lang, family = fonts.resolve(lang)
    rc = {"font.size": FONT_SIZE, "axes.titlesize": TITLE_SIZE, "legend.fontsize": FONT_SIZE}
    if family:
        rc["font.family"] = [family]
    with mpl.rc_context(rc):
        if ax is None:
            _, ax = plt.subplots(figsize=size, layout="constrained")
        yield ax, lang
        ticks = {"labelsize": FONT_SIZE, "length": 0}
        if family:
            ticks["labelfontfamily"] = family
        ax.tick_params(axis="both", **ticks)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)


def figure_size(rows: int, width: float = WIDTH) -> tuple[float, float]:
    """A figure size that gives each of ``rows`` bars room for its label."""
    return (width, 2.4 + ROW_HEIGHT * max(rows, 2))


def title(ax: Axes, text: str) -> None:
    """The figure's title, left-aligned above the axes, wrapped to the figure's width."""
    columns = int(ax.figure.get_figwidth() * 72 / (TITLE_SIZE * 0.6) * 0.8)
    ax.set_title(wrap(text, columns), loc="left", fontweight="bold", pad=10)


def source_line(ax: Axes, lines: Sequence[str]) -> None:
    """Small grey lines under the axes naming the source, then notes; wrapped to the figure."""
    columns = int(ax.figure.get_figwidth() * 72 / (SMALL_SIZE * 0.52) * 0.85)
    ax.annotate(
        "\n".join(wrap(line, columns) for line in lines),
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=SMALL_SIZE,
        color=MUTED,
        annotation_clip=False,
    )


def legend(ax: Axes, handles: list, labels: list[str], headers: Collection[int] = ()) -> None:
    """A legend outside the axes on the right; entries at ``headers`` are bold group headings."""
    if not handles:
        return
    box = ax.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
        borderaxespad=0,
    )
    for index, text in enumerate(box.get_texts()):
        if index in headers:
            text.set_fontweight("bold")


def grid(ax: Axes, axis: str) -> None:
    """Light grid lines along ``axis`` ("x" or "y"), behind the data."""
    ax.grid(axis=axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def save(ax: Axes, path: str | Path, dpi: int = DPI) -> Path:
    """Write the figure of ``ax`` to ``path`` (format from the suffix) and close it."""
    target = Path(path)
    figure = ax.figure
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        figure.savefig(target, dpi=dpi)
    except ValueError as exc:
        raise PlotError(f"{target}: {exc}") from None
    finally:
        plt.close(figure)
    return target
