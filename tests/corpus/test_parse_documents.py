"""Every HTML and PDF report of the shared corpus is read cell for cell (issue #4)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo
from tests.conftest import ROOT, corpus_files, expected_for
from tests.expectations import cell_differences

DOCUMENTS = corpus_files(".html", ".pdf")
TWINS = [p for p in corpus_files(".html") if p.with_suffix(".txt").is_file()]


@pytest.fixture(scope="module", params=DOCUMENTS, ids=lambda p: p.name)
def document(request) -> tuple[Path, govinfo.Report]:
    return request.param, govinfo.parse(request.param)


def test_every_cell_equals_the_expected_values(document):
    path, report = document
    assert cell_differences(report, expected_for(path.stem)) == []


def test_year_and_template(document):
    path, report = document
    expected = expected_for(path.stem)
    assert (report.year, report.template) == (expected["year"], expected["template"])


def test_values_read_from_delimited_cells_carry_no_flag(document):
    """Documents keep cell boundaries: nothing is split or inferred, so nothing is flagged."""
    _, report = document
    tables = (report.requests, report.appeals, report.disclosure)
    assert [key for table in tables for key, cell in table.items() if cell.flag] == []


def test_six_sections_and_no_warnings(document):
    _, report = document
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert report.warnings == []


@pytest.mark.parametrize("page", TWINS, ids=lambda p: p.name)
def test_the_txt_and_html_of_one_report_give_identical_packages(page, tmp_path):
    for source in (page, page.with_suffix(".txt")):
        govinfo.write_package([govinfo.parse(source)], tmp_path / source.suffix[1:])
    for resource in ("reports", "requests", "appeals", "disclosure", "sections"):
        html, txt = (_rows(tmp_path / kind / f"{resource}.csv") for kind in ("html", "txt"))
        assert html == txt, resource


def _rows(path: Path) -> list[dict[str, str]]:
    """A resource's rows without the fields twins cannot share.

    ``source_sha256`` is the digest of each file; ``flag`` says how a value
    was read, and the glued text's cells must be flagged as split where the
    HTML's delimited cells need no flag.
    """
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return [
            {k: v for k, v in row.items() if k not in ("source_sha256", "flag")} for row in rows
        ]


@pytest.mark.skipif(not DOCUMENTS, reason="the shared corpus is not beside the clone")
def test_the_command_reads_html_and_pdf_into_one_package(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "govinfo", "parse", *map(str, DOCUMENTS), "-o", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    with (tmp_path / "reports.csv").open(encoding="utf-8") as f:
        ids = [row["report_id"] for row in csv.DictReader(f)]
    assert ids == [p.stem for p in DOCUMENTS]
