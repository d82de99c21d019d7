"""The equation rules: identities within a report, and equations across consecutive years."""

from __future__ import annotations

import numpy as np

from ..standard.expand import expand, subjects_for
from ..standard.rules import Rule, format_sum
from .engine import Context, axes, format_cells, gather, layouts, signed_sum, status_of
from .findings import NOT_ASSESSABLE, Chunk, Labels, blank_messages, make_chunk
from .matrix import Layout, Matrix


def equation(rule: Rule, context: Context) -> list[Chunk]:
    """An identity, or a cross-year equation over pairs of consecutive reports."""
    matrix = context.matrix(rule.table)
    if rule.kind == "cross_year":
        current, previous = context.pairs
    else:
        current, previous = np.arange(len(context.ids)), None
    applies = context.applies(rule, current, previous)
    chunks = [context.not_applicable(rule, current[~applies], _take(previous, ~applies))]
    if rule.kind == "cross_year" and len(context.unpaired):
        chunks.append(_unpaired(rule, context))
    current, previous = current[applies], _take(previous, applies)
    for layout, chosen in layouts(matrix, current):
        chunks += _equation_layout(
            rule, context, matrix, layout, current[chosen], _take(previous, chosen)
        )
    return chunks


def _unpaired(rule: Rule, context: Context) -> Chunk:
    """``not_assessable`` findings for reports that share their body and year with another."""
    reports = context.unpaired
    status = np.full(len(reports), NOT_ASSESSABLE)
    message = "several reports of this body for this year; not paired across years"
    return make_chunk(rule, "", reports, status, None, None, "", message)


def _take(array: np.ndarray | None, which: np.ndarray) -> np.ndarray | None:
    return None if array is None else array[which]


def _equation_layout(
    rule: Rule,
    context: Context,
    matrix: Matrix,
    layout: Layout,
    current: np.ndarray,
    previous: np.ndarray | None,
) -> list[Chunk]:
    term_axis, subject_axis = axes(rule, matrix)
    terms, printed = rule.term_list(), layout.printed[term_axis]
    left = expand(rule.left, terms, layout.template, printed)
    right = expand(rule.readings[0].terms, terms, layout.template, printed)
    fail_text = f"{format_sum(rule.left)} ≠ {rule.readings[0]}"
    chunks = []
    for subject in subjects_for(rule, layout.template, layout.printed[subject_axis]):
        gathered = gather(matrix, term_axis, subject, left + right, current, previous)
        values, names = gathered.values, gathered.names
        left_sum = signed_sum(values[: len(left)], left)
        right_sum = signed_sum(values[len(left) :], right)
        status = status_of(gathered, left_sum == right_sum, context.strict)
        message = blank_messages(status, gathered.blank, names, fail_text, ~gathered.held)
        if previous is not None:
            message = message.join(Labels(previous, context.previous_notes))
        cells = f"{format_cells(left, names[: len(left)])} = "
        cells += format_cells(right, names[len(left) :])
        chunks.append(
            make_chunk(rule, subject, current, status, left_sum, right_sum, cells, message)
        )
    return chunks
