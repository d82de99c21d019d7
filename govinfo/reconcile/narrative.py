"""The narrative rules: numbers the report's text states, against its tables.

The text (the ``sections`` resource) is cut into sentences; each text rule's
pattern (from ``rules.csv``) is searched in every sentence of every report at
once with pandas, and the first sentence of a report that matches is checked.
Before any rule's own search, one compiled pattern (every text rule's, as
alternatives) keeps only the sentences some rule can match: on real reports
most sentences state no count, and each rule then searches the few left.
A number may have several readings (收到 is new requests, or new plus carried
over); the finding passes when one of them holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from ..standard.expand import expand, subjects_for
from ..standard.rules import Reading, Rule, Term, rules
from .engine import Context, axes, format_cells, gather, layouts, signed_sum
from .findings import FAIL, NOT_ASSESSABLE, PASS, Chunk, Labels, blank_messages, make_chunk
from .matrix import Layout, Matrix, positions

SENTENCE_END = r"[。！？!?\n]"


@cache
def any_text_rule() -> re.Pattern[str]:
    """One pattern matching where any text rule of the standard matches."""
    return re.compile("|".join(f"(?:{r.pattern})" for r in rules() if r.kind == "text"))


def sentences(context: Context) -> pd.DataFrame:
    """The sentences of the narrative some text rule matches: report position, section,
    sentence, in text order."""
    if "sentences" not in context.cache:
        sections = context.frames.get("sections")
        frame = pd.DataFrame({"report": [], "section": [], "sentence": []}, dtype=object)
        if sections is not None and not sections.empty:
            frame = pd.DataFrame(
                {
                    "report": positions(sections["report_id"], context.ids),
                    "section": sections["section"].astype(str).to_numpy(object),
                    "sentence": sections["text"].astype(object).fillna("").to_numpy(object),
                }
            )
            frame = frame[frame["report"] >= 0].sort_values(["report", "section"], kind="stable")
            frame["sentence"] = frame["sentence"].str.split(SENTENCE_END, regex=True)
            frame = frame.explode("sentence", ignore_index=True)
            frame = frame[_stating(frame["sentence"].fillna("").to_numpy(object))]
        context.cache["sentences"] = frame.reset_index(drop=True)
    return context.cache["sentences"]


def _stating(texts: np.ndarray) -> np.ndarray:
    """Which sentences some text rule matches; those without a digit state no number."""
    digit, search = _DIGIT.search, any_text_rule().search
    return np.fromiter((bool(digit(t) and search(t)) for t in texts), bool, len(texts))


_DIGIT = re.compile(r"\d")


def text(rule: Rule, context: Context) -> list[Chunk]:
    """One finding per report whose text states the rule's number."""
    frame = sentences(context)
    found = frame["sentence"].astype(object).str.extract(f"({rule.pattern})")
    number = found.iloc[:, 1:].bfill(axis=1).iloc[:, 0]
    hits = pd.DataFrame(
        {
            "report": frame["report"],
            "section": frame["section"],
            "snippet": found[0],
            "number": number,
        }
    )[number.notna()].drop_duplicates("report")
    current = hits["report"].to_numpy(dtype=np.int64)
    applies = context.applies(rule, current)
    chunks = [context.not_applicable(rule, current[~applies])]
    hits = hits[applies]
    matrix = context.matrix(rule.table)
    for layout, chosen in layouts(matrix, hits["report"].to_numpy(dtype=np.int64)):
        chunks += _text_layout(rule, context, matrix, layout, hits[chosen])
    return chunks


def _text_layout(
    rule: Rule, context: Context, matrix: Matrix, layout: Layout, hits: pd.DataFrame
) -> list[Chunk]:
    term_axis, subject_axis = axes(rule, matrix)
    current = hits["report"].to_numpy(dtype=np.int64)
    stated = hits["number"].map(float).to_numpy()
    if rule.percent:
        decimals = hits["number"].str.partition(".")[2].str.len().to_numpy()
        tolerance = 0.5 * 10.0 ** -decimals.astype(float) + 1e-9
    else:
        tolerance = np.full(len(stated), 1e-9)
    quoted = ("section " + hits["section"] + ': "' + hits["snippet"] + '"').to_numpy(object)
    chunks = []
    for subject in subjects_for(rule, layout.template, layout.printed[subject_axis]):
        readings = [
            _reading(rule, matrix, layout, term_axis, subject, reading, current)
            for reading in rule.readings
        ]
        value = np.column_stack([r.value for r in readings])
        usable = np.column_stack([r.usable(context.strict) for r in readings])
        distance = np.where(usable, np.abs(value - stated[:, None]), np.inf)
        chosen = np.argmin(distance, axis=1)
        picked = np.arange(len(current)), chosen
        status = np.where(
            ~usable.any(axis=1),
            NOT_ASSESSABLE,
            np.where(distance[picked] <= tolerance, PASS, FAIL),
        )
        messages = np.empty(len(current), dtype=object)
        cells = np.empty(len(current), dtype=object)
        for r, reading in enumerate(readings):
            mine = chosen == r
            notes = blank_messages(
                status[mine], reading.blank[:, mine], reading.names, "", ~reading.held[:, mine]
            )
            compared = quoted[mine] + f"; compared with {rule.readings[r]}"
            messages[mine] = Labels.of(compared).join(notes).strings()
            cells[mine] = "sections.text = " + format_cells(reading.terms, reading.names)
        chunks.append(
            make_chunk(
                rule,
                subject,
                current,
                status,
                stated,
                value[picked],
                Labels.of(cells),
                Labels.of(messages),
            )
        )
    return chunks


@dataclass(frozen=True)
class _Evaluated:
    """One reading of a stated number, evaluated for a set of reports."""

    value: np.ndarray
    defined: np.ndarray
    blank: np.ndarray  # inputs x reports
    held: np.ndarray  # inputs x reports
    names: list[str]
    terms: list[Term]

    def usable(self, strict: bool) -> np.ndarray:
        """Reports for which this reading can be compared: every input held, not every one
        blank (strict: none)."""
        usable = self.defined & self.held.all(axis=0) & ~self.blank.all(axis=0)
        return usable & ~self.blank.any(axis=0) if strict else usable


def _reading(
    rule: Rule,
    matrix: Matrix,
    layout: Layout,
    term_axis: int,
    subject: str,
    reading: Reading,
    current: np.ndarray,
) -> _Evaluated:
    codelist, printed = rule.term_list(), layout.printed[term_axis]
    numerator = expand(reading.terms, codelist, layout.template, printed)
    denominator = expand(reading.denominator, codelist, layout.template, printed)
    terms = numerator + denominator
    gathered = gather(matrix, term_axis, subject, terms, current)
    values = gathered.values
    value = signed_sum(values[: len(numerator)], numerator)
    defined = np.ones(len(current), dtype=bool)
    if denominator:
        below = signed_sum(values[len(numerator) :], denominator)
        defined = below != 0
        with np.errstate(divide="ignore", invalid="ignore"):
            value = 100 * value / below
    return _Evaluated(value, defined, gathered.blank, gathered.held, gathered.names, terms)
