"""Find an installed font with Chinese glyphs; without one, draw in English and say so once."""

from __future__ import annotations

import sys
import warnings
from functools import cache
from pathlib import Path

from matplotlib import font_manager

from ..standard.codes import check_lang


class FontFallbackWarning(UserWarning):
    """No installed font has Chinese glyphs, so a Chinese figure was drawn in English."""


CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Arial Unicode MS",
)


def cjk_font() -> str | None:
    """The first installed family of :data:`CJK_FAMILIES`, or None when none is installed."""
    found = _first_known()
    if found is None and _register_new_system_fonts():
        found = _first_known()
    return found


def _first_known() -> str | None:
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


@cache
def _register_new_system_fonts() -> int:
    """Add fonts installed after matplotlib cached its font list; return how many were added."""
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = 0
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):
                continue
            added += 1
    return added


def _caller_level() -> int:
    """The ``stacklevel`` of the first frame outside govinfo: where the user asked for a figure,
    so that the warning points at their line, not at one of ours."""
    package = Path(__file__).resolve().parents[1]
    level, frame = 2, sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename).resolve()
        if package not in path.parents and path.name != "contextlib.py":
            return level
        frame, level = frame.f_back, level + 1
    return level


def resolve(lang: str) -> tuple[str, str | None]:
    """The language a figure is drawn in and the font family it needs (None: the default).

    ``zh`` needs a CJK font; without one the figure is drawn in English and one
    :class:`FontFallbackWarning` says so, rather than showing boxes for characters.
    """
    if check_lang(lang) == "en":
        return "en", None
    family = cjk_font()
    if family is None:
        warnings.warn(
            "no installed font has Chinese glyphs (looked for "
            f"{', '.join(CJK_FAMILIES[:6])}, …); drawing the figure in English. "
            "Install one, e.g. Debian/Ubuntu: apt-get install fonts-noto-cjk",
            FontFallbackWarning,
            stacklevel=_caller_level(),
        )
        return "en", None
    return "zh", family
