"""Figures of the reports, in Chinese or English: ``from govinfo import plot``.

Every function takes a loaded :class:`govinfo.Dataset` (``findings`` takes the
table of ``govinfo.reconcile``), draws on ``ax`` or a new figure, and returns
the Axes; none calls ``show()``. ``lang="zh"`` needs an installed CJK font and
falls back to English with a :class:`FontFallbackWarning` without one. Blank
cells are marked "not reported", never drawn as 0.
"""

from __future__ import annotations

import inspect
from typing import Any

from matplotlib.axes import Axes

from ..errors import PlotError
from ..package import Dataset
from .fonts import FontFallbackWarning, cjk_font
from .heatmap import findings
from .over_time import MEASURES, compare, trend
from .style import save
from .table3 import applicants, flow, outcomes
from .table4 import appeals

KINDS = {
    "outcomes": outcomes,
    "flow": flow,
    "applicants": applicants,
    "trend": trend,
    "appeals": appeals,
    "compare": compare,
}


def draw(kind: str, dataset: Dataset, **options: Any) -> Axes:
    """Draw the figure ``kind`` (a key of :data:`KINDS`) with the options it accepts."""
    figure = KINDS.get(kind)
    if figure is None:
        raise PlotError(f"unknown kind of figure {kind!r} (kinds: {', '.join(KINDS)})")
    accepted = inspect.signature(figure).parameters
    wrong = [name for name in options if name not in accepted]
    if wrong:
        raise PlotError(f"the {kind} figure takes no {', '.join(wrong)} option")
    return figure(dataset, **options)


__all__ = [
    "KINDS",
    "MEASURES",
    "FontFallbackWarning",
    "PlotError",
    "appeals",
    "applicants",
    "cjk_font",
    "compare",
    "draw",
    "findings",
    "flow",
    "outcomes",
    "save",
    "trend",
]
