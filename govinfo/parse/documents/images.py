"""Tables pasted into a web page as images: recognised by OCR where the table is missing.

Many sites publish table 3 (or all three tables) as a picture inside the
report's element. The HTML reader leaves a mark where each ``<img>`` of the
report stands (:func:`mark_images`); :func:`read_images` then recognises
those that stand in a table section (二、 三、 四、) holding no table as
text, and puts the table's pipe rows in their place. Other images (seals,
QR codes, photographs) are dropped unread, and cost nothing. An image of a
table that cannot be read (out of reach, or no ocr extra installed) leaves
the table unread and says why in the report's diagnostics.

An image is read from a ``data:`` URI or from a file beside the page (in
its folder or below it; never outside it, never from the network).
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...errors import ParseError
from ..text.sections import find_headings
from .ocr import OcrUnavailable, Recognition, image_words, unsure_values
from .positions import region_lines, word_lines

IMAGE_MARK = "\ue000"  # private-use character: cannot occur in a page's text
MAX_IMAGE_BYTES = 20 * 1024 * 1024
TABLE_OF_SECTION = {2: "disclosure", 3: "requests", 4: "appeals"}
_MARKED = re.compile(f"^{IMAGE_MARK}(.*){IMAGE_MARK}$")
_DATA_URI = re.compile(r"^data:image/[\w.+-]+;base64,(.*)$", re.S | re.I)


def mark_images(container) -> None:
    """Leave a line marking each image of the report element (its ``src``) in its text."""
    for image in container.iter("img"):
        source = (image.get("src") or "").strip()
        if source:
            image.tail = f"\n{IMAGE_MARK}{source}{IMAGE_MARK}\n" + (image.tail or "")


def read_images(text: str, folder: Path | None, name: str) -> tuple[str, Recognition]:
    """The text with each table image recognised in place, and what OCR read."""
    lines = text.split("\n")
    plain = "\n".join("" if _MARKED.match(line) else line for line in lines)
    headings = find_headings(plain)
    recognised = Recognition(frozenset())
    out: list[str] = []
    offset = 0
    for line in lines:
        match = _MARKED.match(line)
        start, offset = offset, offset + len(line) + 1
        if not match:
            out.append(line)
            continue
        section = next((h.number for h in reversed(headings) if h.start <= start), None)
        table = TABLE_OF_SECTION.get(section)
        if table is None or table in recognised.tables or _has_table(plain, headings, section):
            continue
        data = _image_bytes(match.group(1), folder)
        if data is None:
            where = match.group(1) if len(match.group(1)) < 80 else match.group(1)[:77] + "…"
            unread = f"{table}: printed as an image ({where}) that is not beside the page; not read"
            recognised = recognised | Recognition(frozenset(), unread=(unread,))
            continue
        try:
            words = image_words(data, name)
        except OcrUnavailable as exc:
            unread = f"{table}: printed as an image; {exc.reason}"
            recognised = recognised | Recognition(frozenset(), unread=(unread,))
            continue
        out += region_lines(word_lines(words))
        recognised = recognised | Recognition(frozenset({table}), unsure_values(words))
    return "\n".join(out), recognised


def _has_table(text: str, headings: list, section: int) -> bool:
    """Whether the section already prints its table as text (pipe rows)."""
    index = next(i for i, h in enumerate(headings) if h.number == section)
    end = headings[index + 1].start if index + 1 < len(headings) else len(text)
    return any(line.startswith("|") for line in text[headings[index].end : end].splitlines())


def _image_bytes(source: str, folder: Path | None) -> bytes | None:
    """The bytes of an image: a data: URI, or a file beside the page; None when out of reach."""
    match = _DATA_URI.match(source)
    if match:
        if len(match.group(1)) > MAX_IMAGE_BYTES * 4 // 3:
            return None
        try:
            return base64.b64decode(match.group(1), validate=False)
        except (binascii.Error, ValueError):
            return None
    parts = urlsplit(source)
    if folder is None or parts.scheme or parts.netloc or not parts.path:
        return None
    path = (folder / unquote(parts.path)).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        return None
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise ParseError(str(path), f"the image is over {MAX_IMAGE_BYTES} bytes")
    return path.read_bytes()
