"""Analysis-ready frames: the Dataset as a mapping, tidy tables with labels and metadata, wide."""

from __future__ import annotations

import pandas as pd
import pytest

import govinfo


@pytest.fixture(scope="module")
def pingtan():
    return govinfo.load("fujian-pingtan")


def in_order(frame: pd.DataFrame, data: govinfo.Dataset, table: str) -> pd.DataFrame:
    """``frame``'s cells sorted by report (package order) and codes, report_id as string."""
    first, second = govinfo.standard.CELL_TABLES[table]
    position = frame["report_id"].astype(str).map({r: i for i, r in enumerate(data.report_ids)})
    keys = pd.DataFrame({"r": position, "a": frame[first].cat.codes, "b": frame[second].cat.codes})
    out = frame.loc[keys.sort_values(["r", "a", "b"]).index, ["report_id", first, second, "value"]]
    return out.assign(report_id=out["report_id"].astype("string")).reset_index(drop=True)


def test_dataset_is_a_mapping_of_its_tables(pingtan):
    assert list(pingtan) == list(govinfo.standard.RESOURCES)
    assert pingtan["requests"] is pingtan.requests
    assert "appeals" in pingtan and len(pingtan) == 7
    assert {"requests", "appeals", "disclosure", "reports"} <= set(dir(pingtan))
    with pytest.raises(KeyError, match="no table 'table3'"):
        pingtan["table3"]


def test_wide_has_one_row_per_report_and_a_column_per_printed_cell(pingtan):
    wide = pingtan.wide("requests")
    assert wide["report_id"].tolist() == pingtan.report_ids
    cells = [c for c in wide.columns if "__" in c]
    printed = pingtan.requests[["row", "applicant"]].drop_duplicates()
    assert len(cells) == len(printed) == 26 * 7  # 2019's other row beside 2021's three
    assert list(wide.columns[:15]) == list(pingtan.reports.columns)
    row = wide.set_index("report_id").loc["fujian_pingtan-gov_2022"]
    assert row["new_received__natural_person"] == 71 and row["new_received__total"] == 74
    assert row["year"] == 2022 and row["template"] == "2021"
    assert pd.isna(wide.set_index("report_id").loc["fujian_pingtan-gov_2018", "granted__total"])
    assert wide["granted__total"].dtype == "Int64"


@pytest.mark.parametrize("table", ["requests", "appeals", "disclosure"])
@pytest.mark.parametrize("name", ["fujian-pingtan", "hunan-lengshuitan-2022"])
def test_wide_to_tidy_round_trip_is_lossless(name, table):
    data = govinfo.load(name)
    back = data.from_wide(data.wide(table), table)
    expected = in_order(data[table], data, table)
    pd.testing.assert_frame_equal(back, expected)


def test_round_trip_keeps_blanks_and_a_group_printed_as_one_row():
    data = govinfo.load("hunan-lengshuitan-2022")  # blanks; (六)其他处理 printed as one row
    back = data.from_wide(data.wide("requests"), "requests")
    assert len(back) == 161 and back["value"].isna().sum() == data.requests["value"].isna().sum()
    assert "other" in set(back["row"]) and "other.other" not in set(back["row"])


def test_wide_by_labels(pingtan):
    zh = pingtan.wide("requests", lang="zh")
    assert "（七）总计 / 总计" in zh.columns
    assert "（三）不予公开 1.属于国家秘密 / 法人或其他组织 商业企业" in zh.columns
    en = pingtan.wide("appeals", lang="en")
    assert "Administrative litigation Litigation after review / Corrected" in en.columns


def test_tidy_with_labels_and_report_metadata_in_one_call(pingtan):
    tidy = pingtan.tidy("requests", lang="en", reports=["year", "body"])
    assert list(tidy.columns[:6]) == ["report_id", "year", "body", "row", "row_en", "applicant"]
    first = tidy.iloc[0]
    assert first["year"] == 2019 and first["body"] == "平潭综合实验区"
    assert first["row_en"] == "I. New requests received this year"
    both = pingtan.tidy("appeals", lang=("zh", "en"))
    assert {"outcome_zh", "outcome_en", "flag_zh"} <= set(both.columns)


def test_join_reports_takes_any_table_with_report_ids(pingtan):
    measures = pingtan.join_reports(govinfo.measures(pingtan), ["year", "level"])
    rate = measures[measures["measure"] == "disclosure_rate"]
    assert rate["year"].tolist() == list(range(2018, 2026))
    with pytest.raises(KeyError, match="no column nothing"):
        pingtan.join_reports(pingtan.requests, ["nothing"])
