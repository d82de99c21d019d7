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
