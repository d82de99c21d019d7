"""``govinfo validate``: a package's structure, its descriptor against the profile, and the rules.

Structure is checked by stock Frictionless on the descriptor's path (so
relative resource paths resolve); the descriptor against our profile with
``jsonschema``, because Frictionless does not apply a custom ``$schema``;
the arithmetic by :func:`govinfo.reconcile`. The package is
valid when all three are: no structural or profile error, and no rule of
severity ``error`` fails (warnings do not make it invalid).
"""

from __future__ import annotations

import json
import reprlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frictionless
import jsonschema
import pandas as pd

from .errors import GovinfoError
from .package import Dataset, resolve
from .package.descriptor import declared_version, read_descriptor
from .reconcile import check_blanks, reconcile
from .reconcile.findings import COLUMNS, counts_lines, describe
from .standard import profile

LISTED = 50


@dataclass
class Validation:
    """The outcome of validating one package."""

    descriptor: Path
    version: str
    structure: list[dict[str, str]]
    profile: list[str]
    findings: pd.DataFrame
    unreadable: str = ""

    @property
    def rule_errors(self) -> pd.DataFrame:
        """Failing findings of severity ``error``."""
        failed = self.findings["status"] == "fail"
        return self.findings[failed & (self.findings["severity"] == "error")]

    @property
    def valid(self) -> bool:
        """No structural or profile error, the data readable, and no error-severity rule failing."""
        return not (self.structure or self.profile or self.unreadable or len(self.rule_errors))

    def table(self) -> pd.DataFrame:
        """Every problem and finding in the findings table's columns (structure rows first)."""
        problems = [
            {"rule": f"frictionless:{e['type']}", "subject": e["resource"], "message": e["message"]}
            for e in self.structure
        ]
        problems += [{"rule": f"profile:{self.version}", "message": m} for m in self.profile]
        problems += [{"rule": "load", "message": self.unreadable}] if self.unreadable else []
        head = pd.DataFrame(
            [{"report_id": "", "severity": "error", "status": "fail", **p} for p in problems],
            columns=list(COLUMNS),
        )
        findings = self.findings.astype({c: object for c in COLUMNS if c in self.findings})
        return pd.concat([head, findings], ignore_index=True) if problems else findings

    def to_json(self) -> str:
        """The validation as a JSON document."""
        findings = json.loads(self.findings.to_json(orient="records", force_ascii=False))
        document = {
            "package": str(self.descriptor),
            "valid": self.valid,
            "structure": {"valid": not self.structure, "errors": self.structure},
            "profile": {"valid": not self.profile, "errors": self.profile},
            "rules": {"read": not self.unreadable, "error": self.unreadable, "findings": findings},
        }
        return json.dumps(document, ensure_ascii=False, indent=2)

    def summary(self) -> str:
        """A short human summary: each part, the counts per rule, and what failed."""
        lines = [f"govinfo validate {self.descriptor}"]
        lines.append(f"structure (Frictionless): {_verdict(len(self.structure))}")
        lines += [
            f"  {e['resource'] or 'package'}: {e['type']}: {e['message']}"
            for e in self.structure[:LISTED]
        ]
        lines.append(f"profile (govinfo {self.version}): {_verdict(len(self.profile))}")
        lines += [f"  {message}" for message in self.profile[:LISTED]]
        if self.unreadable:
            lines.append(f"rules: not run, the package cannot be read: {self.unreadable}")
        else:
            lines += self._rule_lines()
        errors, warnings = len(self.rule_errors), self._failed_warnings()
        verdict = "valid" if self.valid else "INVALID"
        lines.append(f"result: {verdict} ({errors} error finding(s), {warnings} warning(s))")
        return "\n".join(lines)

    def _failed_warnings(self) -> int:
        failed = self.findings["status"] == "fail"
        return int((failed & (self.findings["severity"] == "warning")).sum())

    def _rule_lines(self) -> list[str]:
        findings = self.findings
        lines = [f"rules ({findings['report_id'].nunique()} report(s)):", *counts_lines(findings)]
        failed = findings[findings["status"] == "fail"].sort_values("severity", kind="stable")
        lines += [f"  {describe(f)}" for f in failed.head(LISTED).itertuples()]
        if len(failed) > LISTED:
            lines.append(f"  ... and {len(failed) - LISTED} more (--format csv lists them all)")
        return lines


def _verdict(count: int) -> str:
    return "valid" if not count else f"{count} error(s)"


def profile_problem(error: jsonschema.ValidationError, descriptor: dict[str, Any]) -> str:
    """One line for one profile error: where (the resource, the field) and what is wrong.

    jsonschema's own messages quote the failing instance, which for a
    resource is its whole Table Schema; this names it instead.
    """
    path = list(error.absolute_path)
    where = "descriptor"
    resources = descriptor.get("resources")
    if path[:1] == ["resources"] and len(path) > 1 and isinstance(resources, list):
        resource = resources[path[1]] if isinstance(resources[path[1]], dict) else {}
        where = f"resource {resource.get('name') or path[1]}"
        path = path[2:]
    field = "/".join(str(p) for p in path)
    return f"{where}: {field}: {_what(error)}" if field else f"{where}: {_what(error)}"


def _what(error: jsonschema.ValidationError) -> str:
    """What is wrong, without the failing instance when that is long."""
    short = reprlib.Repr()
    short.maxstring, short.maxother = 60, 60
    rule, expected = error.validator, error.validator_value
    if rule == "contains":
        name = expected.get("properties", {}).get("name", {}).get("const")
        if name:
            return f"no {name!r} resource (the standard requires it)"
    if rule == "required":
        return error.message
    if rule == "const":
        return f"must be {expected!r}, not {short.repr(error.instance)}"
    if rule == "enum":
        return f"{short.repr(error.instance)} is not one of {', '.join(map(str, expected))}"
    if rule == "pattern":
        return f"{short.repr(error.instance)} does not match the pattern {expected}"
    if rule == "type":
        return f"must be of type {expected}, not {type(error.instance).__name__}"
    if len(error.message) <= 160:
        return error.message
    return f"fails {rule} {short.repr(expected)}"


def validate(package: str | Path, blanks: str = "zero") -> Validation:
    """Validate a package: Frictionless structure, the govinfo profile, and the rules."""
    check_blanks(blanks)
    target, descriptor = read_descriptor(resolve(package))
    report = frictionless.validate(str(target))
    structure = [
        {"resource": task.name or "", "type": error.type, "message": error.message}
        for task in report.tasks
        for error in task.errors
    ]
    structure += [{"resource": "", "type": e.type, "message": e.message} for e in report.errors]
    version = declared_version(descriptor, target)
    checker = jsonschema.Draft7Validator(profile(version))
    problems = [profile_problem(error, descriptor) for error in checker.iter_errors(descriptor)]
    try:
        findings, unreadable = reconcile(Dataset.read(target), blanks=blanks), ""
    except GovinfoError as exc:
        findings, unreadable = pd.DataFrame(columns=list(COLUMNS)), str(exc)
    return Validation(target, version, structure, problems, findings, unreadable)
