"""A harvest manifest as inputs of ``govinfo parse``: which file of each report to read.

Each report row of the manifest (a row listed on a list page) gives one
input: the report's own file, or — when the page is only a wrapper around a
document (its text holds fewer than two of the report's section headings)
— the document it attaches. The report's metadata comes from the manifest:
``source_url`` (the file read), ``title`` (the link's text) and
``published`` (the date beside the link).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import GovinfoError, HarvestError
from ..model import Report
from ..parse import DOCUMENT_KINDS, TEXT_KINDS
from ..parse.documents import document_text
from ..parse.source import open_source
from ..parse.text.sections import find_headings
from .files import PAGES
from .links import DOCUMENTS
from .manifest import Entry, is_manifest, read_manifest

PREFERRED = ("docx", "pdf", "doc", *sorted(DOCUMENTS - {"docx", "pdf", "doc"}))


@dataclass(frozen=True)
class Input:
    """One file to parse, and the metadata its report takes from the manifest."""

    path: Path
    url: str
    sha256: str
    title: str
    published: dt.date | None


def manifest_inputs(manifest: str | Path) -> list[Input]:
    """The file to parse for every report of a manifest, in the manifest's order.

    HarvestError when a file the manifest lists is missing or no longer has
    its recorded digest (changed after the harvest).
    """
    manifest = Path(manifest)
    entries = [entry for entry in read_manifest(manifest) if entry.path]
    saved = {entry.url for entry in entries}
    attached: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.listed_on in saved:
            attached.setdefault(entry.listed_on, []).append(entry)
    inputs = []
    for report in (entry for entry in entries if entry.listed_on not in saved):
        chosen = report
        documents = [a for a in attached.get(report.url, []) if _kind(a) in DOCUMENTS]
        if documents and _kind(report) in PAGES and _is_wrapper(manifest.parent / report.path):
            chosen = min(documents, key=lambda a: PREFERRED.index(_kind(a)))
        path = manifest.parent / chosen.path
        _check(path, chosen.sha256, manifest)
        published = _date(report.published, manifest)
        inputs.append(Input(path, chosen.url, chosen.sha256, report.title, published))
    return inputs


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Input]]:
    """Paths to parse, each manifest among them replaced by its reports' files and each
    folder by the report files under it (:func:`report_files`)."""
    sources: list[Path] = []
    harvested: list[Input] = []
    for path in paths:
        if path.is_dir():
            found_files = report_files(path)
            if not found_files:
                raise HarvestError(f"{path}: the folder holds no file govinfo reads")
            sources += found_files
        elif is_manifest(path):
            found = manifest_inputs(path)
            if not found:
                raise HarvestError(f"{path}: the manifest lists no downloaded report")
            harvested += found
            sources += [item.path for item in found]
        else:
            sources.append(path)
    return sources, harvested


def report_files(folder: Path) -> list[Path]:
    """The files under ``folder`` (and its subfolders) of a kind govinfo reads, in name
    order; hidden files and folders are left out. A folder is how a batch too large for
    a command line is given."""
    kinds = TEXT_KINDS | DOCUMENT_KINDS
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix[1:].lower() in kinds
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def fill_metadata(reports: Iterable[Report], inputs: Iterable[Input]) -> None:
    """Set ``source_url``, ``title`` and ``published`` of harvested reports from the manifest.

    A report is matched to its input by its id (the file's stem, unless the
    reader was given another) and the digest of the file it was read from,
    so that a copy of a harvested file elsewhere among the inputs is not
    taken for it.
    """
    by_file = {(item.path.stem, item.sha256): item for item in inputs}
    for report in reports:
        item = by_file.get((report.report_id, report.source_sha256 or ""))
        if item is None:
            continue
        report.source_url = item.url
        report.title = item.title or report.title
        report.published = item.published or report.published


def _date(text: str, manifest: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise HarvestError(f"{manifest}: published {text!r} is not a date (YYYY-MM-DD)") from None


def _kind(entry: Entry) -> str:
    return PurePosixPath(entry.path).suffix.lower().lstrip(".")


def _is_wrapper(page: Path) -> bool:
    """Whether a report page only wraps its attachment: fewer than two section headings."""
    try:
        return len(find_headings(document_text(open_source(page)))) < 2
    except GovinfoError:
        return True


def _check(path: Path, sha256: str, manifest: Path) -> None:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        raise HarvestError(f"{path}: listed in {manifest} but missing; harvest again") from None
    if digest != sha256:
        raise HarvestError(
            f"{path}: changed since it was harvested (its sha256 is not the manifest's); "
            "harvest again"
        )
