"""The standard as reference pages: Markdown generated from ``govinfo/schema/``.

``docs/generate.py`` writes these pages (and the curated packages' page) into
the documentation site, so the site says exactly what the files of the
standard say; a test keeps them in step.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from . import (
    RESOURCES,
    VERSION,
    codes,
    profile,
    read_csv,
    resources,
    standard_dir,
    table_schema,
    versions,
)
from .measures import UNITS, measures
from .rules import rules

GENERATED = (
    "<!-- Generated from govinfo/schema/{version}/ by govinfo.standard.pages; do not edit. "
    "Regenerate with: python docs/generate.py -->"
)


def _header(title: str) -> list[str]:
    return [f"# {title}", "", GENERATED.format(version=VERSION), ""]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def standard_markdown() -> str:
    """The overview page: version, profile, resources and how they relate."""
    lines = _header(f"The govinfo standard, version {VERSION}")
    lines += [
        profile()["description"],
        "",
        f"The files of version {VERSION} live in `govinfo/schema/{VERSION}/`: `profile.json`",
        "(the data package profile, a JSON Schema), one Table Schema per resource",
        "(`<resource>.schema.json`), the code lists (`codes/*.csv`), the",
        "reconciliation rules (`rules.csv`) and the analysis [measures](measures.md)",
        "(`measures.csv`). A published version never changes; a later version gets",
        "a new folder.",
        "",
        "## Resources",
        "",
        "| resource | one row per | primary key | foreign keys |",
        "|---|---|---|---|",
    ]
    for resource in RESOURCES:
        schema = table_schema(resource)
        keys = ", ".join(f"`{k}`" for k in schema.get("primaryKey", []))
        foreign = "; ".join(
            f"`{', '.join(fk['fields'])}` → `{fk['reference']['resource']}`"
            for fk in schema.get("foreignKeys", [])
        )
        lines.append(
            f"| [`{resource}`](tables.md#{resource}) | {_grain(schema)} | {keys} | {foreign} |"
        )
    lines += [
        "",
        "Cells keep what was printed: `value` is empty when the cell was blank, `/`, `—`",
        "or not reported (never 0); `raw` is the printed text; `flag` says why a value",
        "is uncertain ([code list `flags`](codes.md#flags)).",
        "",
        "## The profile",
        "",
        'A package of the standard declares it with `"govinfo": {"standard": '
        f'"{VERSION}"}}` and is checked against this JSON Schema by `govinfo validate`',
        "(stock Frictionless does not read custom profiles; it checks the Table Schemas).",
        "",
        "```json",
        json.dumps(profile(), ensure_ascii=False, indent=2),
        "```",
    ]
    return "\n".join(lines) + "\n"


def _grain(schema: dict) -> str:
    keys = [k for k in schema.get("primaryKey", []) if k != "report_id"]
    return "report" if not keys else "report × " + " × ".join(f"`{k}`" for k in keys)


def tables_markdown() -> str:
    """One section per resource: its fields, types, constraints and keys."""
    lines = _header("Tables")
    for resource in RESOURCES:
        schema = table_schema(resource)
        lines += [
            f"## {resource}",
            "",
            f"`govinfo/schema/{VERSION}/{resource}.schema.json` — primary key "
            + ", ".join(f"`{k}`" for k in schema.get("primaryKey", []))
            + "; a blank cell is one of "
            + ", ".join(f"`{json.dumps(v)}`" for v in schema.get("missingValues", [""]))
            + ".",
            "",
            "| field | type | title | constraints | description |",
            "|---|---|---|---|---|",
        ]
        for field in schema["fields"]:
            lines.append(
                f"| `{field['name']}` | {field['type']} | {_cell(field.get('title', ''))} "
                f"| {_constraints(field)} | {_cell(field.get('description', ''))} |"
            )
        lines.append("")
    return "\n".join(lines)


def _constraints(field: dict) -> str:
    constraints = dict(field.get("constraints", {}))
    parts = []
    if constraints.pop("required", False):
        parts.append("required")
    enum = constraints.pop("enum", None)
    if "codelist" in field:
        name = Path(field["codelist"]).stem
        parts.append(f"code list [`{name}`](codes.md#{name})")
    elif enum:
        parts.append("one of " + ", ".join(f"`{v}`" for v in enum))
    parts += [f"{k} {_cell(v)}" for k, v in constraints.items()]
    return "; ".join(parts)


def codes_markdown() -> str:
    """Every code list with its codes, labels, parents and templates; the table-2 layouts."""
    lines = _header("Code lists")
    lines += [
        f"The code lists of `govinfo/schema/{VERSION}/codes/`, in their order. A code whose",
        "children carry its cells in a template is a heading there (a group), not a cell.",
        "The list `measures` holds the *columns of table 2* (本年制发件数 …); the",
        "analysis measures (disclosure rate …) are another file, [`measures.csv`](measures.md).",
        "",
    ]
    for path in sorted((standard_dir() / "codes").glob("*.csv")):
        name = path.stem
        if name == "table2":
            continue
        lines += [f"## {name}", "", "| code | 中文 | English | parent | templates |"]
        lines.append("|---|---|---|---|---|")
        for code in codes.code_list(name):
            templates = " ".join(sorted(code.templates))
            lines.append(
                f"| `{code.code}` | {_cell(code.label_zh)} | {_cell(code.label_en)} "
                f"| {code.parent or ''} | {templates} |"
            )
        lines.append("")
    lines += [
        "## table2",
        "",
        "Which measures each item of table 2 reports in each template (`codes/table2.csv`);",
        "`kind` is `count` (a non-negative integer), `change` (an integer, may be negative)",
        "or `amount` (a decimal, in `unit`).",
        "",
    ]
    rows = read_csv("codes/table2")
    lines += ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(_cell(v) for v in row.values()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """``docs/rules.md``: the rules of the standard as a reference page."""
    lines = _header("Reconciliation rules (勾稽关系)")
    lines += [
        "`govinfo reconcile` and `govinfo validate` run these rules; `govinfo.reconcile()`",
        "returns one finding per report, rule and subject (the column, row or proceeding",
        "checked) with `status` `pass`, `fail` or `not_assessable`.",
        "",
        "* A check is an equation over the codes of the table's code lists (terms joined",
        "  by ` + ` and ` - `), checked once per subject: each code of `per` (or those listed).",
        "  A code that is a group of its code list",
        "  (`withheld`, `other`, `legal_person`, `litigation`) stands for the codes that",
        "  carry its cells in the report: the template's children (2021 `other.*`), or the",
        "  group itself when it has none in the template (2019 `other`) or when the report",
        "  printed it as one row.",
        "* `[y-1]` reads the report of the same `body` for the previous `year`. A",
        "  cross-year rule gives one finding per pair of consecutive reports.",
        "* Blanks: by default a blank cell in a sum is read as 0 and the finding's",
        "  message lists it; with `blanks='strict'` the check is `not_assessable`. A check",
        "  whose every input is blank is `not_assessable`, and so is a rule on a report of",
        "  a template it does not apply to.",
        "* Partial packages: a cell the package does not hold at all (a resource it omits,",
        "  an applicant column it did not code) is never read as 0: a check that needs it",
        "  is `not_assessable`, and its message names the cells that are not there.",
        "* Text rules search the narrative (`sections`) sentence by sentence with the",
        "  pattern; the number is the first group that matched, and the first matching",
        "  sentence of a report is checked. A `|` separates the readings of a number the",
        "  text may mean; the finding passes when one of them holds. They are advisory;",
        "  a report whose text states no such number gets no finding.",
        "* The parts rule (`parts <= aggregate`) sets an aggregate report (scope",
        "  `aggregate`) against the reports, same year and template, of the bodies whose",
        "  parent it is in the body registry (`datapackages/bodies.csv`): one finding per",
        "  aggregate report and table, saying how many of how many known parts the package",
        "  holds; no finding when it holds none.",
        "",
        "| id | severity | kind | table | per | templates | check |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in rules():
        per = rule.per or ""
        if rule.subjects:
            per += f" ({', '.join(rule.subjects)})"
        check = rule.check.replace("|", "\\|")
        lines.append(
            f"| `{rule.id}` | {rule.severity} | {rule.kind} | {', '.join(rule.tables)} | {per} "
            f"| {', '.join(sorted(rule.templates))} | `{check}` |"
        )
    lines += ["", "## Rules", ""]
    for rule in rules():
        lines += [f"### {rule.id}", "", rule.description_en, "", rule.description_zh, ""]
        if rule.pattern:
            lines += ["Pattern:", "", "```", rule.pattern, "```", ""]
    return "\n".join(lines)


def measures_markdown() -> str:
    """``docs/standard/measures.md``: the analysis measures of the standard."""
    lines = _header("Measures")
    lines += [
        f"`govinfo/schema/{VERSION}/measures.csv` states the measures analyses of these",
        "reports compute, once, so that every analysis divides by the same thing.",
        "`govinfo.measures(data)` computes each for every report: one row per report and",
        "measure with `value`, `numerator`, `denominator`, `unit`, `blanks` (the blank cells",
        "it read as 0 in a sum) and `reason` (why a value is `<NA>`: a blank or zero",
        "denominator, a cell the package does not hold, a report without the standard tables).",
        "`blanks='strict'` reads no blank as 0.",
        "",
        "Not to be confused with the code list `measures` (`codes/measures.csv`), the",
        "columns of table 2.",
        "",
        "* Each side is the cells of one table, `table[rows, columns]`; each of the two is",
        "  a code or a sum of codes written as in `rules.csv`. A group (`withheld`, `other`,",
        "  `litigation`) stands for the cells that carry it in the report's template, or",
        "  itself when the report printed it as one row.",
        "* Units: "
        + "; ".join(
            f"`{unit}` is {factor:g} × numerator / denominator" for unit, factor in UNITS.items()
        )
        + " (`per_100`: per 100 requests handled).",
        "",
        "| id | 中文 | English | numerator | denominator | unit |",
        "|---|---|---|---|---|---|",
    ]
    for measure in measures():
        lines.append(
            f"| `{measure.id}` | {_cell(measure.label_zh)} | {_cell(measure.label_en)} "
            f"| `{measure.numerator}` | `{measure.denominator}` | {measure.unit} |"
        )
    lines += ["", "## The denominators", ""]
    for measure in measures():
        lines += [f"### {measure.id}", "", measure.note_en, "", measure.note_zh, ""]
    return "\n".join(lines)


def versions_markdown() -> str:
    """What each version of the standard changed from the one before, read from the files."""
    lines = _header("Versions of the standard")
    lines += [
        "Every version lives in its own folder of `govinfo/schema/` and never changes once",
        "released. govinfo reads a package with the Table Schemas of the version it declares",
        "(`govinfo.standard` in its descriptor) and brings older packages to the current",
        "version's shape on load: resources and columns a version added are empty, code",
        "lists only grow. What changed, version by version (generated from the files):",
        "",
    ]
    known = versions()
    for older, newer in itertools.pairwise(known):
        lines += [f"## {newer} (from {older})", ""]
        lines += [f"* {change}" for change in _changes(older, newer)] or ["* no change"]
        lines.append("")
    return "\n".join(lines)


def _changes(older: str, newer: str) -> list[str]:
    """The differences between two versions' resources, fields, code lists and rules."""
    out = []
    before, after = resources(older), resources(newer)
    out += [f"new resource `{name}`" for name in after if name not in before]
    out += [f"resource `{name}` removed" for name in before if name not in after]
    for name in (n for n in after if n in before):
        old_fields = [f["name"] for f in table_schema(name, older)["fields"]]
        new_fields = [f["name"] for f in table_schema(name, newer)["fields"]]
        out += [f"`{name}.{field}` added" for field in new_fields if field not in old_fields]
    old_lists = {p.stem for p in (standard_dir(older) / "codes").glob("*.csv")}
    for path in sorted((standard_dir(newer) / "codes").glob("*.csv")):
        if path.stem == "table2":
            continue
        if path.stem not in old_lists:
            out.append(f"new code list `{path.stem}`")
            continue
        old_codes = {c.code for c in codes.code_list(path.stem, older)}
        added = [c.code for c in codes.code_list(path.stem, newer) if c.code not in old_codes]
        if added:
            out.append(f"code list `{path.stem}`: " + ", ".join(f"`{c}`" for c in added) + " added")
    old_rules = {r["id"] for r in read_csv("rules", older)}
    out += [f"rule `{r['id']}` added" for r in read_csv("rules", newer) if r["id"] not in old_rules]
    for extra in ("measures",):
        if (standard_dir(newer) / f"{extra}.csv").is_file() and not (
            standard_dir(older) / f"{extra}.csv"
        ).is_file():
            out.append(f"new file `{extra}.csv` ([measures](measures.md))")
    required = profile(older)["allOf"][1]["properties"]["resources"]["allOf"]
    if required != profile(newer)["allOf"][1]["properties"]["resources"]["allOf"]:
        out.append(
            "the profile requires only the resources a package has data for (`reports` always)"
        )
    return out
