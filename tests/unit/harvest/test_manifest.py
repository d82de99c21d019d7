"""The manifest: written atomically on every change, read back, recognised among inputs."""

from __future__ import annotations

import pytest

from govinfo.errors import HarvestError
from govinfo.harvest.manifest import FIELDS, Entry, Manifest, is_manifest, read_manifest


def test_columns_are_those_of_the_issue():
    assert FIELDS == (
        "url",
        "path",
        "sha256",
        "retrieved",
        "status",
        "content_type",
        "title",
        "listed_on",
        "published",
    )


def test_a_row_keeps_its_place_and_an_unchanged_row_writes_nothing(tmp_path):
    manifest = Manifest(tmp_path)
    first = Entry("http://x.cn/a.htm", "x.cn/a.htm", "ab", status="200", title="2024年,年报")
    manifest.record(first)
    manifest.record(Entry("http://x.cn/b.pdf", status="robots"))
    manifest.record(Entry("http://x.cn/a.htm", "x.cn/a.htm", "cd", status="200"))
    written = manifest.path.stat().st_mtime_ns
    manifest.record(Entry("http://x.cn/a.htm", "x.cn/a.htm", "cd", status="200"))
    assert manifest.path.stat().st_mtime_ns == written
    rows = read_manifest(manifest.path)
    assert [(row.url, row.sha256, row.status) for row in rows] == [
        ("http://x.cn/a.htm", "cd", "200"),
        ("http://x.cn/b.pdf", "", "robots"),
    ]
    assert Manifest(tmp_path).get("http://x.cn/b.pdf") == rows[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.csv"]


def test_a_csv_that_is_not_a_manifest(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("url,path\nhttp://x.cn,a\n", encoding="utf-8")
    assert not is_manifest(other)
    with pytest.raises(HarvestError, match="not a harvest manifest"):
        read_manifest(other)
    Manifest(tmp_path).record(Entry("http://x.cn/a.htm"))
    assert is_manifest(tmp_path / "manifest.csv")
