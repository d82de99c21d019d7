"""Opening an input: a path or a string of text, its bytes, encoding and digest."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParseError

MAX_BYTES = 50 * 1024 * 1024
_FILE_NAME = re.compile(r"[^\n]{1,1024}\.[A-Za-z0-9]{1,5}")


@dataclass(frozen=True)
class Source:
    """An input to a reader: where it came from, its kind and its content."""

    name: str
    stem: str
    kind: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def text(self) -> str:
        """The content decoded: UTF-8 (with or without BOM), else GB18030."""
        return decode(self.data, self.name)


def open_source(source: str | Path) -> Source:
    """A path to a report file, or the text of a report itself.

    A string that reads as a file name (one line ending in ``.txt``, ``.pdf``
    …) is a path, and "file not found" when there is no such file: it is
    never parsed as the text of a report. An empty input says it is empty.
    """
    if isinstance(source, str) and not _names_a_file(source) and _FILE_NAME.fullmatch(source):
        raise ParseError(source, "file not found")
    if isinstance(source, Path) or (isinstance(source, str) and _names_a_file(source)):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ParseError(str(path), f"file is {size} bytes; the limit is {MAX_BYTES}")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ParseError(str(path), "file not found") from None
        except OSError as exc:
            raise ParseError(str(path), f"cannot read the file ({exc.strerror or exc})") from None
        if not data.removeprefix(b"\xef\xbb\xbf").strip():
            raise ParseError(str(path), "the file is empty")
        return Source(str(path), path.stem, path.suffix.lower().lstrip(".") or "txt", data)
    if isinstance(source, str):
        if not source.strip():
            raise ParseError("<text>", "the text is empty")
        return Source("<text>", "report", "txt", source.encode("utf-8"))
    raise ParseError(repr(source), "expected a path or the text of a report")


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def decode(data: bytes, name: str) -> str:
    """Bytes of a text report as str; the encoding is detected, never assumed silently."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError(name, "the text is neither UTF-8 nor GB18030")
