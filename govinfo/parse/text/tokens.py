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
from .values import COUNT_UNITS, MONEY_UNITS, is_value

Kind = Literal["label", "cell", "run"]
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_RUN = re.compile(r"(?:[+-]|[减增](?=\d))?\d+(?:\.\d+)?(?:万元|元)?")
_BEFORE_YEAR = re.compile(r"\s*年")
_YEAR_AT_END = re.compile(r"(?:19|20)\d\d$")
_NARRATIVE_AFTER = re.compile(r"\s*(?:[月日号时%]|个百分点|倍)")
_COUNT_UNIT = re.compile(rf"\s*[{''.join(sorted(COUNT_UNITS))}]")
_NEXT_NUMBER = re.compile(r"\s*(?:[+\-减增]?\d|$)")
_PAGE_FOOTER = re.compile(r"^[—–\-]+\s*\d{1,3}\s*[—–\-]+$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$")
_NOTE_LINE = re.compile(r"^\([^()]*\)$")


@dataclass(frozen=True)
class Token:
    """A piece of a table: ``label`` text, a delimited ``cell``, or a glued digit ``run``."""

    kind: Kind
    text: str
    offset: int = -1  # where a number starts in its printed line, -1 unknown
    gap: int = 0  # spaces printed before it in its line: wide gaps mark text kept in its layout

    @property
    def is_value(self) -> bool:
        return self.kind != "label"


def tokenize(text: str) -> list[Token]:
    """The tokens of a table region, line by line: pipe lines give cells, other lines runs.

    Page footers (``— 4 —``) are dropped; a bracketed note on the line under a
    number (``22`` / ``（其中修订 16 件）``) stays with that number.
    """
    tokens: list[Token] = []
    for raw in text.splitlines():
        line = raw.strip()
        plain = halfwidth(line)
        if _PAGE_FOOTER.match(plain):
            continue
        if _NOTE_LINE.match(plain) and tokens and tokens[-1].is_value:
            tokens[-1] = Token("cell", tokens[-1].text + line)
            continue
        tokens.extend(_line_tokens(line, len(raw) - len(raw.lstrip())))
    return tokens


def _line_tokens(line: str, indent: int) -> Iterator[Token]:
    if not line or _SEPARATOR_ROW.match(line):
        return
    if "|" not in line:
        yield from glued_tokens(line, indent)
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


def glued_tokens(text: str, indent: int = 0) -> Iterator[Token]:
    """Labels and digit runs of text whose cells were run together.

    A digit directly before ``.`` or ``、`` and a word is the numbering of the
    next label (``…00000002.其他法律…``), not part of the run. Numbers of the
    narrative stay in the label text: a year (a run followed by 年 ends at the
    year: ``…继续办理20000022025年，我局`` is the run ``2000002`` and the year
    2025), a date, a percentage, or a count with its unit inside a sentence
    (``主动公开政府信息128条，``). A unit word between cells is a separator
    (``政府集中采购1个246900元``: the cell ``1个``, then the run ``246900元``);
    减 or 增 before a number is its sign (``16减12`` is 16 and −12). Each number
    keeps its ``offset`` in the line (``indent`` plus its place in ``text``): in
    text extracted with its layout kept, the column it stands in.
    """
    plain = halfwidth(text)
    position = 0
    for match in _RUN.finditer(plain):
        start, end = match.span()
        if _is_numbering(plain, end):
            end -= 1
            if end <= start:
                continue
        after = plain[end:]
        kind = "run"
        if _BEFORE_YEAR.match(after):
            if not _YEAR_AT_END.search(plain[start:end]) or end - start <= 4:
                continue
            end -= 4
        elif _NARRATIVE_AFTER.match(after):
            continue
        elif unit := _COUNT_UNIT.match(after):
            if not _NEXT_NUMBER.match(after, unit.end()):
                continue
            kind, end = "cell", end + unit.end()
        if start > position:
            yield from _label(text[position:start])
        yield Token(kind, text[start:end], indent + start, _spaces_before(text, start))
        position = end
    if position < len(text):
        yield from _label(text[position:])


def _spaces_before(text: str, start: int) -> int:
    """How many spaces stand right before ``start`` in ``text``."""
    return start - len(text[:start].rstrip(" \u3000"))


def laid_out(tokens: list[Token]) -> bool:
    """Whether a table's text was extracted with its layout kept (``pdftotext -layout``):
    most numbers stand after a gap of two spaces or more."""
    values = [t for t in tokens if t.kind == "run" and t.offset >= 0]
    wide = sum(1 for t in values if t.gap >= 2)
    return wide >= 3 and wide >= 0.3 * len(values)


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
    """A run's digits (减 as a minus, 增 as no sign) and the money unit printed after them
    (``39573802895.90元``)."""
    plain = halfwidth(text).replace("减", "-").replace("增", "")
    for unit in sorted(MONEY_UNITS, key=len, reverse=True):
        if plain.endswith(unit):
            return plain[: -len(unit)], unit
    return plain.rstrip("".join(COUNT_UNITS)).strip(), ""
