"""Render every figure of ``govinfo.plot`` into docs/gallery/ and write docs/gallery.md.

Run from the repository root:

    python docs/gallery.py [--series NAME_OR_PATH] [--corpus ../shared/corpus]

The one-report figures draw the curated package ``hunan-lengshuitan-2022``. The
series figures draw ``--series``: a curated package name or a package path
(default ``fujian-pingtan``); while no such package exists, the series is built
from the corpus's hand-read values of 平潭综合实验区 (expected/fujian_pingtan-gov_*.json).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

import govinfo  # noqa: E402
from govinfo import plot  # noqa: E402

CURATED = "hunan-lengshuitan-2022"
SERIES = "fujian-pingtan"
SERIES_STEMS = "fujian_pingtan-gov_*.json"
OUT = ROOT / "docs" / "gallery"
PAGE = ROOT / "docs" / "gallery.md"
DPI = 100
RULES = ("T3-BALANCE", "T3-OUTCOMES", "T3-APPLICANTS", "T4-TOTALS", "X-STOCK")

FIGURES = [
    ("outcomes", "How requests were handled", "plot.outcomes(series, lang=lang)"),
    (
        "outcomes-share",
        "How requests were handled, as shares, by group",
        "plot.outcomes(series, compact=True, normalize=True, lang=lang)",
    ),
    (
        "outcomes-blanks",
        "Blank cells are not reported, not zero (冷水滩区, natural persons)",
        'plot.outcomes(curated, applicant="natural_person", compact=True, lang=lang)',
    ),
    ("flow", "The balance of table 3", "plot.flow(series, lang=lang)"),
    ("applicants", "Who asked", "plot.applicants(series, lang=lang)"),
    ("trend-requests", "Requests over the years", "plot.trend(series, lang=lang)"),
    (
        "trend-disclosure-rate",
        "Disclosure rate over the years",
        'plot.trend(series, measure="disclosure_rate", lang=lang)',
    ),
    (
        "trend-appeals",
        "Review and litigation over the years",
        'plot.trend(series, measure="appeals", lang=lang)',
    ),
    ("appeals", "Outcomes of review and litigation", "plot.appeals(series, latest, lang=lang)"),
    ("compare", "Bodies compared per 100 requests", "plot.compare(both, lang=lang)"),
    ("findings", "Reconciliation findings", "plot.findings(findings, series, lang=lang)"),
]


def series_dataset(series: str, corpus: Path, folder: Path) -> tuple[govinfo.Dataset, str]:
    """The series to draw and a sentence saying where it came from."""
    if series in govinfo.list_datasets() or Path(series).exists():
        return govinfo.load(series), f"the package `{series}`"
    from tests.expectations import report_from_expected

    files = sorted((corpus / "expected").glob(SERIES_STEMS))
    if not files:
        raise SystemExit(f"no package {series!r} and no {SERIES_STEMS} under {corpus}/expected")
    reports = [report_from_expected(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    dataset = govinfo.load(govinfo.write_package(reports, folder / "series"))
    return dataset, f"the hand-read values of the corpus (`expected/{SERIES_STEMS}`)"


def findings_table(series: govinfo.Dataset, corpus: Path) -> tuple[pd.DataFrame, str]:
    """``govinfo.reconcile`` of the series when it exists, else the corpus's hand-checked errors."""
    reconcile = getattr(govinfo, "reconcile", None)
    if callable(reconcile):
        return reconcile(series), "`govinfo.reconcile(series)`"
    reports = series.reports.sort_values("year")
    rows, previous = [], None
    for report_id, template in zip(reports["report_id"], reports["template"], strict=True):
        path = corpus / "expected" / f"{report_id}.json"
        errors = json.loads(path.read_text(encoding="utf-8"))["report_errors"]
        for rule in RULES:
            assessable = template != "other" and (
                rule != "X-STOCK" or (template == previous == "2021")
            )
            failed = [e for e in errors if e.startswith(rule)]
            statuses = ["fail"] * len(failed) if failed else ["pass"]
            for status in statuses if assessable else ["not_assessable"]:
                rows.append({"report_id": report_id, "rule": rule, "status": status})
        previous = template
    source = "the `report_errors` hand-checked in the corpus (until `govinfo.reconcile` is merged)"
    return pd.DataFrame(rows), source


def render(series_name: str, corpus: Path) -> None:
    """Draw every figure in both languages and write the gallery page."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        curated = govinfo.load(CURATED)
        series, series_source = series_dataset(series_name, corpus, Path(tmp))
        both = govinfo.load(
            govinfo.write_package(curated.to_reports() + series.to_reports(), Path(tmp) / "both")
        )
        findings, findings_source = findings_table(series, corpus)
        latest = list(series.reports.sort_values("year")["report_id"].iloc[-2:])
        namespace = {"plot": plot, "curated": curated, "series": series, "both": both}
        namespace |= {"findings": findings, "latest": latest}
        for slug, _, code in FIGURES:
            for lang in ("zh", "en"):
                ax = eval(code, {**namespace, "lang": lang})
                plot.save(ax, OUT / f"{slug}.{lang}.png", dpi=DPI)
    PAGE.write_text(page(series_source, findings_source, latest), encoding="utf-8")


def page(series_source: str, findings_source: str, latest: list[str]) -> str:
    """The gallery page: one section per figure, the call that drew it, Chinese then English."""
    lines = [
        "# Gallery",
        "",
        "Every figure of `govinfo.plot`, drawn in Chinese and in English by",
        "`python docs/gallery.py` (which wrote this page). The data:",
        "",
        f"* `curated` — the curated package `{CURATED}` (永州市冷水滩区人民政府, 2022);",
        f"* `series` — 平潭综合实验区 2018–2025, from {series_source};",
        "* `both` — the two together;",
        f"* `latest` — `{latest}`;",
        f"* `findings` — from {findings_source}.",
        "",
        "```python",
        "from govinfo import plot",
        "```",
    ]
    for slug, heading, code in FIGURES:
        lines += ["", f"## {heading}", "", "```python", code, "```", ""]
        lines += [f"![{heading} (中文)](gallery/{slug}.zh.png)", ""]
        lines += [f"![{heading}](gallery/{slug}.en.png)"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", default=SERIES, help="package name or path of the series")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    render(args.series, args.corpus)
    print(
        f"wrote {PAGE.relative_to(ROOT)} and {len(FIGURES) * 2} figures in {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
