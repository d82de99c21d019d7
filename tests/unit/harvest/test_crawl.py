"""Harvests of small sites on 127.0.0.1 (no corpus needed): stops, failures, errors, options."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from govinfo.cli import main
from tests.conftest import ROOT
from tests.sites import Page, Site

CONTACT = "test@example.org"


def _command(site: Site, directory: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "govinfo",
        "harvest",
        site.url("/ndbg/index.html"),
        "-o",
        str(directory),
        "--contact",
        CONTACT,
        *extra,
    ]


def _list(*items: str) -> Page:
    return Page(f"<html><body><ul>{''.join(items)}</ul></body></html>".encode())


def _item(path: str, year: int) -> str:
    title = f"{year}年政府信息公开工作年度报告"
    return f'<li><a href="{path}">{title}</a><span>{year + 1}-01-20</span></li>'


def _rows(directory: Path) -> dict[str, dict[str, str]]:
    with (directory / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return {row["url"]: row for row in csv.DictReader(f)}


def test_a_killed_run_continues_and_fetches_nothing_it_had_saved(tmp_path):
    reports = {
        f"/ndbg/t{i}.html": f"<html><body><p>report {i}</p></body></html>" for i in range(12)
    }
    pages = {path: Page(body.encode()) for path, body in reports.items()}
    pages["/ndbg/index.html"] = _list(*(_item(path, 2000 + i) for i, path in enumerate(reports)))
    pages["/robots.txt"] = Page(b"", "text/plain")
    with Site(pages) as site:
        command = _command(site, tmp_path, "--delay", "0.25")
        first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while len(_saved(tmp_path)) < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        saved = _saved(tmp_path)
        assert 4 <= len(saved) < 12
        before = len(site.log)
        second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        again = {hit.path for hit in site.log[before:]}
        downloads = [h.path for h in site.log if h.path in reports and h.status == 200]
    assert again & {urlsplit(url).path for url in saved} == set()
    assert set(downloads) == set(reports)
    assert len(downloads) - len(reports) <= 1  # at most the one under way when it was killed
    assert sorted(_saved(tmp_path)) == sorted(site.url(path) for path in reports)


def _saved(directory: Path) -> list[str]:
    """URLs the manifest lists with a file (none while it does not exist yet)."""
    if not (directory / "manifest.csv").is_file():
        return []
    return [url for url, row in _rows(directory).items() if row["path"]]


def test_what_is_not_downloaded_is_a_row_and_a_line(tmp_path):
    big = b"%PDF-1.4 " + b"0" * 3000
    more = '<a href="index_1.html">下一页</a>'
    pages = {
        "/robots.txt": Page(b"", "text/plain"),
        "/ndbg/index.html": _list(_item("t1.html", 2023), _item("gone.html", 2022), more),
        "/ndbg/index_1.html": _list(more.replace("_1", "_2")),
        "/ndbg/index_2.html": _list(_item("t0.html", 2020)),
        "/ndbg/t1.html": Page(
            '<html><body><a href="big.pdf">附件</a><a href="slow.doc">附件</a>'.encode()
        ),
        "/ndbg/big.pdf": Page(big, "application/pdf"),
        "/ndbg/slow.doc": Page(b"doc", "application/msword", wait=2.0),
    }
    with Site(pages) as site:
        result = subprocess.run(
            _command(
                site,
                tmp_path,
                *("--delay", "0", "--max-size", "0.002", "--max-pages", "2"),
                *("--timeout", "0.5"),
            ),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        gone = site.hits("/ndbg/gone.html")
        beyond = site.hits("/ndbg/index_2.html")
        slow = site.hits("/ndbg/slow.doc")
    assert result.returncode == 1
    assert beyond == []
    assert "skipped: " + site.url("/ndbg/index_2.html") + ": not followed: " in result.stderr
    assert "has more than 2 list pages (--max-pages)" in result.stderr
    assert "1 file(s) downloaded, 0 unchanged, 3 failed" in result.stdout
    failed = sorted(line for line in result.stderr.splitlines() if "govinfo: failed:" in line)
    assert len(failed) == 3
    assert (
        "/ndbg/big.pdf: larger than --max-size allows (Expected to receive 3009 bytes" in failed[0]
    )
    assert "gone.html: HTTP 404" in failed[1]
    assert "slow.doc: no answer in time" in failed[2]
    assert len(gone) == 1  # a 404 is not retried
    assert len(slow) == 3  # a timeout is, twice
    rows = {url.rsplit("/", 1)[1]: row for url, row in _rows(tmp_path).items()}
    assert {name: (row["status"], row["path"]) for name, row in rows.items()} == {
        "t1.html": ("200", rows["t1.html"]["path"]),
        "big.pdf": ("too-large", ""),
        "slow.doc": ("timeout", ""),
        "gone.html": ("404", ""),
    }
    assert rows["gone.html"]["published"] == "2023-01-20"


def test_a_report_file_on_another_site_is_fetched_a_report_page_there_is_not(tmp_path):
    with Site() as elsewhere, Site() as site:
        elsewhere.pages = {
            "/robots.txt": Page(b"", "text/plain"),
            "/files/2023.pdf": Page(b"%PDF-1.4 2023", "application/pdf"),
            "/ndbg/2022.html": Page(b"<html><body><p>2022</p></body></html>"),
        }
        site.pages = {
            "/robots.txt": Page(b"", "text/plain"),
            "/ndbg/index.html": _list(
                _item(elsewhere.url("/files/2023.pdf"), 2023),
                _item(elsewhere.url("/ndbg/2022.html"), 2022),
            ),
        }
        command = _command(site, tmp_path, "--delay", "0")
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        requested = sorted(hit.path for hit in elsewhere.log)
    assert result.returncode == 0, result.stderr
    assert requested == ["/files/2023.pdf", "/robots.txt"]
    assert "2022.html: a report page on another site: not followed" in result.stderr
    rows = {url.rsplit("/", 1)[1]: row["status"] for url, row in _rows(tmp_path).items()}
    assert rows == {"2023.pdf": "200", "2022.html": "offsite"}


def test_without_scrapy_the_command_says_which_extra_to_install(tmp_path):
    code = (
        "import sys; sys.modules['scrapy'] = None; from govinfo.cli import main; "
        f"sys.exit(main(['harvest', 'http://127.0.0.1:9/', '-o', {str(tmp_path)!r}, "
        "'--contact', 'a@b.c']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == (
        'govinfo: error: harvesting needs Scrapy: pip install "govinfo-cn[harvest]"\n'
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ftp://x.cn/ndbg/", "--contact", CONTACT], "not an http(s) URL"),
        (["http://x.cn/ndbg/", "--contact", " "], "--contact is required"),
        (["http://x.cn/ndbg/", "--contact", CONTACT, "--delay", "-1"], "delay must be >= 0"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, capsys, arguments, message):
    assert main(["harvest", *arguments, "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("govinfo: error: ") and message in err and err.count("\n") == 1


def test_help_shows_a_real_example_and_the_command_loads_without_scrapy(capsys):
    with pytest.raises(SystemExit):
        main(["harvest", "--help"])
    out = capsys.readouterr().out
    assert "govinfo harvest https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/ -o pingtan" in out
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, govinfo.cli; print('scrapy' in sys.modules)"],
        capture_output=True,
        text=True,
    )
    assert loaded.stdout == "False\n"
