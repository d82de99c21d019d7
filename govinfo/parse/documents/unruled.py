"""PDFs whose tables have no ruling lines: the tables rebuilt from where the glyphs stand.

Some reports are printed with borderless tables, or from tools that draw no
cell borders. The ruled reader finds no table in them; instead of reading
their cells as crawler text, the glyphs are run into words and handed to
``positions.py``, the same reader of positioned text that OCR uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from .positions import document_lines, words_from_glyphs
from .ruling import Glyph


def unruled_text(pages: Sequence[tuple[float, list[Glyph]]]) -> str:
    """The text form of a PDF's pages, each given as (height, glyphs), with no ruled table."""
    positioned = [(height, words_from_glyphs(glyphs)) for height, glyphs in pages]
    return "\n".join(document_lines(positioned)) + "\n"
