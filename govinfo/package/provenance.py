"""What a paper needs to cite a data package exactly: its name, versions, sources and a digest.

The content digest is the SHA-256 of a ``sha256sum`` manifest of the resource
files the package holds, in the standard's order, so anyone can recompute it
without govinfo::

    sha256sum reports.csv requests.csv appeals.csv disclosure.csv sections.csv \
        diagnostics.csv | sha256sum
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import PackageError
from ..standard import RESOURCES

REPORT_FIELDS = ("report_id", "body", "year", "source_url", "source_sha256")


@dataclass(frozen=True)
class Provenance:
    """Where a loaded package came from and a digest of its content."""

    name: str | None
    title: str | None
    path: str
    standard: str | None
    written_by: str | None
    content_sha256: str
    files: dict[str, str]
    sources: list[dict[str, Any]]
    reports: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (for a paper's supplement or an export's metadata)."""
        return asdict(self)

    def __str__(self) -> str:
        lines = [
            f"{self.name}" + (f" — {self.title}" if self.title else ""),
            f"govinfo standard {self.standard}, written by {self.written_by}",
            f"content sha256 {self.content_sha256}",
        ]
        for report in self.reports:
            source = report["source_url"] or "(no source URL)"
            lines.append(f"  {report['report_id']}: {source} sha256 {report['source_sha256']}")
        return "\n".join(lines)


def package_provenance(path: Path, descriptor: dict[str, Any], reports: pd.DataFrame) -> Provenance:
    """The provenance of the package whose descriptor is at ``path``."""
    files = _file_digests(path.parent, descriptor)
    manifest = "".join(f"{digest}  {name}\n" for name, digest in files.items())
    meta = descriptor.get("govinfo", {})
    return Provenance(
        name=descriptor.get("name"),
        title=descriptor.get("title"),
        path=str(path),
        standard=meta.get("standard"),
        written_by=meta.get("written_by"),
        content_sha256=hashlib.sha256(manifest.encode("utf-8")).hexdigest(),
        files=files,
        sources=list(descriptor.get("sources", [])),
        reports=_records(reports[list(REPORT_FIELDS)]),
    )


def _file_digests(base: Path, descriptor: dict[str, Any]) -> dict[str, str]:
    """SHA-256 of each resource file the package holds, by its path, in the standard's order."""
    paths = {r.get("name"): r.get("path") for r in descriptor.get("resources", [])}
    digests = {}
    for resource in (r for r in RESOURCES if r in paths):
        file = base / paths[resource]
        try:
            digests[paths[resource]] = hashlib.sha256(file.read_bytes()).hexdigest()
        except FileNotFoundError:
            raise PackageError(f"{file}: resource {resource!r} is missing") from None
    return digests


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values, missing as None."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
