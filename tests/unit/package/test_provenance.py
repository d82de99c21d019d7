"""Loaded packages carry what a paper cites: name, versions, sources and a content digest."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

import govinfo

HELD = ("reports", "requests", "appeals", "disclosure", "sections", "diagnostics")


def _manifest_digest(folder) -> str:
    """``sha256sum reports.csv ... diagnostics.csv | sha256sum``, recomputed independently."""
    lines = "".join(
        f"{hashlib.sha256((folder / f'{r}.csv').read_bytes()).hexdigest()}  {r}.csv\n" for r in HELD
    )
    return hashlib.sha256(lines.encode()).hexdigest()


def test_provenance_of_the_example_package():
    data = govinfo.load("hunan-lengshuitan-2022")
    p = data.provenance
    assert p.name == "hunan-lengshuitan-2022"
    assert p.standard == "1.1"
    assert p.written_by == "govinfo-cn 0.1.0"
    assert p.path == str(data.path)
    assert p.content_sha256 == _manifest_digest(data.path.parent)
    assert list(p.files) == [f"{r}.csv" for r in HELD]
    (report,) = p.reports
    assert report["report_id"] == "hunan_lengshuitan-gov_2022"
    assert report["year"] == 2022
    assert report["source_url"] is None
    assert report["source_sha256"] == (
        "4ba799bb6f3d8534f2d71e08cfa80463f05859670db275fc059283e2fde3f0f7"
    )
    assert p.content_sha256 in str(p)


def test_provenance_of_the_pingtan_series_names_every_source():
    p = govinfo.load("fujian-pingtan").provenance
    assert [r["year"] for r in p.reports] == list(range(2018, 2026))
    for report in p.reports:
        assert report["source_url"].startswith("https://www.pingtan.gov.cn/")
        assert len(report["source_sha256"]) == 64
    assert len(p.sources) == 8
    assert json.loads(json.dumps(p.as_dict()))["reports"] == p.reports


def test_digest_is_the_same_for_identical_data_and_changes_with_one_cell(tmp_path):
    source = govinfo.package.catalogue.dataset_path("hunan-lengshuitan-2022")
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    original = govinfo.load("hunan-lengshuitan-2022").provenance.content_sha256
    assert govinfo.load(copy).provenance.content_sha256 == original
    requests = copy / "requests.csv"
    text = requests.read_text(encoding="utf-8")
    requests.write_text(text.replace("new_received,total,15,15,", "new_received,total,16,16,"))
    assert govinfo.load(copy).provenance.content_sha256 != original


def test_provenance_of_a_package_that_lost_a_file(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(govinfo.package.catalogue.dataset_path("hunan-lengshuitan-2022"), copy)
    data = govinfo.load(copy)
    (copy / "sections.csv").unlink()
    with pytest.raises(govinfo.PackageError, match="sections"):
        data.provenance  # noqa: B018
