"""Splitting glued digit runs back into cells with the table's own identities.

Crawler text often prints a row's cells with no separator
(``713000074`` = 71, 3, 0, 0, 0, 0, 74). Every segmentation of the digits is
a candidate; the identities of the table choose among them. A split forced by
the digits alone is written without a flag, one chosen by the identities gets
``split``, and one still open after them gets ``ambiguous_split``: the most
plausible candidate is written and the others are kept on the report as
:class:`~govinfo.model.Alternatives` for neighbouring years to settle.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from ...model import Alternatives, Cell, Diagnostic
from ..text.tables import Pending
from .candidates import Row, candidate_rows, fill_missing
from .hints import agreement
from .identities import Identity, Key, Number
from .plausible import plausible_ratios

MAX_COMBINATIONS = 5_000
MAX_EVALUATIONS = 20_000
"""Readings of a table the greedy choice scores at most (each scores every identity)."""


@dataclass
class Resolution:
    """Cells written for the pending rows of one table, what stays open, and diagnostics."""

    cells: dict[Key, Cell]
    alternatives: list[Alternatives]
    diagnostics: list[Diagnostic]


def resolve(
    pending: list[Pending],
    fixed: dict[Key, Cell],
    identities: list[Identity],
    kind_of: Callable[[Key], str],
    hints: dict[Key, set[Number]] | None = None,
) -> Resolution:
    """Split the pending rows of one table so that the most identities hold.

    A cell is flagged ``split`` only when the cut is forced: by its row alone
    (every cut its own identities allow gives it the same value, with cells
    printed elsewhere), or by the whole table when every best combination of
    cuts gives it the same value and breaks no identity — and only when the
    chosen reading breaks no identity of the table: where one fails (a printed
    error, a lost digit), any cut may be compensating for it, so every inferred
    cell is ``ambiguous_split``. Cells chosen by the narrative, plausibility or
    closeness are ``ambiguous_split``; a row short of a cell gives ``repaired``
    for what the identities force; numbers placed among blank cells (text
    extracted with its layout kept) are ``placed``, chosen by the identities
    first and then by their printed positions.
    """
    rows, unread, diagnostics = candidate_rows(pending, kind_of, identities)
    known = {key: cell.value for key, cell in fixed.items()}
    pending_keys = {key for row in rows for key in row.keys}
    relevant = [i for i in identities if i.keys & pending_keys]
    for row in rows:
        if row.short:
            fill_missing(row, known, [i for i in relevant if not i.at_least])
        _keep_best_alone(row, known, relevant)
    alone = [_forced_alone(row, known, relevant) for row in rows]
    combos, exact = _best_combinations(rows, known, relevant)
    broken = _broken_identities(rows, combos, known, relevant)
    settled = exact and not broken and not any(row.short for row in rows)
    agreed = [
        _agreed_positions(row, [combo[index] for combo in combos]) if settled else set()
        for index, row in enumerate(rows)
    ]
    combos = _cheapest(rows, combos)
    combos = _agreeing_with_hints(rows, combos, hints or {})
    combos = _within_plausible_ratios(rows, combos)
    chosen = min(combos, key=lambda combo: _implausibility(rows, combo))
    final = _values(rows, chosen, known)
    if any(identity.holds(final) is False for identity in relevant):
        alone = agreed = [set() for _ in rows]  # a wrong cut can compensate for a lost digit
    cells: dict[Key, Cell] = dict(unread)
    for index, row in enumerate(rows):
        own_broken = row.by_digits == 1 and _breaks_its_row(row, final, known, relevant)
        values, raws = row.values(chosen[index]), row.parts[chosen[index]]
        for position, key in enumerate(row.keys):
            if values[position] is None:
                cells[key] = Cell(None, "", "unread")
                continue
            if row.sparse:
                blank = row.is_blank(chosen[index], position)
                cells[key] = Cell(None if blank else values[position], raws[position], "placed")
                continue
            if row.by_digits == 1:
                flag = "doubtful" if own_broken else ""
            elif position in alone[index] | agreed[index]:
                flag = "repaired" if row.short else "split"
            else:
                flag = "ambiguous_split"
            unit = row.unit if row.kinds[position] == "amount" else ""
            cells[key] = Cell(values[position], raws[position], flag, unit)
    ranked = sorted(combos, key=lambda combo: _implausibility(rows, combo))
    return Resolution(cells, _open_alternatives(rows, ranked), diagnostics)


def _cheapest(rows: list[Row], combos: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Combinations whose candidates cost least before the identities (placements nearest
    the table's columns; no number printed on its own cut)."""
    costs = [sum(row.prior[i] for row, i in zip(rows, combo, strict=True)) for combo in combos]
    least = min(costs, default=0.0)
    return [combo for combo, cost in zip(combos, costs, strict=True) if cost == least]


def _forced_alone(
    row: Row, known: dict[Key, Number | None], identities: list[Identity]
) -> set[int]:
    """Positions of ``row`` fixed by its own identities (and cells printed elsewhere) alone.

    Every remaining candidate must satisfy all of those identities and agree.
    """
    own = set(row.keys) | {k for k, v in known.items() if v is not None}
    local = [i for i in identities if i.keys <= own]
    if not local:
        return set()
    for index in range(len(row.parts)):
        values = {**known, **dict(zip(row.keys, row.values(index), strict=True))}
        if not all(identity.holds(values) for identity in local):
            return set()
    return _agreed_positions(row, list(range(len(row.parts))))


def _breaks_its_row(
    row: Row, values: dict[Key, Number | None], known: dict, identities: list[Identity]
) -> bool:
    """Whether the row's own identities fail: the one cut its digits allow is then wrong
    (a digit lost or added), or its print is."""
    own = set(row.keys) | {k for k, v in known.items() if v is not None}
    return any(i.holds(values) is False for i in identities if i.keys <= own)


def _broken_identities(
    rows: list[Row], combos: list[tuple[int, ...]], known: dict, identities: list[Identity]
) -> list[Identity]:
    """The identities that some best combination of cuts breaks."""
    readings = [_values(rows, combo, known) for combo in combos]
    return [
        identity
        for identity in identities
        if any(identity.holds(values) is False for values in readings)
    ]


def _agreed_positions(row: Row, candidates: list[int]) -> set[int]:
    """Positions of ``row`` where every candidate gives the same value."""
    return {
        position
        for position in range(len(row.keys))
        if len({row.values(i)[position] for i in candidates}) == 1
    }


def _score(identities: list[Identity], values: dict[Key, Number | None]) -> int:
    return sum(1 for identity in identities if identity.holds(values))


def _keep_best_alone(row: Row, known: dict[Key, Number | None], identities: list[Identity]) -> None:
    """Narrow a row by the identities that read only it and cells already known."""
    own = set(row.keys) | set(known)
    local = [i for i in identities if i.keys <= own]
    if not local or len(row.parts) == 1:
        return
    scores = [
        _score(local, {**known, **dict(zip(row.keys, row.values(i), strict=True))})
        for i in range(len(row.parts))
    ]
    best = max(scores)
    row.keep([i for i, s in enumerate(scores) if s == best])


def _best_combinations(
    rows: list[Row], known: dict[Key, Number | None], identities: list[Identity]
) -> tuple[list[tuple[int, ...]], bool]:
    """Every choice of one candidate per row that satisfies the most identities.

    When there are too many choices to try, a greedy choice is returned and
    the second value is False: nothing it writes may pass as settled.
    """
    sizes = [len(row.parts) for row in rows]
    total = 1
    for size in sizes:
        total *= size
    if total > MAX_COMBINATIONS:
        return [_greedy(rows, known, identities)], False
    scored = []
    for combo in itertools.product(*(range(s) for s in sizes)):
        scored.append((_score(identities, _values(rows, combo, known)), combo))
    best = max(score for score, _ in scored)
    return [combo for score, combo in scored if score == best], True


def _values(rows: list[Row], combo: tuple[int, ...], known: dict[Key, Number | None]) -> dict:
    values = dict(known)
    for row, index in zip(rows, combo, strict=True):
        values.update(zip(row.keys, row.values(index), strict=True))
    return values


def _greedy(
    rows: list[Row], known: dict[Key, Number | None], identities: list[Identity]
) -> tuple[int, ...]:
    """One candidate per row, each the best given the others, in at most three passes and
    ``MAX_EVALUATIONS`` readings scored (what it writes is never settled: see the caller)."""
    combo = [0] * len(rows)
    left = MAX_EVALUATIONS
    for _ in range(3):
        for index, row in enumerate(rows):
            left -= len(row.parts)
            if left < 0:
                return tuple(combo)

            def score(choice: int, index: int = index) -> int:
                trial = (*combo[:index], choice, *combo[index + 1 :])
                return _score(identities, _values(rows, trial, known))

            combo[index] = max(range(len(row.parts)), key=score)
    return tuple(combo)


def _agreeing_with_hints(
    rows: list[Row], combos: list[tuple[int, ...]], hints: dict[Key, set[Number]]
) -> list[tuple[int, ...]]:
    """Combinations that agree with the most values the narrative states (when any do)."""
    if not hints or len(combos) == 1:
        return combos

    scores = [agreement(_values(rows, c, {}), hints) for c in combos]
    best = max(scores)
    return [c for c, s in zip(combos, scores, strict=True) if s == best]


def _within_plausible_ratios(
    rows: list[Row], combos: list[tuple[int, ...]]
) -> list[tuple[int, ...]]:
    """Combinations breaking the fewest plausible ranges (``plausible.csv``)."""
    if len(combos) == 1:
        return combos
    units = {key: row.unit for row in rows for key in row.keys}

    def outside(combo: tuple[int, ...]) -> int:
        values = _values(rows, combo, {})
        return sum(1 for ratio in plausible_ratios() if ratio.violated(values, units))

    scores = [outside(c) for c in combos]
    best = min(scores)
    return [c for c, s in zip(combos, scores, strict=True) if s == best]


def _implausibility(rows: list[Row], combo: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    """Prefer cells of even width (a row of 2-digit counts over 1- and 3-digit ones)."""
    widths = sum(
        len(part) ** 2 for row, i in zip(rows, combo, strict=True) for part in row.parts[i]
    )
    return widths, combo


def _open_alternatives(rows: list[Row], combos: list[tuple[int, ...]]) -> list[Alternatives]:
    """The rows still open, with their candidates most plausible first."""
    open_rows = [
        i
        for i, row in enumerate(rows)
        if len({c[i] for c in combos}) > 1
        and not row.sparse
        and all(None not in n for n in row.numbers)
    ]
    if not open_rows:
        return []
    choices = list(dict.fromkeys(tuple(combo[i] for i in open_rows) for combo in combos))
    return [
        Alternatives(
            table=rows[open_rows[0]].pending.table,
            keys=tuple(k for i in open_rows for k in rows[i].keys),
            kinds=tuple(k for i in open_rows for k in rows[i].kinds),
            candidates=[
                tuple(v for i, c in zip(open_rows, choice, strict=True) for v in rows[i].values(c))
                for choice in choices
            ],
            raws=[
                tuple(p for i, c in zip(open_rows, choice, strict=True) for p in rows[i].parts[c])
                for choice in choices
            ],
        )
    ]
