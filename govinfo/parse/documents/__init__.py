"""Documents (HTML pages, PDF and Word files) to the text form the text reader reads.

The PDF and Word libraries are optional extras, imported when a file needs them.
"""

from __future__ import annotations

from ...errors import ParseError
from ..source import Source
from .docx import docx_to_text
from .html import html_to_text
from .pdf import pdf_to_text

HTML_KINDS = frozenset({"html", "htm", "shtml", "xhtml"})
DOCUMENT_KINDS = HTML_KINDS | {"pdf", "docx", "doc"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def document_text(source: Source) -> str:
    """The text form of a document, by its kind; ParseError when it cannot be read."""
    if source.kind in HTML_KINDS or (source.kind == "doc" and _looks_like_html(source.data)):
        return html_to_text(source.text(), source.name)
    if source.kind == "pdf":
        return pdf_to_text(source.data, source.name)
    if source.kind == "docx":
        return docx_to_text(source.data, source.name)
    if source.kind == "doc":
        raise ParseError(
            source.name,
            "old Word (.doc) files cannot be read; save it as .docx or PDF "
            "(Word, WPS, or `soffice --headless --convert-to docx`) and parse that",
        )
    raise ParseError(source.name, f"no document reader for .{source.kind} files")


def _looks_like_html(data: bytes) -> bool:
    """Whether a .doc file is an HTML page saved under that name (common on government sites)."""
    if data.startswith(_OLE_MAGIC):
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and (b"<html" in head or b"<body" in head or b"<div" in head)
