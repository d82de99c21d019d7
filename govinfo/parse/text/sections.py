"""Finding the six numbered sections of a report in its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .labels import Vocabulary
from .normalize import halfwidth

NUMERALS = "一二三四五六"
_HEADING = re.compile(
    r"(?<![第一二三四五六七八九十])([一二三四五六])\s*[、.]\s*"
    r"([^。，,;；|\n\d]{0,40}?(?:情况|事项|措施|概述|统计表)|[^。，,;；|\n\d]{0,30})"
)


@dataclass(frozen=True)
class Heading:
    """A section heading found at ``start:end`` of the text."""

    number: int
    start: int
    end: int
    text: str


@cache
def _vocabulary() -> Vocabulary:
    return Vocabulary("sections", fuzzy=False)


def find_headings(text: str) -> list[Heading]:
    """The numbered section headings of a report, in order (a section may be missing)."""
    plain = halfwidth(text)
    vocabulary = _vocabulary()
    headings: list[Heading] = []
    position = 0
    while True:
        found = _next_heading(plain, position, headings[-1].number if headings else 0, vocabulary)
        if found is None:
            return headings
        headings.append(Heading(found[0], found[1], found[2], text[found[1] : found[2]].strip()))
        position = found[2]


def _next_heading(
    plain: str, position: int, last: int, vocabulary: Vocabulary
) -> tuple[int, int, int] | None:
    for match in _HEADING.finditer(plain, position):
        number = NUMERALS.index(match.group(1)) + 1
        if number <= last:
            continue
        words = match.group(2)
        codes = vocabulary.codes_in(words)
        if str(number) not in codes:
            continue
        return number, match.start(), _heading_end(match, words, vocabulary, number)
    return None


def _heading_end(match: re.Match[str], words: str, vocabulary: Vocabulary, number: int) -> int:
    if re.search(r"(?:情况|事项|措施|概述|统计表)$", words):
        return match.end()
    for k, code in vocabulary.keys:
        if code == str(number):
            index = words.find(k)
            if index >= 0:
                return match.start(2) + index + len(k)
    return match.end()
