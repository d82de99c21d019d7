"""Reading one printed cell: a number, a blank, or a number with a note."""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Cell
from .normalize import halfwidth, squeeze

BLANK_MARKS = frozenset({"", "/", "-", "--", "—", "——", "–", "－", "无", "空", "\\"})
MONEY_UNITS = frozenset({"元", "万元"})
COUNT_UNITS = frozenset({"件", "个", "项", "次", "条", "起", "笔", "篇", "份"})
_NUMBER = re.compile(r"^([+\-减增]?\d[\d,]*(?:\.\d+)?)\s*(.*)$", re.S)
SIGNS = str.maketrans({"减": "-", "增": "+"})


def is_value(text: str) -> bool:
    """Whether a delimited cell holds a value (a number or a blank mark) rather than a label.

    A number followed by words is a numbered label (``1.属于国家秘密``); a
    number followed by a unit or a bracketed note is a value.
    """
    text = squeeze(halfwidth(text))
    if text in BLANK_MARKS:
        return True
    match = _NUMBER.match(text)
    if not match:
        return False
    rest = match.group(2).strip()
    return not rest or rest in MONEY_UNITS or rest in COUNT_UNITS or rest[0] == "("


@lru_cache(maxsize=8192)
def read_value(text: str) -> Cell:
    """The cell printed as ``text``: blank marks give None, a trailing note gives flag ``note``."""
    raw = squeeze(text)
    plain = halfwidth(raw)
    if plain in BLANK_MARKS:
        return Cell(None, raw)
    match = _NUMBER.match(plain)
    if not match:
        raise ValueError(f"not a number: {raw!r}")
    number, rest = match.group(1).replace(",", "").translate(SIGNS), match.group(2).strip()
    value: int | float = float(number) if "." in number else int(number)
    if rest in MONEY_UNITS:
        return Cell(value, raw, unit=rest)
    if not rest or rest in COUNT_UNITS:
        return Cell(value, raw)
    return Cell(value, raw, flag="note")
