"""Readers: any report file (or its text) to a :class:`govinfo.Report`."""

from __future__ import annotations

from pathlib import Path

from ..errors import GovinfoError, ParseError
from ..model import Report
from .documents import DOCUMENT_KINDS, Document, read_document
from .infer.ocr_repair import verify_recognised
from .infer.verify import verify
from .report import read_text
from .source import open_source

TEXT_KINDS = frozenset({"txt", "md", "text", "markdown"})


def parse(source: str | Path, *, report_id: str | None = None) -> Report:
    """Read one report: a path to a file, or the text of a report.

    ``report_id`` defaults to the file's stem. Raises :class:`govinfo.ParseError`
    naming the file, the table and the reason when the input is not a report.
    The report is checked against its own identities (inferred cells in one
    that fails are flagged ``doubtful``).
    """
    report = read_report(source, report_id=report_id)
    verify(report)
    return report


def read_report(source: str | Path, *, report_id: str | None = None) -> Report:
    """One report as read, before its self-check: ``parse_many`` first lets the
    neighbouring years of a body settle each other's open splits."""
    opened = open_source(source)
    if opened.kind not in TEXT_KINDS | DOCUMENT_KINDS:
        kinds = ", ".join(sorted(TEXT_KINDS | DOCUMENT_KINDS))
        raise ParseError(opened.name, f"cannot read .{opened.kind} files (readers: {kinds})")
    try:
        document = Document(opened.text()) if opened.kind in TEXT_KINDS else read_document(opened)
        report = read_text(document.text, report_id=report_id or opened.stem, name=opened.name)
        if document.recognition is not None:
            recognition = document.recognition
            verify_recognised(report, sorted(recognition.tables), recognition.unsure)
            for message in recognition.unread:
                report.note("image_unread", message)
    except GovinfoError:
        raise
    except Exception as exc:  # a reader bug must still name the file
        raise ParseError(
            opened.name, f"unexpected failure while reading ({type(exc).__name__}: {exc})"
        ) from exc
    report.source_sha256 = opened.sha256
    return report
