"""Where a downloaded file goes under the harvest folder, and writing it atomically.

A file's path mirrors its URL (``DIR/<host>/<path>``) so that a researcher
can find a report by where it was published; the extension is the one the
readers choose by (``.html``, ``.pdf``, ``.docx`` …), taken from the URL,
else the server's file name, else its content type.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from .links import DOCUMENTS, IMAGES, extension

PAGES = frozenset({"html", "htm", "shtml", "xhtml"})
_BY_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-works": "wps",
    "application/ofd": "ofd",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/webp": "webp",
}
_UNSAFE = re.compile(r'[<>:"\\|?*\x00-\x1f]')
_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?["']?([^"';]+)""", re.I)


def local_path(url: str, content_type: str = "", disposition: str = "") -> PurePosixPath:
    """The path, relative to the harvest folder, of the file downloaded from ``url``.

    A query string (``?id=12``) adds a short digest to the name, so that the
    files of one download script stay apart.
    """
    parts = urlsplit(url)
    segments = [
        _UNSAFE.sub("_", unquote(s))[:120]
        for s in parts.path.split("/")
        if s and s not in (".", "..")
    ]
    if not segments or parts.path.endswith("/"):
        segments.append("index")
    name = PurePosixPath(segments[-1])
    stem = name.stem if name.suffix else name.name
    if parts.query:
        stem += "_" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    kind = _kind(url, content_type, disposition) or name.suffix.lstrip(".").lower()
    segments[-1] = f"{stem}.{kind}" if kind else stem
    host = _UNSAFE.sub("_", parts.netloc.lower())
    return PurePosixPath(host, *segments)


def _kind(url: str, content_type: str, disposition: str) -> str:
    known = DOCUMENTS | IMAGES | PAGES
    from_url = extension(url)
    if from_url in known:
        return from_url
    named = _FILENAME.search(disposition)
    if named:
        suffix = PurePosixPath(unquote(named.group(1))).suffix.lower().lstrip(".")
        if suffix in known:
            return suffix
    return _BY_TYPE.get(content_type.split(";")[0].strip().lower(), "")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A run stopped half-way never leaves a truncated file where the manifest
    says a complete one is.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, path)
