"""Which links of a page are reports, further list pages and attachments."""

from __future__ import annotations

import pytest

from govinfo.harvest.links import Page, extension, is_report_title, same_site

LIST = "http://www.example.gov.cn/zwgk/ndbg/index.htm"


@pytest.mark.parametrize(
    "title",
    [
        "平潭综合实验区2024年度政府信息公开工作年度报告",
        "平潭综合实验区地方税务局2013年信息公开年度报告",
        "2023年度政府信息公开工作报告",
        "２０２３年政府信息公开年报",
        "淮安市人民政府 2024 年政府信息公开工作 年度报告",
        "二〇二二年政府信息公开工作年度报告",
    ],
)
def test_annual_report_titles(title):
    assert is_report_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "政府信息公开年报",  # the column's own name: no year
        "平潭综合实验区政府信息公开指南（2024年版）",
        "关于2014年政府信息公开工作要点落实情况的函",
        "一图读懂平潭综合实验区2024年度政府信息公开工作年度报告",
        "《2023年政府信息公开工作年度报告》解读",
        "关于报送2023年政府信息公开工作年度报告的通知",
        "2024年政务公开工作要点",
    ],
)
def test_titles_that_are_not_reports(title):
    assert not is_report_title(title)


def _page(body: str, url: str = LIST, head: str = "") -> Page:
    return Page(f"<html><head>{head}</head><body>{body}</body></html>", url)


def test_report_links_in_their_three_forms_with_the_dates_beside_them():
    page = _page(
        """<dl><dd><a href="./202503/t1.htm" title="平潭综合实验区2024年度政府信息公开工作年度报告">
        平潭综合实验区2024年度政府信息公…</a></dd><dd>2025-03-10</dd></dl>
        <table><tr><td><a href="javascript:void(0)" onclick="window.open('/zwgk/ndbg/t2.htm')">
        2023年政府信息公开工作年度报告</a></td><td>2024年1月30日</td></tr>
        <tr><td><a href="javascript:location.href='t3.htm'">2022年政府信息公开年报</a></td></tr>
        </table>
        <script>document.write('<li><a href=\\"t4.htm\\">2021年政府信息公开工作年度报告</a>'
        + '<span>2022-01-20</span></li>');</script>
        <script type="text/xml"><datastore><recordset><record><![CDATA[<li>
        <a href="/zwgk/ndbg/t5.htm">2020年政府信息公开工作年度报告</a><b>2021.2.1</b></li>]]>
        </record></recordset></datastore></script>
        <a href="t6.htm">2024年政府信息公开指南</a>"""
    )
    found = [(link.url.rsplit("/", 1)[1], link.text, link.date) for link in page.reports()]
    assert found == [
        ("t1.htm", "平潭综合实验区2024年度政府信息公开工作年度报告", "2025-03-10"),
        ("t2.htm", "2023年政府信息公开工作年度报告", "2024-01-30"),
        ("t3.htm", "2022年政府信息公开年报", ""),
        ("t4.htm", "2021年政府信息公开工作年度报告", "2022-01-20"),
        ("t5.htm", "2020年政府信息公开工作年度报告", "2021-02-01"),
    ]


def test_links_resolve_against_base_href():
    page = _page(
        '<a href="art/2025/art_1.html">2024年政府信息公开工作年度报告</a>'
        '<a href="//other.example.cn/a.html">2023年政府信息公开工作年度报告</a>',
        url="http://www.example.gov.cn/col/col12/index.html?uid=3&pageNum=1",
        head='<base href="http://www.example.gov.cn/col/col12/">',
    )
    assert [link.url for link in page.reports()] == [
        "http://www.example.gov.cn/col/col12/art/2025/art_1.html",
        "http://other.example.cn/a.html",
    ]


def test_next_pages_in_several_cms_styles_and_only_in_the_same_directory():
    page = _page(
        """<div class="page"><a href="index_1.htm">下一页</a> <a href="index_2.htm">3</a>
        <a href="index.htm?page=4">尾页</a> <a href="list_5.html">more</a>
        <a href="/zwgk/other/index_1.htm">2</a> <a href="http://elsewhere.cn/zwgk/ndbg/index_1.htm">下一页</a>
        <a href="t1.htm">2024年政府信息公开工作年度报告</a></div>
        <script>var countPage = 4; createPageHTML(countPage, 0, "index", "htm");</script>"""
    )
    assert page.next_pages() == [
        "http://www.example.gov.cn/zwgk/ndbg/index_1.htm",
        "http://www.example.gov.cn/zwgk/ndbg/index_2.htm",
        "http://www.example.gov.cn/zwgk/ndbg/index.htm?page=4",
        "http://www.example.gov.cn/zwgk/ndbg/list_5.html",
        "http://www.example.gov.cn/zwgk/ndbg/index_3.htm",
    ]


def test_newer_trs_pagination_names_its_element_first():
    page = _page("<script>createPageHTML('page_div', 3, 1, 'index', 'shtml', 45);</script>")
    assert page.next_pages() == [
        "http://www.example.gov.cn/zwgk/ndbg/index_1.shtml",
        "http://www.example.gov.cn/zwgk/ndbg/index_2.shtml",
    ]


def test_attachments_are_documents_outside_the_chrome_and_images_in_the_report():
    page = _page(
        """<div class="header"><img src="/logo.png"><a href="/guide.pdf">指南.pdf</a></div>
        <div class="main"><div class="TRS_Editor"><p>一、总体情况</p>
        <p><img src="W0201.png"></p></div>
        <p>附件：<a href="P0201.pdf">年报.pdf</a>
        <a href="/module/download/downfile.jsp?classid=0&filename=2403.docx">年报.docx</a>
        <a href="t2.htm">上一篇</a></p><img src="/share.png"></div>
        <div class="footer"><a href="/help.doc">帮助</a></div>""",
        url="http://www.example.gov.cn/zwgk/ndbg/202503/t1.htm",
    )
    assert [(link.url.rsplit("/", 1)[1], link.text) for link in page.attachments()] == [
        ("P0201.pdf", "年报.pdf"),
        ("downfile.jsp?classid=0&filename=2403.docx", "年报.docx"),
        ("W0201.png", ""),
    ]


def test_the_report_element_without_a_known_container_has_the_most_paragraphs():
    page = _page(
        '<div id="side"><p><img src="/ad.png"></p></div>'
        '<div id="text"><p>一</p><p>二</p>'
        '<table><tr><td><img src="table.png"></td></tr></table></div>'
    )
    assert [link.url.rsplit("/", 1)[1] for link in page.attachments()] == ["table.png"]


def test_extension_and_site():
    assert extension("http://x.cn/a/B.PDF") == "pdf"
    assert extension("http://x.cn/downfile.jsp?filename=r.wps") == "wps"
    assert extension("http://x.cn/art_1.html") == "html"
    assert same_site("http://x.cn/a", "https://X.cn/b")
    assert not same_site("http://x.cn:8080/a", "http://x.cn/b")
