"""Tables found by their own labels when a report numbers its sections otherwise."""

from __future__ import annotations

import govinfo
from govinfo.demo import example_path
from tests.conftest import expected_for
from tests.expectations import cell_differences

STEM = "hunan_lengshuitan-gov_2022"


def test_tables_under_other_section_numbers_and_table_headings_are_read():
    text = example_path().read_text(encoding="utf-8")
    renumbered = (
        text.replace("二、主动公开政府信息情况", "表一 主动公开政府信息情况")
        .replace("三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况\n表二")
        .replace(
            "四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况\n表三"
        )
    )
    assert renumbered.count("表") >= 3
    report = govinfo.parse(renumbered)
    assert cell_differences(report, expected_for(STEM)) == []
    assert report.template == "2021"
    assert not any(d.code in ("table_missing", "truncated") for d in report.diagnostics)
