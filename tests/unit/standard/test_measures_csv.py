"""``measures.csv``: the measures the issue asks for, parsed as sums over the code lists."""

from __future__ import annotations

import pytest

from govinfo.standard import codes, measures


def test_the_measures_researchers_use_are_there():
    ids = {m.id for m in measures.measures()}
    assert {
        "disclosure_rate",
        "granted_share",
        "withheld_share",
        "unavailable_share",
        "not_processed_share",
        "carried_forward_share",
        "review_per_100",
        "litigation_per_100",
        "review_correction_rate",
        "litigation_correction_rate",
    } <= ids
    reasons = [c for c in codes.rows().children("withheld")]
    assert {f"withheld_share.{r.split('.')[1]}" for r in reasons} <= ids


def test_sides_are_parsed_in_the_notation_of_the_rules():
    rate = {m.id: m for m in measures.measures()}["disclosure_rate"]
    assert str(rate.numerator) == "requests[granted + partially_granted, total]"
    assert [t.code for t in rate.denominator.first] == ["total_processed"]
    assert rate.unit == "percent" and rate.scale == 100
    assert "（七）总计" in rate.note("zh") and "(7) total handled" in rate.note("en")
    litigation = {m.id: m for m in measures.measures()}["litigation_correction_rate"]
    assert [t.code for t in litigation.denominator.second] == ["upheld", "corrected", "other"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("requests[granted]", "is not 'table[codes, codes]'"),
        ("sections[granted, total]", "is not a cell table"),
        ("requests[granted, nobody]", "not a code of the applicants list"),
        ("requests[granted + 2, total]", "'2' is not a code"),
    ],
)
def test_a_side_that_names_no_cells_is_refused(text, problem):
    with pytest.raises(ValueError, match=problem.replace("[", r"\[")):
        measures.parse_side(text)
