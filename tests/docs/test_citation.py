"""CITATION.cff is valid CFF 1.2.0 and names the version the package reports."""

from __future__ import annotations

import re

import govinfo
from tests.conftest import ROOT

CFF = ROOT / "CITATION.cff"


def _read_cff() -> dict:
    try:
        import yaml
    except ImportError:  # top-level scalars are enough to check what the test needs
        text = CFF.read_text(encoding="utf-8")
        return dict(re.findall(r"^([a-z-]+): *(\S.*)$", text, flags=re.MULTILINE)) | {
            "authors": [{"name": n} for n in re.findall(r"^  - name: (.+)$", text, re.MULTILINE)]
        }
    return yaml.safe_load(CFF.read_text(encoding="utf-8"))


def test_citation_file_has_the_required_keys():
    cff = _read_cff()
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "license"} <= set(cff)
    assert cff["authors"] == [{"name": "govinfo contributors"}]
    assert cff["license"] == "MIT"


def test_citation_version_is_the_package_version():
    assert str(_read_cff()["version"]) == govinfo.__version__


def test_citation_is_complete_for_the_released_version():
    cff = _read_cff()
    assert {"abstract", "date-released", "type"} <= set(cff)
    assert "\nkeywords:\n  - " in CFF.read_text(encoding="utf-8")
    released = str(cff["date-released"]).strip('"')
    changelog = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    assert f"## {govinfo.__version__} — {released}" in changelog
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
