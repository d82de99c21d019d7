"""Old Word (.doc) and WPS files, converted by LibreOffice and read as .docx (issue #16)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import govinfo
from tests.conftest import expected_for
from tests.expectations import cell_differences
from tests.printed import report_docx

pytest.importorskip("docx", reason='needs the docx extra: pip install ".[docx]"')
SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="needs LibreOffice (apt-get install libreoffice-writer-nogui)"
)


def saved_as_doc(docx: bytes, folder, stem: str):
    """The .docx saved as an old Word 97 .doc by LibreOffice, as Word users still send them."""
    source = folder / f"{stem}.docx"
    source.write_bytes(docx)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    subprocess.run(
        [SOFFICE, profile, "--headless", "--convert-to", "doc", "--outdir", str(folder), source],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / f"{stem}.doc"


@needs_libreoffice
@pytest.mark.parametrize("stem", ["hunan_lengshuitan-gov_2022", "jiangsu_huaian-gov_2024"])
def test_a_doc_reads_to_the_same_cells_as_the_docx(stem, tmp_path):
    expected = expected_for(stem)
    docx = tmp_path / f"{stem}.docx"
    doc = saved_as_doc(report_docx(expected), tmp_path, stem)
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # really the old format
    from_doc, from_docx = govinfo.parse(doc), govinfo.parse(docx)
    assert cell_differences(from_doc, expected) == []
    for table in ("requests", "appeals", "disclosure"):
        assert getattr(from_doc, table) == getattr(from_docx, table)
    assert from_doc.report_id == stem


@needs_libreoffice
def test_a_wps_file_that_libreoffice_reads_is_read_too(tmp_path):
    expected = expected_for("hunan_lengshuitan-gov_2022")
    doc = saved_as_doc(report_docx(expected), tmp_path, "report")
    wps = doc.rename(tmp_path / "report.wps")
    assert cell_differences(govinfo.parse(wps), expected) == []


@needs_libreoffice
def test_a_doc_libreoffice_cannot_read_is_a_clear_error(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(govinfo.ParseError, match=r"report\.doc: LibreOffice could not convert"):
        govinfo.parse(path)


def test_without_libreoffice_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(govinfo.ParseError, match=r"report\.doc: .*libreoffice-writer-nogui"):
        govinfo.parse(path)
