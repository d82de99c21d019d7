"""All ways to cut glued digit runs back into the printed cells."""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    only ``amount`` cells decimal. Raises TooManyCuts past ``LIMIT`` results.
    """
    text = "".join(chunks)
    stops = []
    position = 0
    for chunk in chunks:
        position += len(chunk)
        stops.append(position)
    patterns = [_PATTERNS[k] for k in kinds]
    for found, parts in enumerate(_cuts(text, 0, 0, patterns, stops), start=1):
        if found > LIMIT:
            raise TooManyCuts(f"{len(text)} characters into {len(kinds)} cells")
        yield parts


def _cuts(
    text: str, start: int, index: int, patterns: list[re.Pattern[str]], stops: list[int]
) -> Iterator[tuple[str, ...]]:
    """Cuts of ``text[start:]`` into ``patterns[index:]``, never across a chunk boundary."""
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
        for rest in _cuts(text, end, index + 1, patterns, stops):
            yield (part, *rest)


def number(part: str) -> int | float:
    """The value of one cut part."""
    return float(part) if "." in part else int(part)
