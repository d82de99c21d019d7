"""Groups of a code list expanded to the cells one report prints.

A rule's term may name a group (``withheld``, ``other``, ``legal_person``): it
stands for the codes that carry its cells in one report — by its template, or
as the report printed them. Both the readers (``parse/infer``) and the rules
engine (``reconcile``) expand terms this way.
"""

from __future__ import annotations

from . import codes
from .rules import Rule, Term


def printed_leaves(
    codelist: codes.CodeList, code: str, template: str, present: frozenset[str]
) -> list[str]:
    """The codes carrying the cells of ``code`` in a report of ``template`` that has ``present``.

    A code the report printed as one row, without its children, is its own
    leaf (a 2021 report printing one (六)其他处理 row); otherwise the
    template's children count, or, when the template has none, the children
    the report printed from another template.
    """
    children = codelist.children(code)
    if code in present and not any(_printed(codelist, c, present) for c in children):
        return [code]
    kids = codelist.children(code, template)
    if not kids and code not in present:
        kids = [c for c in children if _printed(codelist, c, present)]
    if not kids:
        return [code]
    return [leaf for kid in kids for leaf in printed_leaves(codelist, kid, template, present)]


def _printed(codelist: codes.CodeList, code: str, present: frozenset[str]) -> bool:
    return code in present or any(_printed(codelist, c, present) for c in codelist.children(code))


def expand(
    terms: tuple[Term, ...], codelist: codes.CodeList, template: str, present: frozenset[str]
) -> list[Term]:
    """``terms`` with every group replaced by the leaves that carry its cells in one report."""
    return [
        Term(leaf, term.sign, term.previous)
        for term in terms
        for leaf in printed_leaves(codelist, term.code, template, present)
    ]


def subjects_for(rule: Rule, template: str, present: frozenset[str]) -> list[str]:
    """The subjects ``rule`` is checked for in one report (its ``subjects``, or every leaf)."""
    codelist = rule.subject_list()
    tops = [c for c in codelist.in_template(template) if codelist[c].parent is None]
    leaves = [leaf for top in tops for leaf in printed_leaves(codelist, top, template, present)]
    return [s for s in leaves if s in rule.subjects] if rule.subjects else leaves


def family(codelist: codes.CodeList) -> list[str]:
    """Codes whose presence changes how a report's groups expand (groups and their children)."""
    return [c.code for c in codelist if c.parent or codelist.children(c.code)]
