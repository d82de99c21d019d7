"""A manifest as inputs of ``govinfo parse``: the file read for each report, and its metadata."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

import govinfo
from govinfo.cli import main
from govinfo.demo import example_path
from govinfo.errors import HarvestError
from govinfo.harvest.inputs import manifest_inputs
from govinfo.harvest.manifest import Entry, Manifest

SITE = "http://www.example.gov.cn/ndbg/"
WRAPPER = "<html><body><h1>2024年政府信息公开工作年度报告</h1><p>附件：年报.pdf</p></body></html>"


def _full_page() -> str:
    lines = example_path().read_text(encoding="utf-8").splitlines()
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


def _save(directory: Path, name: str, data: bytes, listed_on: str, **row: str) -> Entry:
    path = f"www.example.gov.cn/ndbg/{name}"
    (directory / path).parent.mkdir(parents=True, exist_ok=True)
    (directory / path).write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    return Entry(SITE + name, path, digest, status="200", listed_on=listed_on, **row)


def _harvest(directory: Path, *entries: Entry) -> Path:
    manifest = Manifest(directory)
    for entry in entries:
        manifest.record(entry)
    return manifest.path


def test_a_wrapper_page_gives_its_attachment_a_full_page_itself(tmp_path):
    listing = SITE + "index.htm"
    path = _harvest(
        tmp_path,
        _save(
            tmp_path,
            "t1.htm",
            WRAPPER.encode(),
            listing,
            title="2024年年报",
            published="2025-01-20",
        ),
        _save(tmp_path, "a.pdf", b"%PDF", SITE + "t1.htm", title="年报.pdf"),
        _save(tmp_path, "a.docx", b"PK", SITE + "t1.htm"),
        _save(tmp_path, "t2.htm", _full_page().encode(), listing, title="2022年年报"),
        _save(tmp_path, "b.pdf", b"%PDF", SITE + "t2.htm"),
        _save(tmp_path, "t3.pdf", b"%PDF-3", listing, title="2021年年报"),
        Entry(SITE + "t4.htm", status="robots", listed_on=listing),
    )
    found = [(i.path.name, i.url, i.title, str(i.published)) for i in manifest_inputs(path)]
    assert found == [
        ("a.docx", SITE + "a.docx", "2024年年报", "2025-01-20"),
        ("t2.htm", SITE + "t2.htm", "2022年年报", "None"),
        ("t3.pdf", SITE + "t3.pdf", "2021年年报", "None"),
    ]


def test_a_file_changed_or_gone_since_the_harvest_is_an_error(tmp_path):
    entry = _save(tmp_path, "t1.pdf", b"%PDF", SITE + "index.htm")
    path = _harvest(tmp_path, entry)
    (tmp_path / entry.path).write_bytes(b"%PDF edited")
    with pytest.raises(HarvestError, match="changed since it was harvested"):
        manifest_inputs(path)
    (tmp_path / entry.path).unlink()
    with pytest.raises(HarvestError, match="missing"):
        manifest_inputs(path)


def test_parse_a_manifest_fills_source_url_title_and_published(tmp_path, capsys):
    harvest = tmp_path / "harvest"
    row = {"title": "冷水滩区2022年年报", "published": "2023-01-30"}
    saved = _save(harvest, "t1.txt", example_path().read_bytes(), SITE + "index.htm", **row)
    path = _harvest(harvest, saved)
    other = tmp_path / "other_2022.txt"  # the same bytes, not harvested: no metadata
    shutil.copy(example_path(), other)
    assert main(["parse", str(path), str(other), "-o", str(tmp_path / "pkg")]) == 0
    assert "wrote 2 report(s)" in capsys.readouterr().out
    reports = govinfo.load(tmp_path / "pkg").reports.set_index("report_id")
    assert reports.loc["t1", "source_url"] == SITE + "t1.txt"
    assert reports.loc["t1", "title"] == "冷水滩区2022年年报"
    assert str(reports.loc["t1", "published"])[:10] == "2023-01-30"
    assert reports.loc["other_2022", "source_url"] is pd.NA
    assert reports.loc["other_2022", "title"] == "永州市冷水滩区2022年政府信息公开工作年度报告"


def test_a_folder_is_read_as_the_report_files_under_it(tmp_path, capsys):
    """A batch too large for a command line is given as a folder: its report files, in
    subfolders too, in name order; other files and hidden folders are left out."""
    example = example_path().read_bytes()
    (tmp_path / "in" / "2023").mkdir(parents=True)
    (tmp_path / "in" / ".cache").mkdir()
    (tmp_path / "in" / "b.txt").write_bytes(example)
    (tmp_path / "in" / "2023" / "a.txt").write_bytes(example)
    (tmp_path / "in" / ".cache" / "c.txt").write_bytes(example)
    (tmp_path / "in" / "notes.csv").write_text("x\n", encoding="utf-8")
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    reports = govinfo.load(tmp_path / "out").frames["reports"]
    assert list(reports["report_id"]) == ["a", "b"]


def test_a_folder_with_no_report_file_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.csv").write_text("x\n", encoding="utf-8")
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert "the folder holds no file govinfo reads" in capsys.readouterr().err
