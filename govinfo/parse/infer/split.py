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
from ..text.tokens import unit_of
from .hints import agreement
from .identities import Identity, Key, Number
from .plausible import plausible_ratios
from .segment import TooManyCuts, is_forced, number, segmentations

MAX_COMBINATIONS = 5_000


@dataclass
class Row:
    """One pending row with its candidate segmentations (indices into ``parts``)."""

    pending: Pending
    kinds: list[str]
    parts: list[tuple[str, ...]]
    unit: str
    by_digits: int  # 1 when the digits alone allow one split, else 2 (several)
    short: bool = False  # one cell fewer printed than the row has: its place is a candidate too

    def __post_init__(self) -> None:
        self.numbers = [tuple(number(p) if p else None for p in parts) for parts in self.parts]

    @property
    def keys(self) -> list[Key]:
        return self.pending.keys

    def values(self, index: int) -> tuple[Number, ...]:
        return self.numbers[index]

    def keep(self, indices: list[int]) -> None:
        """Keep only the candidates at ``indices``."""
        self.parts = [self.parts[i] for i in indices]
        self.numbers = [self.numbers[i] for i in indices]


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
    for what the identities force.
    """
    rows, unread, diagnostics = _candidate_rows(pending, kind_of, identities)
    known = {key: cell.value for key, cell in fixed.items()}
    pending_keys = {key for row in rows for key in row.keys}
    relevant = [i for i in identities if i.keys & pending_keys]
    for row in rows:
        if row.short:
            _fill_missing(row, known, [i for i in relevant if not i.at_least])
        _keep_best_alone(row, known, relevant)
    alone = [_forced_alone(row, known, relevant) for row in rows]
    combos, exact = _best_combinations(rows, known, relevant)
    broken = _broken_identities(rows, combos, known, relevant)
    settled = exact and not broken and not any(row.short for row in rows)
    agreed = [
        _agreed_positions(row, [combo[index] for combo in combos]) if settled else set()
        for index, row in enumerate(rows)
    ]
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
    return [
        identity
        for identity in identities
        if any(identity.holds(_values(rows, combo, known)) is False for combo in combos)
    ]


def _fill_missing(row: Row, known: dict[Key, Number | None], identities: list[Identity]) -> None:
    """Give the missing cell of each candidate of a short row the value the identities force.

    Candidates whose missing cell no identity can fix keep it empty (unread),
    unless another candidate's could be fixed; a value that is not a count
    rules its candidate out; candidates that end up equal are kept once.
    """
    solved: dict[tuple[Number | None, ...], tuple[str, ...]] = {}
    open_: dict[tuple[Number | None, ...], tuple[str, ...]] = {}
    for parts, numbers in zip(row.parts, row.numbers, strict=True):
        place = numbers.index(None)
        values = {**known, **dict(zip(row.keys, numbers, strict=True))}
        found = {_solve(identity, row.keys[place], values) for identity in identities}
        found.discard(None)
        if len(found) > 1:
            continue
        if not found:
            open_.setdefault(numbers, parts)
            continue
        value = found.pop()
        if value < 0 or value != int(value):
            continue
        filled = (*numbers[:place], int(value), *numbers[place + 1 :])
        solved.setdefault(filled, parts)
    chosen = solved or open_
    row.parts, row.numbers = list(chosen.values()), list(chosen)


def _solve(identity: Identity, key: Key, values: dict[Key, Number | None]) -> Number | None:
    """The value of ``key`` that makes ``identity`` hold, when it is its only unknown cell."""
    if key not in identity.keys:
        return None
    total, sign = 0, 0
    for term, term_sign in identity.terms:
        if term == key:
            sign = term_sign
            continue
        value = values.get(term)
        if value is None:
            return None
        total += term_sign * value
    return -total / sign


def _agreed_positions(row: Row, candidates: list[int]) -> set[int]:
    """Positions of ``row`` where every candidate gives the same value."""
    return {
        position
        for position in range(len(row.keys))
        if len({row.values(i)[position] for i in candidates}) == 1
    }


def _candidate_rows(
    pending: list[Pending], kind_of: Callable[[Key], str], identities: list[Identity]
) -> tuple[list[Row], dict[Key, Cell], list[Diagnostic]]:
    """The rows with their candidate splits, and unread cells for the rows that have none."""
    rows, unread, diagnostics = [], {}, []
    for item in pending:
        kinds = [kind_of(key) for key in item.keys]
        unit = ""
        chunks = []
        for token in item.tokens:
            digits, token_unit = unit_of(token.text)
            chunks.append(digits)
            unit = token_unit or unit
        printed = " ".join(t.text for t in item.tokens)
        try:
            parts = _segmentations(chunks, kinds, _totals_last(item.keys, kinds, identities))
        except TooManyCuts as exc:
            code, why = "split_bounded", f"has too many splits ({exc})"
            parts = []
        else:
            code, why = "row_unread", f"cannot be split into {len(item.keys)} cells"
        short = not parts and code == "row_unread"
        if short:
            parts = _short_cuts(chunks, kinds, item.tokens)
        if not parts:
            unread.update((key, Cell(None, printed, "unread")) for key in item.keys)
            message = f"{item.table}: {item.keys[0][0]}: {printed!r} {why}; its cells are unread"
            diagnostics.append(Diagnostic(code, message, item.table, item.keys[0][0]))
            continue
        if short:
            message = (
                f"{item.table}: {item.keys[0][0]}: {printed!r} is short of a cell for "
                f"{len(item.keys)} cells; the missing one was found with the identities"
            )
            diagnostics.append(Diagnostic("row_short", message, item.table, item.keys[0][0]))
        forced = not short and len(parts) == 1 and is_forced(chunks, kinds)
        rows.append(Row(item, kinds, parts, unit, 1 if forced else 2, short))
    return rows, unread, diagnostics


def _short_cuts(chunks: list[str], kinds: list[str], tokens: list) -> list[tuple[str, ...]]:
    """Cuts of a row printed one cell short: every place the missing cell may take.

    The missing cell's part is empty (its value is found with the identities,
    or it stays unread). Delimited cells are never cut; glued runs are.
    """
    delimited = all(token.kind == "cell" for token in tokens)
    out: list[tuple[str, ...]] = []
    for place in range(len(kinds)):
        rest = kinds[:place] + kinds[place + 1 :]
        if delimited:
            cuts = (
                [tuple(chunks)]
                if len(chunks) == len(rest) and all(map(str.isdigit, chunks))
                else []
            )
        else:
            try:
                cuts = list(segmentations(chunks, rest))
            except TooManyCuts:
                return []
        out += [(*cut[:place], "", *cut[place:]) for cut in cuts]
    return out


def _segmentations(chunks: list[str], kinds: list[str], totals_last: bool) -> list[tuple[str, ...]]:
    """The row's splits; a row whose last cell is its total tries the splits that add up
    first, and all splits when none does (a printed total can be wrong)."""
    if totals_last:
        summed = list(segmentations(chunks, kinds, last_is_sum=True))
        if summed:
            return summed
    return list(segmentations(chunks, kinds))


def _totals_last(keys: list[Key], kinds: list[str], identities: list[Identity]) -> bool:
    """Whether an identity says the row's last cell is the sum of its other cells."""
    if any(kind != "count" for kind in kinds):
        return False
    for identity in identities:
        if not identity.at_least and identity.keys == frozenset(keys):
            signs = dict(identity.terms)
            return all(signs[key] == -signs[keys[-1]] for key in keys[:-1])
    return False


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
    combo = [0] * len(rows)
    for _ in range(3):
        for index, row in enumerate(rows):

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
        if len({c[i] for c in combos}) > 1 and all(None not in n for n in row.numbers)
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
