"""The benchmark scripts still run and check what they claim (small sizes; no timing here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_reconcile_benchmark_finds_exactly_the_planted_errors():
    result = _run("reconcile.py", "--reports", "1000", "--planted", "30", "--sample", "100")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "planted errors found exactly: True" in result.stdout


def test_parse_benchmark_reads_every_input(corpus):
    result = _run("parse.py", "--corpus", str(corpus), "--reports", "40")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "40 reports, --jobs 2" in result.stdout


def test_documents_benchmark_runs(corpus):
    pytest.importorskip("pypdfium2", reason="the PDF reader needs the pdf extra")
    result = _run("parse_documents.py", "--corpus", str(corpus), "--repeat", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "jiangsu_huaian-gov_2024.pdf" in result.stdout


def test_ocr_benchmark_reads_a_scan_and_times_its_parts(corpus):
    """Three pages (the timing target is checked by running the script, not here)."""
    pytest.importorskip("rapidocr", reason="the OCR benchmark needs the ocr extra")
    result = _run("ocr.py", "--corpus", str(corpus), "--pages", "3")
    assert "3 pages at 150 dpi" in result.stdout, result.stdout + result.stderr
    assert "recognition" in result.stdout
    assert "wrong and not flagged doubtful: 0" in result.stdout


def test_accuracy_page_has_no_wrong_cell_without_a_flag(corpus):
    result = _run("accuracy.py", "--corpus", str(corpus))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 wrong without a flag." in result.stdout
    assert "0 elsewhere (reading errors)" in result.stdout
    assert "| hunan_lengshuitan-gov_2022 | txt | 186 | 186 | 0 | 0 |" in result.stdout


def test_scale_benchmark_measures_every_step(corpus):
    """Two rounds of the corpus and its wild folder: every step runs on one package."""
    result = _run("scale.py", "--corpus", str(corpus), "--reports", "100", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "100 reports of" in result.stderr
    for step in ("parse --jobs 2", "validate", "frictionless validate", "reconcile"):
        assert f"{step:24s}      100" in result.stdout
    assert "400,000 reports (linear from 100)" in result.stdout
