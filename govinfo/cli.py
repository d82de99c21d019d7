"""The ``govinfo`` command."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .errors import GovinfoError
from .exports import FORMATS


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``govinfo`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except GovinfoError as exc:
        print(f"govinfo: error: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo",
        description="Government information disclosure annual reports as checked open data.",
    )
    parser.add_argument("--version", action="version", version=f"govinfo {__version__}")
    commands = parser.add_subparsers(title="commands")
    _add_parse(commands)
    _add_demo(commands)
    _add_plot(commands)
    _add_export(commands)
    _add_check_commands(commands)
    return parser


def _add_parse(commands: argparse._SubParsersAction) -> None:
    parse = commands.add_parser("parse", help="read report files into one data package")
    parse.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        help="report files (.txt, .md, .html, .pdf, .docx, .doc, .wps)",
    )
    parse.add_argument("-o", "--output", type=Path, required=True, help="package folder to write")
    parse.add_argument("--name", help="package name (default: the folder's name)")
    parse.add_argument("--jobs", type=int, default=1, help="parallel processes (default 1)")
    parse.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: with 20 or more inputs on a terminal)",
    )
    parse.set_defaults(run=_run_parse)


def _add_demo(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="parse the example report and show what govinfo does")
    demo.add_argument("-o", "--output", type=Path, default=Path("govinfo-demo"))
    demo.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    demo.set_defaults(run=_run_demo)


def _add_plot(commands: argparse._SubParsersAction) -> None:
    plot = commands.add_parser("plot", help="draw a figure of a data package")
    plot.add_argument("package", help="package folder, datapackage.json or curated package name")
    plot.add_argument(
        "--kind",
        required=True,
        help="outcomes, flow, applicants, trend, appeals, compare or findings",
    )
    plot.add_argument(
        "-o", "--output", type=Path, required=True, help="image file (.png, .svg, .pdf)"
    )
    plot.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    plot.add_argument("--report", nargs="+", metavar="ID", help="report ids to draw (default: all)")
    plot.add_argument("--body", help="draw the reports of this body only")
    plot.add_argument("--normalize", action="store_true", help="shares instead of counts")
    plot.add_argument("--measure", help="trend: requests, disclosure_rate or appeals")
    plot.set_defaults(run=_run_plot)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export", help="write a data package as xlsx, Parquet, SQLite or Stata"
    )
    export.add_argument("package", help="package folder, datapackage.json or curated package name")
    export.add_argument("--to", required=True, choices=FORMATS, help="output format")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="file (xlsx, sqlite) or folder (parquet, dta)",
    )
    export.set_defaults(run=_run_export)


def _run_parse(args: argparse.Namespace) -> int:
    from .package import write_package
    from .parse.batch import parse_many

    show = args.progress
    if show is None:
        show = len(args.inputs) >= 20 and sys.stderr.isatty()
    batch = parse_many(
        args.inputs, jobs=max(1, args.jobs), progress=_progress_bar if show else None
    )
    for failure in batch.failures:
        print(f"govinfo: failed: {failure}", file=sys.stderr)
    if batch.reports:
        target = write_package(batch.reports, args.output, name=args.name)
        print(f"wrote {len(batch.reports)} report(s) to {target}")
    for report in batch.reports:
        if report.diagnostics:
            print(f"govinfo: {report.report_id}: {report.account()}", file=sys.stderr)
    if batch.failures:
        print(
            f"govinfo: {len(batch.failures)} of {len(args.inputs)} input(s) failed", file=sys.stderr
        )
    return 1 if batch.failures or not batch.reports else 0


def _progress_bar(done: int, total: int) -> None:
    """One line on stderr, redrawn in place: ``parsing [#####     ] 120/240``."""
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    bar = "#" * filled + " " * (width - filled)
    print(f"\rparsing [{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def _run_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    print(run_demo(args.output, lang=args.lang))
    return 0


def _run_plot(args: argparse.Namespace) -> int:
    from .package import load
    from .plot import draw, save

    options = {"report_ids": args.report, "body": args.body, "lang": args.lang}
    if args.normalize:
        options["normalize"] = True
    if args.measure:
        options["measure"] = args.measure
    dataset = load(args.package)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if args.kind == "findings":
            from .plot import findings
            from .reconcile import reconcile

            ax = findings(reconcile(dataset), dataset, report_ids=args.report, lang=args.lang)
        else:
            ax = draw(args.kind, dataset, **options)
        target = save(ax, args.output)
    for warning in caught:
        print(f"govinfo: warning: {warning.message}", file=sys.stderr)
    print(f"wrote {target}")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from .exports import export

    print(f"wrote {export(args.package, args.output, to=args.to)}")
    return 0


def _add_check_commands(commands: argparse._SubParsersAction) -> None:
    """``validate`` and ``reconcile``: a package against the structure, profile and rules."""
    from .reconcile import BLANKS

    for name, help_text, run in (
        ("validate", "check a package: Frictionless structure, profile and rules", _run_validate),
        ("reconcile", "print the findings of the rules for a package's reports", _run_reconcile),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("package", help="package folder, datapackage.json or curated name")
        command.add_argument(
            "--format", choices=("text", "json", "csv"), default="text", help="output"
        )
        command.add_argument(
            "--blanks", choices=BLANKS, default="zero", help="blank in a sum: read as 0, or strict"
        )
        command.set_defaults(run=run)


def _run_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    result = validate(args.package, blanks=args.blanks)
    if args.format == "json":
        print(result.to_json())
    elif args.format == "csv":
        print(result.table().to_csv(index=False), end="")
    else:
        print(result.summary())
    return 0 if result.valid else 1


def _run_reconcile(args: argparse.Namespace) -> int:
    from .reconcile import reconcile
    from .reconcile.findings import describe

    findings = reconcile(args.package, blanks=args.blanks)
    if args.format == "json":
        print(findings.to_json(orient="records", force_ascii=False, indent=2))
    elif args.format == "csv":
        print(findings.to_csv(index=False), end="")
    else:
        for finding in findings.itertuples():
            print(describe(finding))
    return 0
