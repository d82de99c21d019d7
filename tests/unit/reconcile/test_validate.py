"""``govinfo validate`` and ``govinfo reconcile``, and the rules as Frictionless checks."""

from __future__ import annotations

import csv
import io
import json

import frictionless
import pytest

import govinfo
from govinfo.checks import GovinfoRule, identity_checks
from govinfo.cli import main
from tests import builders
from tests.builders import set_cell


@pytest.fixture
def good(tmp_path):
    return builders.write([builders.report()], tmp_path / "good")


@pytest.fixture
def broken(tmp_path):
    made = builders.report()
    set_cell(made, "requests", "granted", "natural_person", 4)
    return builders.write([made], tmp_path / "broken")


def run(capsys, *argv) -> tuple[int, str]:
    status = main([str(a) for a in argv])
    return status, capsys.readouterr().out


def test_validate_valid_package(capsys, good):
    status, out = run(capsys, "validate", good)
    assert status == 0
    assert "structure (Frictionless): valid" in out
    assert "profile (govinfo 1.1): valid" in out
    assert "result: valid (0 error finding(s), 0 warning(s))" in out


def test_validate_curated_package_by_name(capsys):
    status, out = run(capsys, "validate", "hunan-lengshuitan-2022")
    assert status == 0
    assert "T3-OUTCOMES" in out


def test_validate_error_rule_fails(capsys, broken):
    status, out = run(capsys, "validate", broken)
    assert status == 1
    assert "fail error T3-OUTCOMES county_2022 natural_person: reported 5, expected 6" in out
    assert "fail error T3-APPLICANTS county_2022 granted: reported 5, expected 6" in out
    assert "result: INVALID (2 error finding(s), 0 warning(s))" in out


def test_validate_warnings_only_exit_zero(capsys, tmp_path):
    made = builders.report(narrative="本年收到政府信息公开申请30件。")
    status, out = run(capsys, "validate", builders.write([made], tmp_path / "warned"))
    assert status == 0
    assert "fail warning TEXT-RECEIVED county_2022 total: reported 30, expected 8" in out
    assert "result: valid (0 error finding(s), 1 warning(s))" in out


def test_validate_json(capsys, broken):
    status, out = run(capsys, "validate", broken, "--format", "json")
    assert status == 1
    document = json.loads(out)
    assert document["valid"] is False
    assert document["structure"] == {"valid": True, "errors": []}
    failed = [f for f in document["rules"]["findings"] if f["status"] == "fail"]
    assert [(f["rule"], f["subject"], f["reported"], f["expected"]) for f in failed] == [
        ("T3-OUTCOMES", "natural_person", 5.0, 6.0),
        ("T3-APPLICANTS", "granted", 5.0, 6.0),
    ]


def test_validate_csv(capsys, good):
    status, out = run(capsys, "validate", good, "--format", "csv", "--blanks", "strict")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(govinfo.reconcile(good).columns)
    assert {row["status"] for row in rows} == {"pass"}


def test_validate_structure_and_profile_errors(capsys, good):
    path = good / "requests.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("granted", "given", 1), "utf-8")
    descriptor = json.loads((good / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["govinfo"]
    (good / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    status, out = run(capsys, "validate", good, "--format", "csv")
    assert status == 1
    rules = [row["rule"] for row in csv.DictReader(io.StringIO(out))]
    assert rules[:2] == ["frictionless:constraint-error", "profile:1.1"]
    status, out = run(capsys, "validate", good)
    assert "structure (Frictionless): 1 error(s)" in out
    assert "'govinfo' is a required property" in out


def test_validate_unreadable_package(capsys, good):
    (good / "appeals.csv").unlink()
    status, out = run(capsys, "validate", good)
    assert status == 1
    assert "rules: not run, the package cannot be read" in out


def test_validate_missing_package(capsys, tmp_path):
    assert main(["validate", str(tmp_path / "nothing")]) == 1
    assert "no data package here" in capsys.readouterr().err


def test_reconcile_command(capsys, broken):
    status, out = run(capsys, "reconcile", broken)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("1 report(s), ") and "2 fail" in lines[0]
    assert lines[1].split() == ["rule", "severity", "pass", "fail", "n/a"]
    assert "2 finding(s) fail:" in lines
    assert lines[-2].startswith("fail error T3-OUTCOMES county_2022 natural_person: reported 5")
    assert not any(line.startswith("pass ") for line in lines)  # passes are counted, not listed
    status, out = run(capsys, "reconcile", broken, "--status", "pass", "not_assessable")
    listed = [line for line in out.splitlines() if line.startswith(("pass ", "fail "))]
    assert listed and all(line.startswith("pass ") for line in listed)
    status, out = run(capsys, "reconcile", broken, "--format", "json", "--blanks", "strict")
    assert len(json.loads(out)) == len(govinfo.reconcile(broken))
    status, out = run(capsys, "reconcile", broken, "--format", "csv")
    assert out.startswith("report_id,rule,severity,status,subject,reported,expected")
    first = next(csv.DictReader(io.StringIO(out)))
    assert (first["reported"], first["expected"], first["difference"]) == ("6", "6", "0")
    status, out = run(capsys, "reconcile", broken, "--format", "csv", "--status", "fail")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2


def test_describe_an_empty_subject_without_stray_punctuation():
    from types import SimpleNamespace

    from govinfo.reconcile.findings import describe

    finding = SimpleNamespace(
        report_id="x_2022",
        subject="",
        status="not_assessable",
        severity="error",
        rule="VALUES",
        reported=float("nan"),
        expected=float("nan"),
        difference=float("nan"),
        message="no value is reported",
    )
    assert describe(finding) == "not_assessable error VALUES x_2022: no value is reported"


# Frictionless custom checks


def test_checks_pass_on_a_valid_package(good):
    report = frictionless.validate(str(good / "datapackage.json"), checks=identity_checks())
    assert report.valid, report.flatten(["type", "note"])


def test_checks_report_each_failing_identity(broken):
    report = frictionless.validate(str(broken / "datapackage.json"), checks=identity_checks())
    notes = [note for kind, note in report.flatten(["type", "note"]) if kind == "govinfo-rule"]
    assert len(notes) == 2
    assert notes[0].startswith("fail error T3-OUTCOMES county_2022 natural_person: reported 5")
    assert "requests[granted,natural_person]" in notes[0]
    assert notes[1].startswith("fail error T3-APPLICANTS county_2022 granted")


def test_cross_year_check(tmp_path):
    first = builders.report("county_2021", year=2021)
    second = builders.report("county_2022", year=2022)
    set_cell(second, "requests", "carried_over", "natural_person", 3)
    folder = builders.write([first, second], tmp_path / "pair")
    check = GovinfoRule(rule="X-CARRYOVER")
    report = frictionless.validate(str(folder / "datapackage.json"), checks=[check])
    notes = [note for kind, note in report.flatten(["type", "note"]) if kind == "govinfo-rule"]
    assert len(notes) == 1
    assert "X-CARRYOVER county_2022 natural_person: reported 3, expected 1" in notes[0]


def test_domain_check(tmp_path):
    made = builders.report()
    set_cell(made, "disclosure", "penalty", "decisions", -4)
    folder = builders.write([made], tmp_path / "negative")
    report = frictionless.validate(
        str(folder / "datapackage.json"), checks=[GovinfoRule(rule="VALUES")]
    )
    notes = [note for kind, note in report.flatten(["type", "note"]) if kind == "govinfo-rule"]
    assert len(notes) == 1
    assert "VALUES county_2022 disclosure" in notes[0]
    assert "disclosure[penalty,decisions]=-4" in notes[0]


def test_check_needs_the_package(broken, monkeypatch):
    monkeypatch.chdir(broken)
    report = frictionless.validate("requests.csv", checks=[GovinfoRule(rule="T3-BALANCE")])
    notes = [note for kind, note in report.flatten(["type", "note"]) if kind == "govinfo-rule"]
    assert notes == ["T3-BALANCE needs the package: validate datapackage.json"]


def test_text_rules_are_not_checks():
    with pytest.raises(frictionless.FrictionlessException, match="text rule"):
        GovinfoRule(rule="TEXT-RECEIVED")
