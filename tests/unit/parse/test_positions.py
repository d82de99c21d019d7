"""Tables rebuilt from positioned words (OCR boxes, unruled PDF glyphs): rows, columns, headers."""

from __future__ import annotations

from govinfo.parse.documents.positions import (
    Word,
    document_lines,
    table_grid,
    words_from_glyphs,
)
from govinfo.parse.documents.ruling import Box, Glyph


def word(text: str, x: float, y: float, width: float | None = None, height: float = 10) -> Word:
    """A word whose box starts at (x, y); its width one text height per character by default."""
    return Word(text, Box(x, y, x + (width or height * len(text)), y + height))


def grid_text(words: list[Word]) -> list[list[str]]:
    return [[slot for slot in row if slot is not None] for row in table_grid(words)]


def test_rows_come_from_the_values_and_labels_join_the_nearest_row():
    words = [
        word("（二）部分公开（区分处理的，", 0, 0),
        word("只计这一情形）", 0, 14),
        word("447", 200, 7, 15),
        word("454", 260, 7, 15),
        word("（三）不予公开", 0, 40),
        word("2", 200, 40, 5),
        word("2", 260, 40, 5),
    ]
    assert grid_text(words) == [
        ["（二）部分公开（区分处理的，只计这一情形）", "447", "454"],
        ["（三）不予公开", "2", "2"],
    ]


def test_wrapped_header_fragments_join_and_a_parent_stays_a_cell_of_its_own():
    words = [
        word("自然人", 100, 10, 30),
        word("法人或其他组织", 140, 0, 80),
        word("商业企", 140, 15, 30),
        word("业", 140, 28, 10),
        word("科研机构", 190, 15, 40),
        word("总计", 240, 10, 20),
        word("一、本年新收", 0, 60),
        word("3", 110, 60, 5),
        word("1", 150, 60, 5),
        word("0", 200, 60, 5),
        word("4", 245, 60, 5),
    ]
    assert grid_text(words) == [
        ["自然人", "法人或其他组织", "商业企业", "科研机构", "总计"],
        ["一、本年新收", "3", "1", "0", "4"],
    ]


def test_a_column_blank_all_the_way_down_keeps_the_place_of_its_header():
    words = [word("甲", 100, 0), word("乙", 150, 0), word("丙", 200, 0)]
    words += [word("第一行", 0, 30), word("5", 100, 30, 5), word("7", 200, 30, 5)]
    words += [word("第二行", 0, 60), word("6", 100, 60, 5), word("8", 200, 60, 5)]
    assert grid_text(words)[1:] == [["第一行", "5", "", "7"], ["第二行", "6", "", "8"]]


def test_a_row_label_without_values_is_a_row_of_blank_cells():
    words = [word("本年制发件数", 100, 0, 60), word("本年废止件数", 170, 0, 60)]
    words += [word("规章", 0, 30), word("行政规范性文件", 0, 60), word("8", 100, 60, 5)]
    words += [word("26", 170, 60, 10)]
    assert grid_text(words)[1:] == [["规章", "", ""], ["行政规范性文件", "8", "26"]]


def test_a_box_holding_several_numbers_is_cut_into_its_cells():
    words = [word("甲", 100, 0), word("乙", 140, 0), word("丙", 180, 0)]
    words += [word("第一行", 0, 30), word("12 0 7", 100, 30, 90)]
    assert grid_text(words)[1] == ["第一行", "12", "0", "7"]


def test_pages_are_stacked_without_their_page_numbers_and_tables_become_pipe_rows():
    first = [word("一、总体情况", 0, 0, 60), word("三、收到和处理政府信息公开申请情况", 0, 30, 200)]
    first += [word("总计", 200, 60, 20), word("- 1 -", 100, 780, 30)]
    second = [word("- 2 -", 100, 0, 30), word("（七）总计", 0, 20, 50), word("15", 200, 20, 10)]
    second += [word("五、存在的主要问题及改进情况", 0, 60, 150)]
    assert document_lines([(800, first), (800, second)]) == [
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        "| 总计 |",
        "| （七）总计 | 15 |",
        "五、存在的主要问题及改进情况",
    ]


def test_glyphs_run_into_words_cut_at_gaps_wider_than_half_a_character():
    glyphs = [Glyph(c, Box(10 * i, 0, 10 * i + 9, 10)) for i, c in enumerate("规章")]
    glyphs += [Glyph("1", Box(80, 0, 85, 10)), Glyph("2", Box(86, 0, 91, 10))]
    words = words_from_glyphs(glyphs)
    assert [w.text for w in words] == ["规章", "12"]
    assert words[1].box == Box(80, 0, 91, 10)
