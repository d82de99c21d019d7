"""Writing and loading data packages: lossless, typed, and valid under stock Frictionless."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys

import frictionless
import jsonschema
import pandas as pd
import pytest

import govinfo
from govinfo.demo import example_path
from govinfo.standard import profile, table_schema
from tests.conftest import DATA


def constructed_report() -> govinfo.Report:
    """A 2019-template report with blanks, zeros, a negative change, an amount and a note."""
    report = govinfo.Report(
        report_id="constructed_2020",
        template="2019",
        body="测试县人民政府",
        year=2020,
        scope="own",
        published=dt.date(2021, 1, 20),
        title="测试县2020年政府信息公开工作年度报告",
    )
    report.requests[("new_received", "natural_person")] = govinfo.Cell(3, "3")
    report.requests[("new_received", "commercial")] = govinfo.Cell(None, "")
    report.requests[("new_received", "total")] = govinfo.Cell(0, "0")
    report.requests[("other", "total")] = govinfo.Cell(2, "2（含撤回1件）", "note")
    report.appeals[("review", "total")] = govinfo.Cell(None, "—")
    report.disclosure[("penalty", "items_change")] = govinfo.Cell(-18, "-18", "split")
    report.disclosure[("procurement", "amount")] = govinfo.Cell(
        73802895.9, "73802895.90元", "", "元"
    )
    report.disclosure[("fees", "items_prev_year")] = govinfo.Cell(35, "35")
    report.sections[1] = govinfo.Section("一、总体情况", '正文，含"引号"与逗号,')
    return report


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pkg")
    reports = [govinfo.parse(example_path()), constructed_report()]
    govinfo.write_package(reports, folder, name="test-package")
    return folder, reports


def test_round_trip_is_lossless(package):
    folder, reports = package
    loaded = govinfo.load(folder).to_reports()
    for before, after in zip(reports, loaded, strict=True):
        assert after.metadata() == before.metadata()
        assert after.requests == before.requests
        assert after.appeals == before.appeals
        assert after.disclosure == before.disclosure
        assert after.sections == before.sections


def test_blank_is_na_and_zero_is_zero(package):
    dataset = govinfo.load(package[0])
    requests = dataset.requests.set_index(["report_id", "row", "applicant"])
    assert requests["value"].dtype == "Int64"
    assert pd.isna(requests.loc[("constructed_2020", "new_received", "commercial"), "value"])
    assert requests.loc[("constructed_2020", "new_received", "total"), "value"] == 0
    disclosure = dataset.disclosure.set_index(["report_id", "item", "measure"])
    assert disclosure["value"].dtype == "Float64"
    assert disclosure.loc[("constructed_2020", "procurement", "amount"), "value"] == 73802895.9
    assert disclosure.loc[("constructed_2020", "procurement", "amount"), "unit"] == "元"


def test_code_columns_are_ordered_categoricals(package):
    dataset = govinfo.load(package[0])
    row = dataset.requests["row"]
    assert isinstance(row.dtype, pd.CategoricalDtype) and row.dtype.ordered
    assert list(row.cat.categories) == govinfo.codes.rows().cell_codes()
    assert list(dataset.appeals["outcome"].cat.categories) == [
        "upheld",
        "corrected",
        "other",
        "pending",
        "total",
    ]
    assert dataset.reports["year"].dtype == "Int64"


def test_table3_in_printed_shape(package):
    dataset = govinfo.load(package[0])
    table = dataset.table3("hunan_lengshuitan-gov_2022")
    assert table.loc["一、本年新收政府信息公开申请数量", ("自然人", "")] == 15
    assert table.loc["（七）总计", ("总计", "")] == 15
    assert pd.isna(table.loc["（七）总计", ("法人或其他组织", "商业企业")])
    assert list(table.columns.get_level_values(1)[1:6]) == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    english = dataset.table3("hunan_lengshuitan-gov_2022", lang="en")
    assert english.loc["I. New requests received this year", ("Total", "")] == 15
    table4 = dataset.table4("hunan_lengshuitan-gov_2022", lang="en")
    assert table4.shape == (3, 5)
    assert table4.index[1] == "Administrative litigation / Litigation without prior review"
    table2 = dataset.table2("hunan_lengshuitan-gov_2022")
    assert table2.loc[("第二十条第（五）项", "行政许可"), "本年处理决定数量"] == 29482


def test_profile_accepts_written_descriptor(package):
    descriptor = json.loads((package[0] / "datapackage.json").read_text(encoding="utf-8"))
    jsonschema.validate(descriptor, profile())
    del descriptor["resources"][0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(descriptor, profile())


def test_duplicate_report_ids_are_refused(tmp_path):
    report = constructed_report()
    with pytest.raises(govinfo.PackageError, match="occurs twice"):
        govinfo.write_package([report, report], tmp_path)


def test_curated_example_loads_by_name():
    dataset = govinfo.load("hunan-lengshuitan-2022")
    assert dataset.report_ids == ["hunan_lengshuitan-gov_2022"]
    assert dataset.reports["source_sha256"].iloc[0] == govinfo.parse(example_path()).source_sha256
    assert "hunan-lengshuitan-2022" in govinfo.list_datasets()


def test_unknown_name_is_a_package_error():
    with pytest.raises(govinfo.PackageError, match="no curated package"):
        govinfo.load("no-such-package")


# Stock Frictionless: the written package is valid, and each kind of damage is caught.


def test_stock_frictionless_accepts_the_package(package):
    report = frictionless.validate(str(package[0] / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_stock_frictionless_cli_accepts_curated_package():
    cli = shutil.which("frictionless") or f"{sys.executable} -m frictionless"
    descriptor = (
        govinfo.package.catalogue.dataset_path("hunan-lengshuitan-2022") / "datapackage.json"
    )
    result = subprocess.run(
        [*cli.split(), "validate", str(descriptor)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-2000:]


def _damaged(package_folder, tmp_path, resource, change):
    folder = tmp_path / "damaged"
    shutil.copytree(package_folder, folder)
    path = folder / f"{resource}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return frictionless.validate(str(folder / "datapackage.json"))


def _error_types(report) -> set[str]:
    return {error_type for (error_type,) in report.flatten(["type"])}


def test_unknown_code_fails(package, tmp_path):
    def change(rows):
        rows[1][1] = "no_such_row"

    assert "constraint-error" in _error_types(_damaged(package[0], tmp_path, "requests", change))


def test_duplicate_key_fails(package, tmp_path):
    def change(rows):
        rows.append(list(rows[1]))

    assert "primary-key" in _error_types(_damaged(package[0], tmp_path, "requests", change))


def test_negative_count_fails(package, tmp_path):
    def change(rows):
        rows[1][3] = "-1"

    assert "constraint-error" in _error_types(_damaged(package[0], tmp_path, "appeals", change))


def test_broken_foreign_key_fails(package, tmp_path):
    def change(rows):
        rows[1][0] = "no_such_report"

    assert "foreign-key" in _error_types(_damaged(package[0], tmp_path, "requests", change))


def test_unknown_code_is_an_error_when_loading(package, tmp_path):
    folder = tmp_path / "unknown"
    shutil.copytree(package[0], folder)
    path = folder / "requests.csv"
    text = path.read_text(encoding="utf-8").replace(",new_received,", ",new_recieved,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(govinfo.PackageError, match="new_recieved"):
        govinfo.load(folder)


STANDARD_1_0 = DATA / "standard-1.0" / "hunan-lengshuitan-2022"


def test_a_package_of_standard_1_0_loads_in_the_current_shape():
    data = govinfo.load(STANDARD_1_0)
    assert data.descriptor["govinfo"]["standard"] == "1.0"
    assert list(data.reports.columns) == [f["name"] for f in table_schema("reports")["fields"]]
    assert data.reports["body_id"].isna().all()
    assert data.diagnostics.empty and data.errata.empty
    assert "unread" in data.requests["flag"].cat.categories
    assert (len(data.requests), data.requests["value"].notna().sum()) == (161, 42)
    assert data.report("hunan_lengshuitan-gov_2022").requests[("new_received", "total")] == (
        govinfo.Cell(15, "15")
    )


def test_a_package_of_standard_1_0_validates_against_1_0():
    validation = govinfo.validate(STANDARD_1_0)
    assert validation.valid, validation.summary()
    assert validation.version == "1.0"
    assert frictionless.validate(str(STANDARD_1_0 / "datapackage.json")).valid
