"""Reading a report from a Word .docx file: paragraphs and tables in document order.

python-docx (the extra ``govinfo-cn[docx]``) reads the file; its XML parser
resolves no entities. A cell merged across columns (``gridSpan``) or rows
(``vMerge``) is one cell of the grid, written once (``grid.py``). The zip
is unpacked under limits (counted as it unpacks, never trusted from its
headers) before python-docx sees it, so that a small file cannot unpack into
gigabytes.
"""

from __future__ import annotations

import io
import zipfile

import lxml.etree

from ...errors import ParseError
from .cells import MAX_COLSPAN, MAX_SLOTS, Grid, cell_text, pipe_rows

EXTRA = 'pip install "govinfo-cn[docx]"'
MAX_UNPACKED = 200 * 1024 * 1024
"""Bytes all entries may unpack to (images included)."""
MAX_XML = 10 * 1024 * 1024
"""Bytes one XML part may unpack to: a report's document.xml is well under 1 MB, and the
parsed tree takes some 15 times the text in memory."""
CHUNK = 1024 * 1024


def docx_to_text(data: bytes, name: str) -> str:
    """The text form of the report in a .docx file."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise ParseError(name, f"reading .docx needs the docx extra: {EXTRA}") from None
    unpacked = _unpacked(data, name)
    lines: list[str] = []
    try:
        _write(docx.Document(io.BytesIO(unpacked)), lines)
    except (PackageNotFoundError, KeyError, ValueError, lxml.etree.LxmlError) as exc:
        raise ParseError(name, f"not a readable .docx file ({type(exc).__name__}: {exc})") from None
    return "\n".join(lines) + "\n"


def _unpacked(data: bytes, name: str) -> bytes:
    """The archive unpacked under the limits and packed again without compression.

    Every entry is read in chunks and the bytes that come out are counted: a
    zip's stated sizes can lie, and Python's zipfile inflates a whole entry
    before cutting it to its stated size, so python-docx is never given the
    original archive to inflate.
    """
    out = io.BytesIO()
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w") as stored:
            for info in archive.infolist():
                xml = info.filename.endswith((".xml", ".rels"))
                content = _read_entry(
                    archive, info, min(MAX_XML if xml else MAX_UNPACKED, MAX_UNPACKED - total)
                )
                if content is None:
                    part = xml and total + MAX_XML < MAX_UNPACKED
                    what, limit = (info.filename, MAX_XML) if part else ("it", MAX_UNPACKED)
                    raise ParseError(
                        name, f"{what} unpacks past {limit} bytes; the limit is {limit}"
                    )
                total += len(content)
                stored.writestr(info.filename, content)
    except zipfile.BadZipFile as exc:
        raise ParseError(name, f"not a .docx file (not a readable zip archive: {exc})") from None
    return out.getvalue()


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """One entry's bytes, read in chunks; None as soon as they pass ``limit``."""
    chunks, size = [], 0
    with archive.open(info) as entry:
        while chunk := entry.read(CHUNK):
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def _write(container, lines: list[str]) -> None:
    """Paragraphs as lines and tables as pipe rows, in document order."""
    from docx.table import Table, _Cell

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            lines.extend(line.strip() for line in block.text.splitlines() if line.strip())
            continue
        cells = _cells(block._tbl)
        width = max((sum(span for span, _ in row) for row in cells), default=0)
        if block._tbl.xpath("./w:tr/w:tc//w:tbl") or width < 2:
            for tc in (tc for row in cells for _, tc in row if tc is not None):
                _write(_Cell(tc, block), lines)
        elif sum(span for row in cells for span, _ in row) > MAX_SLOTS:
            raise ValueError(f"a table of more than {MAX_SLOTS} cells is not a report table")
        else:
            lines.extend(pipe_rows(_grid(block, cells)))


def _cells(tbl) -> list[list[tuple[int, object]]]:
    """Each row's grid columns as (span, cell element); ``None`` where a cell above covers them.

    The XML is read directly (``w:gridBefore``, ``w:gridSpan``, ``w:vMerge``):
    python-docx's ``row.cells`` finds the cell above a vertical merge anew for
    every row, which is quadratic in the rows of a table.
    """
    rows = []
    for tr in tbl.tr_lst:
        before = min(tr.grid_before, MAX_COLSPAN)
        row: list[tuple[int, object]] = [(before, None)] if before else []
        for tc in tr.tc_lst:
            span = min(max(tc.grid_span, 1), MAX_COLSPAN)
            row.append((span, None if tc.vMerge == "continue" else tc))
        rows.append(row)
    return rows


def _grid(table, cells: list[list[tuple[int, object]]]) -> Grid:
    """The grid of a table: each cell's text at its first row and column, ``None`` elsewhere."""
    from docx.table import _Cell

    grid: Grid = []
    for row in cells:
        slots: list[str | None] = []
        for span, tc in row:
            text = None if tc is None else cell_text(_Cell(tc, table).text.splitlines())
            slots += [text] + [None] * (span - 1)
        grid.append(slots)
    return grid
