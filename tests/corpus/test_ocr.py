"""The corpus PDF as a scan, and its table 3 as an image in a web page, read by OCR (issue #16).

The images are made here from the corpus PDF (rendered by PDFium at
150 dpi, grayscale); nothing generated is committed. Each document is read
once per session: the recogniser is the slow part (about 3 s a page).
"""

from __future__ import annotations

import base64
import html
import io

import pytest

import govinfo
from tests.conftest import CORPUS, expected_for
from tests.expectations import TABLES, expected_cells

pytest.importorskip("rapidocr", reason='needs the ocr extra: pip install ".[ocr]"')
pdfium = pytest.importorskip("pypdfium2", reason='needs the pdf extra: pip install ".[pdf]"')

STEM = "jiangsu_huaian-gov_2024"
PDF = CORPUS / "pdf" / f"{STEM}.pdf"
DPI = 150


def rendered_pages() -> list:
    """The corpus PDF's pages as grayscale images."""
    document = pdfium.PdfDocument(PDF)
    try:
        return [
            document[i].render(scale=DPI / 72).to_pil().convert("L") for i in range(len(document))
        ]
    finally:
        document.close()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> govinfo.Report:
    """The corpus PDF rasterised to an image-only PDF, and read."""
    pages = rendered_pages()
    path = tmp_path_factory.mktemp("scan") / f"{STEM}.pdf"
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI)
    return govinfo.parse(path)


def outcome(report: govinfo.Report, tables=TABLES) -> tuple[int, int, list[str]]:
    """Cells right, cells compared, and the wrong cells that carry no flag of doubt."""
    expected = expected_for(STEM)
    right = total = 0
    unflagged = []
    for table in tables:
        cells = getattr(report, table)
        for key, value in expected_cells(expected, table).items():
            total += 1
            cell = cells.get(key)
            if cell is not None and cell.value == value:
                right += 1
            elif cell is None or cell.flag not in ("doubtful", "unread"):
                unflagged.append(f"{table}{key}: {cell}")
    return right, total, unflagged


def test_a_scanned_report_reads_98_percent_of_cells_and_flags_every_wrong_one(scanned):
    right, total, unflagged = outcome(scanned)
    assert right / total >= 0.98
    assert unflagged == []


def test_every_value_of_a_scanned_report_is_flagged_ocr_with_the_recognised_text(scanned):
    cells = [cell for table in TABLES for cell in getattr(scanned, table).values()]
    assert {cell.flag for cell in cells} <= {"ocr", "doubtful", "repaired", "unread"}
    assert sum(cell.flag == "ocr" for cell in cells) > 0.9 * len(cells)
    assert scanned.requests[("new_received", "total")].raw == "3119"
    assert any(d.code == "ocr" for d in scanned.diagnostics)


def test_a_scanned_report_keeps_its_metadata_and_sections(scanned):
    expected = expected_for(STEM)
    assert (scanned.year, scanned.template, scanned.body) == (2024, "2021", expected["body"])
    assert sorted(scanned.sections) == [1, 2, 3, 4, 5, 6]
    assert "3940" in scanned.sections[6].text


def table3_image(pages: list) -> bytes:
    """Table 3 cropped from the rendered pages (it runs over two of them) as one PNG."""
    from PIL import Image

    document = pdfium.PdfDocument(PDF)
    try:
        start = _heading(document, "三、收到和处理")
        end = _heading(document, "四、政府信息公开行政复议")
    finally:
        document.close()
    scale = DPI / 72
    parts = []
    for index in range(start[0], end[0] + 1):
        top = start[1] + 20 if index == start[0] else 60
        bottom = end[1] - 4 if index == end[0] else 780
        page = pages[index]
        parts.append(page.crop((0, int(top * scale), page.width, int(bottom * scale))))
    image = Image.new("L", (parts[0].width, sum(p.height for p in parts)), 255)
    y = 0
    for part in parts:
        image.paste(part, (0, y))
        y += part.height
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _heading(document, text: str) -> tuple[int, float]:
    """The page and the top (points from the page's top) of the line holding ``text``."""
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        found = textpage.get_text_range().find(text)
        if found >= 0:
            _, _, _, top = textpage.get_charbox(found)
            return index, page.get_height() - top
    raise AssertionError(f"{text} not in the corpus PDF")


def page_with_image(source: str) -> str:
    """The report as a web page, its tables as HTML tables except table 3, an <img>."""
    from govinfo.parse.documents import document_text
    from govinfo.parse.source import open_source

    body, rows, section = [], [], 0
    for line in [*document_text(open_source(PDF)).splitlines(), ""]:
        if line.startswith("|"):
            rows.append(line.strip("|").split("|"))
            continue
        if rows:
            if section == 3:
                body.append(f'<p><img src="{html.escape(source)}" alt="表3"></p>')
            else:
                cells = ("".join(f"<td>{html.escape(c.strip())}</td>" for c in r) for r in rows)
                body.append("<table>" + "".join(f"<tr>{r}</tr>" for r in cells) + "</table>")
            rows = []
        section = {"三、收到": 3, "四、政府": 4}.get(line[:4], section)
        if line:
            body.append(f"<p>{html.escape(line)}</p>")
    return "<html><body><div class='TRS_Editor'>" + "".join(body) + "</div></body></html>"


@pytest.fixture(scope="module")
def table3_png() -> bytes:
    return table3_image(rendered_pages())


@pytest.fixture(scope="module")
def image_report(tmp_path_factory, table3_png) -> govinfo.Report:
    """The web page whose table 3 is a PNG file in a folder beside it, read."""
    folder = tmp_path_factory.mktemp("page")
    (folder / "images").mkdir()
    (folder / "images" / "table3.png").write_bytes(table3_png)
    page = folder / f"{STEM}.html"
    page.write_text(page_with_image("images/table3.png"), encoding="utf-8")
    return govinfo.parse(page)


def test_a_web_page_whose_table_3_is_an_image_file_reads_it_by_ocr(image_report):
    right, total, unflagged = outcome(image_report, ("requests",))
    assert right / total >= 0.98
    assert unflagged == []
    assert {c.flag for c in image_report.requests.values()} <= {"ocr", "doubtful", "repaired"}
    right, total, _ = outcome(image_report, ("appeals", "disclosure"))
    assert right == total
    assert [c for c in image_report.appeals.values() if c.flag] == []


def test_a_table_image_as_a_data_uri_reads_the_same(image_report, table3_png, tmp_path):
    page = tmp_path / "page.html"
    uri = "data:image/png;base64," + base64.b64encode(table3_png).decode()
    page.write_text(page_with_image(uri), encoding="utf-8")
    assert govinfo.parse(page).requests == image_report.requests


def test_an_image_outside_the_folder_of_the_page_is_not_read(tmp_path, table3_png):
    (tmp_path / "table3.png").write_bytes(table3_png)
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "page.html"
    page.write_text(page_with_image("../table3.png"), encoding="utf-8")
    report = govinfo.parse(page)
    assert {c.flag for c in report.requests.values()} == {"unread"}
    assert "image_unread" in [d.code for d in report.diagnostics]
