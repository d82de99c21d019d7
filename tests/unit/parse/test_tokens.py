"""Glued crawler text cut into labels, cells and digit runs: the narrative stays narrative."""

from __future__ import annotations

import pytest

from govinfo.parse.text.fuzzy import nearest
from govinfo.parse.text.labels import vocabulary
from govinfo.parse.text.tokens import glued_tokens, unit_of


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in glued_tokens(text)]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "四、结转下年度继续办理20000022025年，我局",
            [("label", "四、结转下年度继续办理"), ("run", "2000002"), ("label", "2025年，我局")],
        ),
        (
            "行政事业性收费02025年，我局",
            [("label", "行政事业性收费"), ("run", "0"), ("label", "2025年，我局")],
        ),
        (
            "2023年，主动公开政府信息128条，涵盖政策6条。",
            [("label", "2023年，主动公开政府信息128条，涵盖政策6条。")],
        ),
        ("占82.4%，较2022年上升3.6个百分点", [("label", "占82.4%，较2022年上升3.6个百分点")]),
        (
            "政府集中采购1个246900元三、",
            [("label", "政府集中采购"), ("cell", "1个"), ("run", "246900元"), ("label", "三、")],
        ),
        ("2笔 984361元", [("cell", "2笔"), ("run", "984361元")]),
        ("行政许可16减12 5", [("label", "行政许可"), ("run", "16"), ("run", "减12"), ("run", "5")]),
        (
            "1.属于国家秘密00000002.其他",
            [("label", "1.属于国家秘密"), ("run", "0000000"), ("label", "2.其他")],
        ),
    ],
)
def test_glued_text(text, tokens):
    assert _tokens(text) == tokens


def test_a_run_reads_its_sign_and_unit():
    assert unit_of("减12") == ("-12", "")
    assert unit_of("246900元") == ("246900", "元")
    assert unit_of("1个") == ("1", "")


def test_numbers_keep_their_place_and_gap_in_a_line():
    tokens = list(glued_tokens("本年新收      15 0    3", indent=4))
    assert [(t.text, t.offset, t.gap) for t in tokens[1:]] == [
        ("15", 14, 6),
        ("0", 17, 1),
        ("3", 22, 4),
    ]


@pytest.mark.parametrize(
    ("codelist", "label", "code"),
    [
        ("measures", "先行有效件数", "in_force"),
        ("measures", "本年废止件", "repealed"),
        ("measures", "本年公开数量", "published"),
        ("rows", "2.其他法律和行政法规禁止公开", "withheld.prohibited_by_law"),
        (
            "rows",
            "1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请",
            "other.no_correction",
        ),
    ],
)
def test_labels_with_a_typo_or_a_variant_are_matched(codelist, label, code):
    (match,) = vocabulary(codelist).find(label)
    assert (match.code, match.edits) == (code, 1)


def test_close_labels_are_not_confused():
    assert nearest("本年制发件数", "本年废止件数") is None  # two edits for six characters
    assert nearest("结果维持", "结果纠正") is None  # too short to match approximately
