"""Documents (HTML pages, PDF and Word files) to the text form the text reader reads.

The PDF, Word and OCR libraries are optional extras, imported when a file needs
them; old Word files go through LibreOffice (``doc.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import ParseError
from ..source import Source
from .doc import doc_to_docx
from .docx import docx_to_text
from .html import html_to_text
from .images import IMAGE_MARK, read_images
from .ocr import Recognition, scanned_pdf
from .pdf import NoTextLayer, pdf_to_text

HTML_KINDS = frozenset({"html", "htm", "shtml", "xhtml"})
DOCUMENT_KINDS = HTML_KINDS | {"pdf", "docx", "doc", "wps"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Document:
    """A document's text form, and what of it OCR read (None when nothing was)."""

    text: str
    recognition: Recognition | None = None


def read_document(source: Source) -> Document:
    """The text form of a document, by its kind; ParseError when it cannot be read."""
    if source.kind in HTML_KINDS or (source.kind == "doc" and _looks_like_html(source.data)):
        text = html_to_text(source.text(), source.name)
        if IMAGE_MARK in text:
            return Document(*read_images(text, _folder(source), source.name))
        return Document(text)
    if source.kind == "pdf":
        try:
            return Document(pdf_to_text(source.data, source.name))
        except NoTextLayer:
            return Document(*scanned_pdf(source.data, source.name))
    if source.kind == "docx":
        return Document(docx_to_text(source.data, source.name))
    if source.kind in ("doc", "wps"):
        return Document(docx_to_text(doc_to_docx(source.data, source.name), source.name))
    raise ParseError(source.name, f"no document reader for .{source.kind} files")


def document_text(source: Source) -> str:
    """The text form of a document (see :func:`read_document`)."""
    return read_document(source).text


def _folder(source: Source) -> Path | None:
    """The folder of the page, where the images it references are; None for text not from a file."""
    path = Path(source.name)
    return path.parent if path.is_file() else None


def _looks_like_html(data: bytes) -> bool:
    """Whether a .doc file is an HTML page saved under that name (common on government sites)."""
    if data.startswith(_OLE_MAGIC):
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and (b"<html" in head or b"<body" in head or b"<div" in head)
