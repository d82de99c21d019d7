"""OCR'd tables checked by their identities: one misread digit repaired, doubts flagged."""

from __future__ import annotations

from dataclasses import replace

from govinfo import Cell
from govinfo.parse.infer.ocr_repair import verify_recognised
from govinfo.parse.infer.verify import verify
from tests.conftest import expected_for
from tests.expectations import report_from_expected

STEM = "hunan_lengshuitan-gov_2022"


def recognised(**changes: int | None):
    """The example report as OCR might read it: table 3 with ``changes`` (row__column=value)."""
    report = report_from_expected(expected_for(STEM))
    for name, value in changes.items():
        key = tuple(name.split("__"))
        report.requests[key] = Cell(value, "" if value is None else str(value))
    return report


def flags(report, table: str = "requests") -> dict:
    return {key: cell.flag for key, cell in getattr(report, table).items() if cell.flag != "ocr"}


def test_every_value_of_a_table_that_holds_is_flagged_ocr():
    report = recognised()
    verify_recognised(report, ["requests", "appeals"], frozenset())
    assert {cell.flag for cell in report.requests.values()} == {"ocr"}
    assert report.requests[("new_received", "total")] == Cell(15, "15", "ocr")
    assert report.disclosure[("licensing", "decisions")].flag == ""
    assert [d.code for d in report.diagnostics] == ["ocr"]


def test_one_misread_digit_is_repaired_when_exactly_one_reading_makes_every_identity_hold():
    report = recognised(granted__total=18)  # printed 15: a 5 read as 8
    verify_recognised(report, ["requests"], frozenset())
    assert report.requests[("granted", "total")] == Cell(15, "18", "repaired")
    assert flags(report) == {("granted", "total"): "repaired"}
    assert "ocr_repaired" in [d.code for d in report.diagnostics]


def test_a_digit_the_recogniser_missed_is_repaired_from_a_blank():
    printed = {"carried_over": 1, "carried_forward": 1}  # one request carried over, and on
    report = recognised(
        **{f"{row}__{column}": 1 for row in printed for column in ("natural_person", "total")}
    )
    report.requests[("carried_over", "natural_person")] = Cell(None, "")  # the thin 1 missed
    verify_recognised(report, ["requests"], frozenset())
    assert report.requests[("carried_over", "natural_person")] == Cell(1, "", "repaired")
    assert flags(report) == {("carried_over", "natural_person"): "repaired"}


def test_two_misreads_leave_every_cell_of_the_failing_identities_doubtful():
    report = recognised(granted__total=18, new_received__natural_person=16)
    verify_recognised(report, ["requests"], frozenset())
    assert flags(report) == {}  # no single digit makes every identity hold: nothing guessed
    verify(report)  # the reader's self-check: ocr is an inferred flag
    doubtful = {key for key, flag in flags(report).items() if flag == "doubtful"}
    assert {("granted", "total"), ("new_received", "natural_person")} <= doubtful
    assert report.requests[("granted", "total")].value == 18  # never changed on a guess
    assert "identity_fails" in [d.code for d in report.diagnostics]


def test_a_low_confidence_value_no_identity_confirms_is_doubtful():
    report = report_from_expected(expected_for(STEM))
    cell = report.disclosure[("licensing", "decisions")]
    report.disclosure[("licensing", "decisions")] = replace(cell, raw="29482")
    verify_recognised(report, ["disclosure", "requests"], frozenset({"29482", "15"}))
    assert report.disclosure[("licensing", "decisions")].flag == "doubtful"
    assert report.requests[("new_received", "total")].flag == "ocr"  # its identities hold
    assert "ocr_unsure" in [d.code for d in report.diagnostics]
