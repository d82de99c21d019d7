"""Shared fixtures: the corpus of real reports beside the clone, and its expected values."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path(os.environ.get("GOVINFO_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_files(*suffixes: str) -> list[Path]:
    """Corpus reports with an expected-values file, for parametrised tests (empty without it)."""
    if not CORPUS.is_dir():
        return []
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in suffixes and (CORPUS / "expected" / f"{p.stem}.json").is_file()
    )


def expected_for(stem: str) -> dict:
    """The hand-read values of one corpus report (tests/data holds the example's copy)."""
    for folder in (CORPUS / "expected", DATA):
        path = folder / f"{stem}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip(f"no expected values for {stem}: ../shared/corpus is not beside the clone")


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; tests using it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (set GOVINFO_CORPUS to run these)")
    return CORPUS
