"""The ``govinfo`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import GovinfoError


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

    parse = commands.add_parser("parse", help="read report files into one data package")
    parse.add_argument("inputs", nargs="+", type=Path, help="report files (.txt, .md)")
    parse.add_argument("-o", "--output", type=Path, required=True, help="package folder to write")
    parse.add_argument("--name", help="package name (default: the folder's name)")
    parse.set_defaults(run=_run_parse)

    demo = commands.add_parser("demo", help="parse the example report and show what govinfo does")
    demo.add_argument("-o", "--output", type=Path, default=Path("govinfo-demo"))
    demo.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    demo.set_defaults(run=_run_demo)
    _add_check_commands(commands)
    return parser


def _run_parse(args: argparse.Namespace) -> int:
    from .package import write_package
    from .parse import parse

    reports, failed = [], 0
    for path in args.inputs:
        try:
            reports.append(parse(path))
        except GovinfoError as exc:
            failed += 1
            print(f"govinfo: failed: {exc}", file=sys.stderr)
    if reports:
        target = write_package(reports, args.output, name=args.name)
        print(f"wrote {len(reports)} report(s) to {target}")
    for report in reports:
        for warning in report.warnings:
            print(f"govinfo: warning: {warning}", file=sys.stderr)
    if failed:
        print(f"govinfo: {failed} of {len(args.inputs)} input(s) failed", file=sys.stderr)
    return 1 if failed or not reports else 0


def _run_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    print(run_demo(args.output, lang=args.lang))
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
    from .findings import describe
    from .reconcile import reconcile

    findings = reconcile(args.package, blanks=args.blanks)
    if args.format == "json":
        print(findings.to_json(orient="records", force_ascii=False, indent=2))
    elif args.format == "csv":
        print(findings.to_csv(index=False), end="")
    else:
        for finding in findings.itertuples():
            print(describe(finding))
    return 0
