"""Render every figure of ``govinfo.plot`` into docs/gallery/ and write docs/gallery.md.

Run from the repository root:

    python docs/gallery.py [--series NAME_OR_PATH]

The one-report figures draw the curated package ``hunan-lengshuitan-2022``; the
series figures draw ``--series``, a curated package name or a package path
(default ``fujian-pingtan``), and its findings from ``govinfo.reconcile``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govinfo  # noqa: E402
from govinfo import plot  # noqa: E402

CURATED = "hunan-lengshuitan-2022"
SERIES = "fujian-pingtan"
OUT = ROOT / "docs" / "gallery"
PAGE = ROOT / "docs" / "gallery.md"
DPI = 100

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


def render(series_name: str) -> None:
    """Draw every figure in both languages and write the gallery page."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        curated = govinfo.load(CURATED)
        series = govinfo.load(series_name)
        both = govinfo.load(
            govinfo.write_package(curated.to_reports() + series.to_reports(), Path(tmp) / "both")
        )
        findings = govinfo.reconcile(series)
        latest = list(series.reports.sort_values("year")["report_id"].iloc[-2:])
        namespace = {"plot": plot, "curated": curated, "series": series, "both": both}
        namespace |= {"findings": findings, "latest": latest}
        for slug, _, code in FIGURES:
            for lang in ("zh", "en"):
                ax = eval(code, {**namespace, "lang": lang})
                plot.save(ax, OUT / f"{slug}.{lang}.png", dpi=DPI)
    PAGE.write_text(page(series_name, latest), encoding="utf-8")


def page(series_name: str, latest: list[str]) -> str:
    """The gallery page: one section per figure, the call that drew it, Chinese then English."""
    lines = [
        "# Gallery",
        "",
        "Every figure of `govinfo.plot`, drawn in Chinese and in English by",
        "`python docs/gallery.py` (which wrote this page). The data:",
        "",
        f"* `curated` — the curated package `{CURATED}` (永州市冷水滩区人民政府, 2022);",
        f"* `series` — the package `{series_name}` (平潭综合实验区 2018–2025);",
        "* `both` — the two together;",
        f"* `latest` — `{latest}`;",
        "* `findings` — `govinfo.reconcile(series)`.",
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
    args = parser.parse_args()
    render(args.series)
    print(
        f"wrote {PAGE.relative_to(ROOT)} and {len(FIGURES) * 2} figures in {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
