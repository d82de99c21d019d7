"""Settling open splits with the reports of the same body in neighbouring years.

A glued run that the report's own identities leave open (``693665`` =
69|3|665 or 6|93|665 …) is often fixed by the next year: the stock of
normative documents carries over (X-STOCK), requests carried forward are the
next year's carried over (X-CARRYOVER), and the 2019 template's item counts
run on (X-ITEMS, X-PUBLISHED). Candidates that make the most of these hold are
kept; what is still open is decided by closeness to the neighbours' values and
stays flagged ``ambiguous_split``.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import replace

from ...model import Alternatives, Report
from .identities import Key, Number, SeriesIdentity, series_identities


class Series:
    """The consecutive reports of one body and the candidates still alive in each."""

    def __init__(self, reports: list[Report]) -> None:
        self.reports = reports
        self.alive: dict[tuple[int, int], list[int]] = {
            (r, a): list(range(len(alt.candidates)))
            for r, report in enumerate(reports)
            for a, alt in enumerate(report.alternatives)
        }

    def possible(self, r: int, table: str, key: Key) -> set[Number] | None:
        """Values a cell of report ``r`` may still take (None when unknown or blank)."""
        report = self.reports[r]
        for a, alt in enumerate(report.alternatives):
            if alt.table == table and key in alt.keys:
                position = alt.keys.index(key)
                return {alt.candidates[i][position] for i in self.alive[(r, a)]}
        cell = getattr(report, table).get(key)
        return None if cell is None or cell.value is None else {cell.value}

    def identities(self, r: int) -> list[tuple[int, SeriesIdentity]]:
        """Identities linking report ``r`` to its neighbours, with the index of the later report."""
        out = []
        for later in (r, r + 1):
            if 1 <= later < len(self.reports):
                previous, current = self.reports[later - 1], self.reports[later]
                if current.year == previous.year + 1:
                    out += [
                        (later, i) for i in series_identities(previous.template, current.template)
                    ]
        return out


def settle(reports: list[Report]) -> None:
    """Settle open splits across each body's consecutive years, in place."""
    for series in _series(reports):
        _narrow_by_identities(series)
        forced = _values_forced(series)
        while _decide_closest(series):
            _narrow_by_identities(series)
        _write(series, forced)


def _series(reports: list[Report]) -> list[Series]:
    bodies: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        body = report.body_id or report.body
        if body and report.year and report.template != "other":
            bodies[body].append(report)
    out = []
    for members in bodies.values():
        members.sort(key=lambda r: r.year)
        years = [r.year for r in members]
        if len(set(years)) < len(years):
            for report in members:
                if report.alternatives:
                    report.note(
                        "not_settled",
                        f"several reports of {report.body} for one year; "
                        "open splits not settled with neighbouring years",
                    )
            continue
        if len(members) > 1 and any(r.alternatives for r in members):
            out.append(Series(members))
    return out


def _narrow_by_identities(series: Series) -> None:
    """Keep the candidates that let the most cross-year identities hold, until nothing changes."""
    changed = True
    while changed:
        changed = False
        for (r, a), alive in series.alive.items():
            if len(alive) < 2:
                continue
            alt = series.reports[r].alternatives[a]
            linked = [
                (later, identity)
                for later, identity in series.identities(r)
                if identity.table == alt.table
                and any(key in alt.keys for offset, key, _ in identity.terms if later + offset == r)
            ]
            if not linked:
                continue
            scores = [_satisfied(series, r, alt, i, linked) for i in alive]
            best = max(scores)
            kept = [i for i, s in zip(alive, scores, strict=True) if s == best]
            if len(kept) < len(alive):
                series.alive[(r, a)] = kept
                changed = True


def _satisfied(
    series: Series,
    r: int,
    alt: Alternatives,
    candidate: int,
    linked: list[tuple[int, SeriesIdentity]],
) -> int:
    own = dict(zip(alt.keys, alt.candidates[candidate], strict=True))
    count = 0
    for later, identity in linked:
        choices = []
        for offset, key, sign in identity.terms:
            index = later + offset
            if index == r and key in own:
                values = {own[key]}
            else:
                values = series.possible(index, identity.table, key)
            if not values:
                break
            choices.append([sign * v for v in values])
        else:
            if any(abs(sum(combo)) < 1e-6 for combo in itertools.product(*choices)):
                count += 1
    return count


def _values_forced(series: Series) -> dict[tuple[int, int], set[int]]:
    """Positions of each open split whose value the identities alone have fixed."""
    forced = {}
    for (r, a), alive in series.alive.items():
        candidates = series.reports[r].alternatives[a].candidates
        forced[(r, a)] = {
            p for p in range(len(candidates[0])) if len({candidates[i][p] for i in alive}) == 1
        }
    return forced


def _decide_closest(series: Series) -> bool:
    """Settle one open split and its kin along the body's years by closeness; False when none.

    The candidates of each year in a run of consecutive same-template reports
    are chosen together so that the cells change least from year to year
    (a shortest path over the years); ``change`` cells are not compared.
    """
    open_ = [key for key, alive in series.alive.items() if len(alive) > 1]
    if not open_:
        return False
    r, a = open_[0]
    alt = series.reports[r].alternatives[a]
    chain = _chain(series, r)
    options = [_options(series, j, alt) for j in chain]
    path = _shortest_path(options, [k != "change" for k in alt.kinds])
    for j, opts, i in zip(chain, options, path, strict=True):
        for b_index, candidates in opts[i][1]:
            series.alive[(j, b_index)] = candidates
    if len(series.alive[(r, a)]) > 1:
        series.alive[(r, a)] = series.alive[(r, a)][:1]
    return True


def _chain(series: Series, r: int) -> list[int]:
    """Indices of the run of consecutive years with report ``r``'s template around it."""
    reports = series.reports
    start = end = r
    while start > 0 and _follows(reports[start - 1], reports[start]):
        start -= 1
    while end + 1 < len(reports) and _follows(reports[end], reports[end + 1]):
        end += 1
    return list(range(start, end + 1))


def _follows(previous: Report, current: Report) -> bool:
    return current.year == previous.year + 1 and current.template == previous.template


Option = tuple[tuple[Number | None, ...], list[tuple[int, list[int]]]]


def _options(series: Series, j: int, alt: Alternatives) -> list[Option]:
    """The values report ``j`` may give ``alt``'s cells, each with the candidates behind it."""
    report = series.reports[j]
    fixed = tuple(
        None if (c := getattr(report, alt.table).get(k)) is None else c.value for k in alt.keys
    )
    covering = [
        (b, other)
        for b, other in enumerate(report.alternatives)
        if other.table == alt.table and set(other.keys) & set(alt.keys)
    ]
    if not covering:
        return [(fixed, [])]
    b, other = max(covering, key=lambda bo: len(set(bo[1].keys) & set(alt.keys)))
    grouped: dict[tuple[Number | None, ...], list[int]] = {}
    for i in series.alive[(j, b)]:
        values = dict(zip(other.keys, other.candidates[i], strict=True))
        projected = tuple(values.get(k, f) for k, f in zip(alt.keys, fixed, strict=True))
        grouped.setdefault(projected, []).append(i)
    return [(values, [(b, candidates)]) for values, candidates in grouped.items()]


def _shortest_path(options: list[list[Option]], compared: list[bool]) -> list[int]:
    """One option per year minimising the summed year-to-year distance (first option on ties)."""
    cost = [0.0] * len(options[0])
    back: list[list[int]] = []
    for previous, current in itertools.pairwise(options):
        step, links = [], []
        for values, _ in current:
            totals = [
                cost[i] + _gap(prev_values, values, compared)
                for i, (prev_values, _) in enumerate(previous)
            ]
            best = min(range(len(totals)), key=lambda i: (totals[i], i))
            step.append(totals[best])
            links.append(best)
        cost = step
        back.append(links)
    path = [min(range(len(cost)), key=lambda i: (cost[i], i))]
    for links in reversed(back):
        path.append(links[path[-1]])
    return path[::-1]


def _gap(a: tuple[Number | None, ...], b: tuple[Number | None, ...], compared: list[bool]) -> float:
    return sum(
        abs(math.log((abs(x) + 1) / (abs(y) + 1)))
        for x, y, use in zip(a, b, compared, strict=True)
        if use and x is not None and y is not None
    )


def _write(series: Series, forced: dict[tuple[int, int], set[int]]) -> None:
    for (r, a), alive in series.alive.items():
        report = series.reports[r]
        alt = report.alternatives[a]
        chosen = alive[0]
        cells = getattr(report, alt.table)
        for position, key in enumerate(alt.keys):
            flag = "split" if position in forced[(r, a)] else "ambiguous_split"
            old = cells[key]
            cells[key] = replace(
                old,
                value=alt.candidates[chosen][position],
                raw=alt.raws[chosen][position],
                flag=flag,
            )
        alt.candidates = [alt.candidates[i] for i in alive]
        alt.raws = [alt.raws[i] for i in alive]
    for report in series.reports:
        report.alternatives = [alt for alt in report.alternatives if len(alt.candidates) > 1]
