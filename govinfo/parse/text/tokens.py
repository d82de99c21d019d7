"""Table text as a stream of tokens: labels, delimited cells, and glued digit runs.

Every text reader turns the region of a table into the same stream, so the
tables are interpreted once whatever the layout was: a pipe cell per line,
Markdown rows, or crawler text with the cells of a row run together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .normalize import halfwidth, squeeze
from .values import is_value

Kind = Literal["label", "cell", "run"]
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_RUN = re.compile(r"[+-]?\d+(?:\.\d+)?(?:万元|元)?")
_PAGE_FOOTER = re.compile(r"^[—–\-]+\s*\d{1,3}\s*[—–\-]+$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
_NOTE_LINE = re.compile(r"^\([^()]*\)$")


@dataclass(frozen=True)
class Token:
    """A piece of a table: ``label`` text, a delimited ``cell``, or a glued digit ``run``."""

    kind: Kind
    text: str

    @property
    def is_value(self) -> bool:
        return self.kind != "label"


def tokenize(text: str) -> list[Token]:
    """The tokens of a table region, line by line: pipe lines give cells, other lines runs.

    Page footers (``— 4 —``) are dropped; a bracketed note on the line under a
    number (``22`` / ``（其中修订 16 件）``) stays with that number.
    """
    tokens: list[Token] = []
    for line in text.splitlines():
        line = line.strip()
        plain = halfwidth(line)
        if _PAGE_FOOTER.match(plain):
            continue
        if _NOTE_LINE.match(plain) and tokens and tokens[-1].is_value:
            tokens[-1] = Token("cell", tokens[-1].text + line)
            continue
        tokens.extend(_line_tokens(line))
    return tokens


def _line_tokens(line: str) -> Iterator[Token]:
    if not line or _SEPARATOR_ROW.match(line):
        return
    if "|" not in line:
        yield from glued_tokens(line)
        return
    if line == "|":
        yield Token("cell", "")
        return
    if set(line) == {"|"}:
        return
    body = line[1:] if line.startswith("|") else line
    body = body[:-1] if body.endswith("|") else body
    for part in body.split("|"):
        yield _cell_token(part)


def _cell_token(text: str) -> Token:
    text = squeeze(text)
    return Token("cell", text) if is_value(text) else Token("label", text)


def glued_tokens(text: str) -> Iterator[Token]:
    """Labels and digit runs of text whose cells were run together.

    A digit directly before ``.`` or ``、`` and a word is the numbering of the
    next label (``…00000002.其他法律…``), not part of the run.
    """
    plain = halfwidth(text)
    position = 0
    for match in _RUN.finditer(plain):
        start, end = match.span()
        if _is_numbering(plain, end):
            end -= 1
            if end <= start:
                continue
        if start > position:
            yield from _label(text[position:start])
        yield Token("run", text[start:end])
        position = end
    if position < len(text):
        yield from _label(text[position:])


def _is_numbering(plain: str, end: int) -> bool:
    return (
        end + 1 < len(plain)
        and plain[end] in ".、"
        and not plain[end + 1].isdigit()
        and plain[end - 1].isdigit()
    )


def _label(text: str) -> Iterator[Token]:
    text = squeeze(text)
    if text:
        yield Token("label", text)


def unit_of(text: str) -> tuple[str, str]:
    """A run's digits and the money unit printed after them (``39573802895.90元``)."""
    plain = halfwidth(text)
    for unit in ("万元", "元"):
        if plain.endswith(unit):
            return plain[: -len(unit)], unit
    return plain, ""
