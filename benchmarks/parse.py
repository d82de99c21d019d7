"""Benchmark: parsing the text reports of the shared corpus, repeated to N reports.

    python benchmarks/parse.py [--corpus ../shared/corpus] [--reports 1000]

Prints reports per second with one process and with ``--jobs 2`` (what
``govinfo parse --jobs 2`` does), and the median time per report by format.
Target (issue #3): at least 200 reports per second per core.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import govinfo

HERE = Path(__file__).resolve().parent


def corpus_texts(corpus: Path) -> list[Path]:
    """Text reports of the corpus that have expected values."""
    return sorted(
        p
        for p in corpus.iterdir()
        if p.suffix in (".txt", ".md") and (corpus / "expected" / f"{p.stem}.json").is_file()
    )


def median_per_report(files: list[Path], rounds: int = 20) -> dict[str, float]:
    """Median seconds to parse each file, by file."""
    out = {}
    for path in files:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            govinfo.parse(path)
            times.append(time.perf_counter() - start)
        out[path.name] = statistics.median(times)
    return out


def throughput(files: list[Path], total: int, jobs: int) -> float:
    """Reports per second for ``parse_many`` over ``total`` inputs."""
    inputs = [files[i % len(files)] for i in range(total)]
    start = time.perf_counter()
    batch = govinfo.parse_many(inputs, jobs=jobs)
    elapsed = time.perf_counter() - start
    assert not batch.failures and len(batch.reports) == total
    return total / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--reports", type=int, default=1000)
    args = parser.parse_args()
    files = corpus_texts(args.corpus)
    for name, seconds in median_per_report(files).items():
        print(f"{name:45s} {seconds * 1000:7.2f} ms")
    for jobs in (1, 2):
        rate = throughput(files, args.reports, jobs)
        print(f"{args.reports} reports, --jobs {jobs}: {rate:7.1f} reports/s")


if __name__ == "__main__":
    main()
