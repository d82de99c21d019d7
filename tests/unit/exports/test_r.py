"""The R route: a govinfo package read in R, blanks as NA, never 0.

Runs where ``Rscript`` is installed (Debian: ``apt-get install r-base-core
r-cran-jsonlite``; ``.ci/run`` installs them). Debian packages neither R's
``frictionless`` nor ``arrow``: the test reads the package as the README's
base-R snippet does (the descriptor with jsonlite, the CSV typed from its
Table Schema), and runs ``frictionless::read_package`` and
``arrow::read_parquet`` only where those R packages are installed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

import govinfo

pytestmark = pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")

BASE_R = r"""
library(jsonlite)
package <- fromJSON("datapackage.json", simplifyVector = FALSE)
resource <- Filter(function(r) r$name == "requests", package$resources)[[1]]
fields <- resource$schema$fields
types <- vapply(fields, function(f) f$type, "")
classes <- c(integer = "integer", number = "numeric", string = "character")[types]
requests <- read.csv(resource$path, colClasses = unname(classes), na.strings = "",
                     fileEncoding = "UTF-8")
total <- requests$value[requests$row == "new_received" & requests$applicant == "total"]
cat(nrow(requests), sum(is.na(requests$value)), total, class(requests$value), "\n")
"""


def r_package(name: str) -> bool:
    found = subprocess.run(
        ["Rscript", "-e", f"quit(status = !requireNamespace('{name}', quietly = TRUE))"],
        capture_output=True,
    )
    return found.returncode == 0


def rscript(code: str, cwd) -> str:
    result = subprocess.run(
        ["Rscript", "-e", code], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_base_r_reads_the_package_with_blanks_as_na():
    if not r_package("jsonlite"):
        pytest.skip("R's jsonlite is not installed (Debian: r-cran-jsonlite)")
    data = govinfo.load("hunan-lengshuitan-2022")
    folder = data.path.parent
    rows, blanks, total, kind = rscript(BASE_R, folder).split()
    assert int(rows) == len(data.requests) == 161
    assert int(blanks) == int(data.requests["value"].isna().sum())
    assert (int(total), kind) == (15, "integer")


def test_frictionless_read_package():
    if not r_package("frictionless"):
        pytest.skip("R's frictionless package is not installed (not in Debian; from CRAN)")
    folder = govinfo.load("hunan-lengshuitan-2022").path.parent
    out = rscript(
        'library(frictionless); p <- read_package("datapackage.json"); '
        'r <- read_resource(p, "requests"); cat(nrow(r), sum(is.na(r$value)), "\\n")',
        folder,
    )
    assert out.split()[0] == "161"


def test_arrow_reads_the_parquet_export(tmp_path):
    if not r_package("arrow"):
        pytest.skip("R's arrow package is not installed (not in Debian; from CRAN)")
    pytest.importorskip("pyarrow")
    folder = govinfo.export("fujian-pingtan", tmp_path / "parquet", to="parquet")
    out = rscript(
        'library(arrow); r <- read_parquet("requests.parquet"); cat(nrow(r), "\\n")', folder
    )
    assert out.split()[0] == str(len(govinfo.load("fujian-pingtan").requests))
