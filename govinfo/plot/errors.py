"""What the plots raise and warn: bad input is a PlotError, a missing font a warning."""

from __future__ import annotations

from ..errors import GovinfoError


class PlotError(GovinfoError):
    """A figure cannot be drawn from what was asked (unknown report, body, kind or option)."""


class FontFallbackWarning(UserWarning):
    """No installed font has Chinese glyphs, so a Chinese figure was drawn in English."""
