"""Partial packages: a package may omit resources and code only some columns.

Cells a package does not hold are absent, never zeros: the rules that need
them are ``not_assessable``, and a package that is fine otherwise is valid —
for stock Frictionless and for ``govinfo validate``.
"""

from __future__ import annotations

import json

import frictionless
import pandas as pd

import govinfo
from govinfo import codes, standard

ROWS = {
    "new_received": 10,
    "carried_over": 2,
    "granted": 5,
    "partially_granted": 2,
    "unavailable.not_held": 3,
    "total_processed": 10,
    "carried_forward": 2,
}


def hand_written(folder, rows=ROWS, descriptor_change=None):
    """A package written by hand: ``reports`` and ``requests``, only the 总计 column coded."""
    folder.mkdir()
    columns = [f["name"] for f in standard.table_schema("reports")["fields"]]
    record = {"report_id": "x_2022", "body": "某县人民政府", "year": "2022", "template": "2021"}
    lines = [",".join(columns), ",".join(record.get(c, "") for c in columns)]
    (folder / "reports.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["report_id,row,applicant,value,raw,flag"]
    for row in codes.rows().leaves("2021"):
        value = rows.get(row, 0)
        lines.append(f"x_2022,{row},total,{value},{value},")
    (folder / "requests.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    descriptor = {
        "name": "partial",
        "govinfo": {"standard": standard.VERSION},
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": standard.table_schema(name),
            }
            for name in ("reports", "requests")
        ],
    }
    if descriptor_change:
        descriptor_change(descriptor)
    text = json.dumps(descriptor, ensure_ascii=False, indent=2)
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    return folder


def test_total_column_only_is_valid_and_column_rules_not_assessable(tmp_path):
    folder = hand_written(tmp_path / "partial")
    assert frictionless.validate(str(folder / "datapackage.json")).valid
    validation = govinfo.validate(folder)
    assert validation.valid, validation.summary()
    findings = validation.findings
    by_rule = findings.groupby("rule", observed=True)["status"].agg(lambda s: set(s.astype(str)))
    assert by_rule["T3-APPLICANTS"] == {"not_assessable"}
    assert by_rule["T4-TOTALS"] == {"not_assessable"}
    total = findings[(findings["subject"] == "total") & findings["rule"].isin(["T3-BALANCE"])]
    assert total["status"].tolist() == ["pass"]
    granted = findings[(findings["rule"] == "T3-APPLICANTS") & (findings["subject"] == "granted")]
    assert granted["message"].iloc[0] == (
        "not in the package (not coded, not read as 0): requests[granted,natural_person], "
        "requests[granted,commercial], requests[granted,research] and 3 more"
    )
    column = findings[(findings["rule"] == "T3-BALANCE") & (findings["subject"] == "commercial")]
    assert column["message"].iloc[0].startswith("the package does not hold these cells")


def test_a_wrong_total_still_fails(tmp_path):
    folder = hand_written(tmp_path / "wrong", rows={**ROWS, "total_processed": 11})
    validation = govinfo.validate(folder)
    assert not validation.valid
    failed = validation.rule_errors
    assert sorted(failed["rule"].astype(str)) == ["T3-BALANCE", "T3-OUTCOMES"]


def test_omitted_resources_load_empty_and_measures_say_why(tmp_path):
    data = govinfo.load(hand_written(tmp_path / "partial"))
    assert data.appeals.empty and data.disclosure.empty
    table = govinfo.measures(data).set_index("measure")
    assert table.loc["disclosure_rate", "value"] == 70.0
    assert pd.isna(table.loc["review_per_100", "value"])
    assert "does not hold" in table.loc["review_per_100", "reason"]


def test_missing_required_property_is_one_line(tmp_path):
    def drop_name(descriptor):
        del descriptor["name"]
        descriptor["resources"] = descriptor["resources"][1:]

    validation = govinfo.validate(hand_written(tmp_path / "broken", descriptor_change=drop_name))
    assert validation.profile == [
        "descriptor: 'name' is a required property",
        "descriptor: resources: no 'reports' resource (the standard requires it)",
    ]
    assert all(len(line) < 200 for line in validation.summary().splitlines())


def test_a_resource_problem_names_the_resource_and_field(tmp_path):
    def bad_format(descriptor):
        descriptor["resources"][1]["format"] = "xls"

    validation = govinfo.validate(hand_written(tmp_path / "path", descriptor_change=bad_format))
    assert "resource requests: format: 'xls' is not one of csv, parquet" in validation.profile
    assert all("fields" not in line for line in validation.profile)
