"""Real departmental reports without an answer key (``corpus/wild``), checked without labels:
the template and year, every template cell present, the identities, and cells the text
shows plainly."""

from __future__ import annotations

import re

import pytest

import govinfo
from govinfo.parse.shape import printed_shape
from tests.conftest import CORPUS

WILD = CORPUS / "wild"
TABLES = ("requests", "appeals", "disclosure")


def printed_inconsistent() -> set[str]:
    """Reports the wild README lists as inconsistent in print."""
    text = (WILD / "README.md").read_text(encoding="utf-8").split("inconsistent in print", 1)[-1]
    return {f"fujian_pingtan-{m}" for m in re.findall(r"^\| ([a-z]+_\d{4}) \|", text, re.M)}


@pytest.fixture(scope="module")
def wild(tmp_path_factory):
    batch = govinfo.parse_many(sorted(WILD.glob("*.txt")))
    folder = tmp_path_factory.mktemp("wild") / "wild"
    govinfo.write_package(batch.reports, folder)
    return batch, govinfo.reconcile(folder)


def test_every_report_is_read_with_its_template_and_year(wild):
    batch, _ = wild
    assert batch.failures == []
    assert len(batch.reports) == 40
    for report in batch.reports:
        year = int(report.report_id.rsplit("_", 1)[1])
        assert report.year == year, report.report_id
        assert report.template == ("2021" if year >= 2021 else "2019"), report.report_id
        assert report.body.startswith("平潭综合实验区"), report.report_id


def test_every_template_cell_is_present(wild):
    batch, _ = wild
    for report in batch.reports:
        for table in TABLES:
            cells = getattr(report, table)
            shape = printed_shape(table, report.template, cells)
            assert set(shape) == set(cells), (report.report_id, table)
        assert len(report.requests) in (161, 175) and len(report.appeals) == 15


def test_no_error_rule_fails_outside_the_reports_inconsistent_in_print(wild):
    _, findings = wild
    failed = findings[(findings["status"] == "fail") & (findings["severity"] == "error")]
    assert set(failed["report_id"].astype(str)) <= printed_inconsistent()


def test_a_year_glued_after_a_row_ends_the_row(wild):
    batch, _ = wild
    report = next(r for r in batch.reports if r.report_id.endswith("scj_2025"))
    assert report.requests[("carried_forward", "total")].value == 2
    assert report.disclosure[("fees", "amount")] == govinfo.Cell(0, "0", "", "万元")


def test_a_row_one_digit_short_is_repaired_with_the_identities(wild):
    batch, _ = wild
    report = next(r for r in batch.reports if r.report_id.endswith("jjp_2024"))
    row = [
        report.requests[("carried_forward", c)] for c in govinfo.codes.applicants().leaves("2021")
    ]
    assert [(c.value, c.flag) for c in row] == [(0, "repaired")] * 7
    assert any(d.code == "row_short" for d in report.diagnostics)


def test_headings_with_typos_and_rows_without_values(wild):
    batch, _ = wild
    htp = next(r for r in batch.reports if r.report_id.endswith("htp_2023"))
    documents = [
        htp.disclosure[("normative_documents", m)].value for m in ("issued", "repealed", "in_force")
    ]
    assert documents == [0, 0, 0]  # 先行有效件数 read as 现行有效件数
    assert {c.flag for k, c in htp.disclosure.items() if k[0] == "regulations"} == {"unread"}
    scj = next(r for r in batch.reports if r.report_id.endswith("scj_2021"))
    assert {c.value for k, c in scj.requests.items() if k[0] == "other.other"} == {None}
    assert any(d.code == "row_blank" for d in scj.diagnostics)
