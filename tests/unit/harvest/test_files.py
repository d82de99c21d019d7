"""Where a downloaded file goes, and that it is written whole or not at all."""

from __future__ import annotations

import hashlib

import pytest

from govinfo.harvest.files import local_path, write_atomic


def _digest(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:8]


@pytest.mark.parametrize(
    ("url", "content_type", "disposition", "path"),
    [
        (
            "http://www.x.gov.cn/ndbg/202503/t1.htm",
            "text/html",
            "",
            "www.x.gov.cn/ndbg/202503/t1.htm",
        ),
        ("http://127.0.0.1:8000/ndbg/", "text/html", "", "127.0.0.1_8000/ndbg/index.html"),
        (
            "http://x.cn/art/a.jsp?id=7",
            "text/html; charset=GBK",
            "",
            f"x.cn/art/a_{_digest('id=7')}.html",
        ),
        (
            "http://x.cn/d.jsp?id=3",
            "",
            'attachment; filename="r.pdf"',
            f"x.cn/d_{_digest('id=3')}.pdf",
        ),
        ("http://x.cn/files/%E5%B9%B4%E6%8A%A5.pdf", "", "", "x.cn/files/年报.pdf"),
        ("http://x.cn/a/../b/c:d.docx", "", "", "x.cn/a/b/c_d.docx"),  # never above the folder
    ],
)
def test_local_path_mirrors_the_url_with_the_extension_readers_need(
    url, content_type, disposition, path
):
    assert str(local_path(url, content_type, disposition)) == path


def test_query_strings_keep_files_apart():
    assert local_path("http://x.cn/d.jsp?id=1", "application/pdf") != local_path(
        "http://x.cn/d.jsp?id=2", "application/pdf"
    )


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a" / "b.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.pdf"]
