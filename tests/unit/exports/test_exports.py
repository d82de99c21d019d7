"""Exports read back with each format's own reader: real values, blanks as blanks, labels, keys."""

from __future__ import annotations

import json
import sqlite3
from types import SimpleNamespace

import pandas as pd
import pytest

import govinfo
from govinfo import codes
from govinfo.cli import main
from govinfo.exports import common
from govinfo.package import Dataset
from govinfo.standard import RESOURCES, table_schema

HUNAN = "hunan_lengshuitan-gov_2022"
PINGTAN_2022 = "fujian_pingtan-gov_2022"
NAMES = ("hunan-lengshuitan-2022", "fujian-pingtan")


@pytest.fixture(scope="module")
def data() -> dict[str, Dataset]:
    return {name: govinfo.load(name) for name in NAMES}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, data):
    """Every curated package in every format, written once for the module."""
    pytest.importorskip("openpyxl")
    pytest.importorskip("pyarrow")
    root = tmp_path_factory.mktemp("exports")
    targets = {"xlsx": "book.xlsx", "parquet": "parquet", "sqlite": "db.sqlite", "dta": "stata"}
    languages = {"xlsx": "en", "dta": "en"}  # the locale's default is tested on its own
    return {
        (name, to): govinfo.export(data[name], root / name / target, to=to, lang=languages.get(to))
        for name in NAMES
        for to, target in targets.items()
    }


def _cell(frame: pd.DataFrame, report_id: str, **codes_: str) -> pd.Series:
    mask = frame["report_id"] == report_id
    for column, code in codes_.items():
        mask &= frame[column].astype(str) == code
    (index,) = frame.index[mask]
    return frame.loc[index]


def _enum(resource: str, field: str) -> list:
    (spec,) = [f for f in table_schema(resource)["fields"] if f["name"] == field]
    return spec["constraints"]["enum"]


# xlsx


def test_xlsx_has_a_readme_and_one_sheet_per_resource(exported, data):
    import openpyxl

    book = openpyxl.load_workbook(exported["hunan-lengshuitan-2022", "xlsx"])
    assert book.sheetnames == ["README", *RESOURCES, "codes"]
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row[0]}
    provenance = data["hunan-lengshuitan-2022"].provenance
    assert readme["govinfo data package"] == "hunan-lengshuitan-2022"
    assert readme["govinfo standard"] == "1.1"
    assert readme["written by"] == "govinfo-cn 0.1.0"
    assert readme["exported by"] == f"govinfo-cn {govinfo.__version__}"
    assert readme["content sha256"] == provenance.content_sha256
    assert readme[HUNAN] == "永州市冷水滩区人民政府"  # the reports table: id, body, ...
    assert readme["ambiguous_split"] == codes.code_list("flags").label("ambiguous_split", "en")


def test_xlsx_values_are_numbers_and_blanks_are_empty_cells(exported):
    import openpyxl

    sheet = openpyxl.load_workbook(exported["hunan-lengshuitan-2022", "xlsx"])["requests"]
    header = [c.value for c in sheet[1]]
    rows = {(r[1].value, r[4].value): r for r in sheet.iter_rows(min_row=2)}
    value = header.index("value")
    total = rows["new_received", "total"]
    assert total[value].value == 15 and total[value].data_type == "n"
    blank = rows["carried_over", "natural_person"]
    assert blank[value].value is None  # blank in the report: empty, never 0
    assert blank[header.index("raw")].value is None
    assert rows["new_received", "commercial"][value].value == 0  # printed 0 stays 0


def test_xlsx_labels_every_code_in_both_languages(exported):
    path = exported["fujian-pingtan", "xlsx"]
    requests = pd.read_excel(path, sheet_name="requests")
    assert list(requests.columns) == [
        "report_id",
        *("row", "row_en", "row_zh"),
        *("applicant", "applicant_en", "applicant_zh"),
        "value",
        "raw",
        *("flag", "flag_en", "flag_zh"),
    ]
    rows, flags = codes.rows(), codes.code_list("flags")
    for record in requests.to_dict("records"):
        assert record["row_zh"] == rows.label(record["row"], "zh")
        assert record["row_en"] == rows.label(record["row"], "en")
        if isinstance(record["flag"], str):
            assert record["flag_en"] == flags.label(record["flag"], "en")
        else:
            assert pd.isna(record["flag_zh"]) and pd.isna(record["flag_en"])
    cell = _cell(requests, PINGTAN_2022, row="new_received", applicant="total")
    assert cell["value"] == 74
    sections = pd.read_excel(path, sheet_name="sections")
    assert sorted(set(sections["section"])) == [1, 2, 3, 4, 5, 6]
    assert set(sections.loc[sections["section"] == 1, "section_en"]) == {"1. Overview"}


def test_xlsx_keeps_amounts_and_dates(exported):
    path = exported["fujian-pingtan", "xlsx"]
    disclosure = pd.read_excel(path, sheet_name="disclosure")
    fees = _cell(disclosure, "fujian_pingtan-gov_2021", item="fees", measure="amount")
    assert fees["value"] == pytest.approx(24252.311082) and fees["unit"] == "万元"
    reports = pd.read_excel(
        exported["hunan-lengshuitan-2022", "xlsx"], sheet_name="reports", dtype={"template": str}
    )
    assert reports["published"].iloc[0] == pd.Timestamp("2023-01-18")
    assert reports["template_zh"].iloc[0] == codes.code_list("templates").label("2021")


def test_xlsx_never_writes_text_as_a_formula(tmp_path, data):
    import openpyxl

    source = data["hunan-lengshuitan-2022"]
    frames = dict(source.frames)
    frames["requests"] = frames["requests"].copy()
    frames["requests"].loc[0, "raw"] = "=HYPERLINK(1)"
    frames["reports"] = frames["reports"].assign(body="=1+1")
    descriptor = {**source.descriptor, "title": "=cmd|' /C calc'!A0"}
    path = govinfo.export(
        Dataset(frames, descriptor, source.path), tmp_path / "x.xlsx", to="xlsx", lang="en"
    )
    book = openpyxl.load_workbook(path)
    cell = book["requests"]["I2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")
    readme = {}
    for row in book["README"].iter_rows():
        readme.setdefault(row[0].value, row[1])
    assert (readme["title"].value, readme["title"].data_type) == ("=cmd|' /C calc'!A0", "s")
    assert readme[HUNAN].value == "=1+1" and readme[HUNAN].data_type == "s"
    formulas = [
        (sheet.title, cell.coordinate)
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_xlsx_opens_in_chinese_for_a_chinese_locale(tmp_path, data, monkeypatch):
    import openpyxl

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    path = govinfo.export(data["fujian-pingtan"], tmp_path / "zh.xlsx", to="xlsx")
    book = openpyxl.load_workbook(path)
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row[0]}
    assert readme["govinfo 数据包"] == "fujian-pingtan"
    assert readme["split"] == "按勾稽关系拆分"
    header = [c.value for c in book["requests"][1]]
    assert header[:4] == ["report_id", "row", "row_zh", "row_en"]
    assert book["requests"]["C2"].value == "一、本年新收政府信息公开申请数量"
    assert book.properties.language == "zh-CN"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    english = govinfo.export(data["fujian-pingtan"], tmp_path / "en.xlsx", to="xlsx")
    assert openpyxl.load_workbook(english)["requests"]["C2"].value.startswith("I. New")


# Parquet


@pytest.mark.parametrize("name", NAMES)
def test_parquet_round_trips_every_resource(exported, data, name):
    folder = exported[name, "parquet"]
    for resource in RESOURCES:
        back = pd.read_parquet(folder / f"{resource}.parquet")
        expected = data[name].frames[resource]
        if expected.empty:  # an empty dictionary column keeps no categories in Parquet
            assert list(back.columns) == list(expected.columns)
            continue
        if resource == "sections":  # Parquet keeps dictionaries of strings only
            expected = expected.assign(section=expected["section"].astype("int64"))
        pd.testing.assert_frame_equal(back, expected)


def test_parquet_keeps_types_categories_and_blanks(exported):
    import pyarrow.parquet as pq

    folder = exported["hunan-lengshuitan-2022", "parquet"]
    requests = pd.read_parquet(folder / "requests.parquet")
    assert requests["value"].dtype == "Int64"
    assert requests["row"].cat.ordered
    assert requests["row"].cat.categories.tolist() == _enum("requests", "row")
    assert _cell(requests, HUNAN, row="new_received", applicant="total")["value"] == 15
    assert _cell(requests, HUNAN, row="carried_over", applicant="natural_person")["value"] is pd.NA
    assert pd.read_parquet(folder / "disclosure.parquet")["value"].dtype == "Float64"
    schema = pq.read_schema(folder / "requests.parquet")
    assert schema.field("row").type.ordered
    codes_ = pd.read_parquet(folder / "codes.parquet")
    assert set(codes_["list"]) >= {"rows", "applicants", "flags", "sections"}


def test_parquet_carries_the_package_metadata(exported, data):
    import pyarrow.parquet as pq

    folder = exported["fujian-pingtan", "parquet"]
    for file in folder.glob("*.parquet"):
        meta = json.loads(pq.read_schema(file).metadata[b"govinfo"])
        assert meta["name"] == "fujian-pingtan"
        assert meta["standard"] == "1.1"
        assert meta["content_sha256"] == data["fujian-pingtan"].provenance.content_sha256
        assert meta["exported_by"] == f"govinfo-cn {govinfo.__version__}"
        assert meta["reports"][4]["source_url"].endswith("t20230220_80629.htm")
        assert "path" not in meta


# SQLite


@pytest.fixture
def db(exported):
    connection = sqlite3.connect(exported["fujian-pingtan", "sqlite"])
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def test_sqlite_values_types_and_nulls(exported, data):
    with sqlite3.connect(exported["hunan-lengshuitan-2022", "sqlite"]) as con:
        query = "SELECT value, typeof(value) FROM requests WHERE row = ? AND applicant = ?"
        assert con.execute(query, ("new_received", "total")).fetchall() == [(15, "integer")]
        assert con.execute(query, ("carried_over", "natural_person")).fetchall() == [(None, "null")]
        assert con.execute("SELECT published FROM reports").fetchone() == ("2023-01-18",)
    with sqlite3.connect(exported["fujian-pingtan", "sqlite"]) as con:
        for resource in RESOURCES:
            (count,) = con.execute(f"SELECT count(*) FROM {resource}").fetchone()
            assert count == len(data["fujian-pingtan"].frames[resource])
        assert con.execute("SELECT DISTINCT typeof(value) FROM disclosure").fetchall() == [
            ("real",)
        ]
        amount = con.execute(
            "SELECT value FROM disclosure WHERE report_id = ? AND item = 'fees'",
            ("fujian_pingtan-gov_2021",),
        ).fetchone()
        assert amount == (pytest.approx(24252.311082),)


def test_sqlite_keys_come_from_the_table_schemas(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {(row[2], row[3], row[4]) for row in db.execute("PRAGMA foreign_key_list(requests)")}
    assert keys == {
        ("reports", "report_id", "report_id"),
        ("codes_rows", "row", "code"),
        ("codes_applicants", "applicant", "code"),
        ("codes_flags", "flag", "code"),
    }
    primary = [row[1] for row in db.execute("PRAGMA table_info(requests)") if row[5]]
    assert primary == table_schema("requests")["primaryKey"]
    insert = "INSERT INTO requests VALUES (?, ?, ?, 1, '1', NULL)"
    for bad in [("nope", "granted", "total"), (PINGTAN_2022, "bogus", "total")]:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.execute(insert, bad)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute(insert, (PINGTAN_2022, "granted", "total"))


def test_sqlite_code_lists_give_the_labels(db):
    rows = db.execute(
        "SELECT a.label_zh, a.label_en, q.value FROM requests q "
        "JOIN codes_applicants a ON a.code = q.applicant "
        "WHERE q.report_id = ? AND q.row = 'new_received' ORDER BY a.\"order\"",
        (PINGTAN_2022,),
    ).fetchall()
    assert rows[0] == ("自然人", "Natural persons", 71)
    assert rows[-1] == ("总计", "Total", 74)
    parent = db.execute(
        "SELECT p.label_zh FROM codes_rows c JOIN codes_rows p ON p.code = c.parent "
        "WHERE c.code = 'withheld.state_secret'"
    ).fetchone()
    assert parent == (codes.rows().label("withheld"),)
    meta = dict(db.execute("SELECT key, value FROM govinfo_metadata"))
    assert meta["name"] == "fujian-pingtan"
    assert len(json.loads(meta["reports"])) == 8


# Stata


def test_stata_value_labels_map_codes_to_labels(exported):
    path = exported["hunan-lengshuitan-2022", "dta"] / "requests.dta"
    with pd.io.stata.StataReader(path) as reader:
        value_labels = reader.value_labels()
        variable_labels = reader.variable_labels()
        assert reader.data_label == "hunan-lengshuitan-2022 (govinfo standard 1.1)"
    rows = codes.rows()
    assert value_labels["row"] == {c.order: c.label_en for c in rows}
    assert variable_labels["row"] == "Row" and variable_labels["value"] == "Value"
    assert variable_labels["row_zh"] == "Row (Chinese label)"
    raw = pd.read_stata(path, convert_categoricals=False)
    total = _cell(raw, HUNAN, row_code="new_received", applicant_code="total")
    assert total["row"] == rows["new_received"].order and total["value"] == 15
    labelled = pd.read_stata(path)
    blank = _cell(labelled, HUNAN, row_code="carried_over", applicant_code="natural_person")
    assert pd.isna(blank["value"])  # Stata missing, never 0
    assert blank["row"] == "II. Requests carried over from last year"
    assert blank["row_zh"] == "二、上年结转政府信息公开申请数量"
    assert blank["applicant"] == "Natural persons" and blank["applicant_zh"] == "自然人"


def test_stata_keeps_long_text_amounts_and_dates(exported, data):
    folder = exported["fujian-pingtan", "dta"]
    sections = pd.read_stata(folder / "sections.dta")
    expected = data["fujian-pingtan"].sections["text"].fillna("")  # Stata: no missing text
    assert sections["text"].tolist() == expected.tolist()
    disclosure = pd.read_stata(folder / "disclosure.dta")
    fees = _cell(disclosure, "fujian_pingtan-gov_2021", item_code="fees", measure_code="amount")
    assert fees["value"] == pytest.approx(24252.311082)
    reports = pd.read_stata(exported["hunan-lengshuitan-2022", "dta"] / "reports.dta")
    assert reports["published"].iloc[0] == pd.Timestamp("2023-01-18")
    assert reports["template"].iloc[0] == codes.code_list("templates").label("2021", "en")


# Errors and the command


def test_unknown_format_and_wrong_outputs_are_export_errors(tmp_path):
    with pytest.raises(govinfo.ExportError, match="csv"):
        govinfo.export("hunan-lengshuitan-2022", tmp_path / "x.csv", to="csv")
    with pytest.raises(govinfo.ExportError, match="folder"):
        govinfo.export("hunan-lengshuitan-2022", tmp_path, to="sqlite")
    (tmp_path / "file").write_text("x")
    with pytest.raises(govinfo.ExportError, match="is a file"):
        govinfo.export("hunan-lengshuitan-2022", tmp_path / "file", to="dta")


@pytest.mark.parametrize(("to", "module"), [("xlsx", "openpyxl"), ("parquet", "pyarrow")])
def test_missing_dependency_names_the_extra(tmp_path, monkeypatch, to, module):
    def import_module(name):
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(common, "importlib", SimpleNamespace(import_module=import_module))
    with pytest.raises(
        govinfo.ExportError, match=rf'needs {module}: pip install "govinfo-cn\[export\]"'
    ):
        govinfo.export("hunan-lengshuitan-2022", tmp_path / "out", to=to)


def test_export_command(tmp_path, capsys):
    pytest.importorskip("openpyxl")
    out = tmp_path / "lengshuitan.xlsx"
    assert main(["export", "hunan-lengshuitan-2022", "--to", "xlsx", "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert out.is_file()
    assert main(["export", "no-such-package", "--to", "sqlite", "-o", str(tmp_path / "x")]) == 1
    assert "no curated package" in capsys.readouterr().err


def test_stata_chinese_value_labels(exported, data, tmp_path):
    folder = exported["hunan-lengshuitan-2022", "dta"]
    script = (folder / "labels_zh.do").read_text(encoding="utf-8")
    assert "label language zh, new copy" in script
    assert 'label define row_zh 1 `"一、本年新收政府信息公开申请数量"\', modify' in script
    assert "capture label values applicant applicant_zh" in script
    rows = codes.rows()
    defined = [line for line in script.splitlines() if line.startswith("label define row_zh ")]
    assert len(defined) == len(rows)
    chinese = govinfo.export(data["hunan-lengshuitan-2022"], tmp_path / "zh", to="dta", lang="zh")
    requests = pd.read_stata(chinese / "requests.dta")
    assert requests["row"].iloc[0] == rows.label("new_received", "zh")
    assert requests["row_en"].iloc[0] == rows.label("new_received", "en")
    assert (chinese / "labels_en.do").is_file()


def test_lang_only_for_labelled_formats(tmp_path, data):
    with pytest.raises(govinfo.ExportError, match="parquet export has no labels"):
        govinfo.export(data["fujian-pingtan"], tmp_path / "p", to="parquet", lang="zh")
