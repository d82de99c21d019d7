"""The reader checks its own work: inferred cells in a failing identity become doubtful."""

from __future__ import annotations

from govinfo import Cell, Report
from govinfo.parse.infer.verify import verify
from govinfo.standard import codes

COLUMNS = codes.applicants().leaves("2021")


def _row(row: str, values: list[int], flag: str = "") -> dict:
    return {(row, c): Cell(v, str(v), flag) for c, v in zip(COLUMNS, values, strict=True)}


def test_an_inferred_row_in_a_failing_row_total_is_doubtful_and_said():
    report = Report("r", template="2021")
    report.requests = {
        **_row("new_received", [5, 0, 0, 0, 0, 0, 6], "split"),  # 5 != 6
        **_row("carried_over", [1, 0, 0, 0, 0, 0, 1]),
    }
    verify(report)
    assert {c.flag for k, c in report.requests.items() if k[0] == "new_received"} == {"doubtful"}
    assert {c.flag for k, c in report.requests.items() if k[0] == "carried_over"} == {""}
    assert any(
        d.code == "identity_fails" and "T3-APPLICANTS new_received" in d.message
        for d in report.diagnostics
    )


def test_a_printed_error_among_printed_cells_stays_as_printed():
    report = Report("r", template="2021")
    report.requests = _row("new_received", [5, 0, 0, 0, 0, 0, 6])
    verify(report)
    assert {c.flag for c in report.requests.values()} == {""}
    assert report.diagnostics == []


def test_a_printed_blank_counts_as_zero_and_an_unread_cell_as_unknown():
    report = Report("r", template="2021")
    report.requests = {
        **_row("new_received", [3, 0, 0, 0, 0, 0, 3], "split"),
        ("new_received", "commercial"): Cell(None, ""),
        ("new_received", "total"): Cell(None, "", "unread"),
    }
    verify(report)
    assert report.requests[("new_received", "natural_person")].flag == "split"
