"""Glued digit runs cut back into cells: the segmentations and the identities' choice."""

from __future__ import annotations

from govinfo import Cell
from govinfo.parse.infer.identities import report_identities
from govinfo.parse.infer.segment import is_forced, segmentations
from govinfo.parse.infer.split import resolve
from govinfo.parse.text.tables import Pending
from govinfo.parse.text.tokens import Token
from govinfo.standard import codes

COLUMNS = codes.applicants().leaves("2021")


def _row(row: str) -> list[tuple[str, str]]:
    return [(row, column) for column in COLUMNS]


def _resolve(rows: dict[str, str], fixed: dict | None = None):
    pending = [Pending("requests", _row(r), [Token("run", d)]) for r, d in rows.items()]
    keys = [k for p in pending for k in p.keys] + list(fixed or {})
    identities = report_identities("requests", "2021", keys)
    return resolve(pending, fixed or {}, identities, lambda key: "count")


def test_every_cut_keeps_numbers_without_leading_zeros():
    cuts = set(segmentations(["1203"], ["count"] * 3))
    assert cuts == {("1", "20", "3"), ("12", "0", "3")}


def test_a_row_total_cut_gives_only_the_cuts_that_add_up():
    cuts = list(segmentations(["713000074"], ["count"] * 7, last_is_sum=True))
    assert cuts == [("71", "3", "0", "0", "0", "0", "74")]


def test_one_digit_per_cell_is_forced_by_the_digits_alone():
    assert is_forced(["0000000"], ["count"] * 7)
    assert not is_forced(["713000074"], ["count"] * 7)


def test_the_row_total_forces_the_issue_row_and_flags_it_split():
    resolution = _resolve({"new_received": "713000074"})
    values = [resolution.cells[key].value for key in _row("new_received")]
    assert values == [71, 3, 0, 0, 0, 0, 74]
    assert {resolution.cells[key].flag for key in _row("new_received")} == {"split"}
    assert resolution.cells[("new_received", "natural_person")].raw == "71"
    assert resolution.alternatives == []


def test_cuts_that_all_add_up_are_ambiguous_and_kept_open():
    resolution = _resolve({"granted": "111000012"})
    cells = [resolution.cells[key] for key in _row("granted")]
    assert {c.flag for c in cells[:3]} == {"ambiguous_split"}
    assert [(c.value, c.flag) for c in cells[3:]] == [(0, "split")] * 3 + [(12, "split")]
    (open_split,) = resolution.alternatives
    assert {candidate[:3] for candidate in open_split.candidates} == {
        (11, 1, 0),
        (1, 11, 0),
        (1, 1, 10),
    }
    assert tuple(c.value for c in cells) == open_split.candidates[0]


def test_cells_printed_elsewhere_choose_the_cut_through_the_balance():
    fixed = {
        **{("carried_over", c): Cell(0, "0") for c in COLUMNS},
        **{
            ("total_processed", c): Cell(v, str(v))
            for c, v in zip(COLUMNS, [1, 11, 0, 0, 0, 0, 12], strict=True)
        },
        **{("carried_forward", c): Cell(0, "0") for c in COLUMNS},
    }
    resolution = _resolve({"new_received": "111000012"}, fixed)
    values = [resolution.cells[key].value for key in _row("new_received")]
    assert values == [1, 11, 0, 0, 0, 0, 12]
    assert {resolution.cells[key].flag for key in _row("new_received")} == {"split"}
