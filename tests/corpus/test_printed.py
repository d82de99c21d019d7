"""The corpus HTML reports printed to PDF by a browser, and the corpus PDFs turned into text
with their layout kept (``pdftotext -layout``): the commonest ways report PDFs and their
text are made. Each reads to the cells of its HTML (or, for the corpus PDF, its expected
values)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo
from tests import browser
from tests.conftest import CORPUS, corpus_files, expected_for
from tests.expectations import cell_differences

PAGES = corpus_files(".html")
PDF = CORPUS / "pdf" / "jiangsu_huaian-gov_2024.pdf"
SCRAMBLED = "fujian_pingtan-gov_2024"  # pdftotext prints one block of its table 3 column by column


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    return {page.stem: _printed(page, folder / f"{page.stem}.pdf") for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_page_printed_by_a_browser_reads_to_the_cells_of_the_page(page, printed):
    from_page = govinfo.parse(page)
    from_pdf = govinfo.parse(printed[page.stem])
    assert cell_differences(from_pdf, expected_for(page.stem)) == []
    for table in ("requests", "appeals"):
        assert getattr(from_pdf, table) == getattr(from_page, table), table
    assert from_pdf.account() == "every cell read as printed"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_layout_text_of_a_printed_page_reads_right_or_flagged(page, printed, tmp_path):
    text = _layout(printed[page.stem], tmp_path / f"{page.stem}.txt")
    report = govinfo.parse(text)
    differences = cell_differences(report, expected_for(page.stem))
    if page.stem != SCRAMBLED:
        assert differences == []
    for difference in differences:  # the cells of the scrambled block: flagged, never silent
        table, key = difference.split("(", 1)
        row, column = (part.strip(" '") for part in key.split(")")[0].split(","))
        assert getattr(report, table)[(row, column)].flag in ("placed", "unread"), difference
    assert len(differences) <= 9


def test_the_layout_text_of_the_corpus_pdf_reads_to_its_cells(tmp_path):
    if not PDF.is_file():
        pytest.skip(f"no {PDF}")
    report = govinfo.parse(_layout(PDF, tmp_path / f"{PDF.stem}.txt"))
    assert cell_differences(report, expected_for(PDF.stem)) == []


def _printed(page, target):
    return browser.print_to_pdf(page, target) or pytest.skip(browser.MISSING["chromium"])


def _layout(pdf, target):
    return browser.layout_text(pdf, target) or pytest.skip(browser.MISSING["pdftotext"])
