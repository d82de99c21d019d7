"""Reading many reports at once: in parallel, with neighbouring years settling each other."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GovinfoError
from ..model import Report
from .infer.settle import settle
from .infer.verify import verify


@dataclass
class Batch:
    """The reports read and, for each input that failed, why."""

    reports: list[Report] = field(default_factory=list)
    failures: list[GovinfoError] = field(default_factory=list)


def _parse_one(source: Path) -> Report | GovinfoError:
    from . import read_report

    try:
        return read_report(source)
    except GovinfoError as exc:
        return exc


def parse_many(
    sources: Iterable[str | Path],
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """Parse every source (``jobs`` processes); a failure never loses the other inputs.

    Reports of the same body in consecutive years then settle each other's
    open splits (``parse/infer/settle.py``), and each report is checked
    against its own identities (``parse/infer/verify.py``).
    """
    paths = [Path(s) for s in sources]
    batch = Batch()
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(_parse_one, paths, chunksize=max(1, len(paths) // (jobs * 8)))
            _collect(batch, results, len(paths), progress)
    else:
        _collect(batch, map(_parse_one, paths), len(paths), progress)
    settle(batch.reports)
    for report in batch.reports:
        verify(report)
    return batch


def _collect(
    batch: Batch,
    results: Iterable[Report | GovinfoError],
    total: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    for done, result in enumerate(results, start=1):
        if isinstance(result, Report):
            batch.reports.append(result)
        else:
            batch.failures.append(result)
        if progress:
            progress(done, total)
