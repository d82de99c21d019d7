"""``govinfo harvest`` against two sites on 127.0.0.1 built from corpus reports (issue #17).

Site A holds two report columns: a TRS one (``index.htm``, its second page
``index_1.htm`` announced by ``createPageHTML`` and encoded in GB2312, its
report link a ``window.open`` string) and a Hanweb-like one (``<base
href>``, numbered and 下一页 links with ``?pageNum=``, list items inside a
``<script type="text/xml">`` data store). Its robots.txt disallows
``/private/``, where a report-like link points. Site B is elsewhere (another
port): it holds the PDF a wrapper page on A attaches, and a report that A's
list links but that lies off the column's site. The harvester runs three
times: a first harvest with ``--parse``, the same command again, and once
more after a new report was listed.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

import govinfo
from tests.conftest import CORPUS, ROOT, expected_for
from tests.expectations import cell_differences
from tests.sites import Hit, Page, Site

DELAY = 0.2
CONTACT = "harvest-test@example.org"
TRS = "/zwgk/zfxxgknb/"
HANWEB = "/col/col1234/"
REPORT_2024 = TRS + "202503/t20250310_97791.htm"
REPORT_2022 = TRS + "202302/t20230220_80629.htm"
IMAGE = TRS + "202503/W020250310551238.png"
WRAPPER = HANWEB + "art/2025/3/31/art_1234_5678.html"
PDF = "/files/szfgs2024.pdf"
NEW_REPORT = TRS + "202603/t20260313_105587.htm"
COLUMN_A = TRS + "index.htm"
COLUMN_B = HANWEB + "index.html?uid=4567&pageNum=1"
LISTS = {COLUMN_A, TRS + "index_1.htm", COLUMN_B, HANWEB + "index.html?uid=4567&pageNum=2"}
TITLES = {
    REPORT_2024: "平潭综合实验区2024年度政府信息公开工作年度报告",
    REPORT_2022: "平潭综合实验区2022年度政府信息公开工作年度报告",
    WRAPPER: "淮安市人民政府2024年政府信息公开工作年度报告",
}
EXPECTED = {  # report id (the file's stem) → corpus report
    "t20250310_97791": "fujian_pingtan-gov_2024",
    "t20230220_80629": "fujian_pingtan-gov_2022",
    "szfgs2024": "jiangsu_huaian-gov_2024",
}


def _page(title: str, content: str, head: str = '<meta charset="utf-8">') -> str:
    """A report page as government sites print one: header, menu, content, footer."""
    return f"""<!DOCTYPE html><html><head>{head}<title>{title}_平潭综合实验区</title></head>
<body><div class="header"><img src="/images/logo.png" alt="logo">
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="main"><h1>{title}</h1><div class="info">发布时间：2025-03-10</div>{content}</div>
<div class="footer"><a href="/help/guide.pdf">网站使用帮助.pdf</a> 版权所有</div></body></html>"""


def _site_a(b: str, corpus: Path) -> dict[str, Page]:
    pingtan_2024 = (corpus / "fujian_pingtan-gov_2024.html").read_text(encoding="utf-8")
    pingtan_2022 = (corpus / "fujian_pingtan-gov_2022.html").read_text(encoding="utf-8")
    content, end, rest = pingtan_2024.rpartition("</div>")  # the image goes inside TRS_Editor
    with_image = f'{content}<p><img src="./{IMAGE.rsplit("/", 1)[1]}" alt="表格"></p>{end}{rest}'
    gbk = "text/html"  # no charset in the header: the page's <meta> says GB2312
    return {
        "/robots.txt": Page(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        COLUMN_A: Page(
            f"""<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="header"><a href="/">首页</a><a href="{TRS}">政府信息公开年报</a></div>
<div class="list">
<dl><dd><a href="./202503/t20250310_97791.htm" title="{TITLES[REPORT_2024]}">
平潭综合实验区2024年度政府信息公开工作年度…</a></dd><dd>2025-03-10</dd></dl>
<dl><dd><a href="./202503/t20250311_97801.htm">
一图读懂平潭综合实验区2024年度政府信息公开工作年度报告</a></dd><dd>2025-03-11</dd></dl>
<dl><dd><a href="./202401/t20240105_86001.htm">平潭综合实验区政府信息公开指南（2024年版）</a></dd>
<dd>2024-01-05</dd></dl>
<dl><dd><a href="/private/zfxxgknb/t20220208_80613.htm">
平潭综合实验区2021年度政府信息公开工作年度报告</a></dd><dd>2022-02-08</dd></dl>
</div><div class="page" id="page"></div>
<script>var countPage = 2; createPageHTML(countPage, 0, "index", "htm");</script>
</body></html>""".encode(),
        ),
        TRS + "index_1.htm": Page(
            f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>政府信息公开年报</title></head><body><ul class="list">
<li><a href="javascript:void(0)" onclick="window.open('./202302/t20230220_80629.htm')">
{TITLES[REPORT_2022]}</a><span>2023-02-20</span></li></ul>
<div class="page"><a href="index.htm">上一页</a> <a href="index.htm">1</a> <b>2</b></div>
<script>createPageHTML(2, 1, "index", "htm");</script></body></html>""".encode("gb2312"),
            gbk,
        ),
        REPORT_2024: Page(_page(TITLES[REPORT_2024], with_image).encode()),
        IMAGE: Page(b"\x89PNG\r\n\x1a\n table image", "image/png"),
        REPORT_2022: Page(
            _page(TITLES[REPORT_2022], pingtan_2022, head="").encode("gbk", "xmlcharrefreplace"),
            "text/html; charset=GBK",
        ),
        COLUMN_B: Page(
            f"""<html><head><meta charset="utf-8"><base href="http://{{host}}{HANWEB}"></head><body>
<div id="4567"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=1234">
</a>]]></nextgroup><recordset>
<record><![CDATA[<li><a href="{b}/ndbg/2020.html" target="_blank">
平潭综合实验区2020年度政府信息公开工作年度报告</a><span>2021-03-05</span></li>]]></record>
<record><![CDATA[<li><a href="art/2025/3/10/art_1234_5600.html">
淮安市2025年政务公开工作要点</a><span>2025-03-10</span></li>]]></record>
</recordset></datastore></script></div>
<div class="pages"><a href="index.html?uid=4567&amp;pageNum=1">1</a>
<a href="index.html?uid=4567&amp;pageNum=2">2</a>
<a href="index.html?uid=4567&amp;pageNum=2">下一页</a></div></body></html>""".encode(),
        ),
        HANWEB + "index.html?uid=4567&pageNum=2": Page(
            f"""<html><head><meta charset="utf-8"><base href="http://{{host}}{HANWEB}"></head><body>
<ul><li><a href="art/2025/3/31/art_1234_5678.html">{TITLES[WRAPPER]}</a>
<span>2025-03-31</span></li></ul>
<div class="pages"><a href="index.html?uid=4567&amp;pageNum=1">1</a> <b>2</b></div>
</body></html>""".encode(),
        ),
        WRAPPER: Page(
            _page(
                TITLES[WRAPPER],
                f'<div id="zoom"><p>{TITLES[WRAPPER]}</p><p>附件：<a href="{b}{PDF}">'
                "淮安市人民政府2024年政府信息公开工作年度报告.pdf</a></p></div>",
            ).encode()
        ),
    }


def _site_b(corpus: Path) -> dict[str, Page]:
    return {
        "/robots.txt": Page(b"User-agent: *\nAllow: /\n", "text/plain"),
        PDF: Page((corpus / "pdf" / "jiangsu_huaian-gov_2024.pdf").read_bytes(), "application/pdf"),
        "/ndbg/2020.html": Page(
            _page("平潭综合实验区2020年度", "<p>off the column's site</p>").encode()
        ),
    }


@dataclass
class Run:
    """One harvest command: its result and the requests each site received."""

    result: subprocess.CompletedProcess
    a: list[Hit]
    b: list[Hit]
    manifest: bytes


@dataclass
class Harvested:
    a: Site
    b: Site
    directory: Path
    package: Path
    runs: list[Run]


@pytest.fixture(scope="module")
def harvested(tmp_path_factory) -> Harvested:
    directory = tmp_path_factory.mktemp("harvest")
    package = directory.parent / "package"
    with Site() as a, Site() as b:
        a.pages = {
            path: Page(page.body.replace(b"{host}", a.root[7:].encode()), page.content_type)
            for path, page in _site_a(b.root, CORPUS).items()
        }
        b.pages = _site_b(CORPUS)
        command = [
            sys.executable,
            "-m",
            "govinfo",
            "harvest",
            a.url(COLUMN_A),
            a.url(COLUMN_B),
            "-o",
            str(directory),
            "--contact",
            CONTACT,
            "--delay",
            str(DELAY),
        ]
        runs = []
        for extra in (["--parse", str(package)], [], "new report"):
            if extra == "new report":
                extra = []
                listed = a.pages[COLUMN_A].body.replace(
                    b'<div class="list">',
                    '<div class="list"><dl><dd><a href="./202603/t20260313_105587.htm">'
                    "平潭综合实验区2025年度政府信息公开工作年度报告</a></dd>"
                    "<dd>2026-03-13</dd></dl>".encode(),
                )
                a.pages[COLUMN_A] = Page(listed, last_modified=1_770_000_000)
                a.pages[NEW_REPORT] = Page(_page("2025年度", "<p>新的报告</p>").encode())
            a.log.clear()
            b.log.clear()
            result = subprocess.run(
                command + extra, cwd=ROOT, capture_output=True, text=True, timeout=180
            )
            manifest = (directory / "manifest.csv").read_bytes()
            runs.append(Run(result, list(a.log), list(b.log), manifest))
    return Harvested(a, b, directory, package, runs)


def _paths(hits: list[Hit], status: int | None = None) -> list[str]:
    return sorted(h.path for h in hits if status in (None, h.status))


def _manifest(run: Run) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(run.manifest.decode("utf-8")))
    return {row["url"]: row for row in rows}


def test_first_run_succeeds_and_says_what_it_skipped(harvested):
    result = harvested.runs[0].result
    assert result.returncode == 0, result.stderr
    assert "5 file(s) downloaded, 0 unchanged, 0 failed" in result.stdout
    assert "wrote 3 report(s)" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if line.startswith("govinfo: skipped")]
    assert [line.split(": ", 3)[2].rsplit("/", 1)[1] for line in skipped] == [
        "t20220208_80613.htm",
        "2020.html",
    ]


def test_every_report_and_attachment_is_downloaded_once_and_nothing_else(harvested):
    """The exact requests: robots.txt, four list pages, three reports, an image, a PDF."""
    run = harvested.runs[0]
    assert _paths(run.a) == sorted(
        {"/robots.txt", *LISTS, REPORT_2024, IMAGE, REPORT_2022, WRAPPER}
    )
    assert _paths(run.b) == ["/files/szfgs2024.pdf", "/robots.txt"]
    assert all(hit.status == 200 for hit in run.a + run.b)


def test_robots_disallowed_distractors_and_offsite_reports_are_never_requested(harvested):
    requested = {hit.path for run in harvested.runs for hit in run.a + run.b}
    never = {
        "/private/zfxxgknb/t20220208_80613.htm",  # report-like, but robots.txt disallows /private/
        TRS + "202503/t20250311_97801.htm",  # 一图读懂: an interpretation, not the report
        TRS + "202401/t20240105_86001.htm",  # 政府信息公开指南
        HANWEB + "art/2025/3/10/art_1234_5600.html",  # 政务公开工作要点
        "/module/web/jpage/dataproxy.jsp?page=1&columnid=1234",  # a script's data link
        "/ndbg/2020.html",  # a report on site B, linked from a column on site A
        "/help/guide.pdf",  # a document in the site's footer
        "/images/logo.png",  # an image outside the report
    }
    assert requested & never == set()
    rows = _manifest(harvested.runs[0])
    assert rows[harvested.a.url("/private/zfxxgknb/t20220208_80613.htm")]["status"] == "robots"
    assert rows[harvested.b.url("/ndbg/2020.html")]["status"] == "offsite"


def test_one_request_at_a_time_spaced_by_the_delay(harvested):
    """Both sites are on 127.0.0.1: one host for Scrapy, so one queue with one delay."""
    hits = sorted(harvested.runs[0].a + harvested.runs[0].b, key=lambda h: h.time)
    gaps = [later.time - earlier.time for earlier, later in pairwise(hits)]
    assert len(gaps) == 10
    # Server-side times: the first request can be received late on a loaded machine (the
    # server's first connection), which shortens the first gap only.
    assert min(gaps[1:]) >= DELAY - 0.02, gaps
    assert all(later.time >= earlier.done for earlier, later in pairwise(hits))
    assert {hit.user_agent for hit in hits} == {
        f"govinfo/{govinfo.__version__} (annual report harvester; +{CONTACT})"
    }


def test_manifest_rows_say_where_each_file_came_from(harvested):
    rows = _manifest(harvested.runs[0])
    a, b = harvested.a.url, harvested.b.url
    saved = {url: row for url, row in rows.items() if row["path"]}
    assert sorted(saved) == sorted([a(REPORT_2024), a(IMAGE), a(REPORT_2022), a(WRAPPER), b(PDF)])
    for url, row in saved.items():
        site = harvested.a if url.startswith(harvested.a.root) else harvested.b
        body = site.pages[url[len(site.root) :]].body
        assert (harvested.directory / row["path"]).read_bytes() == body
        assert row["status"] == "200" and row["retrieved"].endswith("Z")
    assert {
        a(REPORT_2024): (TITLES[REPORT_2024], "2025-03-10", a(COLUMN_A)),
        a(REPORT_2022): (TITLES[REPORT_2022], "2023-02-20", a(TRS + "index_1.htm")),
        a(WRAPPER): (TITLES[WRAPPER], "2025-03-31", a(HANWEB + "index.html?uid=4567&pageNum=2")),
        b(PDF): ("淮安市人民政府2024年政府信息公开工作年度报告.pdf", "2025-03-31", a(WRAPPER)),
        a(IMAGE): ("表格", "2025-03-10", a(REPORT_2024)),
    } == {url: (r["title"], r["published"], r["listed_on"]) for url, r in saved.items()}
    assert saved[a(REPORT_2022)]["content_type"] == "text/html; charset=GBK"
    assert saved[b(PDF)]["path"].endswith("/files/szfgs2024.pdf")


def test_second_run_downloads_nothing_and_changes_nothing(harvested):
    first, second = harvested.runs[0], harvested.runs[1]
    assert second.result.returncode == 0, second.result.stderr
    assert "0 file(s) downloaded, 5 unchanged, 0 failed" in second.result.stdout
    assert _paths(second.a + second.b, 200) == []
    # robots.txt and the list pages are revalidated (304 Not Modified), nothing else is asked for
    assert _paths(second.a, 304) == sorted({"/robots.txt", *LISTS})
    assert _paths(second.b, 304) == ["/robots.txt"]
    assert all(hit.conditional for hit in second.a + second.b)
    assert second.manifest == first.manifest


def test_a_newly_listed_report_is_all_a_later_run_downloads(harvested):
    third = harvested.runs[2]
    assert third.result.returncode == 0, third.result.stderr
    assert "1 file(s) downloaded, 5 unchanged" in third.result.stdout
    assert _paths(third.a, 200) == sorted([COLUMN_A, NEW_REPORT])
    assert third.manifest.startswith(harvested.runs[0].manifest)


def test_parse_gives_the_expected_cells_with_the_served_urls(harvested):
    data = govinfo.load(harvested.package)
    reports = {report.report_id: report for report in data.to_reports()}
    assert sorted(reports) == sorted(EXPECTED)
    for report_id, stem in EXPECTED.items():
        assert cell_differences(reports[report_id], expected_for(stem)) == [], report_id
    a, b = harvested.a.url, harvested.b.url
    table = data.reports.set_index("report_id")
    assert table["source_url"].to_dict() == {
        "t20250310_97791": a(REPORT_2024),
        "t20230220_80629": a(REPORT_2022),
        "szfgs2024": b(PDF),  # the wrapper page's attachment was read
    }
    assert table["title"].to_dict() == {
        "t20250310_97791": TITLES[REPORT_2024],
        "t20230220_80629": TITLES[REPORT_2022],
        "szfgs2024": TITLES[WRAPPER],
    }
    assert table["published"].astype(str).to_dict() == {
        "t20250310_97791": "2025-03-10",
        "t20230220_80629": "2023-02-20",
        "szfgs2024": "2025-03-31",
    }
