"""The README works as written: it renders, and every code block in it runs.

How the blocks are run, in README order, all in one temporary folder that
starts with ``reports/`` holding the two reports shipped in ``govinfo/data``
(standing for the reader's own files):

* ``python`` blocks run each in a fresh interpreter (each block is complete:
  it imports what it uses);
* ``bash`` blocks run line by line in bash (``set -e``) with this Python's
  scripts first on ``PATH``; ``pip install … &&`` is not run, since the
  environment running the tests is the one those commands make;
* ``r`` blocks run with ``Rscript`` where R and its jsonlite are installed, and
  are skipped otherwise;
* **the marker**: a block with a comment ``# skip-test: <reason>`` anywhere in
  it is not run — for what cannot run offline or from a temporary folder
  (``govinfo harvest https://…`` needs the internet, ``mkdocs serve`` runs
  until stopped, ``python -m pytest`` is this test suite). The reason is
  there for the reader to see.

``README.zh.md`` runs nothing of its own: each of its code blocks is one of
README.md's, so the commands are the same and are run here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo
from govinfo.examples import EXAMPLE, GLUED
from tests.conftest import ROOT

FENCE = re.compile(r"^(\s*)(```+)\s*([\w+-]*)")
MARKER = "# skip-test:"
PIP = re.compile(r"^\s*pip install [^&]*&&\s*")


def blocks(path: Path) -> list[tuple[str, str, int]]:
    """The fenced code blocks of a Markdown file: (language, code, first line number)."""
    found, lines, inside = [], path.read_text(encoding="utf-8").splitlines(), None
    for number, line in enumerate(lines, 1):
        match = FENCE.match(line)
        if inside is None and match:
            inside = (match.group(3).lower(), number, [])
        elif inside is not None and line.strip().startswith("```"):
            found.append((inside[0], "\n".join(inside[2]), inside[1]))
            inside = None
        elif inside is not None:
            inside[2].append(line)
    assert inside is None, f"{path.name}: the code block opened on line {inside[1]} never closes"
    return found


def headings_outside_code(path: Path) -> list[str]:
    """Every ``#`` heading line that a renderer shows as a heading (outside code blocks)."""
    shown, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            inside = not inside
        elif not inside and line.startswith("#"):
            shown.append(line)
    return shown


@pytest.mark.parametrize("name", ["README.md", "README.zh.md"])
def test_every_section_renders_outside_code_blocks(name):
    path = ROOT / name
    blocks(path)  # every fence closes
    headings = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:3] == "## "]
    assert headings, name
    assert [h for h in headings_outside_code(path) if h.startswith("## ")] == headings


def test_readme_zh_commands_are_the_readme_commands():
    english = {code for _, code, _ in blocks(ROOT / "README.md")}
    chinese = blocks(ROOT / "README.zh.md")
    assert chinese, "README.zh.md has no commands"
    assert [code for _, code, _ in chinese if code not in english] == []
    first_two = [code for lang, code, _ in blocks(ROOT / "README.md") if lang == "bash"][:2]
    assert [code for lang, code, _ in chinese if lang == "bash"][:2] == first_two


def _r_ready() -> bool:
    if shutil.which("Rscript") is None:
        return False
    check = "quit(status = !requireNamespace('jsonlite', quietly = TRUE))"
    return subprocess.run(["Rscript", "-e", check], capture_output=True).returncode == 0


def test_every_readme_code_block_runs(tmp_path):
    folder = tmp_path / "reader"
    (folder / "reports").mkdir(parents=True)
    for name in (EXAMPLE, GLUED):
        shutil.copy(govinfo.example_path(name), folder / "reports" / name)
    scripts = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": os.pathsep.join([scripts, os.environ.get("PATH", "")]),
        "MPLBACKEND": "Agg",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    ran, r_ready = [], _r_ready()
    for lang, code, line in blocks(ROOT / "README.md"):
        if MARKER in code or (lang == "r" and not r_ready):
            continue
        if lang == "python":
            command = [sys.executable, "-c", code]
        elif lang == "bash":
            lines = [PIP.sub("", row) for row in code.splitlines()]
            command = ["bash", "-e", "-c", "\n".join(lines)]
        elif lang == "r":
            command = ["Rscript", "-e", code]
        else:
            continue
        result = subprocess.run(
            command, cwd=folder, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, (
            f"README.md line {line} ({lang}) failed:\n{code}\n{result.stdout}\n{result.stderr}"
        )
        ran.append(line)
    assert len(ran) >= 12, ran
    assert (folder / "my-package" / "datapackage.json").is_file()
    assert (folder / "govinfo-demo" / "outcomes.png").is_file()
