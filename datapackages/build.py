"""Rebuild the curated data packages from the shared corpus.

Each row of ``catalogue.csv`` names a package, a report file of the corpus
and the metadata a curator added (English name, division code, level, source
URL, provenance). Run from the repository root:

    python datapackages/build.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
from collections import defaultdict
from pathlib import Path

import govinfo

HERE = Path(__file__).resolve().parent
CURATED = ("body_en", "division_code", "level", "scope", "title", "source_url")


def read_catalogue() -> dict[str, list[dict[str, str]]]:
    """Catalogue rows grouped by package, in file order."""
    packages: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (HERE / "catalogue.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            packages[row["package"]].append(row)
    return packages


def curated_reports(corpus: Path, rows: list[dict[str, str]]) -> list[govinfo.Report]:
    """The package's reports read together (neighbouring years settle glued splits),
    with the curator's metadata added."""
    batch = govinfo.parse_many([corpus / row["file"] for row in rows])
    if batch.failures:
        raise SystemExit(f"cannot build: {'; '.join(map(str, batch.failures))}")
    reports = []
    for row, report in zip(rows, batch.reports, strict=True):
        extra = {name: row[name] for name in CURATED if row[name]}
        reports.append(
            dataclasses.replace(report, **extra, notes=row["provenance"] or report.notes)
        )
    return reports


def build(name: str, rows: list[dict[str, str]], corpus: Path) -> Path:
    """Write one curated package and its README."""
    reports = curated_reports(corpus, rows)
    folder = HERE / name
    sources = [{"title": row["file"], "path": row["source_url"] or row["file"]} for row in rows]
    bodies = sorted({r.body for r in reports if r.body})
    years = sorted(r.year for r in reports if r.year)
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    title = f"{'、'.join(bodies)}政府信息公开工作年度报告 {span}"
    target = govinfo.write_package(reports, folder, name=name, title=title, sources=sources)
    (folder / "README.md").write_text(readme(name, title, rows, reports), encoding="utf-8")
    return target


def readme(name: str, title: str, rows: list[dict[str, str]], reports: list[govinfo.Report]) -> str:
    """The package's README: what it holds and where each report came from."""
    lines = [
        f"# {name}",
        "",
        f"{title}. Made by `python datapackages/build.py` with the govinfo reader from the",
        "reports of the shared corpus; load it with",
        "",
        f'    govinfo.load("{name}")',
        "",
        "| report_id | year | template | source | sha256 |",
        "|---|---|---|---|---|",
    ]
    for row, report in zip(rows, reports, strict=True):
        lines.append(
            f"| {report.report_id} | {report.year} | {report.template} | "
            f"{_cell(row['provenance'])} {row['source_url']} | `{report.source_sha256[:12]}…` |"
        )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    args = parser.parse_args()
    for name, rows in read_catalogue().items():
        print(build(name, rows, args.corpus))


if __name__ == "__main__":
    main()
