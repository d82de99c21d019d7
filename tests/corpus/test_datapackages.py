"""The curated data packages: valid, loadable by name, equal to the corpus's expected values,
and reproducible from the corpus by ``datapackages/build.py``."""

from __future__ import annotations

import importlib.util
import sys

import frictionless
import pytest

import govinfo
from tests.conftest import ROOT, expected_for
from tests.expectations import cell_differences

NAMES = govinfo.list_datasets()


def test_catalogue_lists_the_curated_packages():
    assert {"hunan-lengshuitan-2022", "fujian-pingtan"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_curated_package_is_valid(name):
    descriptor = govinfo.package.catalogue.dataset_path(name) / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["type", "note"])


def test_pingtan_series_loads_with_every_year():
    dataset = govinfo.load("fujian-pingtan")
    reports = dataset.reports.set_index("report_id")
    assert reports["year"].tolist() == list(range(2018, 2026))
    assert reports["template"].tolist() == ["other", "2019", "2019"] + ["2021"] * 5
    assert set(reports["division_code"]) == {"350128"}
    for report in dataset.to_reports():
        assert cell_differences(report, expected_for(report.report_id)) == []


def _build_module():
    spec = importlib.util.spec_from_file_location("build", ROOT / "datapackages" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", NAMES)
def test_curated_package_rebuilds_identically(name, corpus, tmp_path, monkeypatch):
    build = _build_module()
    monkeypatch.setattr(build, "HERE", tmp_path)
    (tmp_path / "catalogue.csv").write_bytes((ROOT / "datapackages" / "catalogue.csv").read_bytes())
    build.build(name, build.read_catalogue()[name], corpus)
    shipped = govinfo.package.catalogue.dataset_path(name)
    files = sorted(p.name for p in shipped.glob("*.csv"))
    assert files == sorted(p.name for p in (tmp_path / name).glob("*.csv"))
    for file in files:
        rebuilt = (tmp_path / name / file).read_text(encoding="utf-8")
        assert rebuilt == (shipped / file).read_text(encoding="utf-8"), file


def test_parsed_pingtan_series_fails_only_the_printed_error():
    """End to end: the reader's package, reconciled, finds the one genuine arithmetic error."""
    findings = govinfo.reconcile("fujian-pingtan")
    errors = findings[(findings["severity"] == "error") & (findings["status"] == "fail")]
    assert sorted(zip(errors["report_id"], errors["rule"], errors["subject"], strict=True)) == [
        ("fujian_pingtan-gov_2020", "T3-OUTCOMES", "natural_person"),
        ("fujian_pingtan-gov_2020", "T3-OUTCOMES", "total"),
    ]
    carry = findings[findings["rule"] == "X-CARRYOVER"]
    assert set(carry["status"]) <= {"pass", "not_assessable"}
    stock = findings[(findings["rule"] == "X-STOCK") & (findings["status"] == "fail")]
    assert sorted(stock["report_id"]) == [f"fujian_pingtan-gov_{y}" for y in (2023, 2024, 2025)]


def test_wheel_lists_every_subpackage():
    """pyproject.toml names the packages of the wheel (so that datapackages/ can ship in it);
    a new subpackage of govinfo must be listed there too."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11")
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "govinfo").rglob("__init__.py")
    }
    assert found | {"govinfo.datapackages"} == listed
