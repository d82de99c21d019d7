"""All ways to cut glued digit runs back into the printed cells."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from .normalize import halfwidth

LIMIT = 200_000
_PATTERNS = {
    "count": re.compile(r"0|[1-9]\d*"),
    "change": re.compile(r"-?(?:0|[1-9]\d*)"),
    "amount": re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?"),
}


class TooManyCuts(Exception):
    """The runs admit more segmentations than can be searched."""


def segmentations(chunks: list[str], kinds: list[str]) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``chunks`` into ``len(kinds)`` numbers, each valid for its kind.

    Boundaries between chunks (whitespace or a separate token) are kept; a
    number never has a leading zero; only ``change`` cells may be negative and
    only ``amount`` cells decimal.
    """
    text = "".join(halfwidth(c) for c in chunks)
    forced: set[int] = set()
    position = 0
    for chunk in chunks[:-1]:
        position += len(chunk)
        forced.add(position)
    free = [i for i in range(1, len(text)) if i not in forced]
    extra = len(kinds) - 1 - len(forced)
    if extra < 0 or extra > len(free):
        return
    if _count(len(free), extra) > LIMIT:
        raise TooManyCuts(f"{len(text)} characters into {len(kinds)} cells")
    patterns = [_PATTERNS[k] for k in kinds]
    for chosen in combinations(free, extra):
        cuts = sorted(forced.union(chosen))
        parts = tuple(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))
        if all(p.fullmatch(part) for p, part in zip(patterns, parts, strict=True)):
            yield parts


def _count(n: int, k: int) -> int:
    from math import comb

    return comb(n, k)


def number(part: str) -> int | float:
    """The value of one cut part."""
    return float(part) if "." in part else int(part)
