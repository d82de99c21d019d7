"""``govinfo.measures``: the measures of the standard, computed by hand beside it."""

from __future__ import annotations

import pandas as pd
import pytest

import govinfo
from govinfo.errors import ReconcileError
from tests import builders
from tests.builders import blank, set_cell


def value(table: pd.DataFrame, report_id: str, measure: str) -> pd.Series:
    chosen = table[(table["report_id"] == report_id) & (table["measure"] == measure)]
    assert len(chosen) == 1, chosen
    return chosen.iloc[0]


def test_pingtan_disclosure_rate_is_granted_plus_partial_over_total_handled():
    data = govinfo.load("fujian-pingtan")
    table = govinfo.measures(data)
    cells = data.requests[data.requests["applicant"] == "total"]
    by_hand = cells.pivot(index="report_id", columns="row", values="value")
    rates = table[table["measure"] == "disclosure_rate"].set_index("report_id")
    for report_id in data.report_ids:
        got = rates.loc[report_id]
        if data.template(report_id) == "other":
            assert pd.isna(got["value"])
            assert got["reason"].startswith("template other")
            continue
        row = by_hand.loc[report_id]
        expected = 100 * (row["granted"] + row["partially_granted"]) / row["total_processed"]
        assert got["value"] == pytest.approx(float(expected))
        assert got["numerator"] == row["granted"] + row["partially_granted"]
        assert got["denominator"] == row["total_processed"]
        assert got["reason"] == "" and got["blanks"] == ""
    # 2020 prints 21 handled and 13 disclosed (its outcome rows over-count, see notebook 04)
    assert rates.loc["fujian_pingtan-gov_2020", "value"] == pytest.approx(100 * 13 / 21)
    assert rates.loc["fujian_pingtan-gov_2024", "value"] == pytest.approx(100 * (71 + 29) / 218)


def test_columns_one_row_per_report_and_measure():
    table = govinfo.measures("hunan-lengshuitan-2022")
    assert list(table.columns) == [
        "report_id",
        "measure",
        "value",
        "numerator",
        "denominator",
        "unit",
        "blanks",
        "reason",
    ]
    assert table["value"].dtype == "Float64" and table["numerator"].dtype == "Int64"
    assert len(table) == len(govinfo.standard.measures.measures())
    assert value(table, "hunan_lengshuitan-gov_2022", "granted_share")["value"] == 100.0
    corrected = value(table, "hunan_lengshuitan-gov_2022", "review_correction_rate")
    assert pd.isna(corrected["value"]) and corrected["reason"].startswith("denominator is 0")


def test_blank_denominator_gives_na_and_says_why(tmp_path):
    made = builders.report()
    blank(made, "requests", [("total_processed", "total")])
    table = govinfo.measures(builders.write([made], tmp_path / "p"))
    rate = value(table, "county_2022", "disclosure_rate")
    assert pd.isna(rate["value"]) and pd.isna(rate["denominator"])
    assert rate["numerator"] == 6
    assert rate["reason"] == (
        "denominator is blank in the report: requests[total_processed,total] (（七）总计 × 总计)"
    )


def test_blank_in_a_sum_is_read_as_zero_and_listed_unless_strict(tmp_path):
    made = builders.report()
    blank(made, "requests", [("partially_granted", "total")])
    folder = builders.write([made], tmp_path / "p")
    rate = value(govinfo.measures(folder), "county_2022", "disclosure_rate")
    assert rate["value"] == pytest.approx(100 * 5 / 7)
    assert rate["blanks"].startswith("requests[partially_granted,total] (（二）部分公开")
    strict = value(govinfo.measures(folder, blanks="strict"), "county_2022", "disclosure_rate")
    assert pd.isna(strict["value"])
    assert strict["reason"].startswith("numerator has blank cells (strict, not read as 0)")


def test_groups_expand_to_the_cells_of_the_template(tmp_path):
    made = builders.report()
    set_cell(made, "requests", "withheld.state_secret", "total", 1)
    set_cell(made, "requests", "withheld.internal_affairs", "total", 2)
    set_cell(made, "appeals", "litigation_after_review", "total", 3)
    table = govinfo.measures(builders.write([made], tmp_path / "p"))
    assert value(table, "county_2022", "withheld_share")["numerator"] == 3
    assert value(table, "county_2022", "withheld_share.internal_affairs")["numerator"] == 2
    lawsuits = value(table, "county_2022", "litigation_per_100")
    assert lawsuits["numerator"] == 1 + 3 and lawsuits["denominator"] == 7
    assert lawsuits["value"] == pytest.approx(100 * 4 / 7)
    decided = value(table, "county_2022", "review_correction_rate")
    assert decided["numerator"] == 0 and decided["denominator"] == 2  # upheld 1 + other 1


def test_cells_a_package_does_not_hold_give_na(tmp_path):
    made = builders.report()
    made.appeals.clear()
    table = govinfo.measures(builders.write([made], tmp_path / "p"))
    reviews = value(table, "county_2022", "review_per_100")
    assert pd.isna(reviews["value"])
    assert reviews["reason"] == (
        "numerator needs cells the package does not hold (not read as 0): "
        "appeals[review,total] (行政复议 × 总计)"
    )
    assert value(table, "county_2022", "disclosure_rate")["value"] == pytest.approx(600 / 7)


def test_unknown_measure_is_an_error():
    with pytest.raises(ReconcileError, match="no measure nope"):
        govinfo.measures("hunan-lengshuitan-2022", ids=["nope"])
