"""Reports read from PDFs: ruled tables, merged and vertical labels, page breaks, clear errors."""

from __future__ import annotations

import ctypes
import io
import sys

import pytest

import govinfo
from govinfo.parse.documents.pdf import _lines, _without_repeated_header, pdf_to_text
from govinfo.parse.documents.ruling import Box, Glyph, find_tables, text_lines

pdfium = pytest.importorskip("pypdfium2", reason='needs the pdf extra: pip install ".[pdf]"')
pdfium_c = pytest.importorskip("pypdfium2.raw")


def glyphs(text: str, x: float, y: float, size: float = 10, down: bool = False) -> list[Glyph]:
    """Characters of ``text`` from (x, y), left to right or one per line downwards."""
    out = []
    for i, char in enumerate(text):
        left, top = (x, y + i * size * 1.2) if down else (x + i * size, y)
        out.append(Glyph(char, Box(left, top, left + size * 0.9, top + size)))
    return out


def ruled(xs: list[float], ys: list[float], missing: set[tuple] = frozenset()) -> list[Box]:
    """Thin rectangles ruling a grid; ``missing`` leaves out ('v', x, row) or ('h', y, col)."""
    rules = []
    for j, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if ("v", j, r) not in missing:
                rules.append(Box(x - 0.4, ys[r], x + 0.4, ys[r + 1]))
    for i, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if ("h", i, c) not in missing:
                rules.append(Box(xs[c], y - 0.4, xs[c + 1], y + 0.4))
    return rules


def test_a_vertical_row_group_label_is_one_merged_cell_and_breaks_no_row():
    xs, ys = [0, 30, 130, 170], [0, 20, 40, 60]
    rules = ruled(xs, ys, missing={("h", 1, 0), ("h", 2, 0)})
    chars = glyphs("三、本年度", 10, 2, size=8, down=True)
    chars += glyphs("（一）予以公开", 32, 5) + glyphs("15", 135, 5)
    chars += glyphs("（二）部分公开", 32, 25) + glyphs("", 135, 25)
    chars += glyphs("（七）总计", 32, 45) + glyphs("15", 135, 45)
    tables, outside = find_tables(rules, chars + glyphs("正文", 0, 100))
    assert [g.text for g in outside] == ["正", "文"]
    assert tables[0].grid == [
        ["三、本年度", "（一）予以公开", "15"],
        [None, "（二）部分公开", ""],
        [None, "（七）总计", "15"],
    ]


def test_a_header_merged_across_columns_is_one_cell():
    xs, ys = [0, 50, 100, 150], [0, 20, 40]
    rules = ruled(xs, ys, missing={("v", 2, 0)})
    chars = glyphs("法人或其他组织", 55, 5, size=6)
    chars += glyphs("商业", 55, 25) + glyphs("科研", 105, 25)
    tables, _ = find_tables(rules, chars)
    assert tables[0].grid == [["", "法人或其他组织", None], ["", "商业", "科研"]]


def test_a_box_around_a_paragraph_or_a_lone_rule_is_not_a_table():
    box = [Box(0, 0, 300, 100)]
    underline = [Box(0, 120, 300, 120.5)]
    chars = glyphs("本报告由", 10, 10)
    tables, outside = find_tables(box + underline, chars)
    assert tables == []
    assert outside == chars


def test_glyphs_make_lines_top_to_bottom_with_spaces_at_wide_gaps():
    chars = glyphs("二行", 0, 30) + glyphs("一行", 0, 0) + glyphs("7", 60, 1)
    assert [text for _, text in text_lines(chars)] == ["一行 7", "二行"]


def test_a_table_continued_on_the_next_page_follows_without_its_repeated_header():
    header = ["申请人情况", None]
    first = [header, ["一、本年新收", "3"]]
    second = [header, ["四、结转下年度继续办理", "0"]]
    pages = [["三、收到和处理政府信息公开申请情况", first], [second, "四、政府信息公开行政复议"]]
    assert _lines(pages) == [
        "三、收到和处理政府信息公开申请情况",
        "| 申请人情况 |",
        "| 一、本年新收 | 3 |",
        "| 四、结转下年度继续办理 | 0 |",
        "四、政府信息公开行政复议",
    ]


def test_a_table_that_is_all_header_is_kept():
    grid = [["申请人情况"]]
    assert _without_repeated_header(grid, grid) == grid


def _pdf(*pages: list[tuple]) -> bytes:
    """A PDF drawn with PDFium: ('text', s, x, y) and ('rule', x, y, w, h) in PDF points."""
    document = pdfium.PdfDocument.new()
    for objects in pages:
        page = document.new_page(595, 842)
        for kind, *args in objects:
            if kind == "text":
                text, x, y = args
                obj = pdfium_c.FPDFPageObj_NewTextObj(document, b"Helvetica", ctypes.c_float(10))
                buffer = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
                pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
                pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            else:
                obj = pdfium_c.FPDFPageObj_CreateNewRect(*args)
                pdfium_c.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 255)
                pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_ALTERNATE, False)
            pdfium_c.FPDFPage_InsertObject(page, obj)
        pdfium_c.FPDFPage_GenerateContent(page)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(top: float, rows: list[tuple[str, str]]) -> list[tuple]:
    objects = []
    for i, (label, value) in enumerate(rows):
        y = top - 20 * (i + 1)
        objects += [("text", label, 80, y + 6), ("text", value, 230, y + 6)]
        objects.append(("rule", 72, y, 300, 0.8))
    bottom = top - 20 * len(rows)
    objects += [("rule", 72, top, 300, 0.8)]
    objects += [("rule", x, bottom, 0.8, top - bottom) for x in (72, 222, 372)]
    return objects


def test_a_pdf_reads_its_lines_and_tables_across_pages_without_page_numbers():
    first = [("text", "Report 2022", 72, 780), ("text", "- 1 -", 280, 40)]
    first += _table(700, [("Head", "Count"), ("Row A", "12")])
    second = [*_table(800, [("Head", "Count"), ("Row B", "")]), ("text", "- 2 -", 280, 40)]
    data = _pdf(first, second)
    assert pdf_to_text(data, "r.pdf") == (
        "Report 2022\n| Head | Count |\n| Row A | 12 |\n| Row B |  |\n"
    )


def test_a_pdf_without_a_text_layer_is_a_clear_error(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf([("rule", 72, 72, 400, 600)]))
    with pytest.raises(govinfo.ParseError, match=r"scan\.pdf: .*no text layer.*OCR"):
        govinfo.parse(path)


def test_a_file_that_is_not_a_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    with pytest.raises(govinfo.ParseError, match=r"broken\.pdf: not a readable PDF"):
        govinfo.parse(path)


def test_without_the_pdf_extra_the_error_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(govinfo.ParseError, match=r'pip install "govinfo-cn\[pdf\]"'):
        pdf_to_text(b"%PDF-1.7", "r.pdf")
