"""Old Word (.doc) and WPS files: converted to .docx by LibreOffice, then read as .docx.

The binary Word format has no maintained Python reader; LibreOffice reads it
(and the WPS files Kingsoft's office writes) faithfully, merged cells
included. It runs headless (Debian: ``apt-get install libreoffice-writer-nogui``)
in a temporary folder with a user profile of its own, so that it neither
touches the user's LibreOffice settings nor waits on another running instance.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import ParseError

INSTALL = (
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "macOS: brew install --cask libreoffice), or save the file as .docx or PDF"
)
TIMEOUT = 120  # seconds for one conversion


def doc_to_docx(data: bytes, name: str) -> bytes:
    """The .docx bytes of an old Word or WPS file; ParseError naming the file when it fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ParseError(
            name, f"reading old Word (.doc) and WPS files needs LibreOffice: {INSTALL}"
        )
    suffix = Path(name).suffix.lower() or ".doc"
    with tempfile.TemporaryDirectory(prefix="govinfo-doc-") as folder:
        source = Path(folder) / f"report{suffix}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ParseError(name, f"LibreOffice did not convert it in {TIMEOUT} s") from None
        converted = source.with_suffix(".docx")
        if not converted.is_file():
            said = (done.stderr or done.stdout).strip().splitlines()
            reason = said[-1] if said else f"exit status {done.returncode}"
            raise ParseError(name, f"LibreOffice could not convert it to .docx ({reason})")
        return converted.read_bytes()
