"""Comparing a parsed report with the hand-read expected values of the corpus."""

from __future__ import annotations

from govinfo import Cell, Report

TABLES = ("requests", "appeals", "disclosure")


def expected_cells(expected: dict, table: str) -> dict[tuple[str, str], object]:
    """The expected cells of one table as {(code, code): value}."""
    return {(a, b): v for a, row in expected.get(table, {}).items() for b, v in row.items()}


def cell_differences(report: Report, expected: dict) -> list[str]:
    """Every cell where the report differs from the expected values (blank and 0 differ)."""
    problems = []
    for table in TABLES:
        want = expected_cells(expected, table)
        got = {key: cell.value for key, cell in getattr(report, table).items()}
        for key in sorted(set(want) | set(got)):
            if key not in got:
                problems.append(f"{table}{key}: missing, expected {want[key]!r}")
            elif key not in want:
                problems.append(f"{table}{key}: read {got[key]!r}, not in the report")
            elif not _same(got[key], want[key]):
                problems.append(f"{table}{key}: read {got[key]!r}, expected {want[key]!r}")
    return problems


def _same(got: object, want: object) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return abs(float(got) - float(want)) < 1e-9


def unflagged_uncertain(report: Report, expected: dict) -> list[str]:
    """Cells the expected values call uncertain that the report wrote without a flag."""
    out = []
    for item in expected.get("uncertain", []):
        cell = getattr(report, item["table"]).get((item["row"], item["col"]))
        if cell is None or not cell.flag:
            out.append(f"{item['table']}({item['row']}, {item['col']})")
    return out


def report_from_expected(expected: dict) -> Report:
    """A Report holding exactly the hand-read values of a corpus report (raw = printed value)."""
    report = Report(
        report_id=expected["report_id"],
        template=expected["template"],
        body=expected.get("body"),
        year=expected.get("year"),
    )
    uncertain = {(u["table"], u["row"], u["col"]) for u in expected.get("uncertain", [])}
    for table in TABLES:
        cells = getattr(report, table)
        for (a, b), value in expected_cells(expected, table).items():
            raw = "" if value is None else str(value)
            flag = "ambiguous_split" if (table, a, b) in uncertain else ""
            cells[(a, b)] = Cell(value, raw, flag)
    return report
