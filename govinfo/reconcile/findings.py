"""The findings table: what the rules found, one row per report, rule and subject.

Evaluators hand over :class:`Chunk` s — the findings of one rule and subject
for many reports, as arrays — and :func:`findings_table` stacks them into one
DataFrame. Texts that repeat (cells, messages) travel as :class:`Labels`:
codes into a few distinct strings, built once per distinct case rather than
once per finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..standard.rules import SEVERITIES, Rule
from . import STATUSES

PASS, FAIL, NOT_ASSESSABLE = 0, 1, 2
COLUMNS = (
    "report_id",
    "rule",
    "severity",
    "status",
    "subject",
    "reported",
    "expected",
    "difference",
    "cells",
    "message",
)


def distinct_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of a non-negative integer matrix, and each row's index among them.

    Rows are packed into one integer each when their bits fit, which is far
    faster than ``np.unique(axis=0)``.
    """
    matrix = matrix.astype(np.int64)
    widths = [max(1, int(column.max(initial=0)).bit_length()) for column in matrix.T]
    if sum(widths) > 62:
        unique, inverse = np.unique(matrix, axis=0, return_inverse=True)
        return unique, inverse.reshape(-1)
    shifts = np.cumsum([0, *widths[:-1]]).astype(np.int64)
    keys = (matrix << shifts).sum(axis=1)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return matrix[first], inverse.reshape(-1)


@dataclass(frozen=True)
class Labels:
    """One string per finding, stored as codes into the distinct strings."""

    codes: np.ndarray
    texts: np.ndarray

    @classmethod
    def constant(cls, text: str, size: int) -> Labels:
        """The same string for ``size`` findings."""
        return cls(np.zeros(size, dtype=np.int32), np.array([text], dtype=object))

    @classmethod
    def of(cls, strings: np.ndarray) -> Labels:
        """Labels of an array of strings."""
        codes, texts = pd.factorize(np.asarray(strings, dtype=object))
        return cls(codes.astype(np.int32), np.asarray(texts, dtype=object))

    def strings(self) -> np.ndarray:
        """The strings themselves."""
        return self.texts[self.codes] if len(self.texts) else np.array([], dtype=object)

    def join(self, other: Labels) -> Labels:
        """Each string and ``other``'s joined by '; ' (empty ones left out)."""
        if not any(self.texts):
            return other
        keys, inverse = np.unique(self.codes * len(other.texts) + other.codes, return_inverse=True)
        first, second = self.texts[keys // len(other.texts)], other.texts[keys % len(other.texts)]
        texts = [a + "; " + b if a and b else a or b for a, b in zip(first, second, strict=True)]
        return Labels(inverse.reshape(-1).astype(np.int32), np.array(texts, dtype=object))


@dataclass(frozen=True)
class Chunk:
    """Findings of one rule and subject for a set of reports, as arrays."""

    rule: Rule
    subject: str
    reports: np.ndarray
    status: np.ndarray
    reported: np.ndarray
    expected: np.ndarray
    cells: Labels
    message: Labels


def make_chunk(
    rule: Rule,
    subject: str,
    reports: np.ndarray,
    status: np.ndarray,
    reported: np.ndarray | None,
    expected: np.ndarray | None,
    cells: str | Labels,
    message: str | Labels,
) -> Chunk:
    """A chunk; reported and expected are NA where nothing was compared or not assessed."""
    size = len(reports)
    shown = status != NOT_ASSESSABLE

    def numbers(values: np.ndarray | None) -> np.ndarray:
        return np.full(size, np.nan) if values is None else np.where(shown, values, np.nan)

    def labels(text: str | Labels) -> Labels:
        return Labels.constant(text, size) if isinstance(text, str) else text

    return Chunk(
        rule,
        subject,
        reports,
        status.astype(np.int8),
        numbers(reported),
        numbers(expected),
        labels(cells),
        labels(message),
    )


def blank_messages(
    status: np.ndarray,
    blank: np.ndarray,
    names: list[str],
    fail_text: str,
    absent: np.ndarray | None = None,
) -> Labels:
    """What each finding of a sum says: which blanks it read as 0, or why it was not assessed.

    ``blank`` and ``absent`` (cells the package does not hold) are inputs x
    reports. Texts are built once per distinct (status, blank and absent
    inputs), so a million passing findings without blanks cost one empty string.
    """
    absent = np.zeros_like(blank) if absent is None else absent
    said = (status != PASS) | blank.any(axis=0)
    if not said.any():
        return Labels.constant("", len(status))
    keys, inverse = distinct_rows(
        np.column_stack([status[said], blank[:, said].T, absent[:, said].T])
    )
    texts = np.empty(len(keys) + 1, dtype=object)
    texts[-1] = ""
    for i, key in enumerate(keys):
        is_blank, is_absent = key[1 : 1 + len(names)], key[1 + len(names) :]
        blanks = ", ".join(name for name, b in zip(names, is_blank, strict=True) if b)
        if key[0] == NOT_ASSESSABLE and is_absent.any():
            texts[i] = not_held_text([n for n, a in zip(names, is_absent, strict=True) if a], names)
        elif key[0] == NOT_ASSESSABLE:
            every = all(is_blank)
            texts[i] = "every input is blank" if every else f"blank, not read as 0: {blanks}"
        else:
            parts = [fail_text] if key[0] == FAIL and fail_text else []
            texts[i] = "; ".join(parts + ([f"blank read as 0: {blanks}"] if blanks else []))
    codes = np.full(len(status), len(keys), dtype=np.int32)
    codes[said] = inverse
    return Labels(codes, texts)


def not_held_text(missing: list[str], names: list[str], shown: int = 3) -> str:
    """Why a sum over cells the package does not hold is not assessed (never read as 0)."""
    if len(missing) == len(names):
        return "the package does not hold these cells (not coded, not read as 0)"
    more = f" and {len(missing) - shown} more" if len(missing) > shown else ""
    return f"not in the package (not coded, not read as 0): {', '.join(missing[:shown])}{more}"


def findings_table(chunks: list[Chunk], report_ids: pd.Index, rules: list[Rule]) -> pd.DataFrame:
    """Stack the chunks into the findings table, ordered by report, rule and subject.

    The chunks come rule by rule with each report's subjects in code-list
    order, so a stable sort on the report alone gives that order.
    """
    chunks = [c for c in chunks if len(c.reports)]
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    subjects = list(dict.fromkeys(c.subject for c in chunks))
    sizes = [len(c.reports) for c in chunks]

    def stack(values: list[np.ndarray], dtype: type) -> np.ndarray:
        return np.concatenate(values).astype(dtype) if values else np.array([], dtype=dtype)

    def per_chunk(values: list[int]) -> np.ndarray:
        return np.repeat(np.array(values, dtype=np.int32), sizes)[order]

    report = stack([c.reports for c in chunks], np.int32)
    order = np.argsort(report, kind="stable")
    rule = per_chunk([rule_index[c.rule.id] for c in chunks])
    severity = np.array([SEVERITIES.index(r.severity) for r in rules], dtype=np.int8)
    subject = per_chunk([subjects.index(c.subject) for c in chunks])
    reported = stack([c.reported for c in chunks], float)[order]
    expected = stack([c.expected for c in chunks], float)[order]
    difference = reported - expected
    return pd.DataFrame(
        {
            "report_id": pd.Categorical.from_codes(report[order], categories=report_ids),
            "rule": pd.Categorical.from_codes(rule, categories=list(rule_index)),
            "severity": pd.Categorical.from_codes(severity[rule], categories=SEVERITIES),
            "status": pd.Categorical.from_codes(
                stack([c.status for c in chunks], np.int8)[order], categories=STATUSES
            ),
            "subject": pd.Categorical.from_codes(subject, categories=subjects),
            "reported": pd.arrays.FloatingArray(reported, np.isnan(reported)),
            "expected": pd.arrays.FloatingArray(expected, np.isnan(expected)),
            "difference": pd.arrays.FloatingArray(difference, np.isnan(difference)),
            "cells": _categorical([c.cells for c in chunks], order),
            "message": _categorical([c.message for c in chunks], order),
        },
        columns=list(COLUMNS),
    )


def _categorical(parts: list[Labels], order: np.ndarray) -> pd.Categorical:
    """One categorical from the chunks' labels (distinct strings merged; shared texts once)."""
    offsets: dict[int, int] = {}
    texts = []
    for part in parts:
        if id(part.texts) not in offsets:
            offsets[id(part.texts)] = sum(len(t) for t in texts)
            texts.append(part.texts)
    if not texts:
        return pd.Categorical([])
    codes = np.concatenate([p.codes + offsets[id(p.texts)] for p in parts])
    merged, categories = pd.factorize(np.concatenate(texts))
    return pd.Categorical.from_codes(merged.astype(np.int32)[codes[order]], categories=categories)


def describe(finding: Any) -> str:
    """One finding (a row of the table, e.g. from ``itertuples``) as one line of text."""
    where = f"{finding.report_id} {finding.subject}".strip()
    parts = []
    if pd.notna(finding.reported):
        numbers = f"reported {number_text(finding.reported)}, "
        numbers += f"expected {number_text(finding.expected)}"
        if pd.notna(finding.difference) and finding.difference:
            sign = "+" if finding.difference > 0 else ""
            numbers += f" (difference {sign}{number_text(finding.difference)})"
        parts.append(numbers)
    if finding.message:
        parts.append(str(finding.message))
    said = f": {'; '.join(parts)}" if parts else ""
    return f"{finding.status} {finding.severity} {finding.rule} {where}{said}"


def number_text(value: float) -> str:
    """A number as a reader writes it: 15 (not 15.0), 87.5, 1250000 (not 1.25e+06)."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def counts_lines(findings: pd.DataFrame) -> list[str]:
    """The findings counted per rule and status, as an aligned table (a summary comes first)."""
    counts = pd.crosstab(findings["rule"], findings["status"]).reindex(
        columns=list(STATUSES), fill_value=0
    )
    severity = findings.groupby("rule", observed=True)["severity"].first()
    lines = [f"  {'rule':<18} {'severity':<8} {'pass':>7} {'fail':>6} {'n/a':>6}"]
    for rule, row in counts.iterrows():
        lines.append(
            f"  {rule:<18} {severity[rule]:<8} {row['pass']:>7} {row['fail']:>6} "
            f"{row['not_assessable']:>6}"
        )
    return lines


def printable(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its numbers as a reader writes them: 15, not 15.0 (87.5 stays 87.5)."""
    out = table.copy()
    for column in ("reported", "expected", "difference"):
        if column in out:
            out[column] = out[column].map(lambda v: "" if pd.isna(v) else number_text(v))
    return out
