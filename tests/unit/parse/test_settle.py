"""Open splits settled with the same body's neighbouring years (X-CARRYOVER, X-STOCK)."""

from __future__ import annotations

from govinfo import Cell, Report
from govinfo.model import Alternatives
from govinfo.parse.infer.settle import settle

FORWARD = (("carried_forward", "natural_person"), ("carried_forward", "total"))


def _open_year(body: str = "某局") -> Report:
    """2021: carried forward printed ``112`` for two cells, 1|12 or 11|2 (both fit)."""
    report = Report("a_2021", template="2021", body=body, year=2021)
    report.requests = {key: Cell(1, "1", "ambiguous_split") for key in FORWARD}
    report.requests[FORWARD[1]] = Cell(12, "12", "ambiguous_split")
    report.alternatives = [
        Alternatives(
            table="requests",
            keys=FORWARD,
            kinds=("count", "count"),
            candidates=[(1, 12), (11, 2)],
            raws=[("1", "12"), ("11", "2")],
        )
    ]
    return report


def _next_year(natural_person: int, total: int, body: str = "某局") -> Report:
    report = Report("a_2022", template="2021", body=body, year=2022)
    report.requests = {
        ("carried_over", "natural_person"): Cell(natural_person, str(natural_person)),
        ("carried_over", "total"): Cell(total, str(total)),
    }
    return report


def test_the_next_years_carry_over_settles_the_split():
    earlier, later = _open_year(), _next_year(11, 2)
    settle([later, earlier])
    assert [earlier.requests[k] for k in FORWARD] == [
        Cell(11, "11", "split"),
        Cell(2, "2", "split"),
    ]
    assert earlier.alternatives == []
    assert later.requests[("carried_over", "total")] == Cell(2, "2")


def test_a_neighbour_that_fits_no_candidate_leaves_the_split_ambiguous():
    earlier = _open_year()
    settle([earlier, _next_year(5, 5)])
    cells = [earlier.requests[k] for k in FORWARD]
    assert [c.flag for c in cells] == ["ambiguous_split", "ambiguous_split"]
    assert (cells[0].value, cells[1].value) in {(1, 12), (11, 2)}


def test_reports_of_other_bodies_or_years_do_not_settle_each_other():
    earlier = _open_year()
    settle([earlier, _next_year(11, 2, body="另一局")])
    assert [earlier.requests[k] for k in FORWARD] == [
        Cell(1, "1", "ambiguous_split"),
        Cell(12, "12", "ambiguous_split"),
    ]
    assert len(earlier.alternatives) == 1
