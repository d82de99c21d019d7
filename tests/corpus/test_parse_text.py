"""Every text report of the shared corpus reads to its hand-read expected values.

Reports are read together, as ``govinfo parse`` reads a package, so that
neighbouring years of one body settle each other's glued splits.
"""

from __future__ import annotations

import pytest

import govinfo
from tests.conftest import corpus_files, expected_for
from tests.expectations import cell_differences, expected_cells, unflagged_uncertain

TEXT_FILES = corpus_files(".txt", ".md")


@pytest.fixture(scope="module")
def batch():
    if not TEXT_FILES:
        pytest.skip("the shared corpus is not beside the clone")
    result = govinfo.parse_many(TEXT_FILES)
    assert result.failures == []
    return {report.report_id: report for report in result.reports}


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_every_cell_equals_expected(batch, path):
    report = batch[path.stem]
    expected = expected_for(path.stem)
    assert cell_differences(report, expected) == []
    assert report.year == expected["year"]
    assert report.template == expected["template"]
    assert report.body == expected["body"]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_uncertain_cells_carry_a_flag(batch, path):
    assert unflagged_uncertain(batch[path.stem], expected_for(path.stem)) == []


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_alone_every_cell_is_right_or_flagged(path):
    """Without its neighbouring years a report may not settle every split, but it never
    writes a wrong value without a flag."""
    report = govinfo.parse(path)
    expected = expected_for(path.stem)
    for table in ("requests", "appeals", "disclosure"):
        for key, value in expected_cells(expected, table).items():
            cell = getattr(report, table)[key]
            assert cell.value == value or cell.flag, (
                f"{table}{key}: {cell} unflagged, expected {value}"
            )


def test_glued_row_from_the_issue(batch):
    report = batch["fujian_pingtan-gov_2022"]
    row = [report.requests[("new_received", c)] for c in govinfo.codes.applicants().leaves("2021")]
    assert [c.value for c in row] == [71, 3, 0, 0, 0, 0, 74]
    assert [c.raw for c in row] == ["71", "3", "0", "0", "0", "0", "74"]
    assert {c.flag for c in row} == {"split"}
    not_held = [
        report.requests[("unavailable.not_held", c)].value for c in ("natural_person", "total")
    ]
    assert not_held == [37, 37]
    assert report.requests[("unavailable.needs_creation", "total")].value == 0


def test_printed_arithmetic_errors_come_out_as_printed(batch):
    report = batch["fujian_pingtan-gov_2020"]
    assert report.requests[("total_processed", "natural_person")].value == 20
    assert report.requests[("total_processed", "total")].value == 21
    leaves = [
        row
        for row, column in report.requests
        if column == "total"
        and row not in ("new_received", "carried_over", "total_processed", "carried_forward")
    ]
    assert sum(report.requests[(row, "total")].value for row in leaves) == 27


def test_narrative_and_neighbours_settle_table2(batch):
    cells = batch["fujian_pingtan-gov_2022"].disclosure
    assert [
        cells[("normative_documents", m)].value for m in ("issued", "repealed", "in_force")
    ] == [88, 55, 698]
    stock_2021 = batch["fujian_pingtan-gov_2021"].disclosure[("normative_documents", "in_force")]
    assert (stock_2021.value, stock_2021.flag) == (665, "split")
    change = batch["fujian_pingtan-gov_2020"].disclosure[("penalty", "items_change")]
    assert (change.value, change.raw, change.flag) == (-18, "-18", "ambiguous_split")
    amount = batch["fujian_pingtan-gov_2019"].disclosure[("procurement", "amount")]
    assert (amount.value, amount.unit) == (75394432.52, "元")


def test_report_before_the_template_is_template_other(batch):
    report = batch["fujian_pingtan-gov_2018"]
    assert report.template == "other"
    assert not report.requests and not report.appeals and not report.disclosure
    assert any("predates the standard tables" in w for w in report.warnings)
    assert report.sections[1].heading == "一、概述"


def test_notes_inside_cells_and_loose_values(batch):
    cells = batch["shanghai_shanghai-gov-office_2025"].disclosure
    repealed = cells[("normative_documents", "repealed")]
    assert (repealed.value, repealed.raw, repealed.flag) == (55, "55（含自然失效 29 件）", "placed")
    issued = cells[("regulations", "issued")]
    assert (issued.value, issued.raw, issued.flag) == (22, "22（其中修订 16 件）", "note")


def test_detached_label_is_placed_and_flagged(batch):
    report = batch["shanghai_shanghai-gov-office_2025"]
    cell = report.requests[("not_processed.confirmation", "total")]
    assert (cell.value, cell.flag) == (0, "placed")
    assert any("not_processed.confirmation" in w for w in report.warnings)


def test_ocr_slip_in_body_is_corrected(batch):
    report = batch["jiangsu_shuyang-county-gov_2025"]
    assert report.body == "沭阳县人民政府"
    assert report.title == "沭阳县人民政府2025年政府信息公开工作年度报告"
