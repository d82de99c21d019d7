"""OCR offline (issue #16): the recogniser ships its models, needs no network, and is an extra."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap

import pytest

import govinfo
from tests.conftest import ROOT, expected_for
from tests.printed import report_html

pytest.importorskip("PIL", reason="needs Pillow (the ocr extra)")
EXAMPLE = ROOT / "govinfo" / "data" / "hunan_lengshuitan-gov_2022.txt"


def digits_png() -> bytes:
    """An image of a line of numbers, drawn with Pillow's own font."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (520, 90), 255)
    ImageDraw.Draw(image).text((20, 15), "2024  3119  447", font=ImageFont.load_default(48))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scanned_pdf(path) -> None:
    """A one-page PDF holding only an image (no text layer)."""
    from PIL import Image

    Image.open(io.BytesIO(digits_png())).convert("RGB").save(path, resolution=150)


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_recogniser_runs_with_the_network_blocked(tmp_path):
    """Models come from the installed wheel: a socket opened anywhere fails this test."""
    pytest.importorskip("rapidocr", reason='needs the ocr extra: pip install ".[ocr]"')
    image = tmp_path / "digits.png"
    image.write_bytes(digits_png())
    result = run_python(
        """
        import socket, sys

        def refuse(*args, **kwargs):
            raise OSError("network blocked by the test")

        socket.socket.connect = socket.socket.connect_ex = refuse
        socket.create_connection = socket.getaddrinfo = refuse
        from govinfo.parse.documents.ocr import image_words

        with open(sys.argv[1], "rb") as f:
            print(" ".join(word.text for word in image_words(f.read(), sys.argv[1])))
        """,
        str(image),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2024", "3119", "447"]


def test_without_the_ocr_extra_a_scanned_pdf_is_an_error_naming_it(tmp_path):
    pytest.importorskip("pypdfium2", reason='needs the pdf extra: pip install ".[pdf]"')
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan)
    result = run_python(
        """
        import sys
        sys.modules["rapidocr"] = None  # as if the ocr extra were not installed
        from govinfo.cli import main
        sys.exit(main(["parse", *sys.argv[1:]]))
        """,
        str(scan),
        str(EXAMPLE),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode != 0
    assert "scan.pdf" in result.stderr and 'pip install "govinfo-cn[ocr]"' in result.stderr
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8") as f:
        assert [row["report_id"] for row in csv.DictReader(f)] == [EXAMPLE.stem]


def test_without_the_ocr_extra_a_table_image_is_left_unread_and_the_rest_is_read(tmp_path):
    expected = expected_for("hunan_lengshuitan-gov_2022")
    page = report_html(expected)
    tables = page.split("<table class='MsoNormalTable'")
    table3 = tables[2][: tables[2].index("</table>") + len("</table>")]
    page = page.replace("<table class='MsoNormalTable'" + table3, '<img src="table3.png">')
    (tmp_path / "table3.png").write_bytes(digits_png())
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = run_python(
        """
        import sys
        sys.modules["rapidocr"] = None  # as if the ocr extra were not installed
        import govinfo
        report = govinfo.parse(sys.argv[1])
        print({c.flag for c in report.requests.values()}, len(report.appeals))
        print([d.message for d in report.diagnostics if d.code == "image_unread"])
        """,
        str(tmp_path / "page.html"),
    )
    assert result.returncode == 0, result.stderr
    flags, unread = result.stdout.splitlines()
    assert flags == "{'unread'} 15"
    assert "requests: printed as an image; reading scanned pages or images needs OCR" in unread
    assert 'pip install "govinfo-cn[ocr]"' in unread


def test_a_scan_with_no_report_on_it_is_a_clear_error(tmp_path):
    pytest.importorskip("rapidocr", reason='needs the ocr extra: pip install ".[ocr]"')
    scan = tmp_path / "scan.pdf"
    scanned_pdf(scan)
    with pytest.raises(govinfo.ParseError, match=r"scan\.pdf: not a report"):
        govinfo.parse(scan)
