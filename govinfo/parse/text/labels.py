"""Recognising printed labels as codes of the standard.

The keys come from the code lists' ``label_zh`` and from the readers' alias
file (``govinfo/schema/readers/aliases.csv``); nothing here lists labels itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...standard import reader_table
from ...standard.codes import code_list
from .normalize import code_key, label_key


@dataclass(frozen=True)
class Match:
    """A code recognised in a label key, at ``start:end`` of that key."""

    start: int
    end: int
    code: str


@cache
def _aliases() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in reader_table("aliases"):
        out.setdefault(row["codelist"], []).append((row["code"], label_key(row["alias"])))
    return out


class Vocabulary:
    """The printed forms of one code list, and a scanner that finds them in labels."""

    def __init__(self, name: str, codes: list[str] | None = None) -> None:
        codelist = code_list(name)
        wanted = set(codes) if codes is not None else {c.code for c in codelist}
        keys = [(code_key(c.label_zh), c.code) for c in codelist if c.code in wanted]
        keys += [(key, code) for code, key in _aliases().get(name, []) if code in wanted]
        self.name = name
        self.keys = sorted(set(keys), key=lambda kc: -len(kc[0]))
        self._code_of = {k: code for k, code in reversed(self.keys)}
        self._pattern = re.compile("|".join(re.escape(k) for k, _ in self.keys) or "(?!)")

    def find(self, text: str) -> list[Match]:
        """Codes whose key occurs in ``text``, left to right, the longest key at each place."""
        return [
            Match(m.start(), m.end(), self._code_of[m.group()])
            for m in self._pattern.finditer(label_key(text))
        ]

    def codes_in(self, text: str) -> list[str]:
        """Codes recognised in ``text``, in the order they occur."""
        return [m.code for m in self.find(text)]

    def completing(self, fragment: str, min_length: int = 6) -> list[str]:
        """Codes whose key contains ``fragment`` (a label broken by layout), longest first."""
        key = label_key(fragment)
        if len(key) < min_length:
            return []
        return list(dict.fromkeys(code for k, code in self.keys if key in k))


@cache
def vocabulary(name: str) -> Vocabulary:
    """The vocabulary of a whole code list."""
    return Vocabulary(name)
