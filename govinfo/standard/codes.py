"""The code lists of the standard as Python objects: labels, order and tree.

Every code, label and template membership comes from the CSV files under
``govinfo/schema/<version>/codes/``; nothing here retypes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from . import VERSION, read_csv

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Code:
    """One entry of a code list."""

    code: str
    label_zh: str
    label_en: str
    parent: str | None
    order: int
    templates: frozenset[str]

    def label(self, lang: str = "zh") -> str:
        """The Chinese or English label."""
        return self.label_en if check_lang(lang) == "en" else self.label_zh


@dataclass(frozen=True)
class Table2Cell:
    """One cell of table 2 in one template: which measure an item reports."""

    template: str
    item: str
    measure: str
    label_zh: str
    kind: str
    unit: str


def check_lang(lang: str) -> str:
    """Return ``lang`` when it is a supported label language."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


class CodeList:
    """An ordered code list with a parent tree and template membership."""

    def __init__(self, name: str, codes: list[Code]) -> None:
        self.name = name
        self.codes = tuple(sorted(codes, key=lambda c: c.order))
        self._by_code = {c.code: c for c in self.codes}
        self._children: dict[str | None, list[Code]] = {}
        for c in self.codes:
            self._children.setdefault(c.parent, []).append(c)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Code:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a code of the {self.name} list") from None

    def __repr__(self) -> str:
        return f"CodeList({self.name!r}, {len(self)} codes)"

    def label(self, code: str, lang: str = "zh") -> str:
        """Label of ``code`` in ``lang``."""
        return self[code].label(lang)

    def children(self, code: str, template: str | None = None) -> list[str]:
        """Direct children of ``code`` (in ``template`` when given), in order."""
        return [
            c.code
            for c in self._children.get(code, ())
            if template is None or template in c.templates
        ]

    def in_template(self, template: str) -> list[str]:
        """Codes that belong to ``template``, in order."""
        return [c.code for c in self.codes if template in c.templates]

    def is_group(self, code: str, template: str) -> bool:
        """Whether ``code`` is only a heading in ``template`` (its children carry the cells)."""
        return bool(self.children(code, template))

    def cell_codes(self) -> list[str]:
        """Codes that carry cells in at least one template (the schema's enum)."""
        return [
            c.code
            for c in self.codes
            if not c.templates or any(not self.is_group(c.code, t) for t in c.templates)
        ]

    def leaves(self, template: str) -> list[str]:
        """Codes of ``template`` that carry cells in it, in order."""
        return [c for c in self.in_template(template) if not self.is_group(c, template)]


@cache
def code_list(name: str, version: str = VERSION) -> CodeList:
    """The code list ``name`` (rows, applicants, proceedings, outcomes, items, measures, ...)."""
    try:
        records = read_csv(f"codes/{name}", version)
    except FileNotFoundError:
        raise KeyError(f"no code list {name!r} in standard {version}") from None
    return CodeList(
        name,
        [
            Code(
                code=r["code"],
                label_zh=r["label_zh"],
                label_en=r["label_en"],
                parent=r["parent"] or None,
                order=int(r["order"]),
                templates=frozenset(r["templates"].split()),
            )
            for r in records
        ],
    )


@cache
def _table2(version: str) -> tuple[Table2Cell, ...]:
    return tuple(Table2Cell(**r) for r in read_csv("codes/table2", version))


def table2_layout(template: str, version: str = VERSION) -> tuple[Table2Cell, ...]:
    """The cells of table 2 (item x measure) in ``template``, in printed order."""
    return tuple(cell for cell in _table2(version) if cell.template == template)


def table2_cell(
    template: str, item: str, measure: str, version: str = VERSION
) -> Table2Cell | None:
    """The layout entry of one table-2 cell, or None when the template has no such cell."""
    for cell in table2_layout(template, version):
        if cell.item == item and cell.measure == measure:
            return cell
    return None


def rows() -> CodeList:
    """Rows of table 3."""
    return code_list("rows")


def applicants() -> CodeList:
    """Applicant columns of table 3."""
    return code_list("applicants")


def proceedings() -> CodeList:
    """Proceedings of table 4."""
    return code_list("proceedings")


def outcomes() -> CodeList:
    """Outcome columns of table 4."""
    return code_list("outcomes")


def items() -> CodeList:
    """Rows of table 2."""
    return code_list("items")


def measures() -> CodeList:
    """Columns of table 2."""
    return code_list("measures")


def amount_measures(version: str = VERSION) -> frozenset[str]:
    """Measures of table 2 that hold amounts (decimal) rather than counts."""
    return frozenset(cell.measure for cell in _table2(version) if cell.kind == "amount")
