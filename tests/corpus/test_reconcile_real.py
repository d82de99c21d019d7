"""Reconciliation on real reports, built from their hand-read values (corpus expected JSON)."""

from __future__ import annotations

import pytest

import govinfo
from govinfo.demo import example_path
from tests.conftest import CORPUS, expected_for
from tests.expectations import report_from_expected

PINGTAN = [f"fujian_pingtan-gov_{year}" for year in range(2018, 2026)]


def reconciled(tmp_path, stems: list[str]):
    reports = [report_from_expected(expected_for(stem)) for stem in stems]
    return govinfo.reconcile(govinfo.write_package(reports, tmp_path / "package"))


def failing(findings, severity: str | None = None) -> set[tuple[str, str, str]]:
    failed = findings[findings["status"] == "fail"]
    if severity:
        failed = failed[failed["severity"] == severity]
    return set(
        zip(
            failed["report_id"].astype(str),
            failed["rule"].astype(str),
            failed["subject"].astype(str),
            strict=True,
        )
    )


def test_example_passes_every_error_rule(tmp_path):
    findings = reconciled(tmp_path, ["hunan_lengshuitan-gov_2022"])
    errors = findings[findings["severity"] == "error"]
    assert set(errors["status"]) == {"pass"}
    assert len(errors) == 7 + 7 + 23 + 3 + 3  # (六) printed as one row: 23 rows
    outcomes = errors[(errors["rule"] == "T3-OUTCOMES") & (errors["subject"] == "natural_person")]
    assert "requests[other,natural_person]" in outcomes.iloc[0]["cells"]
    assert outcomes.iloc[0]["message"].startswith("blank read as 0: ")


def test_parsed_example_passes_and_its_text_agrees():
    report = govinfo.parse(example_path())
    findings = govinfo.reconcile(govinfo.load("hunan-lengshuitan-2022"))
    assert not failing(findings)
    received = findings[findings["rule"] == "TEXT-RECEIVED"].iloc[0]
    assert received["status"] == "pass"
    assert received["reported"] == report.requests[("new_received", "total")].value == 15


def test_pingtan_2020_fails_outcomes_only(tmp_path):
    findings = reconciled(tmp_path, ["fujian_pingtan-gov_2020"])
    stem = "fujian_pingtan-gov_2020"
    assert failing(findings) == {
        (stem, "T3-OUTCOMES", "natural_person"),
        (stem, "T3-OUTCOMES", "total"),
    }
    outcomes = findings[(findings["rule"] == "T3-OUTCOMES") & (findings["status"] == "fail")]
    assert outcomes[["subject", "reported", "expected"]].astype(str).values.tolist() == [
        ["natural_person", "20.0", "26.0"],
        ["total", "21.0", "27.0"],
    ]


@pytest.mark.parametrize(
    "stem", sorted(p.stem for p in (CORPUS / "expected").glob("*.json")) or ["corpus-absent"]
)
def test_error_rules_find_exactly_the_reported_errors(tmp_path, stem):
    """Within a report, the error rules fail exactly where the hand-read values say."""
    expected = expected_for(stem)
    findings = reconciled(tmp_path, [stem])
    listed = {
        (stem, error.split()[0], error.split()[1].rstrip(":"))
        for error in expected.get("report_errors", [])
        if error.startswith(("T3-", "T4-"))
    }
    assert failing(findings, "error") == listed


def test_pingtan_series_carryover(tmp_path):
    findings = reconciled(tmp_path, PINGTAN)
    carry = findings[findings["rule"] == "X-CARRYOVER"]
    passed = carry[carry["status"] == "pass"]
    assert set(passed["report_id"].astype(str)) == set(
        PINGTAN[2:]
    )  # 2020-2025 against the year before
    assert len(passed) == 6 * 7
    first = carry[carry["report_id"] == "fujian_pingtan-gov_2019"].iloc[0]
    assert first["status"] == "not_assessable"  # 2018 is the pre-2019 format
    assert "fujian_pingtan-gov_2018 has template other" in first["message"]
    stock = failing(findings[findings["rule"] == "X-STOCK"])
    assert {report for report, _, _ in stock} == {
        "fujian_pingtan-gov_2023",
        "fujian_pingtan-gov_2024",
        "fujian_pingtan-gov_2025",
    }


def test_pingtan_series_reports_each_disagreeing_pair(tmp_path):
    reports = [report_from_expected(expected_for(stem)) for stem in PINGTAN]
    by_id = {r.report_id: r for r in reports}
    # 2022 says 2 carried over from 2021 (2021 carried 1 forward); 2024 says 1 (2023 carried 0)
    for stem, value in (("fujian_pingtan-gov_2022", 2), ("fujian_pingtan-gov_2024", 1)):
        cell = by_id[stem].requests[("carried_over", "natural_person")]
        by_id[stem].requests[("carried_over", "natural_person")] = govinfo.Cell(value, str(value))
        assert cell.value == value - 1
    findings = govinfo.reconcile(govinfo.write_package(reports, tmp_path / "package"))
    carry = findings[findings["rule"] == "X-CARRYOVER"]
    assert failing(carry) == {
        ("fujian_pingtan-gov_2022", "X-CARRYOVER", "natural_person"),
        ("fujian_pingtan-gov_2024", "X-CARRYOVER", "natural_person"),
    }
    messages = carry[carry["status"] == "fail"]["message"].astype(str).tolist()
    assert messages[0].endswith("previous report: fujian_pingtan-gov_2021")
    assert messages[1].endswith("previous report: fujian_pingtan-gov_2023")
    assert (carry["status"] == "pass").sum() == 6 * 7 - 2


def test_received_means_new_plus_carried_over(tmp_path):
    """fujian_pingtan-gov_2022 says 收到…75件: 74 new and 1 carried over."""
    report = report_from_expected(expected_for("fujian_pingtan-gov_2022"))
    report.sections[1] = govinfo.Section(
        "一、总体情况",
        "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，"
        "均在法定期限内予以答复，办结率100%。"
        "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。",
    )
    findings = govinfo.reconcile(govinfo.write_package([report], tmp_path / "package"))
    text = findings[findings["rule"].astype(str).str.startswith("TEXT")]
    assert dict(zip(text["rule"].astype(str), text["status"].astype(str), strict=True)) == {
        "TEXT-RECEIVED": "pass",
        "TEXT-RATE": "pass",
        "TEXT-REVIEW": "pass",
        "TEXT-LITIGATION": "pass",
    }
    received = text[text["rule"] == "TEXT-RECEIVED"].iloc[0]
    assert received["message"].endswith("compared with new_received + carried_over")
