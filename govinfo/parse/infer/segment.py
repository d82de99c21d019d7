"""All ways to cut glued digit runs back into the printed cells."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

STEPS = 20_000
"""Cuts tried per call before a row is given up (``split_bounded``): the search is bounded,
not only its results, so that digits which admit few valid cuts but many dead ends end too."""
_PATTERNS = {
    "count": re.compile(r"0|[1-9]\d*"),
    "change": re.compile(r"-?(?:0|[1-9]\d*)"),
    "amount": re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?"),
}


class TooManyCuts(Exception):
    """The runs admit more segmentations than can be searched."""


class _Budget:
    """What is left of the steps one search may take."""

    __slots__ = ("left", "what")

    def __init__(self, steps: int, what: str) -> None:
        self.left, self.what = steps, what

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooManyCuts(self.what)


def segmentations(
    chunks: list[str], kinds: list[str], last_is_sum: bool = False, steps: int = STEPS
) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``chunks`` into ``len(kinds)`` numbers, each valid for its kind.

    Boundaries between chunks (whitespace or a separate token) are kept; a
    number never has a leading zero; only ``change`` cells may be negative and
    only ``amount`` cells decimal. With ``last_is_sum`` only the cuts whose
    last number is the sum of the others (a row total) are given — far fewer
    to try. Raises TooManyCuts past ``steps`` cuts tried (found or not).
    """
    text, stops = "".join(chunks), _stops(chunks)
    if not text or not kinds:
        return
    patterns = [_PATTERNS[k] for k in kinds]
    budget = _Budget(steps, f"{len(text)} characters into {len(kinds)} cells")
    if last_is_sum:
        yield from _summed_cuts(text, patterns, stops, budget)
    else:
        yield from _cuts(text, 0, 0, patterns, stops, budget)


def _cuts(
    text: str,
    start: int,
    index: int,
    patterns: list[re.Pattern[str]],
    stops: list[int],
    budget: _Budget,
) -> Iterator[tuple[str, ...]]:
    """Cuts of ``text[start:]`` into ``patterns[index:]``, never across a chunk boundary."""
    budget.spend()
    stop = next(s for s in stops if s > start)
    remaining = len(patterns) - index - 1
    if remaining == 0:
        if stop == len(text) and patterns[index].fullmatch(text[start:]):
            yield (text[start:],)
        return
    last = min(stop, len(text) - remaining)
    for end in range(start + 1, last + 1):
        part = text[start:end]
        if not patterns[index].fullmatch(part):
            if part in ("0", "-0") or (part[0] == "0" and "." not in part):
                break
            continue
        for rest in _cuts(text, end, index + 1, patterns, stops, budget):
            yield (part, *rest)


def _summed_cuts(
    text: str, patterns: list[re.Pattern[str]], stops: list[int], budget: _Budget
) -> Iterator[tuple[str, ...]]:
    """Cuts of counts whose last number is the sum of the others: the total first, then the
    parts, never more than what is left of the total."""
    first_of_last = stops[-2] if len(stops) > 1 else 0
    for start in range(len(text) - 1, max(first_of_last - 1, len(patterns) - 2), -1):
        total = text[start:]
        if not patterns[-1].fullmatch(total):
            continue
        inner = [s for s in stops if s < start] + [start]
        for parts in _bounded(text[:start], 0, 0, patterns[:-1], inner, int(total), budget):
            yield (*parts, total)


def _bounded(
    text: str,
    start: int,
    index: int,
    patterns: list[re.Pattern[str]],
    stops: list[int],
    left: int,
    budget: _Budget,
) -> Iterator[tuple[str, ...]]:
    """Cuts of ``text[start:]`` into counts adding up to exactly ``left``."""
    budget.spend()
    stop = next(s for s in stops if s > start)
    remaining = len(patterns) - index - 1
    if remaining == 0:
        part = text[start:]
        if stop == len(text) and patterns[index].fullmatch(part) and int(part) == left:
            yield (part,)
        return
    for end in range(start + 1, min(stop, len(text) - remaining) + 1):
        part = text[start:end]
        if not patterns[index].fullmatch(part) or int(part) > left:
            break
        for rest in _bounded(text, end, index + 1, patterns, stops, left - int(part), budget):
            yield (part, *rest)


def is_forced(chunks: list[str], kinds: list[str]) -> bool:
    """Whether the digits alone allow exactly one segmentation (counted, not enumerated)."""
    text, stops = "".join(chunks), _stops(chunks)
    patterns = [_PATTERNS[k] for k in kinds]

    @cache
    def ways(start: int, index: int) -> int:
        stop = next(s for s in stops if s > start)
        if index == len(patterns) - 1:
            return int(stop == len(text) and bool(patterns[index].fullmatch(text[start:])))
        total = 0
        last = min(stop, len(text) - (len(patterns) - index - 1))
        for end in range(start + 1, last + 1):
            if patterns[index].fullmatch(text[start:end]):
                total += ways(end, index + 1)
                if total > 1:
                    return total
        return total

    return ways(0, 0) == 1


def _stops(chunks: list[str]) -> list[int]:
    """Offsets where each chunk ends: boundaries no number may cross."""
    ends, position = [], 0
    for chunk in chunks:
        position += len(chunk)
        ends.append(position)
    return ends


def fits(part: str, kind: str) -> bool:
    """Whether ``part`` is a valid number for a cell of ``kind`` (count, change or amount)."""
    return bool(_PATTERNS[kind].fullmatch(part))


def number(part: str) -> int | float:
    """The value of one cut part."""
    return float(part) if "." in part else int(part)
