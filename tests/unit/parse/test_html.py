"""Reports read from HTML pages: the report's element, Word-pasted tables, safe parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.parse.documents import html as html_reader
from govinfo.parse.documents.html import html_to_text
from govinfo.parse.report import read_text
from tests.conftest import expected_for
from tests.expectations import cell_differences
from tests.printed import report_html, title

EXAMPLE = "hunan_lengshuitan-gov_2022"


@pytest.fixture(scope="module")
def expected() -> dict:
    return expected_for(EXAMPLE)


@pytest.fixture(scope="module")
def page(expected) -> str:
    return report_html(expected)


def test_a_word_pasted_page_reads_every_cell(page, expected, tmp_path):
    path = tmp_path / f"{EXAMPLE}.html"
    path.write_text(page, encoding="utf-8")
    report = govinfo.parse(path)
    assert cell_differences(report, expected) == []
    assert report.requests[("carried_over", "natural_person")] == govinfo.Cell(None, "")
    assert report.requests[("carried_over", "total")] == govinfo.Cell(0, "0")
    assert (report.year, report.template) == (2022, "2021")
    assert report.title == title(expected)
    assert report.published == dt.date(2023, 1, 18)
    assert report.warnings == []
    assert report.sections[5].text == "无。"


def test_navigation_scripts_and_page_chrome_are_not_read(page, expected):
    text = html_to_text(page, "page.html")
    for chrome in ("首页", "主办", "var nav", "门户网站"):
        assert chrome not in text
    assert text.count(title(expected)) == 1
    assert "发布日期：2023-01-18" in text.splitlines()


def test_a_gb18030_page_reads_like_utf8(page, tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(page.replace("utf-8", "gb2312").encode("gb18030"))
    utf8 = tmp_path / "utf8.html"
    utf8.write_text(page, encoding="utf-8")
    assert govinfo.parse(path).requests == govinfo.parse(utf8).requests


def test_labels_split_over_elements_and_lines_are_one_label():
    text = html_to_text(
        "<table><tr><td>商业<br>企业</td><td><span>科研</span><font>机<b>构</b></font></td>"
        "<td><p>社会公益</p><p>组织</p></td></tr></table>",
        "t.html",
    )
    assert text == "| 商业企业 | 科研机构 | 社会公益组织 |\n"


def test_nbsp_and_word_filler_cells_are_blank_not_zero():
    text = html_to_text(
        "<table><tr><td>二、上年结转政府信息公开申请数量</td><td>&nbsp;</td>"
        "<td><p><o:p>&nbsp;</o:p></p></td><td>0</td></tr></table>",
        "t.html",
    )
    assert text == "| 二、上年结转政府信息公开申请数量 |  |  | 0 |\n"


def test_layout_tables_are_read_as_their_content():
    """A table holding tables, or of one column, lays out text: its tables stay tables."""
    text = html_to_text(
        "<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "</td></tr><tr><td><table><tr><td>注：单位为件。</td></tr></table></td></tr></table>",
        "t.html",
    )
    assert text == "一、总体情况\n| 规章 | 0 |\n注：单位为件。\n"


def test_hidden_elements_are_not_read():
    text = html_to_text(
        "<div><p>看得见</p><p style='DISPLAY: none'>看不见</p>"
        "<span style='mso-hide:all'>也看不见</span></div>",
        "t.html",
    )
    assert text == "看得见\n"


def test_a_page_inside_a_form_is_read():
    """Sites built with ASP.NET wrap the whole page in one <form>."""
    text = html_to_text(
        "<body><form id='form1'><div>导航</div><div id='zoom'><p>一、总体情况</p><p>正文。</p>"
        "<p>二、主动公开政府信息情况</p></div></form></body>",
        "t.aspx.html",
    )
    assert text == "一、总体情况\n正文。\n二、主动公开政府信息情况\n"


def test_a_page_without_section_headings_is_read_whole():
    assert html_to_text("<div><p>一</p><div><p>二</p></div></div>", "t.html") == "一\n二\n"


def test_entities_and_doctypes_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    text = html_to_text(
        f'<!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">]><p>a&xxe;b</p>', "t.html"
    )
    assert "SECRET-CONTENT" not in text


def test_a_page_over_the_size_limit_is_a_parse_error(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_CHARS", 100)
    with pytest.raises(govinfo.ParseError, match="limit is 100"):
        html_to_text("<p>" + "字" * 200 + "</p>", "big.html")


@pytest.mark.parametrize("content", ["", "   \n"])
def test_an_empty_page_is_a_parse_error_naming_the_file(content, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(govinfo.ParseError, match=r"empty\.html"):
        govinfo.parse(path)


def test_a_doc_file_that_is_a_saved_web_page_is_read_as_html(page, tmp_path, expected):
    path = tmp_path / "report.doc"
    path.write_text(page, encoding="utf-8")
    assert cell_differences(govinfo.parse(path), expected) == []


FRAGMENTS = (
    "<",
    ">",
    "<tr>",
    "</td>",
    "<td rowspan=0>",
    "<td colspan=99999>",
    "<table>",
    "</table>",
    "&nbsp;",
    "&#0;",
    "<![if !supportLists]>",
    "<!--",
    "\x00",
    "|",
    "一、总体情况",
    "三、收到和处理政府信息公开申请情况",
    "（七）总计",
    "713000074",
    "<br>",
    '"',
    "<o:p>",
    "</div>",
    "<p style='display:none'>",
)


@st.composite
def mutated_pages(draw: st.DrawFn, page: str) -> str:
    """The page truncated, with slices deleted or repeated, or with fragments of markup put in."""
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(page)))
        end = draw(st.integers(start, min(len(page), start + 3000)))
        action = draw(st.sampled_from(("truncate", "delete", "repeat", "insert")))
        if action == "truncate":
            page = page[:start]
        elif action == "delete":
            page = page[:start] + page[end:]
        elif action == "repeat":
            page = page[:end] + page[start:end] + page[end:]
        else:
            page = page[:start] + draw(st.sampled_from(FRAGMENTS)) + page[start:]
    return page


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_pages_give_a_report_or_a_govinfo_error(data, page):
    text = data.draw(mutated_pages(page))
    try:
        report = read_text(html_to_text(text, "page.html"), report_id="page", name="page.html")
    except govinfo.GovinfoError:
        return
    assert isinstance(report, govinfo.Report)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from((*FRAGMENTS, "<td>", "5", "行政复议", "<p>"))).map("".join))
def test_tag_soup_gives_a_report_or_a_govinfo_error(soup):
    try:
        report = read_text(html_to_text(soup, "soup.html"), report_id="soup", name="soup.html")
    except govinfo.GovinfoError:
        return
    assert isinstance(report, govinfo.Report)


@pytest.mark.parametrize("tag", ["script", "style", "textarea", "iframe", "title"])
def test_an_unclosed_raw_text_element_does_not_swallow_the_report(tag, page, expected, tmp_path):
    start = page.index("二、主动公开")
    path = tmp_path / f"{EXAMPLE}.html"
    path.write_text(page[:start] + f"<{tag}>" + page[start:], encoding="utf-8")
    assert cell_differences(govinfo.parse(path), expected) == []


@pytest.mark.parametrize("tag", ["div", "span"])
def test_layout_elements_nested_past_the_parsers_limit_keep_the_report(
    tag, page, expected, tmp_path
):
    start = page.index("二、主动公开")
    path = tmp_path / f"{EXAMPLE}.html"
    path.write_text(page[:start] + f"<{tag}>" * 5000 + page[start:], encoding="utf-8")
    assert cell_differences(govinfo.parse(path), expected) == []


@pytest.mark.parametrize("depth", [300, 3000])
def test_tables_nested_deep_read_or_are_a_clear_error(depth, page, expected, tmp_path):
    start = page.index("二、主动公开")
    path = tmp_path / "deep.html"
    path.write_text(page[:start] + "<table><tr><td>" * depth + page[start:], encoding="utf-8")
    try:
        report = govinfo.parse(path)
    except govinfo.ParseError as exc:
        assert "deep.html: " in str(exc)
        return
    assert cell_differences(report, expected) == []


@pytest.mark.parametrize("share", [0.3, 0.5, 0.7, 0.9])
def test_a_page_cut_off_is_an_error_or_every_lost_cell_is_unread(share, page, expected, tmp_path):
    path = tmp_path / f"{EXAMPLE}.html"
    path.write_text(page[: int(len(page) * share)], encoding="utf-8")
    try:
        report = govinfo.parse(path)
    except govinfo.ParseError:
        return
    for problem in cell_differences(report, expected):
        table, key = problem.split("(", 1)
        row, column = (part.strip(" '") for part in key.split(")")[0].split(","))
        cells = getattr(report, table)
        if (row, column) in cells:
            assert cells[(row, column)].flag == "unread", problem
        else:  # a row printed as one (六) the cut took: its template rows stand in, unread
            stand_in = [c for (r, k), c in cells.items() if r.startswith(f"{row}.") and k == column]
            assert stand_in and {c.flag for c in stand_in} == {"unread"}, problem
    assert any(d.code == "truncated" for d in report.diagnostics) or share == 0.9
