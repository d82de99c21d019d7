"""Time reading a scanned report by OCR on one core, and say where the time goes.

    python benchmarks/ocr.py [--pages 5] [--dpi 150] [--corpus ../shared/corpus]

The scan is made from the corpus PDF: its first ``--pages`` pages rendered by
PDFium at ``--dpi`` (grayscale) into an image-only PDF, as a scanner writes
one. Target (issue #16): a 5-page scan in under 20 s on one core, engine
start included (4 s a page). Times are the CPU time of this process, pinned
to one core, and the parts are the CPU time spent in the functions that do
them. The cells read are compared with the expected values.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GOVINFO_CORPUS", ROOT.parent / "shared" / "corpus"))
STEM = "jiangsu_huaian-gov_2024"
TARGET_PER_PAGE = 4.0  # seconds: 20 s for 5 pages
PARTS = {  # the functions each part of the run is timed by: (module, attribute path)
    "engine start": ("govinfo.parse.documents.ocr", "_cached_engine"),
    "render pages": ("pypdfium2", "PdfPage.render"),
    "text detection": ("rapidocr.ch_ppocr_det", "TextDetector.__call__"),
    "recognition": ("rapidocr.ch_ppocr_rec", "TextRecognizer.__call__"),
    "tables from positions": ("govinfo.parse.documents.ocr", "document_lines"),
    "reading the text": ("govinfo.parse", "read_text"),
    "verifying by identities": ("govinfo.parse", "verify_recognised"),
}


def scanned(pdf: Path, pages: int, dpi: int) -> bytes:
    """An image-only PDF of the first ``pages`` pages of ``pdf``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = min(pages, len(document))
        images = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(count)]
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def timed(totals: dict[str, float]) -> None:
    """Wrap the functions of :data:`PARTS` so that each adds its CPU time to ``totals``.

    Importing the recogniser is part of the engine's start: it is timed here.
    """
    import importlib

    start = time.process_time()
    importlib.import_module("rapidocr.main")
    totals["engine start"] += time.process_time() - start
    for part, (module, path) in PARTS.items():
        owner = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        function = getattr(owner, name)

        def wrapper(*args, _function=function, _part=part, **kwargs):
            start = time.process_time()
            try:
                return _function(*args, **kwargs)
            finally:
                totals[_part] += time.process_time() - start

        setattr(owner, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # time this checkout, not an installed copy
    import govinfo
    from tests.expectations import expected_cells

    pdf = args.corpus / "pdf" / f"{STEM}.pdf"
    if not pdf.is_file():
        print(f"no {pdf}", file=sys.stderr)
        return 1
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"govinfo-bench-scan-{os.getpid()}.pdf"
    path.write_bytes(scanned(pdf, args.pages, args.dpi))
    totals = dict.fromkeys(PARTS, 0.0)
    timed(totals)
    try:
        start = time.process_time()
        report = govinfo.parse(path)
        total = time.process_time() - start + totals["engine start"]
    finally:
        path.unlink()
    pages = min(args.pages, 6)
    print(f"{pages} pages at {args.dpi} dpi: {total:.1f} s CPU, {total / pages:.2f} s a page")
    for part, seconds in totals.items():
        print(f"  {part:24} {seconds:6.2f} s  {100 * seconds / total:4.0f} %")
    expected = json.loads((args.corpus / "expected" / f"{STEM}.json").read_text("utf-8"))
    right = wrong = unflagged = 0
    for table in ("requests", "appeals", "disclosure"):
        for key, value in expected_cells(expected, table).items():
            cell = getattr(report, table).get(key)
            if cell is None:
                continue
            if cell.value == value:
                right += 1
            else:
                wrong += 1
                unflagged += cell.flag not in ("doubtful", "unread")
    print(f"cells right: {right} of {right + wrong}; wrong and not flagged doubtful: {unflagged}")
    return 0 if total / pages < TARGET_PER_PAGE else 1


if __name__ == "__main__":
    sys.exit(main())
