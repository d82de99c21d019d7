"""The reconciliation rules (勾稽关系) of the standard as Python objects.

The rules live in ``govinfo/schema/<version>/rules.csv``. It is a CSV file like
the code lists beside it, not JSON, because a rule is one flat record: a
spreadsheet opens it, a diff shows a changed rule on one line, and each check
is written the way the template states it, as an equation over code-list
codes (``new_received + carried_over = total_processed + carried_forward``).
Nothing here retypes a rule: this module parses those equations; ``expand.py``
expands a term naming a group of its code list into the codes that carry its
cells in one report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ..errors import ReconcileError
from . import CELL_TABLES, TEMPLATES, VERSION, codes, read_csv, table_schema

KINDS = ("identity", "domain", "cross_year", "text", "parts")
PARTS_CHECK = "parts <= aggregate"
SEVERITIES = ("error", "warning")
PREVIOUS = "[y-1]"
_TERM = re.compile(r"^([a-z_.]+)(\[y-1\])?$")
_DOMAIN = re.compile(r"^(\w+):\s*(integer|number)(\s*>=\s*0)?$")


@dataclass(frozen=True)
class Term:
    """One signed cell code of a check, this year's or (``previous``) the year before's."""

    code: str
    sign: int = 1
    previous: bool = False

    def __str__(self) -> str:
        return self.code + (PREVIOUS if self.previous else "")


@dataclass(frozen=True)
class Reading:
    """One reading of a check's right-hand side: a signed sum, or (percent) a ratio of two."""

    terms: tuple[Term, ...]
    denominator: tuple[Term, ...] = ()

    def __str__(self) -> str:
        text = format_sum(self.terms)
        if not self.denominator:
            return text
        below = format_sum(self.denominator)
        return f"{text} / ({below})" if len(self.denominator) > 1 else f"{text} / {below}"


@dataclass(frozen=True)
class Domain:
    """The values a kind of cell may take (``codes/table2.csv`` kinds: count, change, amount)."""

    kind: str
    integer: bool
    non_negative: bool


@dataclass(frozen=True)
class Rule:
    """One rule of ``rules.csv``, with its check parsed."""

    id: str
    kind: str
    severity: str
    tables: tuple[str, ...]
    per: str | None
    subjects: tuple[str, ...]
    templates: frozenset[str]
    check: str
    pattern: str
    description_zh: str
    description_en: str
    left: tuple[Term, ...] = ()
    readings: tuple[Reading, ...] = ()
    percent: bool = False
    domains: tuple[Domain, ...] = ()

    @property
    def table(self) -> str:
        """The one table an identity, cross-year or text rule reads."""
        return self.tables[0]

    def term_list(self) -> codes.CodeList:
        """The code list the terms of the check are drawn from."""
        first, second = CELL_TABLES[self.table]
        return dimension_list(self.table, second if self.per == first else first)

    def subject_list(self) -> codes.CodeList:
        """The code list of the subjects the rule is checked for, one finding each."""
        return dimension_list(self.table, self.per or "")

    def domain(self, kind: str) -> Domain:
        """The domain of one kind of cell."""
        for domain in self.domains:
            if domain.kind == kind:
                return domain
        raise ReconcileError(f"rule {self.id}: no domain for cells of kind {kind!r}")


def format_sum(terms: tuple[Term, ...]) -> str:
    """A signed sum as written in ``rules.csv``."""
    text = ""
    for term in terms:
        text += ("" if not text else " + ") if term.sign > 0 else (" - " if text else "-")
        text += str(term)
    return text


def cell_label(table: str, first: str, second: str, lang: str = "zh") -> str:
    """A cell's two labels as the table prints them: ``（七）总计 × 总计``.

    Messages name a cell by its codes (``requests[total_processed,total]``)
    and, for a reader of the report, by these labels.
    """
    lists = (dimension_list(table, column) for column in CELL_TABLES[table])
    return " × ".join(
        codelist.label(code, lang) for codelist, code in zip(lists, (first, second), strict=True)
    )


@cache
def dimension_list(table: str, column: str) -> codes.CodeList:
    """The code list of one code column of a cell table (named by its Table Schema)."""
    for field in table_schema(table)["fields"]:
        if field["name"] == column and "codelist" in field:
            return codes.code_list(Path(field["codelist"]).stem)
    raise ReconcileError(f"{table} has no code column {column!r}")


@cache
def rules(version: str = VERSION) -> tuple[Rule, ...]:
    """Every rule of the standard, in file order."""
    return tuple(_rule(record) for record in read_csv("rules", version))


def select(ids: list[str] | tuple[str, ...] | None = None) -> list[Rule]:
    """The rules named by ``ids`` (all when None), in file order."""
    known = {rule.id: rule for rule in rules()}
    if ids is None:
        return list(known.values())
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ReconcileError(f"no rule {', '.join(unknown)} (known: {', '.join(known)})")
    return [rule for rule in known.values() if rule.id in ids]


def _rule(record: dict[str, str]) -> Rule:
    rid = record["id"]
    rule = Rule(
        id=rid,
        kind=record["kind"],
        severity=record["severity"],
        tables=tuple(record["table"].split()),
        per=record["per"] or None,
        subjects=tuple(record["subjects"].split()),
        templates=frozenset(record["templates"].split()),
        check=record["check"],
        pattern=record["pattern"],
        description_zh=record["description_zh"],
        description_en=record["description_en"],
    )
    problems = [f"kind {rule.kind!r}"] if rule.kind not in KINDS else []
    problems += [f"severity {rule.severity!r}"] if rule.severity not in SEVERITIES else []
    problems += [f"template {t!r}" for t in rule.templates if t not in TEMPLATES]
    problems += [f"table {t!r}" for t in rule.tables if t not in CELL_TABLES]
    if problems:
        raise ReconcileError(f"rule {rid}: unknown {', '.join(problems)}")
    try:
        if rule.kind == "domain":
            return _with_domains(rule)
        if rule.kind == "parts":
            if rule.check != PARTS_CHECK:
                raise ValueError(f"a parts check reads {PARTS_CHECK!r}")
            return rule
        return _with_check(rule)
    except (ValueError, KeyError, re.error) as exc:
        raise ReconcileError(f"rule {rid}: cannot read its check {rule.check!r}: {exc}") from None


def _with_domains(rule: Rule) -> Rule:
    domains = []
    for part in rule.check.split(";"):
        match = _DOMAIN.match(part.strip())
        if not match:
            raise ValueError(f"{part.strip()!r} is not 'kind: integer|number [>= 0]'")
        kind, kind_type, minimum = match.groups()
        domains.append(Domain(kind, kind_type == "integer", bool(minimum)))
    return replace(rule, domains=tuple(domains))


def _with_check(rule: Rule) -> Rule:
    left_text, right_text = (side.strip() for side in rule.check.split("=", 1))
    terms, subjects = rule.term_list(), rule.subject_list()
    unknown = [s for s in rule.subjects if s not in subjects]
    if unknown:
        raise ValueError(f"subjects {unknown} are not codes of the {subjects.name} list")
    readings = tuple(_reading(text, terms) for text in right_text.split("|"))
    if rule.kind == "text":
        if left_text not in ("text", "text%"):
            raise ValueError("the left side of a text check is 'text' or 'text%'")
        re.compile(rule.pattern)
        return replace(rule, readings=readings, percent=left_text == "text%")
    left = parse_sum(left_text, terms)
    lagged = any(t.previous for r in readings for t in r.terms + r.denominator) or any(
        t.previous for t in left
    )
    if lagged != (rule.kind == "cross_year") or len(readings) != 1:
        raise ValueError("only a cross_year check reads [y-1], and an equation has one reading")
    return replace(rule, left=left, readings=readings)


def _reading(text: str, terms: codes.CodeList) -> Reading:
    numerator, _, denominator = text.partition("/")
    return Reading(parse_sum(numerator, terms), parse_sum(denominator.strip().strip("()"), terms))


def parse_sum(text: str, terms: codes.CodeList) -> tuple[Term, ...]:
    """A signed sum of codes of ``terms`` as written in ``rules.csv`` (``a + b - c``)."""
    out, sign = [], 1
    for token in text.split():
        if token in ("+", "-"):
            sign = 1 if token == "+" else -1
        else:
            match = _TERM.match(token)
            if not match:
                raise ValueError(f"{token!r} is not a code")
            if match.group(1) not in terms:
                raise ValueError(f"{match.group(1)!r} is not a code of the {terms.name} list")
            out.append(Term(match.group(1), sign, bool(match.group(2))))
    return tuple(out)
