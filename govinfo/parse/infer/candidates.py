"""The ways one printed row may fill its cells: the candidates the splitter chooses among.

A row's printed values become cells in one of three ways. Glued digits are
cut (``713000074`` = 71, 3, 0, 0, 0, 0, 74: ``segment.py``). A row printed one
cell short (a digit lost, a blank cell dropped between spaces) gets every
place the missing cell may take, its value solved from the identities. Text
extracted with its layout kept prints blank cells as wider gaps: its numbers
are placed among the row's cells, the others blank, every way their order
allows, each placement costed by how far the numbers stand from the table's
column positions.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Cell, Diagnostic
from ..text.tables import Pending
from ..text.tokens import unit_of
from .identities import Identity, Key, Number
from .segment import TooManyCuts, fits, is_forced, number, segmentations

MAX_PLACEMENTS = 10_000
OFF_THE_END = 100.0  # a placement that leaves the row's last cell (its total) blank
CUT_COST = 1_000.0  # a cut through a number printed on its own, where blanks are gaps


@dataclass
class Row:
    """One pending row with its candidate segmentations (indices into ``parts``)."""

    pending: Pending
    kinds: list[str]
    parts: list[tuple[str, ...]]
    unit: str
    by_digits: int  # 1 when the digits alone allow one split, else 2 (several)
    short: bool = False  # one cell fewer printed than the row has: its place is a candidate too
    sparse: bool = False  # numbers placed among blank cells (an empty part is a printed blank)
    prior: list[float] = field(default_factory=list)  # cost of each candidate before identities

    def __post_init__(self) -> None:
        blank = 0 if self.sparse else None  # a printed blank counts as 0 in a sum
        self.numbers = [tuple(number(p) if p else blank for p in parts) for parts in self.parts]
        self.prior = self.prior or [0.0] * len(self.parts)

    def is_blank(self, index: int, position: int) -> bool:
        """Whether the candidate prints nothing in this cell."""
        return self.sparse and not self.parts[index][position]

    @property
    def keys(self) -> list[Key]:
        return self.pending.keys

    def values(self, index: int) -> tuple[Number, ...]:
        return self.numbers[index]

    def keep(self, indices: list[int]) -> None:
        """Keep only the candidates at ``indices``."""
        self.parts = [self.parts[i] for i in indices]
        self.numbers = [self.numbers[i] for i in indices]
        self.prior = [self.prior[i] for i in indices]


def candidate_rows(
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
            if digits:  # a blank cell among the numbers holds no digits to cut
                chunks.append(digits)
            unit = token_unit or unit
        printed = " ".join(t.text for t in item.tokens)
        digits = "".join(chunks)
        if len(digits) == len(kinds) and digits.isdigit() and item.columns is None:
            rows.append(Row(item, kinds, [tuple(digits)], unit, 1))  # one digit a cell: forced
            continue
        try:
            parts = _segmentations(chunks, kinds, _totals_last(item.keys, kinds, identities))
        except TooManyCuts as exc:
            code, why = "split_bounded", f"has too many splits ({exc})"
            parts = []
        else:
            code, why = "row_unread", f"cannot be split into {len(item.keys)} cells"
        placements = _placements(item, kinds) if code == "row_unread" else []
        if placements:
            ranked = sorted(
                [(CUT_COST * _cut_tokens(item.tokens, cut), cut) for cut in parts]
                + [(cost, cut) for cut, cost in placements],
                key=lambda costed: costed[0],
            )
            prior, parts = [c for c, _ in ranked], [cut for _, cut in ranked]
            rows.append(Row(item, kinds, parts, unit, 2, sparse=True, prior=prior))
            continue
        short = not parts and code == "row_unread" and len(kinds) > 1
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


def _placements(item: Pending, kinds: list[str]) -> list[tuple[tuple[str, ...], float]]:
    """The printed numbers placed among the row's cells, the rest blank, with their cost.

    Only for a row whose numbers each stand alone with a known place in the
    line (text extracted with its layout kept): every placement that keeps
    their order, each costed by how far the numbers stand from the columns'
    places in the rows of the table printed in full, and — more — when the
    row's last number is not in its last cell: a row printed with blanks
    still prints its total, as the loose values of ``place.py`` keep the last
    number last. Text extraction shifts a line's columns with the length of
    its label, so the places are a weak guide; the identities come first.
    """
    tokens = item.tokens
    if item.columns is None or not tokens or len(tokens) >= len(kinds):
        return []
    texts = [unit_of(t.text)[0] for t in tokens]
    if math.comb(len(kinds), len(texts)) > MAX_PLACEMENTS:
        return []
    out = []
    for places in itertools.combinations(range(len(kinds)), len(texts)):
        if not all(fits(text, kinds[p]) for p, text in zip(places, texts, strict=True)):
            continue
        parts = [""] * len(kinds)
        for place, text in zip(places, texts, strict=True):
            parts[place] = text
        cost = sum(
            abs(token.offset - item.columns[place])
            for place, token in zip(places, tokens, strict=True)
            if item.columns
        )
        cost += 0.0 if places[-1] == len(kinds) - 1 else OFF_THE_END
        out.append((tuple(parts), float(cost)))
    return out


def _cut_tokens(tokens: list, cut: tuple[str, ...]) -> int:
    """How many printed numbers a cut splits (numbers of its own, in layout text)."""
    return max(0, len(cut) - len(tokens))


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


def fill_missing(row: Row, known: dict[Key, Number | None], identities: list[Identity]) -> None:
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
    row.prior = [0.0] * len(row.parts)


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
