"""Reports read from PDFs whose tables have no ruling lines, drawn from expected values (#16)."""

from __future__ import annotations

import pytest

import govinfo
from govinfo.parse.documents import document_text
from govinfo.parse.source import open_source
from tests.conftest import CORPUS, DATA, expected_for
from tests.expectations import TABLES, cell_differences
from tests.printed import report_unruled_pdf

pytest.importorskip("pypdfium2", reason='needs the pdf extra: pip install ".[pdf]"')
pytest.importorskip("reportlab", reason='needs the dev extra: pip install ".[dev]"')

STEMS = sorted(
    {p.stem for p in DATA.glob("*.json")} | {p.stem for p in (CORPUS / "expected").glob("*.json")}
)


@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_of_a_report_printed_without_ruling_lines(stem, tmp_path):
    expected = expected_for(stem)
    if expected["template"] not in ("2019", "2021"):
        pytest.skip("a report before the template has no tables to draw")
    path = tmp_path / f"{stem}.pdf"
    path.write_bytes(report_unruled_pdf(expected))
    report = govinfo.parse(path)
    assert cell_differences(report, expected) == []
    assert (report.year, report.template) == (expected["year"], expected["template"])
    assert [key for table in TABLES for key, c in getattr(report, table).items() if c.flag] == []
    assert report.warnings == []


def test_the_tables_are_read_as_rows_of_cells_not_as_crawler_text(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(report_unruled_pdf(expected_for("hunan_lengshuitan-gov_2022")))
    text = document_text(open_source(path))
    assert "| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | 0 |" in text
    assert "| 规章 |  |  |  |" in text
    assert "| 行政许可 | 29482 |" in text
