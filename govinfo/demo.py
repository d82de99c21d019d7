"""``govinfo demo``: the example report, end to end."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from .datasets import load
from .package import write_package
from .parse import parse
from .plot import outcomes, save
from .summary import key_figures, summary_text

EXAMPLE = "hunan_lengshuitan-gov_2022.txt"


def example_path() -> Path:
    """The example report shipped inside the package (永州市冷水滩区, 2022)."""
    return Path(str(resources.files("govinfo") / "data" / EXAMPLE))


def run_demo(output: Path, lang: str = "zh") -> str:
    """Parse the example, write it as a package in ``output``, and describe what was read."""
    report = parse(example_path())
    target = write_package([report], output, name="govinfo-demo")
    dataset = load(target)
    figure = save(outcomes(dataset, lang=lang), Path(output) / "outcomes.png")
    table = dataset.table3(report.report_id, lang=lang)
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        shown = table.to_string()
    return "\n\n".join(
        [
            f"Parsed {EXAMPLE}: {report.title} ({report.template} template)",
            f"Data package written to {target}",
            "Table 3 — requests received and how they were handled:",
            shown,
            summary_text(key_figures(dataset, report.report_id)),
            f"Figure of how the requests were handled written to {figure}",
        ]
    )
