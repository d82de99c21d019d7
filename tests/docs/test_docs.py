"""The documentation site: generated pages match the standard, and the site builds strictly."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", list(_generator().PAGES))
def test_generated_page_is_up_to_date(page):
    render = _generator().PAGES[page]
    committed = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert committed == render(), f"docs/{page} is stale: run python docs/generate.py"


def test_reference_pages_list_every_code_and_rule():
    from govinfo import codes
    from govinfo.standard import pages, rules

    text = pages.codes_markdown()
    for code in codes.rows():
        assert f"| `{code.code}` | {code.label_zh} |" in text
    assert "| `natural_person` | 自然人 | Natural persons |" in text
    rules_page = pages.rules_markdown()
    assert all(f"### {rule.id}" in rules_page for rule in rules.rules())
    from govinfo.standard.measures import measures

    measures_page = pages.measures_markdown()
    for measure in measures():
        assert f"| `{measure.id}` | {measure.label_zh} |" in measures_page
        assert measure.note_zh in measures_page
    assert "the *columns of table 2* (本年制发件数 …)" in text


def test_site_builds_with_warnings_as_errors(tmp_path):
    if shutil.which("mkdocs") is None and importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[dev]')")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "standard" / "codes" / "index.html").is_file()
