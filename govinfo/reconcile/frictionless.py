"""The table rules as Frictionless custom checks, for projects that validate with Frictionless only.

    import frictionless
    from govinfo.checks import identity_checks

    report = frictionless.validate("my-package/datapackage.json", checks=identity_checks())

Each :class:`GovinfoRule` collects the rows of the resource its rule reads
(``requests``, ``appeals`` or ``disclosure``), reads the package's ``reports`` resource for the
templates, bodies and years, and runs :func:`govinfo.reconcile` for that one
rule at the end of the resource: every failing finding is one
``govinfo-rule`` error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import attrs
import frictionless
import pandas as pd

from ..errors import ReconcileError
from ..package import Dataset
from ..standard import CELL_TABLES
from ..standard.rules import select
from . import BLANKS, check_blanks
from .findings import describe
from .run import reconcile

TABLE_KINDS = ("identity", "cross_year", "domain")


class RuleViolation(frictionless.errors.TableError):
    """A rule of the govinfo standard fails for a report."""

    type = "govinfo-rule"
    title = "govinfo rule"
    description = "A reconciliation rule (勾稽关系) of the govinfo standard does not hold."
    template = "{note}"


@attrs.define(kw_only=True, repr=False)
class GovinfoRule(frictionless.Check):
    """One table rule of ``rules.csv`` (an identity, cross-year or domain rule) as a check."""

    type = "govinfo-rule"
    Errors: ClassVar[list[type[frictionless.Error]]] = [RuleViolation]

    rule: str
    """The rule id, e.g. ``T3-BALANCE``."""

    blanks: str = "zero"
    """How blanks in a sum are read: ``zero`` (and say so) or ``strict``."""

    rows: list[dict[str, Any]] = attrs.field(factory=list, init=False)

    metadata_profile_patch: ClassVar[dict[str, Any]] = {
        "required": ["rule"],
        "properties": {"rule": {"type": "string"}, "blanks": {"enum": list(BLANKS)}},
    }

    def __attrs_post_init__(self) -> None:
        (found,) = select([self.rule])
        if found.kind not in TABLE_KINDS:
            raise frictionless.FrictionlessException(
                f"govinfo-rule: {self.rule} is a {found.kind} rule; checks run {TABLE_KINDS}"
            )
        try:
            check_blanks(self.blanks)
        except ReconcileError as exc:
            raise frictionless.FrictionlessException(f"govinfo-rule: {exc}") from None

    def _reads_resource(self) -> bool:
        return self.resource.name in select([self.rule])[0].tables

    def validate_start(self) -> Iterable[frictionless.Error]:
        self.rows = []
        if self._reads_resource() and self.resource.package is None:
            yield RuleViolation(note=f"{self.rule} needs the package: validate datapackage.json")

    def validate_row(self, row: frictionless.Row) -> Iterable[frictionless.Error]:
        if self._reads_resource():
            self.rows.append(row.to_dict())
        yield from []

    def validate_end(self) -> Iterable[frictionless.Error]:
        if not self._reads_resource() or self.resource.package is None:
            return
        reports = self.resource.package.get_resource("reports")
        frames = {
            "reports": pd.DataFrame([row.to_dict() for row in reports.read_rows()]),
            **{
                table: pd.DataFrame(columns=["report_id", *columns, "value"])
                for table, columns in CELL_TABLES.items()
            },
        }
        frames[self.resource.name] = pd.DataFrame(
            self.rows, columns=list(frames[self.resource.name])
        )
        dataset = Dataset(frames, {}, Path(self.resource.path or self.resource.name))
        findings = reconcile(dataset, blanks=self.blanks, rules=[self.rule])
        for finding in findings[findings["status"] == "fail"].itertuples():
            yield RuleViolation(note=f"{describe(finding)} (cells {finding.cells})")


def identity_checks(blanks: str = "zero") -> list[GovinfoRule]:
    """A check for each identity rule of the standard (T3-BALANCE, T3-OUTCOMES, ...)."""
    return [
        GovinfoRule(rule=rule.id, blanks=blanks) for rule in select() if rule.kind == "identity"
    ]
