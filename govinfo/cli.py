"""The ``govinfo`` command."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .errors import GovinfoError
from .exports import FORMATS

FIGURES = ("outcomes", "flow", "applicants", "trend", "appeals", "compare", "findings")
"""The figures ``govinfo plot --kind`` draws: those of ``govinfo.plot.KINDS``, and findings."""


INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""
BROKEN_PIPE = 141
"""Exit status when the reader of the output went away (``| head``): 128 + SIGPIPE."""
INTERNAL = 70
"""Exit status of an unexpected internal error (EX_SOFTWARE)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``govinfo`` command; returns the exit status.

    Every failure is one line on stderr, never a traceback: ``govinfo: error:
    <file>: <what and why>`` for bad input or a file that cannot be written,
    one line for Ctrl-C (exit 130), and for an unexpected internal error one
    line asking for ``--debug`` (anywhere on the line), which shows the traceback.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    parser = _parser()
    args = parser.parse_args([a for a in argv if a != "--debug"])
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except Exception as exc:
        if debug:
            raise
        return _failure(exc)
    except KeyboardInterrupt:
        if debug:
            raise
        print("govinfo: interrupted", file=sys.stderr)
        return INTERRUPTED


def _failure(exc: Exception) -> int:
    """Say in one line why the command failed; returns the exit status."""
    if isinstance(exc, BrokenPipeError):
        _quiet_stdout()
        return BROKEN_PIPE
    if isinstance(exc, GovinfoError):
        message = str(exc)
    elif isinstance(exc, MemoryError):
        message = "out of memory (the input is too large for the memory available)"
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
    else:
        print(
            f"govinfo: internal error: {type(exc).__name__}: {_first_line(exc)} "
            "(a bug in govinfo; run again with --debug to see where, and report it)",
            file=sys.stderr,
        )
        return INTERNAL
    print(f"govinfo: error: {message}", file=sys.stderr)
    return 1


def _first_line(text: object) -> str:
    """The first line of a message, at most 300 characters."""
    lines = str(text).strip().splitlines() or [""]
    line = lines[0]
    return line if len(line) <= 300 else line[:297] + "..."


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit raises no second BrokenPipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


EXAMPLES = {
    "parse": """examples:
  govinfo parse reports/*.txt -o my-package
  govinfo parse report.pdf page.html -o my-package --jobs 2""",
    "demo": """examples:
  govinfo demo -o govinfo-demo
  govinfo demo -o demo-en --lang en""",
    "plot": """examples:
  govinfo plot hunan-lengshuitan-2022 --kind outcomes -o outcomes.png --lang en
  govinfo plot fujian-pingtan --kind trend --measure disclosure_rate -o rate.svg
  govinfo plot fujian-pingtan --kind findings -o findings.png""",
    "export": """examples:
  govinfo export fujian-pingtan --to xlsx -o pingtan.xlsx --lang zh
  govinfo export my-package --to parquet -o my-parquet""",
    "list": """examples:
  govinfo list                 # the curated packages: bodies, years, reports, cells
  govinfo list --bodies        # the body registry""",
    "validate": """examples:
  govinfo validate my-package
  govinfo validate fujian-pingtan --format csv --blanks strict""",
    "reconcile": """examples:
  govinfo reconcile fujian-pingtan                 # a summary, then the failing findings
  govinfo reconcile fujian-pingtan --status not_assessable
  govinfo reconcile my-package --format csv > findings.csv""",
}


def _command(commands: argparse._SubParsersAction, name: str, help_text: str):
    """A subcommand whose ``--help`` ends with examples."""
    return commands.add_parser(
        name,
        help=help_text,
        description=help_text[0].upper() + help_text[1:] + ".",
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo",
        description="Government information disclosure annual reports as checked open data.",
    )
    parser.add_argument("--version", action="version", version=f"govinfo {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the Python traceback of an error (allowed anywhere on the line)",
    )
    commands = parser.add_subparsers(title="commands")
    _add_parse(commands)
    _add_demo(commands)
    _add_plot(commands)
    _add_export(commands)
    _add_harvest(commands)
    _add_check_commands(commands)
    _add_list(commands)
    return parser


def _add_parse(commands: argparse._SubParsersAction) -> None:
    parse = _command(commands, "parse", "read report files into one data package")
    parse.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        help="report files (.txt, .md, .html, .pdf, .docx, .doc, .wps), folders of them, manifests",
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
    demo = _command(commands, "demo", "parse the example report and show what govinfo does")
    demo.add_argument("-o", "--output", type=Path, default=Path("govinfo-demo"))
    demo.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    demo.set_defaults(run=_run_demo)


def _add_plot(commands: argparse._SubParsersAction) -> None:
    plot = _command(commands, "plot", "draw a figure of a data package")
    plot.add_argument("package", help="package folder, datapackage.json or curated package name")
    plot.add_argument(
        "--kind",
        required=True,
        help="the figure: " + ", ".join(FIGURES),
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
    export = _command(commands, "export", "write a data package as xlsx, Parquet, SQLite or Stata")
    export.add_argument("package", help="package folder, datapackage.json or curated package name")
    export.add_argument("--to", required=True, choices=FORMATS, help="output format")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="file (xlsx, sqlite) or folder (parquet, dta)",
    )
    export.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="labels shown first (xlsx: default the locale's; dta: English, labels_zh.do adds zh)",
    )
    export.set_defaults(run=_run_export)


def _add_harvest(commands: argparse._SubParsersAction) -> None:
    harvest = commands.add_parser(
        "harvest",
        help="download the annual reports of report columns on the web (needs the harvest extra)",
        description="Follow report columns (政府信息公开年报) through their pages, download every\n"
        "annual report and its attachments into DIR, and list them in DIR/manifest.csv.\n"
        "robots.txt is obeyed and one request at a time goes to a host; a second run\n"
        "downloads only what changed, and a stopped run continues where it stopped.",
        epilog="example:\n"
        "  govinfo harvest https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/ -o pingtan \\\n"
        "      --contact you@university.edu --parse pingtan-package",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    harvest.add_argument("urls", nargs="+", metavar="URL", help="list pages of report columns")
    harvest.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DIR",
        help="harvest folder (files, manifest.csv)",
    )
    harvest.add_argument(
        "--contact", required=True, help="your e-mail or URL, sent in the User-Agent"
    )
    harvest.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to a host (default 1)"
    )
    harvest.add_argument(
        "--timeout", type=float, default=60.0, help="seconds to wait for a response (default 60)"
    )
    harvest.add_argument(
        "--max-size", type=float, default=50.0, help="largest file to download, MB (default 50)"
    )
    harvest.add_argument(
        "--max-pages", type=int, default=100, help="list pages per column (default 100)"
    )
    harvest.add_argument(
        "--parse", type=Path, metavar="PKG", help="then parse every report into this package"
    )
    harvest.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    harvest.set_defaults(run=_run_harvest)


def _run_parse(args: argparse.Namespace) -> int:
    from .harvest.inputs import expand, fill_metadata
    from .package import write_package
    from .parse.batch import parse_many

    inputs, harvested = expand(args.inputs)
    show = args.progress
    if show is None:
        show = len(inputs) >= 20 and sys.stderr.isatty()
    batch = parse_many(inputs, jobs=max(1, args.jobs), progress=_progress_bar if show else None)
    fill_metadata(batch.reports, harvested)
    for failure in batch.failures:
        print(f"govinfo: failed: {failure}", file=sys.stderr)
    if batch.reports:
        target = write_package(batch.reports, args.output, name=args.name)
        print(f"wrote {len(batch.reports)} report(s) to {target}")
    for report in batch.reports:
        if report.diagnostics:
            print(f"govinfo: {report.report_id}: {report.account()}", file=sys.stderr)
    if batch.failures:
        print(f"govinfo: {len(batch.failures)} of {len(inputs)} input(s) failed", file=sys.stderr)
    return 1 if batch.failures or not batch.reports else 0


def _progress_bar(done: int, total: int) -> None:
    """One line on stderr, redrawn in place: ``parsing [#####     ] 120/240``."""
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    bar = "#" * filled + " " * (width - filled)
    print(f"\rparsing [{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def _run_harvest(args: argparse.Namespace) -> int:
    from .harvest import harvest

    result = harvest(
        args.urls,
        args.output,
        contact=args.contact,
        delay=args.delay,
        timeout=args.timeout,
        max_bytes=int(args.max_size * 1024 * 1024),
        max_pages=args.max_pages,
        verbose=args.verbose,
    )
    for line in result.skipped:
        print(f"govinfo: skipped: {line}", file=sys.stderr)
    for line in result.failures:
        print(f"govinfo: failed: {line}", file=sys.stderr)
    print(
        f"{result.downloaded} file(s) downloaded, {result.unchanged} unchanged, "
        f"{len(result.failures)} failed; manifest: {result.manifest}"
    )
    if not result.finished:
        print(
            "govinfo: stopped before the end; run the same command again to continue",
            file=sys.stderr,
        )
        return 1
    status = 1 if result.failures else 0
    if args.parse:
        parse = argparse.Namespace(
            inputs=[result.manifest], output=args.parse, name=None, jobs=1, progress=None
        )
        status = max(status, _run_parse(parse))
    return status


def _run_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    print(run_demo(args.output, lang=args.lang))
    return 0


def _run_plot(args: argparse.Namespace) -> int:
    from .package import load
    from .plot import PlotError, draw, save

    if args.kind not in FIGURES:
        raise PlotError(f"unknown kind of figure {args.kind!r} (kinds: {', '.join(FIGURES)})")
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

    print(f"wrote {export(args.package, args.output, to=args.to, lang=args.lang)}")
    return 0


def _add_list(commands: argparse._SubParsersAction) -> None:
    listing = _command(commands, "list", "list the curated packages, or the bodies they publish")
    listing.add_argument("--bodies", action="store_true", help="print the body registry")
    listing.add_argument("--format", choices=("text", "csv"), default="text", help="output")
    listing.set_defaults(run=_run_list)


def _run_list(args: argparse.Namespace) -> int:
    from .package.catalogue import bodies, list_datasets

    table = bodies() if args.bodies else list_datasets(details=True).reset_index()
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
    else:
        print(table.to_string(index=False))
    return 0


def _add_check_commands(commands: argparse._SubParsersAction) -> None:
    """``validate`` and ``reconcile``: a package against the structure, profile and rules."""
    from .reconcile import BLANKS, STATUSES

    for name, help_text, run in (
        ("validate", "check a package: Frictionless structure, profile and rules", _run_validate),
        ("reconcile", "print the findings of the rules for a package's reports", _run_reconcile),
    ):
        command = _command(commands, name, help_text)
        command.add_argument("package", help="package folder, datapackage.json or curated name")
        command.add_argument(
            "--format", choices=("text", "json", "csv"), default="text", help="output"
        )
        command.add_argument(
            "--blanks", choices=BLANKS, default="zero", help="blank in a sum: read as 0, or strict"
        )
        if name == "reconcile":
            command.add_argument(
                "--status",
                nargs="+",
                choices=STATUSES,
                help="findings to list (text: fail by default, after a summary; csv/json: all)",
            )
        command.set_defaults(run=run)


def _run_validate(args: argparse.Namespace) -> int:
    from .reconcile.findings import printable
    from .validate import validate

    result = validate(args.package, blanks=args.blanks)
    if args.format == "json":
        print(result.to_json())
    elif args.format == "csv":
        print(printable(result.table()).to_csv(index=False), end="")
    else:
        print(result.summary())
    return 0 if result.valid else 1


def _run_reconcile(args: argparse.Namespace) -> int:
    from .reconcile import reconcile
    from .reconcile.findings import counts_lines, describe, printable

    findings = reconcile(args.package, blanks=args.blanks)
    listed = findings
    if args.status or args.format == "text":
        listed = findings[findings["status"].isin(args.status or ["fail"])]
    if args.format == "json":
        print(listed.to_json(orient="records", force_ascii=False, indent=2))
    elif args.format == "csv":
        print(printable(listed).to_csv(index=False), end="")
    else:
        statuses = findings["status"].value_counts()
        counts = ", ".join(f"{statuses[s]} {s}" for s in statuses.index if statuses[s])
        print(f"{findings['report_id'].nunique()} report(s), {len(findings)} finding(s): {counts}")
        print("\n".join(counts_lines(findings)))
        shown = ", ".join(args.status or ["fail"])
        print(f"{len(listed)} finding(s) {shown}{':' if len(listed) else ''}")
        for finding in listed.itertuples():
            print(describe(finding))
    return 0
