"""Recognising printed labels as codes of the standard.

The keys come from the code lists' ``label_zh`` and from the readers' alias
file (``govinfo/schema/readers/aliases.csv``); nothing here lists labels itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ...standard import reader_table
from ...standard.codes import code_list
from .fuzzy import MIN_LENGTH, nearest
from .normalize import code_key, label_key


@dataclass(frozen=True)
class Match:
    """A code recognised in a label key, at ``start:end`` of that key."""

    start: int
    end: int
    code: str
    edits: int = 0


@cache
def _aliases() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in reader_table("aliases"):
        out.setdefault(row["codelist"], []).append((row["code"], label_key(row["alias"])))
    return out


class Vocabulary:
    """The printed forms of one code list, and a scanner that finds them in labels."""

    def __init__(self, name: str, codes: list[str] | None = None, fuzzy: bool = True) -> None:
        codelist = code_list(name)
        wanted = set(codes) if codes is not None else {c.code for c in codelist}
        keys = [(code_key(c.label_zh), c.code) for c in codelist if c.code in wanted]
        keys += [(key, code) for code, key in _aliases().get(name, []) if code in wanted]
        self.name = name
        self.fuzzy = fuzzy
        self.keys = sorted(set(keys), key=lambda kc: -len(kc[0]))
        self._code_of = {k: code for k, code in reversed(self.keys)}
        self._pattern = re.compile("|".join(re.escape(k) for k, _ in self.keys) or "(?!)")

    def find(self, text: str) -> list[Match]:
        """Codes whose key occurs in ``text``, left to right, the longest key at each place.

        Where no key occurs exactly, a key occurring with a typo or variant
        (``fuzzy.nearest``) is found too, its ``edits`` counted.
        """
        key = label_key(text)
        exact = [
            Match(m.start(), m.end(), self._code_of[m.group()]) for m in self._pattern.finditer(key)
        ]
        if not self.fuzzy:
            return exact
        near = []
        start = 0
        for match in [*exact, Match(len(key), len(key), "")]:
            near += [
                Match(s + start, e + start, code, edits)
                for s, e, code, edits in self._near(key[start : match.start])
            ]
            start = match.end
        return sorted(exact + near, key=lambda m: m.start) if near else exact

    @lru_cache(maxsize=4096)  # noqa: B019 - vocabularies live as long as the program
    def _near(self, gap: str) -> tuple[tuple[int, int, str, int], ...]:
        """Approximate matches in a stretch no key matches exactly, best first, not overlapping."""
        if len(gap) < MIN_LENGTH - 1:
            return ()
        found = []
        for key, code in self.keys:
            hit = nearest(key, gap)
            if hit:
                found.append((hit[0], -len(key), hit[1], hit[2], code))
        if not found:
            return ()
        edits, _, start, end, code = min(found)
        return (
            *self._near(gap[:start]),
            (start, end, code, edits),
            *((s + end, e + end, c, n) for s, e, c, n in self._near(gap[end:])),
        )

    def codes_in(self, text: str) -> list[str]:
        """Codes recognised in ``text``, in the order they occur."""
        return [m.code for m in self.find(text)]

    def completing(self, fragment: str, min_length: int = 6) -> list[str]:
        """Codes whose key contains ``fragment`` (a label broken by layout), longest first.

        The fragment's own numbering (``5.要求行政机关确认或重新出``) is not part of it.
        """
        key = code_key(fragment)
        if len(key) < min_length:
            return []
        return list(dict.fromkeys(code for k, code in self.keys if key in k))


@cache
def vocabulary(name: str) -> Vocabulary:
    """The vocabulary of a whole code list."""
    return Vocabulary(name)
