"""Reading a report from a PDF with a text layer: its lines and ruled tables, page by page.

PDFium (``pypdfium2``, the extra ``govinfo-cn[pdf]``: Chrome's PDF engine,
binary wheels, no further dependencies) gives each glyph with its box and the
rectangles drawn on the page; ``ruling.py`` rebuilds the tables from their
rules. pdfplumber finds the same tables, but on pdfminer.six, which interprets
page content in pure Python, several times slower (``benchmarks/README.md``).
Rules drawn inside form XObjects are not looked at.

Page numbers printed as footers (``- 4 -``) are dropped; a table continued on
the next page follows on directly, its repeated header rows left out.
"""

from __future__ import annotations

from ...errors import ParseError
from ..text.normalize import squeeze
from .cells import PAGE_NUMBER as _PAGE_NUMBER
from .cells import Grid, pipe_rows
from .ruling import Box, Glyph, Table, TooManyRules, find_tables, text_lines
from .unruled import unruled_text

EXTRA = 'pip install "govinfo-cn[pdf]"'


def pdf_to_text(data: bytes, name: str) -> str:
    """The text form of the report in a PDF; :class:`NoTextLayer` when it has none.

    A PDF with text but no ruled table anywhere has its tables rebuilt from the
    text positions (``unruled.py``).
    """
    pdfium = _pdfium(name)
    try:
        document = pdfium.PdfDocument(data)
        try:
            pages = [_page_items(document[i]) for i in range(len(document))]
            if any(pages) and not any(isinstance(i, list) for page in pages for i in page):
                pages_of = [document[i] for i in range(len(document))]
                return unruled_text([(p.get_height(), page_glyphs(p)) for p in pages_of])
        finally:
            document.close()
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ParseError(name, "the PDF is password-protected (encrypted)") from None
        raise ParseError(name, f"not a readable PDF ({exc})") from None
    except TooManyRules as exc:
        raise ParseError(name, f"not read as a report's tables: {exc}") from None
    if not any(pages):
        raise NoTextLayer(name, "the PDF has no text layer (a scanned document?)")
    return "\n".join(_lines(pages)) + "\n"


class NoTextLayer(ParseError):
    """A PDF with no text to read: its pages are images, for OCR (``ocr.py``)."""


def _pdfium(name: str):
    try:
        import pypdfium2
    except ImportError:
        raise ParseError(name, f"reading PDF needs the pdf extra: {EXTRA}") from None
    return pypdfium2


def page_glyphs(page) -> list[Glyph]:
    """The printed characters of a page with their boxes (``y`` downwards), spaces as spaces."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    glyphs = []
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
        if char.isspace():
            char = " "
        elif not char.isprintable():
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        glyphs.append(Glyph(char, Box(left, -top, right, -bottom)))
    return glyphs


def _page_items(page) -> list[str | Grid]:
    """One page as lines of text and table grids, top to bottom, without page numbers."""
    import pypdfium2.raw as pdfium_c

    glyphs = page_glyphs(page)
    rects = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        rects.append(Box(left, -top, right, -bottom))
    tables, outside = find_tables(rects, glyphs)
    placed: list[tuple[float, str | Grid]] = [
        (box.y0, squeeze(text)) for box, text in text_lines(outside) if text.strip()
    ]
    placed += [(table.box.y0, table.grid) for table in tables if _has_text(table)]
    items = [item for _, item in sorted(placed, key=lambda p: p[0])]
    for end in (-1, 0):
        if items and isinstance(items[end], str) and _PAGE_NUMBER.match(items[end].strip()):
            items.pop(end)
    return items


def _has_text(table: Table) -> bool:
    return any(slot for row in table.grid for slot in row)


def _lines(pages: list[list[str | Grid]]) -> list[str]:
    """The pages as one text: a table continued on the next page follows on directly."""
    lines: list[str] = []
    running: Grid | None = None  # the first part of the table the last page ended with
    for items in pages:
        for index, item in enumerate(items):
            if isinstance(item, str):
                lines.append(item)
                running = None
            elif index == 0 and running is not None:
                lines.extend(pipe_rows(_without_repeated_header(running, item)))
            else:
                lines.extend(pipe_rows(item))
                running = item
    return lines


def _without_repeated_header(previous: Grid, grid: Grid) -> Grid:
    """A continued table without the header rows it repeats from the page before."""
    size = 0
    while size < min(len(previous), len(grid)) - 1 and previous[size] == grid[size]:
        size += 1
    return grid[size:]
