"""Benchmark: national scale — parse, validate, reconcile and load at N reports.

    python benchmarks/scale.py [--reports 10000 100000] [--jobs 2] [--corpus ../shared/corpus]

The inputs are the text reports of the corpus and of its ``wild/`` folder
(real tables, real narrative), copied once per round with every body's name
given a distinct prefix, so that each round is a set of new bodies whose
years still follow one another. Each step runs as its own process (what a
user runs), timed by the wall clock, its peak memory the child's maximum
resident set:

* ``govinfo parse <folder> -o <package> --jobs J``
* ``govinfo validate <package>`` against stock ``frictionless validate``
* ``govinfo reconcile <package> --format csv`` against ``govinfo.load``
* ``govinfo.load`` against ``pandas.read_csv`` with the schema's dtypes
  (and Frictionless ``read_rows`` of the cell tables at the smallest size)

Printed: one row per step and size, then each step's time extrapolated
linearly to 400,000 reports from the largest size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import govinfo

HERE = Path(__file__).resolve().parent
NATIONAL = 400_000
DIGITS = "甲乙丙丁戊己庚辛壬癸"
RATIOS = (
    ("frictionless validate", "validate"),
    ("reconcile", "govinfo.load"),
    ("govinfo.load", "pandas.read_csv"),
    ("frictionless read_rows", "govinfo.load"),
)
"""The comparisons the issue names (first / second, in seconds)."""


@dataclass(frozen=True)
class Step:
    """One measured run: what, at how many reports, seconds and peak MiB."""

    name: str
    reports: int
    seconds: float
    peak_mib: float


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    """(file stem, text) of every text report of the corpus (those with expected values)
    and of its wild folder."""
    read = [p for p in corpus.iterdir() if (corpus / "expected" / f"{p.stem}.json").is_file()]
    texts = [p for p in read if p.suffix in (".txt", ".md")]
    paths = sorted([*texts, *(corpus / "wild").glob("*.txt")])
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def prefix(round_: int) -> str:
    """A body-name prefix in Chinese numerals, distinct for each round (甲, 乙甲, ...)."""
    out = ""
    while True:
        out = DIGITS[round_ % 10] + out
        round_ //= 10
        if not round_:
            return out


def write_inputs(texts: list[tuple[str, str]], total: int, folder: Path) -> None:
    """``total`` report files in ``folder``: the texts round after round, bodies renamed."""
    bodies = {stem: govinfo.parse(text).body for stem, text in texts}
    for index in range(total):
        round_, which = divmod(index, len(texts))
        stem, text = texts[which]
        body = bodies[stem]
        renamed = text.replace(body, prefix(round_) + body) if body else text
        sub = folder / f"{round_ // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{stem}-{round_}.txt").write_text(renamed, encoding="utf-8")


def measure(name: str, reports: int, command: list[str]) -> Step:
    """Run ``command`` as a child process; its wall time and peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if code not in (0, 1):  # validate and reconcile exit 1 on the corpus's printed errors
        raise SystemExit(f"{name} failed ({code}): {stderr[-2000:]}")
    return Step(name, reports, seconds, usage.ru_maxrss / 1024)


def python(code: str) -> list[str]:
    """A command running ``code`` in a fresh interpreter."""
    return [sys.executable, "-c", code]


def read_csv_with_dtypes(package: Path) -> str:
    """Code reading every resource with ``pandas.read_csv`` and its schema's dtypes."""
    return f"""
import json, pandas as pd
from pathlib import Path
root = Path({str(package)!r})
kinds = {{"integer": "Int64", "number": "float64", "boolean": "boolean"}}
for resource in json.loads((root / "datapackage.json").read_text())["resources"]:
    schema = resource["schema"]
    if isinstance(schema, str):
        schema = json.loads((root / schema).read_text())
    dtypes = {{}}
    for field in schema["fields"]:
        if "enum" in field.get("constraints", {{}}):
            dtypes[field["name"]] = pd.CategoricalDtype(field["constraints"]["enum"])
        else:
            dtypes[field["name"]] = kinds.get(field["type"], "string")
    pd.read_csv(root / resource["path"], dtype=dtypes, keep_default_na=False, na_values=[""])
"""


def read_rows(package: Path) -> str:
    """Code reading every resource with Frictionless ``read_rows``."""
    return f"""
from frictionless import Package
for resource in Package({str(package / "datapackage.json")!r}).resources:
    resource.read_rows()
"""


def run_size(texts: list[tuple[str, str]], total: int, jobs: int, work: Path) -> list[Step]:
    """Every step at ``total`` reports."""
    inputs, package = work / f"in-{total}", work / f"package-{total}"
    write_inputs(texts, total, inputs)
    govinfo_cli = [sys.executable, "-m", "govinfo"]
    parse = measure(
        f"parse --jobs {jobs}",
        total,
        [*govinfo_cli, "parse", str(inputs), "-o", str(package), "--jobs", str(jobs)],
    )
    check_parsed(package, total)
    steps = [
        parse,
        measure("validate", total, [*govinfo_cli, "validate", str(package)]),
        measure(
            "frictionless validate",
            total,
            [
                shutil.which("frictionless") or "frictionless",
                "validate",
                str(package / "datapackage.json"),
            ],
        ),
        measure("reconcile", total, [*govinfo_cli, "reconcile", str(package), "--format", "csv"]),
        measure("govinfo.load", total, python(f"import govinfo; govinfo.load({str(package)!r})")),
        measure("pandas.read_csv", total, python(read_csv_with_dtypes(package))),
    ]
    if total <= 10_000:
        steps.append(measure("frictionless read_rows", total, python(read_rows(package))))
    shutil.rmtree(inputs)
    return steps


def check_parsed(package: Path, total: int) -> None:
    """Stop unless the package holds one report per input, of as many bodies as rounds."""
    reports = govinfo.load(package).frames["reports"]
    if len(reports) != total:
        raise SystemExit(f"parse wrote {len(reports)} of {total} reports")
    print(f"{total} reports of {reports['body'].nunique()} bodies parsed", file=sys.stderr)


def report(steps: list[Step]) -> str:
    """The measured steps, the ratios the issue names, and the extrapolation to 400k."""
    lines = [f"{'step':24s} {'reports':>8s} {'seconds':>9s} {'peak MiB':>9s}"]
    lines += [f"{s.name:24s} {s.reports:8d} {s.seconds:9.1f} {s.peak_mib:9.0f}" for s in steps]
    by = {(s.name, s.reports): s.seconds for s in steps}
    lines.append("")
    for size in sorted({s.reports for s in steps}):
        ratios = [
            f"{a} / {b} {by[(a, size)] / by[(b, size)]:.2f}"
            for a, b in RATIOS
            if (a, size) in by and (b, size) in by
        ]
        lines.append(f"{size}: " + "; ".join(ratios))
    largest = max(s.reports for s in steps)
    chain = [
        s
        for s in steps
        if s.reports == largest and s.name.split()[0] in ("parse", "validate", "reconcile")
    ]
    total = sum(s.seconds for s in chain) * NATIONAL / largest
    peak = max(s.peak_mib for s in chain)
    lines.append(
        f"400,000 reports (linear from {largest:,}): parse + validate + reconcile "
        f"{total / 60:.1f} min; peak of the {largest:,} run {peak:.0f} MiB"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--json", type=Path, help="also write the steps here")
    args = parser.parse_args()
    texts = corpus_texts(args.corpus)
    with tempfile.TemporaryDirectory(prefix="govinfo-scale-") as tmp:
        steps = [
            step for total in args.reports for step in run_size(texts, total, args.jobs, Path(tmp))
        ]
    print(report(steps))
    if args.json:
        args.json.write_text(json.dumps([s.__dict__ for s in steps], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
