"""The rules file of the standard: read as data, expanded by template, documented."""

from __future__ import annotations

import csv

import pytest

import govinfo
from govinfo import codes
from govinfo.standard import expand, rules, standard_dir


def test_every_rule_of_the_file_is_read():
    with (standard_dir() / "rules.csv").open(encoding="utf-8", newline="") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    assert [rule.id for rule in rules.rules()] == ids
    assert {"T3-BALANCE", "T3-OUTCOMES", "T3-APPLICANTS", "T4-TOTALS", "VALUES"} <= set(ids)
    assert {"X-CARRYOVER", "X-STOCK", "TEXT-RECEIVED", "TEXT-PROCESSED"} <= set(ids)
    for rule in rules.rules():
        assert rule.description_zh and rule.description_en
        expected = "error" if rule.kind in ("identity", "domain") else "warning"
        assert rule.severity == expected, rule.id


def test_checks_are_parsed_into_signed_terms():
    (stock,) = rules.select(["X-STOCK"])
    assert [(t.code, t.sign, t.previous) for t in stock.left] == [("in_force", 1, False)]
    assert [(t.code, t.sign, t.previous) for t in stock.readings[0].terms] == [
        ("in_force", 1, True),
        ("issued", 1, False),
        ("repealed", -1, False),
    ]
    (received,) = rules.select(["TEXT-RECEIVED"])
    assert [str(r) for r in received.readings] == ["new_received", "new_received + carried_over"]
    (rate,) = rules.select(["TEXT-RATE"])
    assert rate.percent
    assert [t.code for t in rate.readings[0].denominator] == ["new_received", "carried_over"]
    (values,) = rules.select(["VALUES"])
    assert values.domain("change") == rules.Domain("change", integer=True, non_negative=False)


@pytest.mark.parametrize(
    ("template", "printed", "leaves"),
    [
        ("2019", frozenset(), ["other"]),
        ("2021", frozenset(), ["other.no_correction", "other.fee_unpaid", "other.other"]),
        ("2021", frozenset({"other"}), ["other"]),
        ("2019", frozenset({"other.other"}), ["other.other"]),
    ],
)
def test_groups_expand_by_template_and_as_printed(template, printed, leaves):
    assert expand.printed_leaves(codes.rows(), "other", template, printed) == leaves


def test_outcome_leaves_of_each_template():
    (outcomes,) = rules.select(["T3-OUTCOMES"])
    terms = expand.expand(outcomes.readings[0].terms, codes.rows(), "2021", frozenset())
    assert len(terms) == 21 and terms[0].code == "granted" and terms[-1].code == "other.other"
    assert len(expand.expand(outcomes.readings[0].terms, codes.rows(), "2019", frozenset())) == 19
    (applicants,) = rules.select(["T3-APPLICANTS"])
    assert len(expand.subjects_for(applicants, "2021", frozenset())) == 25
    assert len(expand.subjects_for(applicants, "2021", frozenset({"other"}))) == 23


def test_unknown_rule_is_an_error():
    with pytest.raises(govinfo.ReconcileError, match="no rule X-NOPE"):
        rules.select(["X-NOPE"])


def test_a_rule_naming_an_unknown_code_is_refused():
    record = {
        "id": "BAD",
        "kind": "identity",
        "severity": "error",
        "table": "requests",
        "per": "applicant",
        "subjects": "",
        "templates": "2021",
        "check": "total_processed = granted + no_such_row",
        "pattern": "",
        "description_zh": "",
        "description_en": "",
    }
    with pytest.raises(govinfo.ReconcileError, match="no_such_row"):
        rules._rule(record)
