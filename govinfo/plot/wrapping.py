"""Breaking labels into lines: between words, or between Chinese characters."""

from __future__ import annotations

import re

_NO_LINE_START = set("、，。；：！？）」』”’")
_TOKENS = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|\s+|[^\s\u3000-\u9fff\uff00-\uffef]+")


def wrap(label: str, width: int) -> str:
    """``label`` broken into lines of about ``width`` columns (a Chinese character takes two),
    between words or between Chinese characters, never inside a number or a word."""
    lines, line, used = [], "", 0
    for token in _TOKENS.findall(label):
        size = sum(2 if _is_cjk(ch) else 1 for ch in token)
        if line and used + size > width and not token.isspace() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        if line or not token.isspace():
            line += token
            used += size
    return "\n".join([*lines, line.rstrip()]) if line else "\n".join(lines)


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
