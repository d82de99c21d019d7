"""Write the generated pages of the documentation site.

    python docs/generate.py

The one command that writes every generated page: the standard's pages come
from ``govinfo/schema/`` (rendered by ``govinfo.standard.pages``), the curated
packages' page from ``datapackages/``. A test fails when a committed page
differs from what this script writes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))

import govinfo  # noqa: E402
from govinfo.standard import pages  # noqa: E402


def datapackages_markdown() -> str:
    """The curated packages: what each holds, where its reports came from, how to cite it."""
    with (ROOT / "datapackages" / "catalogue.csv").open(encoding="utf-8", newline="") as f:
        catalogue = {row["file"]: row for row in csv.DictReader(f)}
    lines = [
        "# Curated data packages",
        "",
        "<!-- Generated from datapackages/ by docs/generate.py; do not edit. -->",
        "",
        "Packages made by the govinfo reader from real reports (`python datapackages/build.py`",
        "rebuilds them from the shared corpus; a test checks the rebuild is identical).",
        "Load one by name with `govinfo.load(name)`; `govinfo.load(name).provenance` gives",
        "what to cite, including a digest of the package's CSV files. The reports are",
        "public government documents, republished with their sources; the coding is CC0",
        "(terms: `DATA-LICENSE.md` at the root of the repository).",
        "",
    ]
    for name in govinfo.list_datasets():
        dataset = govinfo.load(name)
        provenance = dataset.provenance
        lines += [
            f"## {name}",
            "",
            f"{dataset.descriptor.get('title', name)}. Standard {provenance.standard}, "
            f"written by {provenance.written_by}; content digest `{provenance.content_sha256}`.",
            "",
            "| report | body | year | template | source | sha256 |",
            "|---|---|---|---|---|---|",
        ]
        for row in dataset.reports.itertuples():
            source = next(
                (c for c in catalogue.values() if Path(c["file"]).stem == row.report_id), {}
            )
            where = source.get("source_url") or source.get("provenance", "")
            lines.append(
                f"| `{row.report_id}` | {row.body} | {row.year} | {row.template} "
                f"| {where.replace('|', '&#124;')} | `{str(row.source_sha256)[:16]}…` |"
            )
        lines.append("")
    return "\n".join(lines)


PAGES = {
    "standard/index.md": pages.standard_markdown,
    "standard/tables.md": pages.tables_markdown,
    "standard/codes.md": pages.codes_markdown,
    "standard/measures.md": pages.measures_markdown,
    "standard/versions.md": pages.versions_markdown,
    "rules.md": pages.rules_markdown,
    "datapackages.md": datapackages_markdown,
}


def main() -> None:
    for page, render in PAGES.items():
        path = DOCS / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(), encoding="utf-8")
        print(f"wrote docs/{page}")


if __name__ == "__main__":
    main()
