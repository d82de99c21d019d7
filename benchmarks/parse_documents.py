"""Time reading the corpus documents (HTML pages, PDFs): the median per report, on one core.

    python benchmarks/parse_documents.py [--repeat 30] [--corpus ../shared/corpus]

Targets (issue #4): an HTML page under 20 ms, a PDF under 300 ms per report;
a report over its target is marked, and the exit status stays 0 (timing is
measured here, never asserted by a test).
``to text`` is the document reader alone (page to the text form); ``parse``
is all of ``govinfo.parse`` (reading the file, the reader, the tables). Times
are the CPU time of this process, pinned to one core, so that other load on
the machine does not count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

TARGETS_MS = {".html": 20.0, ".pdf": 300.0}
ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GOVINFO_CORPUS", ROOT.parent / "shared" / "corpus"))


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``run`` in milliseconds, after one warm-up call."""
    run()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # time this checkout, not an installed copy
    import govinfo
    from govinfo.parse.documents import document_text
    from govinfo.parse.source import open_source

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in TARGETS_MS)
    if not files:
        print(f"no HTML or PDF reports under {args.corpus}", file=sys.stderr)
        return 1
    print(f"{'report':42} {'to text':>9} {'parse':>9} {'target':>8}")
    for path in files:
        source = open_source(path)
        to_text = median_ms(lambda source=source: document_text(source), args.repeat)
        parse = median_ms(lambda path=path: govinfo.parse(path), args.repeat)
        target = TARGETS_MS[path.suffix]
        mark = "" if parse < target else "  over target"
        print(f"{path.name:42} {to_text:6.1f} ms {parse:6.1f} ms {target:5.0f} ms{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
