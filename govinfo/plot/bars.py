"""Stacked bars with value labels; a blank cell is marked as not reported, never drawn as 0."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

from . import style
from .data import Value
from .words import text
from .wrapping import wrap


@dataclass(frozen=True)
class Segment:
    """One kind of bar part: its code, legend label, colour and legend heading (if grouped)."""

    key: str
    label: str
    colour: object
    group: str | None = None


def stacked(
    ax: Axes,
    positions: Mapping[str, float],
    segments: Sequence[Segment],
    values: Mapping[str, Mapping[str, Value]],
    *,
    lang: str,
    horizontal: bool = True,
    width: float = style.BAR,
    normalize: bool = False,
    percent: bool = False,
    edge_labels: bool = False,
    mark_empty: bool = True,
) -> tuple[list[Segment], bool]:
    """Draw one stacked bar per position; return the segments drawn and whether any was blank.

    ``values[row]`` maps a segment key to its value: None is a blank cell (no
    bar, a "not reported" note at the bar's end), an absent key a cell the
    report does not have; a row without any cells is marked as not reported
    unless ``mark_empty`` is false. ``normalize`` draws each bar as shares of
    its reported parts. Every bar part gets the gid ``"<row>|<key>"``.
    """
    denominators = {row: sum(v for v in values[row].values() if v is not None) for row in positions}
    scale = {row: (denominators[row] if normalize else 1) for row in positions}
    span = 1 if normalize else max([denominators[r] for r in positions] + [1])
    base = dict.fromkeys(positions, 0.0)
    drawn = []
    draw = ax.barh if horizontal else ax.bar
    for segment in segments:
        rows = [r for r in positions if values[r].get(segment.key) is not None and scale[r]]
        if not rows:
            continue
        sizes = [values[r][segment.key] / scale[r] for r in rows]
        offsets = {"left" if horizontal else "bottom": [base[r] for r in rows]}
        container = draw(
            [positions[r] for r in rows], sizes, width, color=segment.colour, **offsets
        )
        container.set_label(segment.label)
        for row, patch in zip(rows, container.patches, strict=True):
            patch.set_gid(f"{row}|{segment.key}")
            sticky = patch.sticky_edges.x if horizontal else patch.sticky_edges.y
            sticky[:] = [0]
        shown = [
            _format(size, normalize or percent)
            if (edge_labels or size >= style.MIN_LABELLED * span)
            else ""
            for size in sizes
        ]
        ax.bar_label(
            container,
            labels=shown,
            label_type="edge" if edge_labels else "center",
            color=style.MUTED if edge_labels else style.text_colour(segment.colour),
            fontsize=style.SMALL_SIZE,
            padding=2 if edge_labels else 0,
        )
        for row, size in zip(rows, sizes, strict=True):
            base[row] += size
        drawn.append(segment)
    blank, named = _mark_not_reported(
        ax, positions, segments, values, base, lang, horizontal, mark_empty
    )
    if named:
        ax.set_xlim(0, max([*base.values(), span]) * style.NOTE_ROOM)
    axis = ax.xaxis if horizontal else ax.yaxis
    if normalize or percent:
        axis.set_major_formatter(PercentFormatter(1, decimals=0))
    else:
        axis.set_major_locator(MaxNLocator(integer=True))
    return drawn, blank


def _format(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.0%}"
    return f"{value:g}" if isinstance(value, float) and not value.is_integer() else f"{int(value)}"


def _mark_not_reported(
    ax: Axes,
    positions: Mapping[str, float],
    segments: Sequence[Segment],
    values: Mapping[str, Mapping[str, Value]],
    ends: Mapping[str, float],
    lang: str,
    horizontal: bool,
    mark_empty: bool,
) -> tuple[bool, bool]:
    """Write "not reported" after each bar with blank parts, naming them on horizontal bars;
    return whether any bar had blanks and whether any note names them."""
    marker = text("not_reported", lang)
    labels = {s.key: s.label for s in segments}
    any_blank = any_named = False
    for row, at in positions.items():
        blank = [labels.get(k, k) for k, v in values[row].items() if v is None]
        if (values[row] and not blank) or (not values[row] and not mark_empty):
            continue
        any_blank = True
        named = ("、" if lang == "zh" else ", ").join(blank[:2])
        more = f" +{len(blank) - 2}" if len(blank) > 2 else ""
        colon = "：" if lang == "zh" else ": "
        note = f"{marker}{colon}{named}{more}" if blank and horizontal else marker
        any_named = any_named or note != marker
        xy = (ends[row], at) if horizontal else (at, ends[row])
        offset = (4, 0) if horizontal else (0, 3)
        ax.annotate(
            note.replace("\n", " "),
            xy=xy,
            xytext=offset,
            textcoords="offset points",
            ha="left" if horizontal else "center",
            va="center" if horizontal else "bottom",
            rotation=0 if horizontal else 90,
            fontsize=style.SMALL_SIZE,
            fontstyle="italic",
            color=style.MUTED,
            gid=f"not_reported|{row}",
            annotation_clip=False,
        )
    return any_blank, any_named


def legend(ax: Axes, drawn: Sequence[Segment], extra: Sequence[tuple[object, str]] = ()) -> None:
    """The legend of ``drawn`` segments, then ``extra`` (handle, label) entries.

    Segments of a group are listed under its bold heading; a segment standing
    alone among groups (the 2019 ``other`` row) is bold itself, and heads the
    group of the same name when one follows.
    """
    handles: list[object] = []
    labels: list[str] = []
    bold = set()
    group = None
    for segment in drawn:
        if segment.group and segment.group != group:
            if labels[-1:] == [segment.group]:
                bold.add(len(labels) - 1)
            else:
                bold.add(len(labels))
                handles.append(Patch(visible=False))
                labels.append(segment.group)
        elif segment.group is None and group is not None:
            bold.add(len(labels))
        group = segment.group
        handles.append(Patch(color=segment.colour))
        labels.append(segment.label)
    for handle, label in extra:
        handles.append(handle)
        labels.append(label)
    style.legend(ax, handles, [wrap(label, style.LEGEND_WRAP) for label in labels], bold)


def sums(
    ax: Axes,
    positions: Mapping[str, float],
    values: Mapping[str, Mapping[str, Value]],
    *,
    horizontal: bool = True,
    percent: bool = False,
) -> None:
    """Write each bar's total at its end, where every part is reported."""
    for row, at in positions.items():
        parts = list(values[row].values())
        if not parts or any(v is None for v in parts):
            continue
        total = sum(parts)
        ax.annotate(
            _format(total, percent),
            xy=(total, at) if horizontal else (at, total),
            xytext=(7, 0) if horizontal else (0, 3),
            textcoords="offset points",
            ha="left" if horizontal else "center",
            va="center" if horizontal else "bottom",
            fontsize=style.FONT_SIZE,
            fontweight="bold",
            gid=f"sum|{row}",
        )
