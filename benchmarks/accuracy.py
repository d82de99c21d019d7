"""The accuracy users can expect: cells right on the labelled corpus, and what happens on reports
without an answer key.

    python benchmarks/accuracy.py [--corpus ../shared/corpus] > docs/accuracy.md

Three measures, printed as the Markdown page ``docs/accuracy.md``:

* **Labelled corpus** (``corpus/expected/``): per report and form, the cells right
  (blank and 0 told apart), and of the others how many carry a flag; a wrong cell
  without a flag is the failure that matters. The corpus HTML reports are also
  printed to PDF by headless Chromium, and the PDFs turned into text by
  ``pdftotext -layout`` (when those tools are installed).
* **Unlabelled reports** (``corpus/wild/``): whether every template cell is present
  (read, printed blank or unread), the cells unread and flagged per report, and the
  error-rule failures, split into the printed inconsistencies its README lists and
  the rest (reading errors).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import govinfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser import layout_text, print_to_pdf  # noqa: E402  (the tests' printing)

CORPUS = Path(os.environ.get("GOVINFO_CORPUS", ROOT.parent / "shared" / "corpus"))
TABLES = ("requests", "appeals", "disclosure")


def expected_cells(expected: dict) -> dict[tuple[str, str, str], object]:
    """The hand-read cells of one report, keyed by table and codes."""
    return {
        (table, a, b): value
        for table in TABLES
        for a, row in expected.get(table, {}).items()
        for b, value in row.items()
    }


def score(report: govinfo.Report, expected: dict) -> tuple[int, int, int, int]:
    """Cells (expected), right, wrong with a flag, wrong without one (missing counts wrong)."""
    want = expected_cells(expected)
    right = flagged = silent = 0
    for (table, a, b), value in want.items():
        cell = getattr(report, table).get((a, b))
        got = None if cell is None else cell.value
        same = (got is None and value is None) or (
            got is not None and value is not None and abs(float(got) - float(value)) < 1e-9
        )
        if same and cell is not None:
            right += 1
        elif cell is not None and cell.flag:
            flagged += 1
        else:
            silent += 1
    return len(want), right, flagged, silent


def labelled(corpus: Path, work: Path) -> list[tuple[str, str, tuple[int, int, int, int]]]:
    """Every labelled report in every form it is read from; the reports of one form are read
    together, as ``govinfo parse`` reads them, so that a body's years settle each other."""
    forms: dict[str, list[Path]] = {}
    for path in sorted(corpus.rglob("*")):
        if "wild" in path.parts or path.suffix not in (".txt", ".md", ".html", ".pdf"):
            continue
        if not (corpus / "expected" / f"{path.stem}.json").is_file():
            continue
        forms.setdefault(path.suffix.lstrip("."), []).append(path)
        if path.suffix == ".html" and (printed := print_to_pdf(path, work / f"{path.stem}.pdf")):
            forms.setdefault("html printed to PDF by Chromium", []).append(printed)
    for form in [f for f in forms if forms[f][0].suffix == ".pdf"]:
        for pdf in forms[form]:
            if text := layout_text(pdf, work / f"{pdf.stem}-{len(form)}.txt"):
                forms.setdefault(f"{form}, then pdftotext -layout", []).append(text)
    rows = []
    for form, sources in forms.items():
        for report in govinfo.parse_many(sources).reports:
            stem = _stem(report.report_id)
            expected = json.loads((corpus / "expected" / f"{stem}.json").read_text("utf-8"))
            rows.append((stem, form, score(report, expected)))
    return sorted(rows)


def _stem(report_id: str) -> str:
    """The corpus file stem of a report id (layout texts carry a suffix)."""
    return re.sub(r"-\d+$", "", report_id)


def printed_inconsistent(readme: Path) -> set[str]:
    """Report ids the wild README lists as inconsistent in print."""
    text = readme.read_text(encoding="utf-8").split("inconsistent in print", 1)[-1]
    return {f"fujian_pingtan-{m}" for m in re.findall(r"^\| ([a-z]+_\d{4}) \|", text, re.M)}


def unlabelled(wild: Path, work: Path) -> list[dict[str, object]]:
    """Per report of ``wild/``: completeness, unread and flagged cells, rule failures."""
    batch = govinfo.parse_many(sorted(wild.glob("*.txt")))
    govinfo.write_package(batch.reports, work / "wild")
    findings = govinfo.reconcile(work / "wild")
    errors = findings[(findings["status"] == "fail") & (findings["severity"] == "error")]
    failing = Counter(errors["report_id"].astype(str))
    inconsistent = printed_inconsistent(wild / "README.md")
    rows = []
    for report in batch.reports:
        cells = [c for table in TABLES for c in getattr(report, table).values()]
        flags = Counter(c.flag for c in cells if c.flag)
        rows.append(
            {
                "report": report.report_id,
                "template": report.template,
                "cells": len(cells),
                "complete": _complete(report),
                "unread": flags.pop("unread", 0),
                "flagged": sum(flags.values()),
                "printed": failing[report.report_id] if report.report_id in inconsistent else 0,
                "reading": 0 if report.report_id in inconsistent else failing[report.report_id],
            }
        )
    return rows


def _complete(report: govinfo.Report) -> bool:
    """Whether every cell of the template's printed shape is present."""
    from govinfo.parse.shape import printed_shape

    return all(
        key in getattr(report, table)
        for table in TABLES
        for key in printed_shape(table, report.template, getattr(report, table))
    )


def markdown(labelled_rows: list, wild_rows: list) -> str:
    """The accuracy page."""
    total = [sum(row[2][i] for row in labelled_rows) for i in range(4)]
    lines = [
        "# Accuracy",
        "",
        "<!-- Generated by benchmarks/accuracy.py; do not edit. Regenerate with:",
        "python benchmarks/accuracy.py > docs/accuracy.md -->",
        "",
        f"govinfo {govinfo.__version__}. Cells are right when the value equals the hand-read",
        "one, a blank and a 0 told apart. A wrong cell is *flagged* when it carries a flag",
        "(`ambiguous_split`, `doubtful`, `placed`, `unread`, ...): the reader said it was",
        "unsure. A wrong cell *without* a flag is the failure govinfo must never make.",
        "",
        "## Labelled corpus",
        "",
        f"{total[1]} of {total[0]} cells right ({total[1] / max(1, total[0]):.1%}); "
        f"{total[2]} wrong and flagged, {total[3]} wrong without a flag.",
        "",
        "| report | form | cells | right | wrong, flagged | wrong, no flag |",
        "|---|---|---|---|---|---|",
    ]
    for stem, form, (cells, right, flagged, silent) in labelled_rows:
        lines.append(f"| {stem} | {form} | {cells} | {right} | {flagged} | {silent} |")
    complete = sum(1 for row in wild_rows if row["complete"])
    reading = sum(row["reading"] for row in wild_rows)
    printed = sum(row["printed"] for row in wild_rows)
    unread = sum(row["unread"] for row in wild_rows)
    flagged = sum(row["flagged"] for row in wild_rows)
    cells = sum(row["cells"] for row in wild_rows)
    lines += [
        "",
        "## Reports without an answer key (`corpus/wild/`)",
        "",
        f"{len(wild_rows)} departmental reports of one zone, crawler text. {complete} of "
        f"{len(wild_rows)} have every template cell present; {unread} of {cells} cells unread, "
        f"{flagged} flagged; error-rule failures: {printed} in the reports whose print is "
        f"inconsistent (listed in its README), {reading} elsewhere (reading errors).",
        "",
        "| report | template | cells | complete | unread | flagged | printed errors "
        "| reading errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in wild_rows:
        lines.append(
            f"| {row['report']} | {row['template']} | {row['cells']} | "
            f"{'yes' if row['complete'] else 'no'} | {row['unread']} | {row['flagged']} | "
            f"{row['printed']} | {row['reading']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not (args.corpus / "expected").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        labelled_rows = labelled(args.corpus, work)
        wild_rows = (
            unlabelled(args.corpus / "wild", work) if (args.corpus / "wild").is_dir() else []
        )
    print(markdown(labelled_rows, wild_rows), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
