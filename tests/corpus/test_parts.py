"""The aggregate-against-parts rule on real reports: the zone's 2022 report and its departments'."""

from __future__ import annotations

import pytest

import govinfo
from govinfo.package import catalogue
from tests.conftest import CORPUS, ROOT

DEPARTMENTS = ("jtj", "scj", "zrz")


@pytest.fixture
def registry(tmp_path, monkeypatch):
    """A body registry beside no package: the zone and four of its departments."""
    folder = tmp_path / "catalogue"
    folder.mkdir()
    rows = ["body_id,parent_id", "pingtan,", *(f"{d},pingtan" for d in (*DEPARTMENTS, "gwh"))]
    (folder / "bodies.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "catalogue_dirs", lambda: [folder])


def _package(tmp_path, slugs, scope="aggregate"):
    zone = govinfo.parse(CORPUS / "fujian_pingtan-gov_2022.txt")
    zone.body_id, zone.scope = "pingtan", scope
    parts = []
    for slug in slugs:
        part = govinfo.parse(CORPUS / "wild" / f"fujian_pingtan-{slug}_2022.txt")
        part.body_id = slug
        parts.append(part)
    govinfo.write_package([zone, *parts], tmp_path / "package")
    return tmp_path / "package"


def test_the_zone_against_three_of_its_departments(tmp_path, registry):
    findings = govinfo.reconcile(_package(tmp_path, DEPARTMENTS), rules=["AGG-PARTS"])
    assert list(findings["report_id"].unique()) == ["fujian_pingtan-gov_2022"]
    requests = findings[findings["subject"] == "requests"].iloc[0]
    assert requests["status"] == "pass"
    assert requests["cells"] == "requests[new_received,total]"
    assert (requests["reported"], requests["expected"]) == (44, 74)
    assert requests["message"].startswith("3 of 4 known parts in the package; parts: ")
    appeals = findings[findings["subject"] == "appeals"].iloc[0]
    assert appeals["status"] == "fail"
    assert appeals["severity"] == "warning"
    assert (appeals["reported"], appeals["expected"]) == (1, 0)
    assert appeals["message"].endswith(
        "the parts exceed the aggregate in 1 cell(s): appeals[review,pending] 1 > 0"
    )


def test_one_department_is_one_of_four(tmp_path, registry):
    findings = govinfo.reconcile(_package(tmp_path, ["jtj"]), rules=["AGG-PARTS"])
    assert set(findings["message"].str.slice(0, 33)) == {"1 of 4 known parts in the package"}


def test_no_finding_without_an_aggregate_or_its_parts(tmp_path, registry):
    own = govinfo.reconcile(_package(tmp_path, DEPARTMENTS, scope="own"), rules=["AGG-PARTS"])
    assert own.empty
    alone = govinfo.reconcile(ROOT / "datapackages" / "fujian-pingtan", rules=["AGG-PARTS"])
    assert alone.empty


def test_the_rule_runs_with_the_others_as_a_warning(tmp_path, registry):
    findings = govinfo.reconcile(_package(tmp_path, DEPARTMENTS))
    parts = findings[findings["rule"] == "AGG-PARTS"]
    assert list(parts["subject"]) == ["requests", "appeals"]
    assert set(parts["severity"]) == {"warning"}
