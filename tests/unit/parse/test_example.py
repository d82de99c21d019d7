"""The example report (永州市冷水滩区 2022, pipe text) is read cell for cell."""

from __future__ import annotations

import datetime as dt

import pytest

import govinfo
from govinfo.demo import example_path
from tests.conftest import expected_for
from tests.expectations import cell_differences


@pytest.fixture(scope="module")
def report() -> govinfo.Report:
    return govinfo.parse(example_path())


def test_every_cell_equals_the_expected_values(report):
    expected = expected_for("hunan_lengshuitan-gov_2022")
    assert cell_differences(report, expected) == []


def test_blanks_stay_blank_and_zeros_stay_zero(report):
    assert report.requests[("carried_over", "natural_person")].value is None
    assert report.requests[("carried_over", "natural_person")].raw == ""
    assert report.requests[("carried_over", "total")].value == 0
    assert report.requests[("total_processed", "commercial")].value is None
    assert report.disclosure[("regulations", "issued")].value is None
    assert report.disclosure[("fees", "amount")] == govinfo.Cell(0, "0", "", "万元")


def test_metadata(report):
    assert report.body == "永州市冷水滩区人民政府"
    assert report.year == 2022
    assert report.template == "2021"
    assert report.index_number == "4311030021/2023-05993"
    assert report.title == "永州市冷水滩区2022年政府信息公开工作年度报告"
    assert report.published == dt.date(2023, 1, 18)
    assert report.scope == "own"
    assert len(report.source_sha256) == 64


def test_hybrid_template_keeps_one_other_row(report):
    rows = {row for row, _ in report.requests}
    assert "other" in rows
    assert not any(row.startswith("other.") for row in rows)
    assert len(rows) == 23


def test_six_sections(report):
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert report.sections[1].heading == "一、总体情况"
    assert "收到依申请公开15件" in report.sections[1].text
    assert report.sections[6].text == "无。"
    assert report.sections[5].text.startswith("2022年,我区政府信息公开工作")


def test_appeals_are_fifteen_printed_zeros(report):
    assert len(report.appeals) == 15
    assert {cell.value for cell in report.appeals.values()} == {0}
    assert report.warnings == []


def test_text_that_is_not_a_report_is_a_parse_error(tmp_path):
    path = tmp_path / "shopping.txt"
    path.write_text("苹果 3 个\n香蕉 5 根\n", encoding="utf-8")
    with pytest.raises(govinfo.ParseError) as caught:
        govinfo.parse(path)
    assert "shopping.txt" in str(caught.value)
    assert "no report title" in str(caught.value)
    assert isinstance(caught.value, govinfo.GovinfoError)


def test_gb18030_file_reads_like_utf8(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(example_path().read_text(encoding="utf-8").encode("gb18030"))
    report = govinfo.parse(path)
    assert report.requests == govinfo.parse(example_path()).requests
