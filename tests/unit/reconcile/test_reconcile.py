"""Reconciliation on constructed packages: each rule's pass, fail and not_assessable case."""

from __future__ import annotations

import pandas as pd
import pytest

import govinfo
from govinfo import reconcile
from tests import builders
from tests.builders import blank, set_cell


def findings_of(tmp_path, reports, **options) -> pd.DataFrame:
    return reconcile(builders.write(reports, tmp_path / "package"), **options)


def one(findings: pd.DataFrame, rule: str, subject: str, report_id: str | None = None):
    """The single finding of ``rule`` for ``subject`` (of ``report_id`` when given)."""
    chosen = findings[(findings["rule"] == rule) & (findings["subject"] == subject)]
    if report_id is not None:
        chosen = chosen[chosen["report_id"] == report_id]
    assert len(chosen) == 1, chosen
    return chosen.iloc[0]


def statuses(findings: pd.DataFrame) -> dict[str, set[str]]:
    return {
        rule: set(group["status"].astype(str))
        for rule, group in findings.groupby("rule", observed=True)
    }


def test_columns_and_types(tmp_path):
    findings = findings_of(tmp_path, [builders.report()])
    assert list(findings.columns) == [
        "report_id",
        "rule",
        "severity",
        "status",
        "subject",
        "reported",
        "expected",
        "difference",
        "cells",
        "message",
    ]
    assert findings["reported"].dtype == "Float64"
    assert list(findings["status"].cat.categories) == ["pass", "fail", "not_assessable"]


def test_consistent_report_passes_every_rule(tmp_path):
    findings = findings_of(tmp_path, [builders.report()])
    assert set(findings["status"]) == {"pass"}
    rules = set(findings["rule"].astype(str))
    assert {"T3-BALANCE", "T3-OUTCOMES", "T3-APPLICANTS", "T4-TOTALS", "VALUES"} <= rules
    # one finding per subject: 7 applicant columns, 25 rows (2021), 3 proceedings, 3 tables
    counts = findings["rule"].value_counts()
    assert counts["T3-BALANCE"] == 7 and counts["T3-OUTCOMES"] == 7
    assert counts["T3-APPLICANTS"] == 25 and counts["T4-TOTALS"] == 3 and counts["VALUES"] == 3


def test_accepts_dataset_path_and_name(tmp_path):
    folder = builders.write([builders.report()], tmp_path / "package")
    from_path = reconcile(folder)
    from_dataset = reconcile(govinfo.load(folder))
    pd.testing.assert_frame_equal(from_path, from_dataset)
    curated = reconcile("hunan-lengshuitan-2022")
    assert set(curated["report_id"]) == {"hunan_lengshuitan-gov_2022"}


def test_bad_options_are_errors(tmp_path):
    folder = builders.write([builders.report()], tmp_path / "package")
    with pytest.raises(govinfo.ReconcileError, match="blanks"):
        reconcile(folder, blanks="ignore")
    with pytest.raises(govinfo.ReconcileError, match="no rule NOPE"):
        reconcile(folder, rules=["NOPE"])
    assert set(reconcile(folder, rules=["T4-TOTALS"])["rule"]) == {"T4-TOTALS"}


# T3-BALANCE


def test_balance_fail(tmp_path):
    made = builders.report()
    set_cell(made, "requests", "new_received", "natural_person", 6)
    finding = one(findings_of(tmp_path, [made]), "T3-BALANCE", "natural_person")
    assert finding["status"] == "fail"
    assert (finding["reported"], finding["expected"], finding["difference"]) == (7, 6, 1)
    assert "requests[new_received,natural_person]" in finding["cells"]


def test_balance_blanks_read_as_zero_and_said(tmp_path):
    made = builders.report()
    blank(made, "requests", [("carried_over", "commercial"), ("carried_forward", "commercial")])
    findings = findings_of(tmp_path, [made])
    finding = one(findings, "T3-BALANCE", "commercial")
    assert finding["status"] == "pass"
    assert (finding["reported"], finding["expected"]) == (2, 2)
    assert finding["message"] == (
        "blank read as 0: requests[carried_over,commercial], requests[carried_forward,commercial]"
    )
    strict = one(findings_of(tmp_path, [made], blanks="strict"), "T3-BALANCE", "commercial")
    assert strict["status"] == "not_assessable"
    assert pd.isna(strict["reported"])
    assert strict["message"].startswith("blank, not read as 0: requests[carried_over,commercial]")


def test_balance_all_blank_is_not_assessable(tmp_path):
    made = builders.report()
    rows = ("new_received", "carried_over", "total_processed", "carried_forward")
    blank(made, "requests", [(row, "research") for row in rows])
    finding = one(findings_of(tmp_path, [made]), "T3-BALANCE", "research")
    assert finding["status"] == "not_assessable"
    assert finding["message"] == "every input is blank"


# T3-OUTCOMES


def test_outcomes_fail(tmp_path):
    made = builders.report()
    set_cell(made, "requests", "other.other", "natural_person", 2)
    finding = one(findings_of(tmp_path, [made]), "T3-OUTCOMES", "natural_person")
    assert finding["status"] == "fail"
    assert (finding["reported"], finding["expected"]) == (5, 7)
    assert "requests[other.other,natural_person]" in finding["cells"]


def test_outcomes_not_assessable(tmp_path):
    made = builders.report()
    rows = codes_rows("2021")
    blank(made, "requests", [(row, "legal_service") for row in rows])
    finding = one(findings_of(tmp_path, [made]), "T3-OUTCOMES", "legal_service")
    assert finding["status"] == "not_assessable"


def codes_rows(template: str) -> list[str]:
    return govinfo.codes.rows().leaves(template)


def test_outcomes_are_template_aware(tmp_path):
    # 2019: one (六) row; 2021: three; a 2021 report printing one (六) row reads that row.
    old = builders.report("county_2020", template="2019", year=2020)
    set_cell(old, "requests", "other", "natural_person", 1)
    set_cell(old, "requests", "granted", "natural_person", 2)
    printed = builders.report("printed_2022")
    for child in ("other.no_correction", "other.fee_unpaid", "other.other"):
        for applicant in govinfo.codes.applicants().leaves("2021"):
            del printed.requests[(child, applicant)]
    set_cell(printed, "requests", "other", "natural_person", 1)
    set_cell(printed, "requests", "other", "total", 1)
    set_cell(printed, "requests", "granted", "natural_person", 2)
    set_cell(printed, "requests", "granted", "total", 4)
    findings = findings_of(tmp_path, [old, printed])
    for report_id in ("county_2020", "printed_2022"):
        finding = one(findings, "T3-OUTCOMES", "natural_person", report_id)
        assert finding["status"] == "pass"
        assert "requests[other,natural_person]" in finding["cells"]
        assert "other.other" not in finding["cells"]
    applicants = findings[(findings["rule"] == "T3-APPLICANTS")]
    assert set(applicants[applicants["report_id"] == "printed_2022"]["subject"]) >= {"other"}
    assert "other.other" not in set(
        applicants[applicants["report_id"] == "printed_2022"]["subject"]
    )


# T3-APPLICANTS


def test_applicants_fail(tmp_path):
    made = builders.report()
    set_cell(made, "requests", "granted", "total", 6)
    finding = one(findings_of(tmp_path, [made]), "T3-APPLICANTS", "granted")
    assert finding["status"] == "fail"
    assert (finding["reported"], finding["expected"], finding["difference"]) == (6, 5, 1)


def test_applicants_not_assessable(tmp_path):
    made = builders.report()
    applicants = govinfo.codes.applicants().leaves("2021")
    blank(made, "requests", [("partially_granted", a) for a in applicants])
    finding = one(findings_of(tmp_path, [made]), "T3-APPLICANTS", "partially_granted")
    assert finding["status"] == "not_assessable"


# T4-TOTALS


def test_appeals_fail_and_not_assessable(tmp_path):
    made = builders.report()
    set_cell(made, "appeals", "review", "pending", 1)
    blank(
        made,
        "appeals",
        [("litigation_after_review", o) for o in govinfo.codes.outcomes().leaves("2021")],
    )
    findings = findings_of(tmp_path, [made])
    review = one(findings, "T4-TOTALS", "review")
    assert review["status"] == "fail"
    assert (review["reported"], review["expected"]) == (2, 3)
    assert one(findings, "T4-TOTALS", "litigation_direct")["status"] == "pass"
    assert one(findings, "T4-TOTALS", "litigation_after_review")["status"] == "not_assessable"


# VALUES


def test_values_pass_with_negative_change_and_decimal_amount(tmp_path):
    findings = findings_of(tmp_path, [builders.report("county_2020", template="2019", year=2020)])
    assert one(findings, "VALUES", "disclosure")["status"] == "pass"


def test_values_fail(tmp_path):
    made = builders.report()
    set_cell(made, "disclosure", "penalty", "decisions", 2.5)
    set_cell(made, "disclosure", "coercion", "decisions", -3)
    set_cell(made, "disclosure", "fees", "amount", -1.25)
    finding = one(findings_of(tmp_path, [made]), "VALUES", "disclosure")
    assert finding["status"] == "fail"
    assert finding["cells"] == (
        "disclosure[penalty,decisions]=2.5, disclosure[coercion,decisions]=-3, "
        "disclosure[fees,amount]=-1.25"
    )


def test_values_not_assessable_without_values(tmp_path):
    made = builders.report()
    made.appeals.clear()
    finding = one(findings_of(tmp_path, [made]), "VALUES", "appeals")
    assert finding["status"] == "not_assessable"


def test_template_other_is_not_assessable_once_per_rule(tmp_path):
    other = govinfo.Report(report_id="old_2018", template="other", body="测试县人民政府", year=2018)
    findings = findings_of(tmp_path, [other])
    balance = findings[findings["rule"] == "T3-BALANCE"]
    assert len(balance) == 1
    assert balance.iloc[0]["status"] == "not_assessable"
    assert "template" in balance.iloc[0]["message"]


# X-CARRYOVER and X-STOCK


def series(years=(2021, 2022), body="测试县人民政府"):
    made = [builders.report(f"county_{y}", year=y, body=body) for y in years]
    for item, stock in (("regulations", 4), ("normative_documents", 18)):
        set_cell(made[0], "disclosure", item, "in_force", stock)
    return made


def test_carryover_pass_and_fail(tmp_path):
    first, second = series()
    set_cell(second, "requests", "carried_over", "commercial", 1)
    set_cell(second, "requests", "carried_over", "total", 2)
    findings = findings_of(tmp_path, [first, second])
    carry = findings[findings["rule"] == "X-CARRYOVER"]
    assert set(carry["report_id"]) == {"county_2022"}
    assert one(carry, "X-CARRYOVER", "natural_person")["status"] == "pass"
    failed = carry[carry["status"] == "fail"]
    assert set(failed["subject"]) == {"commercial", "total"}
    assert one(failed, "X-CARRYOVER", "total")["expected"] == 1
    assert failed.iloc[0]["message"].endswith("previous report: county_2021")
    assert "requests[carried_forward,total][y-1]" in one(failed, "X-CARRYOVER", "total")["cells"]


def test_carryover_not_assessable(tmp_path):
    first, second = series()
    blank(first, "requests", [("carried_forward", "research")])
    blank(second, "requests", [("carried_over", "research")])
    finding = one(findings_of(tmp_path, [first, second]), "X-CARRYOVER", "research")
    assert finding["status"] == "not_assessable"


def test_cross_year_needs_same_body_and_consecutive_years(tmp_path):
    made = series((2021, 2023)) + series((2022,), body="另一县人民政府")
    findings = findings_of(tmp_path, made)
    assert not (findings["rule"].isin(["X-CARRYOVER", "X-STOCK"])).any()


def test_stock_pass_fail_and_not_assessable(tmp_path):
    first, second = series()
    set_cell(second, "disclosure", "normative_documents", "in_force", 25)
    old = builders.report("county_2020", template="2019", year=2020)
    findings = findings_of(tmp_path, [old, first, second])
    assert one(findings, "X-STOCK", "regulations", "county_2022")["status"] == "pass"
    failed = one(findings, "X-STOCK", "normative_documents", "county_2022")
    assert failed["status"] == "fail"
    assert (failed["reported"], failed["expected"]) == (25, 20)
    across = one(findings, "X-STOCK", "", "county_2021")
    assert across["status"] == "not_assessable"
    assert "previous report county_2020 has template 2019" in across["message"]


# Narrative


# rule: (as the narrative states it, the same with a wrong number, the table rows it reads)
TEXT_CASES = {
    "TEXT-RECEIVED": ("申请8件", "申请9件", ("new_received", "carried_over")),
    "TEXT-PROCESSED": ("办结7件", "办结6件", ("total_processed",)),
    "TEXT-CARRIED": ("1件结转下年度", "3件结转下年度", ("carried_forward",)),
    "TEXT-CARRIED-OVER": ("上年结转1件", "上年结转4件", ("carried_over",)),
    "TEXT-GRANTED": ("其中予以公开5件", "其中予以公开9件", ("granted",)),
    "TEXT-DISCLOSED": ("部分公开6件", "部分公开5件", ("granted", "partially_granted")),
    "TEXT-RATE": ("办结率87.5%", "办结率90%", ("total_processed", "new_received", "carried_over")),
    "TEXT-REVIEW": ("行政复议2件", "行政复议3件", ("review",)),
    "TEXT-LITIGATION": (
        "行政诉讼1件",
        "行政诉讼4件",
        ("litigation_direct", "litigation_after_review"),
    ),
}


@pytest.mark.parametrize("rule", sorted(TEXT_CASES))
def test_text_rule_pass_fail_and_not_assessable(tmp_path, rule):
    stated, wrong, rows = TEXT_CASES[rule]
    assert stated in builders.NARRATIVE
    right = builders.report("right_2022")
    broken = builders.report("wrong_2022", narrative=builders.NARRATIVE.replace(stated, wrong))
    unreadable = builders.report("blank_2022")
    table = "appeals" if rule in ("TEXT-REVIEW", "TEXT-LITIGATION") else "requests"
    blank(unreadable, table, [(row, "total") for row in rows])
    findings = findings_of(tmp_path, [right, broken, unreadable])
    assert one(findings, rule, "total", "right_2022")["status"] == "pass"
    failed = one(findings, rule, "total", "wrong_2022")
    assert failed["status"] == "fail"
    assert str(int(failed["reported"])) in wrong
    assert one(findings, rule, "total", "blank_2022")["status"] == "not_assessable"


def test_received_accepts_either_reading(tmp_path):
    new_only = builders.report(narrative="全年收到政府信息公开申请7件。")
    findings = findings_of(tmp_path, [new_only])
    finding = one(findings, "TEXT-RECEIVED", "total")
    assert finding["status"] == "pass"
    assert finding["message"].endswith("compared with new_received")


def test_rate_is_checked_to_the_printed_precision(tmp_path):
    rounded = builders.report(narrative="收到申请8件，办结率88%。")
    findings = findings_of(tmp_path, [rounded])
    assert one(findings, "TEXT-RATE", "total")["status"] == "pass"
    assert one(findings, "TEXT-RATE", "total")["expected"] == 87.5


def test_text_without_numbers_gives_no_finding(tmp_path):
    findings = findings_of(tmp_path, [builders.report(narrative="本年度依申请公开工作规范有序。")])
    assert not findings["rule"].astype(str).str.startswith("TEXT").any()


def test_unrelated_numbers_are_not_read(tmp_path):
    text = "截至目前共收到15564件咨询投诉件，已办结15042件。收到群众诉求348件，办结率100%。"
    findings = findings_of(tmp_path, [builders.report(narrative=text)])
    assert not findings["rule"].astype(str).str.startswith("TEXT").any()


def test_row_order_of_the_package_does_not_matter(tmp_path):
    made = [builders.report("a_2022"), builders.report("b_2022", body="另一县人民政府")]
    set_cell(made[1], "requests", "granted", "total", 9)
    dataset = govinfo.load(builders.write(made, tmp_path / "package"))
    expected = reconcile(dataset)
    shuffled = dataset.requests.sample(frac=1, random_state=0).reset_index(drop=True)
    dataset.frames["requests"] = shuffled
    pd.testing.assert_frame_equal(reconcile(dataset), expected)


def test_reports_sharing_body_and_year_are_not_paired(tmp_path):
    made = [*series(), builders.report("county_2022_copy", year=2022, body="测试县人民政府")]
    findings = findings_of(tmp_path, made)
    carry = findings[findings["rule"] == "X-CARRYOVER"]
    assert set(carry["report_id"]) == {"county_2022", "county_2022_copy"}
    assert set(carry["status"]) == {"not_assessable"}
    assert carry["message"].str.contains("several reports of this body").all()
    assert len(carry) == 2
