"""The accounting identities (勾稽关系) the readers use to split glued digit runs.

They are the rules of the standard (``govinfo/schema/<version>/rules.csv``,
read by :mod:`govinfo.standard.rules`), expanded to the cells one report prints: each
identity is a signed sum of cells that must be zero. Within a report these are
the ``identity`` rules (row totals, balance, outcome sums, table-4 totals);
across consecutive years of one body, the ``cross_year`` rules (carry-over,
stock of normative documents, the 2019 template's running counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ...standard import CELL_TABLES, codes
from ...standard.expand import expand, subjects_for
from ...standard.rules import Rule, Term, rules

Key = tuple[str, str]
Number = int | float


@dataclass(frozen=True)
class Identity:
    """``sum(sign * cell) == 0`` over cells of one table of one report (``>= 0`` for a bound)."""

    name: str
    table: str
    terms: tuple[tuple[Key, int], ...]
    at_least: bool = False
    keys: frozenset[Key] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(key for key, _ in self.terms))

    def holds(self, values: Mapping[Key, Number | None]) -> bool | None:
        """True or False, or None when a cell it reads is missing or blank."""
        total = 0
        for key, sign in self.terms:
            value = values.get(key)
            if value is None:
                return None
            total += sign * value
        return total > -1e-6 if self.at_least else abs(total) < 1e-6


@dataclass(frozen=True)
class SeriesIdentity:
    """``sum(sign * cell) == 0`` over cells of a report (offset 0) and the year before (-1)."""

    name: str
    table: str
    terms: tuple[tuple[int, Key, int], ...]


def _expanded(
    rule: Rule, template: str, subjects: frozenset[str], terms: frozenset[str]
) -> Iterable[tuple[str, list[tuple[Key, Term]]]]:
    """Per subject, the rule's terms (left positive, right negated) as cell keys."""
    first, _ = CELL_TABLES[rule.table]
    codelist = rule.term_list()
    left = expand(rule.left, codelist, template, terms)
    right = [
        Term(t.code, -t.sign, t.previous)
        for t in expand(rule.readings[0].terms, codelist, template, terms)
    ]
    for subject in subjects_for(rule, template, subjects):
        pairs = []
        for term in [*left, *right]:
            key = (subject, term.code) if rule.per == first else (term.code, subject)
            pairs.append((key, term))
        yield subject, pairs


def report_identities(table: str, template: str, keys: Iterable[Key]) -> list[Identity]:
    """The identity rules of ``table`` for a report of ``template`` printing the cells ``keys``."""
    return list(_report_identities(table, template, frozenset(keys)))


@lru_cache(maxsize=256)
def _report_identities(table: str, template: str, keys: frozenset[Key]) -> tuple[Identity, ...]:
    first, _ = CELL_TABLES[table]
    firsts = frozenset(k[0] for k in keys)
    seconds = frozenset(k[1] for k in keys)
    out = []
    for rule in rules():
        if rule.kind != "identity" or rule.table != table or template not in rule.templates:
            continue
        subjects, terms = (firsts, seconds) if rule.per == first else (seconds, firsts)
        for subject, pairs in _expanded(rule, template, subjects, terms):
            out.append(
                Identity(f"{rule.id} {subject}", table, tuple((k, t.sign) for k, t in pairs))
            )
    return tuple(out)


def report_bounds(table: str, template: str) -> list[Identity]:
    """Inequalities a report's cells obey because last year's counts were not negative.

    A cross-year rule whose previous-year cells are all counts on one side
    (``in_force = in_force[y-1] + issued - repealed``) bounds this year's:
    ``in_force - issued + repealed >= 0``, so 60 documents issued cannot leave
    0 in force. Readers use the bounds to choose between splits.
    """
    return list(_report_bounds(table, template))


@lru_cache(maxsize=64)
def _report_bounds(table: str, template: str) -> tuple[Identity, ...]:
    out = []
    for rule in rules():
        if rule.kind != "cross_year" or rule.table != table or template not in rule.templates:
            continue
        for subject, pairs in _expanded(rule, template, frozenset(), frozenset()):
            current = [(key, term.sign) for key, term in pairs if not term.previous]
            earlier = [(key, term.sign) for key, term in pairs if term.previous]
            for known, bounded in ((earlier, current), (current, earlier)):
                bound = _bound(table, template, known, bounded)
                if bound:
                    out.append(Identity(f"{rule.id} {subject} (bound)", table, bound, True))
    return tuple(out)


def _bound(
    table: str, template: str, known: list[tuple[Key, int]], bounded: list[tuple[Key, int]]
) -> tuple[tuple[Key, int], ...] | None:
    """``bounded``'s cells as a sum that is not negative, when ``known`` is counts of one sign.

    Both sides of a cross-year rule are cells of some report, so each bound
    holds for every report; a single cell with a plus sign bounds nothing new.
    """
    signs = {sign for _, sign in known}
    if len(signs) != 1 or not all(_counts(table, template, key) for key, _ in known):
        return None
    sign = -signs.pop()
    terms = tuple((key, sign * s) for key, s in bounded)
    if len(terms) < 2:
        return None
    return terms


def _counts(table: str, template: str, key: Key) -> bool:
    """Whether a cell holds a count (never negative)."""
    if table != "disclosure":
        return True
    layout = codes.table2_cell(template, *key)
    return layout is not None and layout.kind == "count"


def series_identities(previous: str, current: str) -> list[SeriesIdentity]:
    """The cross-year rules between consecutive reports of templates ``previous``, ``current``."""
    out = []
    for rule in rules():
        if rule.kind != "cross_year" or not {previous, current} <= rule.templates:
            continue
        for subject, pairs in _expanded(rule, current, frozenset(), frozenset()):
            terms = tuple((-1 if t.previous else 0, k, t.sign) for k, t in pairs)
            out.append(SeriesIdentity(f"{rule.id} {subject}", rule.table, terms))
    return out
