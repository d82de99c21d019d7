"""The code lists and the Table Schemas of the standard agree, and read as documented."""

from __future__ import annotations

import pytest

from govinfo import codes
from govinfo.standard import RESOURCES, table_schema


def test_table3_rows_in_each_template():
    rows = codes.rows()
    assert len(rows.leaves("2021")) == 25
    assert len(rows.leaves("2019")) == 23
    assert "other" in rows.leaves("2019")
    assert "other" not in rows.leaves("2021")
    assert rows.children("other", "2021") == [
        "other.no_correction",
        "other.fee_unpaid",
        "other.other",
    ]
    assert rows.label("withheld.security_stability") == "3.危及“三安全一稳定”"


def test_applicant_columns_in_printed_order():
    assert codes.applicants().leaves("2021") == [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other_org",
        "total",
    ]
    assert codes.applicants().label("commercial", "en") == "Commercial enterprises"


def test_table4_has_fifteen_cells():
    assert len(codes.proceedings().leaves("2019")) * len(codes.outcomes().leaves("2019")) == 15


def test_table2_layouts():
    layout_2021 = {(c.item, c.measure) for c in codes.table2_layout("2021")}
    assert ("fees", "amount") in layout_2021
    assert ("normative_documents", "in_force") in layout_2021
    assert len(layout_2021) == 10
    layout_2019 = {(c.item, c.measure): c for c in codes.table2_layout("2019")}
    assert layout_2019[("penalty", "items_change")].kind == "change"
    assert ("procurement", "amount") in layout_2019
    assert codes.amount_measures() == {"amount"}


@pytest.mark.parametrize("resource", RESOURCES)
def test_schema_enums_are_the_code_lists(resource):
    for field in table_schema(resource)["fields"]:
        if "codelist" not in field:
            continue
        name = field["codelist"].removeprefix("codes/").removesuffix(".csv")
        expected = codes.code_list(name).cell_codes()
        enum = [str(v) for v in field["constraints"]["enum"]]
        assert enum == expected, f"{resource}.{field['name']} enum differs from codes/{name}.csv"


def test_unknown_code_and_language_are_errors():
    with pytest.raises(KeyError):
        codes.rows()["no_such_row"]
    with pytest.raises(ValueError):
        codes.rows().label("granted", "fr")
