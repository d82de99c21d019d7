"""The curated catalogue: ``list_datasets(details=True)`` and ``govinfo list``."""

from __future__ import annotations

import govinfo
from govinfo.cli import main


def test_the_catalogue_counts_what_each_package_holds():
    catalogue = govinfo.list_datasets(details=True)
    assert list(catalogue.index) == govinfo.list_datasets()
    pingtan = catalogue.loc["fujian-pingtan"]
    assert pingtan["reports"] == 8
    assert pingtan["years"] == "2018–2025"
    assert pingtan["bodies"] == 1
    assert pingtan["levels"] == "city"
    assert pingtan["standard"] == "1.1"
    dataset = govinfo.load("fujian-pingtan")
    cells = sum(len(dataset[t]) for t in ("requests", "appeals", "disclosure"))
    assert pingtan["cells"] == cells == 1396
    flagged = sum(dataset[t]["flag"].notna().sum() for t in ("requests", "appeals", "disclosure"))
    assert pingtan["flagged"] == flagged > 0
    assert pingtan["unread"] == 0
    lengshuitan = catalogue.loc["hunan-lengshuitan-2022"]
    assert (lengshuitan["reports"], lengshuitan["years"], lengshuitan["cells"]) == (1, "2022", 186)
    assert (lengshuitan["levels"], lengshuitan["flagged"]) == ("county", 0)


def test_govinfo_list_prints_the_catalogue(capsys):
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "name",
        "bodies",
        "years",
        "levels",
        "reports",
        "cells",
        "flagged",
        "unread",
        "standard",
    ]
    pingtan = next(line for line in lines if line.split()[0] == "fujian-pingtan").split()
    assert pingtan[1:6] == ["1", "2018–2025", "city", "8", "1396"]


def test_govinfo_list_as_csv(capsys):
    assert main(["list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "hunan-lengshuitan-2022,1,2022,county,1,186,0,0,1.1" in out.splitlines()
