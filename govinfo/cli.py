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
    parse.add_argument(
        "inputs", nargs="+", type=Path, help="report files (.txt, .md, .html, .pdf, .docx)"
    )
    parse.add_argument("-o", "--output", type=Path, required=True, help="package folder to write")
    parse.add_argument("--name", help="package name (default: the folder's name)")
    parse.set_defaults(run=_run_parse)

    demo = commands.add_parser("demo", help="parse the example report and show what govinfo does")
    demo.add_argument("-o", "--output", type=Path, default=Path("govinfo-demo"))
    demo.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    demo.set_defaults(run=_run_demo)
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
