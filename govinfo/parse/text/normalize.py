"""Character-level normalisation shared by the readers.

``halfwidth`` maps full-width ASCII forms to their ASCII twins one character
for one character, so offsets found in the normalised text are offsets in the
original text too. ``label_key`` reduces a label to the characters that carry
its meaning, so that spacing, punctuation and quote styles do not matter.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2212: 0x2D, 0xFE63: 0x2D})
_NOT_KEY = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、])+"  # (六)1. as one
)
_PAREN_NOTE = re.compile(r"\(.*\)$")
_SPACES = re.compile(r"\s+")


_HAS_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000\u00a0\u2212\ufe63]")


@lru_cache(maxsize=4096)
def halfwidth(text: str) -> str:
    """``text`` with full-width ASCII forms as ASCII (same length)."""
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


def squeeze(text: str) -> str:
    """``text`` with runs of whitespace collapsed to one space and trimmed."""
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The meaningful characters of a printed label (CJK, letters, digits)."""
    return _NOT_KEY.sub("", halfwidth(text))


def code_key(label: str) -> str:
    """The key a code's label is recognised by: its words without numbering or notes.

    Numbering is kept when the words alone are too short to be distinctive
    (``3.其他`` -> ``3其他``, ``（七）总计`` -> ``七总计``).
    """
    text = _SPACES.sub("", halfwidth(label))
    words = _PAREN_NOTE.sub("", _NUMBERING.sub("", text))
    key = label_key(words)
    if len(key) < 3 and words != text:
        return label_key(_PAREN_NOTE.sub("", text))
    return key


_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2014\u2026"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def clean_text(text: str) -> str:
    """Narrative text without layout whitespace: none between Chinese characters, one elsewhere."""
    return squeeze(_SPACE_BETWEEN_CJK.sub("", text))
