"""Benchmark: reconcile 100,000 synthetic reports, and run the same identities through Frictionless.

    python benchmarks/reconcile.py [--reports 100000] [--planted 1200] [--sample 2000]

(from the repository root, with govinfo installed: ``pip install -e .``). Exit
status 1 when the planted errors are not found exactly.

1. Generates ``--reports`` valid reports with numpy: bodies x the years
   2019-2023 (the 2019 template for 2019-2020, the 2021 template after), tables
   2, 3 and 4 filled so that every rule holds, carry-overs and stocks chained
   across years. The frames go straight into a :class:`govinfo.Dataset` with the
   columns the rules read (report_id, the two codes, value).
2. Plants ``--planted`` errors of six kinds in distinct reports. Each kind breaks
   a set of checks worked out by hand below (not by the engine), so the
   failing findings expected are known.
3. Times ``govinfo.reconcile`` (every rule) and checks that its failing findings
   are exactly the planted ones.
4. Writes ``--sample`` of the same reports in wide form (one CSV row per report,
   one file per template) and runs each within-report identity (T3-BALANCE,
   T3-OUTCOMES, T3-APPLICANTS, T4-TOTALS) as a Frictionless ``row_constraint``
   check; counts its errors against the planted ones, and extrapolates its time
   linearly to all reports when the sample is smaller.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import frictionless
import numpy as np
import pandas as pd

import govinfo
from govinfo import codes
from govinfo.standard import CELL_TABLES, rules
from govinfo.standard.expand import expand, subjects_for

YEARS = (2019, 2020, 2021, 2022, 2023)
TEMPLATE = {2019: "2019", 2020: "2019", 2021: "2021", 2022: "2021", 2023: "2021"}
BALANCE_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")
IDENTITIES = ("T3-BALANCE", "T3-OUTCOMES", "T3-APPLICANTS", "T4-TOTALS")
BALANCE_MEASURES = ("issued", "repealed", "in_force")
KINDS = ("appeal", "outcome", "new", "stock", "negative", "carryover")


@dataclass
class Year:
    """The tables of every body's report for one year, as integer/float arrays."""

    year: int
    rows: list[str]
    requests: np.ndarray  # bodies x rows x applicants (six + total)
    appeals: np.ndarray  # bodies x proceedings x outcomes (four + total)
    cells: list[tuple[str, str]]
    disclosure: np.ndarray  # bodies x table-2 cells


def generate(bodies: int, rng: np.random.Generator) -> list[Year]:
    """Valid reports for ``bodies`` bodies over YEARS, chained across years."""
    out: list[Year] = []
    carried, stock, previous = None, None, None
    for year in YEARS:
        template = TEMPLATE[year]
        rows = codes.rows().leaves(template)
        requests, carried = _requests(rng, bodies, rows, carried)
        appeals = rng.poisson(0.4, (bodies, 3, 4))
        appeals = np.concatenate([appeals, appeals.sum(axis=2, keepdims=True)], axis=2)
        cells = [(c.item, c.measure) for c in codes.table2_layout(template)]
        disclosure, stock = _disclosure(rng, bodies, cells, stock if template == "2021" else None)
        if previous is not None and previous.cells == cells:
            _run_on(disclosure, previous.disclosure, cells)
        out.append(Year(year, rows, requests, appeals, cells, disclosure))
        previous = out[-1]
    return out


def _run_on(values: np.ndarray, before: np.ndarray, cells: list[tuple[str, str]]) -> None:
    """The 2019 template's running counts (X-ITEMS, X-PUBLISHED) carried from the year before."""
    for item, measure in cells:
        j = cells.index((item, measure))
        if measure == "items_prev_year":
            change = cells.index((item, "items_change"))
            values[:, j] = before[:, j] + before[:, change]
        elif measure == "total_published":
            published = cells.index((item, "published"))
            values[:, j] = before[:, j] + values[:, published]


def _requests(
    rng: np.random.Generator, bodies: int, rows: list[str], carried: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    outcomes = [r for r in rows if r not in BALANCE_ROWS]
    rate = np.array([1.5, 0.3, 0.05, 0.05, 0.05, 0.1])
    leaves = rng.poisson(rate, (bodies, len(outcomes), 6))
    processed = leaves.sum(axis=1)
    over = rng.poisson(0.3, (bodies, 6)) if carried is None else carried
    forward = np.maximum(rng.poisson(0.3, (bodies, 6)), over - processed)
    new = processed + forward - over
    by_row = {"new_received": new, "carried_over": over}
    by_row |= {"total_processed": processed, "carried_forward": forward}
    by_row |= {row: leaves[:, i] for i, row in enumerate(outcomes)}
    six = np.stack([by_row[row] for row in rows], axis=1)
    return np.concatenate([six, six.sum(axis=2, keepdims=True)], axis=2), forward


def _disclosure(
    rng: np.random.Generator,
    bodies: int,
    cells: list[tuple[str, str]],
    stock: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray | None]:
    values = rng.poisson(40, (bodies, len(cells))).astype(float)
    measures = [measure for _, measure in cells]
    for j, (_, measure) in enumerate(cells):
        if measure == "items_change":
            values[:, j] = rng.integers(-20, 21, bodies)
        elif measure == "amount":
            values[:, j] = np.round(rng.random(bodies) * 1e5, 2)
    if "in_force" not in measures:
        return values, None
    items = [item for item, measure in cells if measure == "in_force"]
    before = rng.poisson(300, (bodies, len(items))) if stock is None else stock
    after = np.empty_like(before)
    for k, item in enumerate(items):
        issued, repealed, in_force = (cells.index((item, m)) for m in BALANCE_MEASURES)
        removed = np.minimum(values[:, repealed], before[:, k] + values[:, issued])
        values[:, repealed] = removed
        after[:, k] = before[:, k] + values[:, issued] - removed
        values[:, in_force] = after[:, k]
    return values, after


def report_ids(bodies: int) -> list[str]:
    """Report ids in package order: year by year, body by body."""
    return [f"body{b:06d}_{year}" for year in YEARS for b in range(bodies)]


def plant(years: list[Year], planted: int, rng: np.random.Generator) -> set[tuple[str, str, str]]:
    """Break ``planted`` distinct reports; return the (report, rule, subject) that must fail."""
    bodies = len(years[0].requests)
    ids = report_ids(bodies)
    year_of = np.repeat(np.array(YEARS), bodies)
    used = np.zeros(len(ids), dtype=bool)
    order = rng.permutation(len(ids))
    expected: set[tuple[str, str, str]] = set()
    applicants = codes.applicants().leaves("2021")
    proceedings = codes.proceedings().leaves("2021")
    eligible = {
        "appeal": np.ones(len(ids), dtype=bool),
        "outcome": np.ones(len(ids), dtype=bool),
        "new": np.ones(len(ids), dtype=bool),
        "stock": year_of == 2022,
        "negative": np.ones(len(ids), dtype=bool),
        "carryover": year_of >= 2020,
    }
    for number, kind in enumerate(KINDS):
        count = planted // len(KINDS) + (number < planted % len(KINDS))
        chosen = order[eligible[kind][order] & ~used[order]][:count]
        used[chosen] = True
        for report in chosen:
            y, body = divmod(int(report), bodies)
            expected |= _break(kind, years, y, body, ids, rng, applicants, proceedings)
    return expected


def _break(
    kind: str,
    years: list[Year],
    y: int,
    body: int,
    ids: list[str],
    rng: np.random.Generator,
    applicants: list[str],
    proceedings: list[str],
) -> set[tuple[str, str, str]]:
    """Plant one error of ``kind``; the checks it breaks, by hand."""
    data, bodies = years[y], len(years[y].requests)
    rid = ids[y * bodies + body]
    delta = int(rng.integers(1, 4))
    if kind == "appeal":  # upheld + 1: only that proceeding's total is off
        p = int(rng.integers(0, 3))
        data.appeals[body, p, 0] += delta
        return {(rid, "T4-TOTALS", proceedings[p])}
    if kind == "outcome":  # one outcome cell: its column's total and its row's total are off
        outcomes = [i for i, r in enumerate(data.rows) if r not in BALANCE_ROWS]
        row, a = int(rng.choice(outcomes)), int(rng.integers(0, 6))
        data.requests[body, row, a] += delta
        return {(rid, "T3-OUTCOMES", applicants[a]), (rid, "T3-APPLICANTS", data.rows[row])}
    if kind == "new":  # new requests of one column: its balance and the row total are off
        a = int(rng.integers(0, 6))
        data.requests[body, 0, a] += delta
        return {(rid, "T3-BALANCE", applicants[a]), (rid, "T3-APPLICANTS", "new_received")}
    if kind == "stock":  # 2022 in force: X-STOCK of 2022 and of 2023 are off
        j = data.cells.index(("normative_documents", "in_force"))
        data.disclosure[body, j] += delta
        following = ids[(y + 1) * bodies + body]
        return {
            (rid, "X-STOCK", "normative_documents"),
            (following, "X-STOCK", "normative_documents"),
        }
    if kind == "negative":  # a negative count
        j = data.cells.index(("licensing", "decisions"))
        data.disclosure[body, j] = -delta
        return {(rid, "VALUES", "disclosure")}
    # carryover: move requests from new to carried over; only last year's carry-forward disagrees
    a = int(np.argmax(data.requests[body, 0, :6]))
    delta = min(delta, int(data.requests[body, 0, a]))
    if delta == 0:
        raise RuntimeError("a report with no new requests was picked for a carry-over error")
    data.requests[body, 0, [a, 6]] -= delta
    data.requests[body, 1, [a, 6]] += delta
    return {(rid, "X-CARRYOVER", applicants[a]), (rid, "X-CARRYOVER", "total")}


def dataset(years: list[Year]) -> govinfo.Dataset:
    """The reports as a Dataset (categorical codes, nullable values), without a loop per cell."""
    bodies = len(years[0].requests)
    ids = report_ids(bodies)
    reports = pd.DataFrame(
        {
            "report_id": ids,
            "body": [f"body{b:06d}" for _ in YEARS for b in range(bodies)],
            "year": pd.array(np.repeat(YEARS, bodies), dtype="Int64"),
            "template": [TEMPLATE[y] for y in YEARS for _ in range(bodies)],
        }
    )
    frames = {
        "reports": reports,
        "requests": _long(years, ids, "requests"),
        "appeals": _long(years, ids, "appeals"),
        "disclosure": _disclosure_long(years, ids),
        "sections": pd.DataFrame({"report_id": [], "section": [], "heading": [], "text": []}),
    }
    return govinfo.Dataset(frames, {"name": "synthetic"}, Path("synthetic"))


def _labels(data: Year, table: str) -> tuple[list[str], list[str]]:
    """The codes of the two axes of a year's table-3 or table-4 array."""
    first, second = CELL_TABLES[table]
    rows = data.rows if table == "requests" else rules.dimension_list(table, first).leaves("2021")
    return rows, rules.dimension_list(table, second).leaves("2021")


def _enum(table: str, column: str) -> list[str]:
    return rules.dimension_list(table, column).cell_codes()


def _long(years: list[Year], ids: list[str], table: str) -> pd.DataFrame:
    first_name, second_name = CELL_TABLES[table]
    first_enum, second_enum = _enum(table, first_name), _enum(table, second_name)
    parts = {"report": [], "first": [], "second": [], "value": []}
    offset = 0
    for data in years:
        array = getattr(data, table)
        bodies, n_first, n_second = array.shape
        first, second = _labels(data, table)
        report = np.repeat(np.arange(offset, offset + bodies), n_first * n_second)
        parts["report"].append(report)
        first_codes = np.array([first_enum.index(c) for c in first])
        second_codes = np.array([second_enum.index(c) for c in second])
        parts["first"].append(np.tile(np.repeat(first_codes, n_second), bodies))
        parts["second"].append(np.tile(second_codes, bodies * n_first))
        parts["value"].append(array.reshape(-1))
        offset += bodies
    stacked = {k: np.concatenate(v) for k, v in parts.items()}
    return pd.DataFrame(
        {
            "report_id": pd.Categorical.from_codes(stacked["report"], categories=ids),
            first_name: pd.Categorical.from_codes(stacked["first"], categories=first_enum),
            second_name: pd.Categorical.from_codes(stacked["second"], categories=second_enum),
            "value": pd.array(stacked["value"], dtype="Int64"),
        }
    )


def _disclosure_long(years: list[Year], ids: list[str]) -> pd.DataFrame:
    items, measures = _enum("disclosure", "item"), _enum("disclosure", "measure")
    parts = {"report": [], "item": [], "measure": [], "value": []}
    offset = 0
    for data in years:
        bodies, width = data.disclosure.shape
        parts["report"].append(np.repeat(np.arange(offset, offset + bodies), width))
        parts["item"].append(np.tile([items.index(i) for i, _ in data.cells], bodies))
        parts["measure"].append(np.tile([measures.index(m) for _, m in data.cells], bodies))
        parts["value"].append(data.disclosure.reshape(-1))
        offset += bodies
    stacked = {k: np.concatenate(v) for k, v in parts.items()}
    return pd.DataFrame(
        {
            "report_id": pd.Categorical.from_codes(stacked["report"], categories=ids),
            "item": pd.Categorical.from_codes(stacked["item"], categories=items),
            "measure": pd.Categorical.from_codes(stacked["measure"], categories=measures),
            "value": pd.array(stacked["value"], dtype="Float64"),
        }
    )


# The Frictionless route: the same identities as row_constraint checks on wide CSV.


def wide(data: govinfo.Dataset, sample: np.ndarray) -> dict[str, pd.DataFrame]:
    """One wide table per template: a row per sampled report, a column per table-3/4 cell."""
    ids = data.reports["report_id"].iloc[sample]
    out = {}
    for template, group in data.reports.iloc[sample].groupby("template"):
        parts = []
        for table, prefix in (("requests", "q"), ("appeals", "a")):
            frame = data.frames[table]
            frame = frame[frame["report_id"].isin(group["report_id"])]
            first, second = CELL_TABLES[table]
            column = prefix + "_" + frame[first].astype(str) + "__" + frame[second].astype(str)
            parts.append(
                frame.assign(column=column.str.replace(".", "_"))
                .pivot(index="report_id", columns="column", values="value")
                .astype("int64")
            )
        table = pd.concat(parts, axis=1)
        out[str(template)] = table.loc[[i for i in ids if i in table.index]]
    return out


def formulas(template: str) -> list[str]:
    """The within-report identities of ``template`` as Python expressions over wide columns."""
    out = []
    for rule in rules.select(list(IDENTITIES)):
        prefix = "q" if rule.table == "requests" else "a"
        term_axis = 0 if rule.per == CELL_TABLES[rule.table][1] else 1
        terms = rule.term_list()
        left = expand(rule.left, terms, template, frozenset())
        right = expand(rule.readings[0].terms, terms, template, frozenset())
        for subject in subjects_for(rule, template, frozenset()):
            sides = [
                " + ".join(_wide_name(prefix, t.code, subject, term_axis) for t in side)
                for side in (left, right)
            ]
            out.append(" == ".join(sides))
    return out


def _wide_name(prefix: str, code: str, subject: str, term_axis: int) -> str:
    first, second = (code, subject) if term_axis == 0 else (subject, code)
    return f"{prefix}_{first}__{second}".replace(".", "_")


def frictionless_route(
    tables: dict[str, pd.DataFrame], folder: Path, constraints: bool = True
) -> tuple[float, int]:
    """Validate each wide table (with the row_constraint checks); return (seconds, errors)."""
    seconds, errors = 0.0, 0
    for template, table in tables.items():
        path = folder / f"wide_{template}.csv"
        table.to_csv(path)
        fields = [{"name": "report_id", "type": "string"}]
        fields += [{"name": c, "type": "integer"} for c in table.columns]
        checks = [frictionless.checks.row_constraint(formula=f) for f in formulas(template)]
        checks = checks if constraints else []
        schema = frictionless.Schema.from_descriptor({"fields": fields})
        resource = frictionless.Resource(path=path.name, basepath=str(folder), schema=schema)
        start = time.perf_counter()
        report = frictionless.validate(resource, checks=checks, limit_errors=10**9)
        seconds += time.perf_counter() - start
        errors += sum(1 for (kind,) in report.flatten(["type"]) if kind == "row-constraint")
    return seconds, errors


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 1 when the planted errors are not found exactly."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--planted", type=int, default=1200)
    parser.add_argument("--sample", type=int, default=2000, help="reports for Frictionless")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    bodies = args.reports // len(YEARS)

    start = time.perf_counter()
    years = generate(bodies, rng)
    expected = plant(years, args.planted, rng)
    data = dataset(years)
    n = len(data.reports)
    print(
        f"generated {n:,} reports ({sum(len(d) for d in data.frames.values()):,} rows), "
        f"{args.planted} planted errors -> {len(expected)} failing checks expected "
        f"({time.perf_counter() - start:.1f} s)"
    )

    start = time.perf_counter()
    findings = govinfo.reconcile(data)
    ours = time.perf_counter() - start
    failed = findings[findings["status"] == "fail"]
    found = set(
        zip(
            failed["report_id"].astype(str),
            failed["rule"].astype(str),
            failed["subject"].astype(str),
            strict=True,
        )
    )
    counts = findings["status"].value_counts().to_dict()
    print(f"govinfo.reconcile: {ours:.2f} s for {n:,} reports, {len(findings):,} findings {counts}")
    unassessed = findings[findings["status"] == "not_assessable"]
    # X-STOCK on 2020 and 2021 (a 2019-template report on one side); the 2019 template's
    # running counts (X-ITEMS, X-PUBLISHED) on the three 2021-template years.
    gated = 2 * bodies + 2 * 3 * bodies
    exact = (
        found == expected
        and set(unassessed["rule"]) <= {"X-STOCK", "X-ITEMS", "X-PUBLISHED"}
        and len(unassessed) == gated
    )
    print(
        f"planted errors found exactly: {exact} "
        f"(missed {len(expected - found)}, unexpected {len(found - expected)})"
    )

    sample = np.sort(rng.choice(n, size=min(args.sample, n), replace=False))
    tables = wide(data, sample)
    with tempfile.TemporaryDirectory() as folder:
        theirs, errors = frictionless_route(tables, Path(folder))
        baseline, _ = frictionless_route(tables, Path(folder), constraints=False)
    sampled = set(data.reports["report_id"].iloc[sample])
    want = sum(1 for rid, rule, _ in expected if rid in sampled and rule in IDENTITIES)
    print(
        f"frictionless row_constraint ({len(formulas('2021'))} checks per 2021 report): "
        f"{theirs:.2f} s for {len(sample):,} reports, {errors} errors (planted: {want}); "
        f"of which {baseline:.2f} s is stock validation without the constraints"
    )
    scaled = theirs * n / len(sample)
    if len(sample) < n:
        print(f"  extrapolated linearly to {n:,} reports: {scaled:.0f} s")
    within = errors == want
    print(
        f"ratio (frictionless / govinfo, {n:,} reports): {scaled / ours:.0f}x "
        "(govinfo from frames in memory, every rule; Frictionless from wide CSV, the 4 identities)"
    )
    return 0 if exact and within else 1


if __name__ == "__main__":
    sys.exit(main())
