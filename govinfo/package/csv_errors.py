"""Why a resource file could not be read as the standard's CSV, in one line a user can act on."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import PackageError

BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def csv_error(file: Path, resource: str, exc: Exception) -> PackageError:
    """The error for a resource that is not UTF-8 text or has a row of the wrong length."""
    if isinstance(exc, UnicodeDecodeError):
        return PackageError(f"{file}: resource {resource!r} {_encoding(file)}")
    ragged = _RAGGED.search(str(exc))
    if ragged:
        header, line, found = ragged.groups()
        return PackageError(
            f"{file}: resource {resource!r}: line {line} has {found} fields, the header {header}"
        )
    return PackageError(f"{file}: resource {resource!r} is not a readable CSV file")


def _encoding(file: Path) -> str:
    """What the bytes say about the encoding, for a file that is not UTF-8."""
    with file.open("rb") as handle:
        head = handle.read(4)
    for bom, name in BOMS:
        if head.startswith(bom):
            return f"is {name} text; the standard's resources are UTF-8 (convert it)"
    return (
        "is not UTF-8 text (perhaps GBK or another legacy encoding); "
        "the standard's resources are UTF-8 (convert it)"
    )
