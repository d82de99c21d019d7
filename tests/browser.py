"""Reports printed to PDF by a browser, and PDFs turned into text with their layout kept.

Headless Chromium (Debian package ``chromium``) prints a page the way most
report PDFs are made; ``pdftotext -layout`` (Debian ``poppler-utils``) is what
many researchers run on a PDF first. Both give None when the tool is not
installed (``.ci/run`` installs both); tests then skip, saying so, and
``benchmarks/accuracy.py`` leaves the form out.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

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


MISSING = {
    "chromium": "headless Chromium is not installed (Debian: apt-get install chromium)",
    "pdftotext": "pdftotext is not installed (Debian: apt-get install poppler-utils)",
}


def print_to_pdf(page: Path, target: Path) -> Path | None:
    """``page`` (an HTML file) printed to ``target`` by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None
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


def layout_text(pdf: Path, target: Path) -> Path | None:
    """The text of ``pdf`` as ``pdftotext -layout`` extracts it, written to ``target``."""
    if not shutil.which("pdftotext"):
        return None
    subprocess.run(["pdftotext", "-layout", str(pdf), str(target)], check=True, timeout=60)
    return target
