"""Property-based tests of the readers (hypothesis).

* Glued tables: any table 3 that satisfies its identities, printed with its
  cells run together — as printed, with one digit lost, or with a narrative
  year glued after a row — reads back with every cell present, and every cell
  written as sure (no flag, or ``split``) right.
* Robustness: mutated real reports and random text give a Report or a
  GovinfoError, never another exception.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo
from govinfo import codes
from govinfo.demo import example_path

COLUMNS = codes.applicants().leaves("2021")
ROWS = codes.rows().leaves("2021")
OUTCOMES = [
    r
    for r in ROWS
    if r not in ("new_received", "carried_over", "total_processed", "carried_forward")
]
HEADER = (
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
)
FRAME = (
    "平潭综合实验区2022年度政府信息公开工作年度报告 一、总体情况 正文。"
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
    "规章000行政规范性文件123第二十条第（五）项信息内容本年处理决定数量行政许可5"
    "第二十条第（六）项信息内容本年处理决定数量行政处罚6行政强制7"
    "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0 {table3}"
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
    "000000000000000 五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。"
)


@st.composite
def consistent_table3(draw) -> dict[tuple[str, str], int]:
    """A table 3 whose row totals, balance and outcome sums all hold."""
    small = st.integers(0, 40)
    values: dict[tuple[str, str], int] = {}
    for column in COLUMNS[:-1]:
        sparse = draw(st.sampled_from([True, True, True, False]))
        for row in OUTCOMES:
            values[(row, column)] = draw(st.just(0) | small) if sparse else draw(small)
        handled = sum(values[(row, column)] for row in OUTCOMES)
        forward = draw(st.integers(0, 10))
        carried = draw(st.integers(0, handled + forward))
        values[("total_processed", column)] = handled
        values[("carried_forward", column)] = forward
        values[("carried_over", column)] = carried
        values[("new_received", column)] = handled + forward - carried
    for row in ROWS:
        values[(row, "total")] = sum(values[(row, c)] for c in COLUMNS[:-1])
    return values


def glued(values: dict[tuple[str, str], int]) -> str:
    rows = codes.rows()
    printed = []
    for row in ROWS:
        digits = "".join(str(values[(row, column)]) for column in COLUMNS)
        printed.append(f"{rows.label(row)}{digits}")
    return HEADER + "".join(printed)


SURE = ("", "split")


def assert_right_or_flagged(report: govinfo.Report, values: dict[tuple[str, str], int]) -> None:
    """Every cell of the table is present; one written as sure (no flag, or ``split``) is right."""
    for key, truth in values.items():
        cell = report.requests[key]
        if cell.flag in SURE:
            assert cell.value == truth, f"{key}: wrote {cell.value} ({cell.flag!r}), truth {truth}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_table3())
def test_glued_table3_is_right_or_flagged(values):
    assert_right_or_flagged(govinfo.parse(FRAME.format(table3=glued(values))), values)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_table3(), st.sampled_from(ROWS), st.integers(0, 100))
def test_a_digit_lost_from_one_row_is_right_or_flagged(values, row, position):
    text = glued(values)
    label = codes.rows().label(row)
    start = text.index(label) + len(label)
    digits = "".join(str(values[(row, column)]) for column in COLUMNS)
    cut = start + position % len(digits)
    report = govinfo.parse(FRAME.format(table3=text[:cut] + text[cut + 1 :]))
    assert_right_or_flagged(report, values)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_table3(), st.sampled_from(ROWS), st.integers(2019, 2026))
def test_a_year_glued_after_a_row_is_read_as_narrative(values, row, year):
    text = glued(values)
    following = ROWS.index(row) + 1
    end = text.index(codes.rows().label(ROWS[following])) if following < len(ROWS) else len(text)
    glued_year = text[:end] + f"{year}年，我局全年共办理政府信息公开申请。" + text[end:]
    report = govinfo.parse(FRAME.format(table3=glued_year))
    assert_right_or_flagged(report, values)


EXAMPLE = example_path().read_text(encoding="utf-8")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 400), st.text(max_size=30)),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_report_gives_report_or_govinfo_error(edits):
    text = EXAMPLE
    for start, length, insert in edits:
        text = text[:start] + insert + text[start + length :]
    _report_or_govinfo_error(text)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_gives_report_or_govinfo_error(text):
    _report_or_govinfo_error(text)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_give_report_or_govinfo_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "input.txt"
    path.write_bytes(data)
    _report_or_govinfo_error(path)


def _report_or_govinfo_error(source) -> None:
    try:
        report = govinfo.parse(source)
    except govinfo.GovinfoError:
        return
    assert isinstance(report, govinfo.Report)
