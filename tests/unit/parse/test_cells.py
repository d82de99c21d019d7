"""Table grids: spans expanded, cells written once, blanks kept as blanks."""

from __future__ import annotations

import pytest

import govinfo
from govinfo.parse.documents.cells import Span, cell_text, expand, pipe_rows
from govinfo.parse.text.tokens import tokenize


def test_rowspan_and_colspan_take_their_slots():
    grid = expand(
        [
            [Span("note", rows=2, cols=2), Span("申请人情况", cols=2)],
            [Span("自然人"), Span("总计")],
            [Span("一、本年新收", cols=2), Span("3"), Span("3")],
        ],
        name="t",
        table="t",
    )
    assert grid == [
        ["note", None, "申请人情况", None],
        [None, None, "自然人", "总计"],
        ["一、本年新收", None, "3", "3"],
    ]


def test_a_rowspan_past_the_last_row_is_cut_and_ragged_rows_are_padded():
    grid = expand([[Span("a", rows=9), Span("b")], [Span("c")]], name="t", table="t")
    assert grid == [["a", "b"], [None, "c"]]


def test_a_table_too_large_is_a_parse_error():
    with pytest.raises(govinfo.ParseError, match="not a report table"):
        expand([[Span("x", rows=1, cols=1000)]] * 300, name="page.html", table="HTML table 1")


def test_each_cell_is_written_once_in_its_first_row():
    grid = [
        ["三、本年度办理结果", "（一）予以公开", None, "15", "0"],
        [None, "（二）部分公开", None, "", "0"],
    ]
    assert pipe_rows(grid) == [
        "| 三、本年度办理结果 | （一）予以公开 | 15 | 0 |",
        "| （二）部分公开 |  | 0 |",
    ]


def test_blank_value_cells_stay_empty_cells_for_the_text_reader():
    tokens = tokenize("\n".join(pipe_rows([["二、上年结转", "", "", "0"]])))
    assert [(t.kind, t.text) for t in tokens] == [
        ("label", "二、上年结转"),
        ("cell", ""),
        ("cell", ""),
        ("cell", "0"),
    ]


def test_empty_cells_among_labels_are_not_values():
    """A row-group label column cut off by a page break leaves an empty label cell."""
    grid = [["", "法提供", "2.没有现成信息需要另行制作", "11", ""]]
    assert pipe_rows(grid) == ["| 法提供 | 2.没有现成信息需要另行制作 | 11 |  |"]


def test_rows_without_text_are_left_out():
    assert pipe_rows([["", None, ""], ["a", "1", None]]) == ["| a | 1 |"]


def test_cell_lines_join_like_a_printed_label_and_pipes_cannot_split_a_row():
    assert cell_text(["商业", "企业"]) == "商业企业"
    assert cell_text(["三、", "本", "年", "度"]) == "三、本年度"
    assert cell_text(["a|b"]) == "a｜b"


def test_numbers_on_separate_lines_of_a_cell_are_never_glued_into_one():
    assert cell_text(["12", "5"]) == "12 5"
