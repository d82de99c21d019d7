"""Reports printed to PDF by a browser, and PDFs turned into text with their layout kept.

Headless Chromium (Debian package ``chromium``) prints a page the way most
report PDFs are made; ``pdftotext -layout`` (Debian ``poppler-utils``) is what
many researchers run on a PDF first. Tests using them skip, saying so, when
the tool is not installed (``.ci/run`` installs both).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


def print_to_pdf(page: Path, target: Path) -> Path:
    """``page`` (an HTML file) printed to ``target`` by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    profile = target.parent / f".{target.stem}-chromium"
    subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return target


def layout_text(pdf: Path, target: Path) -> Path:
    """The text of ``pdf`` as ``pdftotext -layout`` extracts it, written to ``target``."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (Debian: apt-get install poppler-utils)")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(target)], check=True, timeout=60)
    return target
