"""The harvest's manifest, ``DIR/manifest.csv``: one row per report page or attachment.

Columns: ``url``, ``path`` (relative to DIR; empty when nothing was saved),
``sha256``, ``retrieved`` (UTC), ``status`` (the HTTP status of the saved
file, or why nothing was saved: an HTTP error code, ``robots``, ``offsite``,
``timeout``, ``too-large``, ``error``), ``content_type``, ``title`` (the
link's text), ``listed_on`` (the list page that linked a report; for an
attachment, its report page) and ``published`` (the date beside the link).

The file is rewritten through a temporary file and a rename after every
change, so it is never half-written and always says what is on disk.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from ..errors import HarvestError
from .files import write_atomic

MANIFEST = "manifest.csv"


@dataclass
class Entry:
    """One row of the manifest."""

    url: str
    path: str = ""
    sha256: str = ""
    retrieved: str = ""
    status: str = ""
    content_type: str = ""
    title: str = ""
    listed_on: str = ""
    published: str = ""


FIELDS = tuple(f.name for f in fields(Entry))


def read_manifest(path: str | Path) -> list[Entry]:
    """The rows of a manifest file; HarvestError when it is missing or not a manifest."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HarvestError(f"{path}: cannot read the manifest ({exc})") from None
    rows = csv.DictReader(io.StringIO(text))
    missing = [name for name in FIELDS if name not in (rows.fieldnames or [])]
    if missing:
        raise HarvestError(f"{path}: not a harvest manifest (no column {', '.join(missing)})")
    return [Entry(**{name: row[name] or "" for name in FIELDS}) for row in rows]


def is_manifest(path: Path) -> bool:
    """Whether a file is a harvest manifest (a CSV whose header has the manifest's columns)."""
    if path.suffix.lower() != ".csv" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        header = next(csv.reader(f), [])
    return set(FIELDS) <= set(header)


def write_manifest(path: Path, entries: list[Entry]) -> None:
    """Write the manifest atomically (a temporary file, then a rename)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(astuple(entry) for entry in entries)
    write_atomic(path, buffer.getvalue().encode("utf-8"))


class Manifest:
    """The manifest of a harvest folder, kept in memory by URL and written on every change."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / MANIFEST
        existing = read_manifest(self.path) if self.path.exists() else []
        self.entries: dict[str, Entry] = {entry.url: entry for entry in existing}

    def get(self, url: str) -> Entry | None:
        return self.entries.get(url)

    def record(self, entry: Entry) -> None:
        """Add or replace the row of ``entry.url``; a row keeps its place in the file."""
        if self.entries.get(entry.url) == entry:
            return
        self.entries[entry.url] = entry
        write_manifest(self.path, list(self.entries.values()))
