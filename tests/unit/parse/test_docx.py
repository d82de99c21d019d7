"""Reports read from .docx files built from the corpus reports' tables (merged and blank cells)."""

from __future__ import annotations

import io
import json
import sys
import zipfile

import pytest

import govinfo
from govinfo.parse.documents import docx as docx_reader
from govinfo.parse.documents.docx import docx_to_text
from tests.conftest import CORPUS, DATA, expected_for
from tests.expectations import cell_differences
from tests.printed import Placed, report_docx

docx = pytest.importorskip("docx", reason='needs the docx extra: pip install ".[docx]"')

STEMS = sorted(
    {p.stem for p in DATA.glob("*.json")} | {p.stem for p in (CORPUS / "expected").glob("*.json")}
)


@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_of_a_report_printed_as_docx(stem, tmp_path):
    expected = expected_for(stem)
    path = tmp_path / f"{stem}.docx"
    path.write_bytes(report_docx(expected))
    report = govinfo.parse(path)
    assert cell_differences(report, expected) == []
    assert (report.year, report.template) == (expected["year"], expected["template"])
    assert report.report_id == stem


def test_blank_cells_stay_blank_and_zeros_stay_zero(tmp_path):
    expected = json.loads(json.dumps(expected_for("hunan_lengshuitan-gov_2022")))
    for row in expected["requests"].values():
        row["research"] = None
    expected["appeals"]["review"]["upheld"] = None
    report = govinfo.parse(_saved(tmp_path, report_docx(expected)))
    assert cell_differences(report, expected) == []
    assert report.requests[("new_received", "research")] == govinfo.Cell(None, "")
    assert report.requests[("new_received", "commercial")] == govinfo.Cell(0, "0")
    assert report.appeals[("review", "upheld")].value is None


def test_merged_cells_are_written_once():
    tables = {
        3: [
            Placed(0, 0, "三、本年度办理结果", rows=2),
            Placed(0, 1, "（一）予以公开", cols=2),
            Placed(0, 3, "5"),
            Placed(1, 1, "（三）不予公开"),
            Placed(1, 2, "1.属于国家秘密"),
            Placed(1, 3, ""),
        ]
    }
    text = docx_to_text(
        report_docx({"template": "2021", "body": "某", "year": 2022}, tables=tables), "t"
    )
    assert (
        "| 三、本年度办理结果 | （一）予以公开 | 5 |\n| （三）不予公开 | 1.属于国家秘密 |  |"
        in text
    )


def test_a_layout_table_holding_the_report_is_read_as_its_content():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.paragraphs[0].text = "一、总体情况"
    inner = outer.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "行政许可", "12"
    out = io.BytesIO()
    document.save(out)
    assert docx_to_text(out.getvalue(), "t.docx") == "一、总体情况\n| 行政许可 | 12 |\n"


def test_a_file_that_is_not_a_docx_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK not a zip")
    with pytest.raises(govinfo.ParseError, match=r"broken\.docx: not a \.docx file"):
        govinfo.parse(path)


def test_a_docx_with_broken_xml_is_a_clear_error(tmp_path):
    good = zipfile.ZipFile(io.BytesIO(report_docx(expected_for("hunan_lengshuitan-gov_2022"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as broken:
        for info in good.infolist():
            data = good.read(info.filename)
            broken.writestr(
                info, data[: len(data) // 2] if info.filename.endswith("document.xml") else data
            )
    with pytest.raises(govinfo.ParseError, match=r"report\.docx: not a readable \.docx file"):
        govinfo.parse(_saved(tmp_path, out.getvalue()))


def test_a_docx_that_unpacks_too_large_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 1000)
    path = _saved(tmp_path, report_docx(expected_for("hunan_lengshuitan-gov_2022")))
    with pytest.raises(govinfo.ParseError, match="the limit is 1000"):
        govinfo.parse(path)


def test_without_the_docx_extra_the_error_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(govinfo.ParseError, match=r'pip install "govinfo-cn\[docx\]"'):
        docx_to_text(b"PK", "r.docx")


def _saved(folder, data: bytes):
    path = folder / "report.docx"
    path.write_bytes(data)
    return path
