"""The example report as a web page, printed to PDF by a browser and turned back into text.

A browser prints an HTML ``border=1`` table with a box around every cell and
drops blank cells from the text; ``pdftotext -layout`` then prints a blank
cell as a wider gap. Both must read to the cells of the page.
"""

from __future__ import annotations

import pytest

import govinfo
from tests import browser
from tests.conftest import expected_for
from tests.expectations import cell_differences
from tests.printed import report_html

STEM = "hunan_lengshuitan-gov_2022"


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("printed")
    page = folder / f"{STEM}.html"
    expected = expected_for(STEM)
    page.write_text(report_html(expected), encoding="utf-8")
    pdf = _printed(page, folder / f"{STEM}.pdf")
    return {"expected": expected, "html": page, "pdf": pdf, "folder": folder}


def test_the_printed_pdf_reads_to_the_cells_of_its_page(printed):
    from_page = govinfo.parse(printed["html"])
    from_pdf = govinfo.parse(printed["pdf"])
    assert cell_differences(from_pdf, printed["expected"]) == []
    assert from_pdf.requests == from_page.requests
    assert from_pdf.appeals == from_page.appeals
    assert {k: c.value for k, c in from_pdf.disclosure.items()} == {
        k: c.value for k, c in from_page.disclosure.items()
    }
    assert from_pdf.requests[("carried_over", "natural_person")] == govinfo.Cell(None, "")


def test_its_layout_text_reads_to_the_same_values_with_the_placed_cells_flagged(printed):
    text = _layout(printed["pdf"], printed["folder"] / f"{STEM}.txt")
    report = govinfo.parse(text)
    assert cell_differences(report, printed["expected"]) == []
    carried_over = [report.requests[("carried_over", c)] for c in codes_of_applicants()]
    assert [c.value for c in carried_over] == [None] * 6 + [0]
    assert {c.flag for c in carried_over} == {"placed"}
    full_row = [report.requests[("new_received", c)] for c in codes_of_applicants()]
    assert [(c.value, c.flag) for c in full_row] == [(15, "")] + [(0, "")] * 5 + [(15, "")]


def codes_of_applicants() -> list[str]:
    return govinfo.codes.applicants().leaves("2021")


def _printed(page, target):
    return browser.print_to_pdf(page, target) or pytest.skip(browser.MISSING["chromium"])


def _layout(pdf, target):
    return browser.layout_text(pdf, target) or pytest.skip(browser.MISSING["pdftotext"])
