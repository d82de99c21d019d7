"""Constructed reports for the rule tests: every rule holds, then a test breaks one thing."""

from __future__ import annotations

from pathlib import Path

import govinfo
from govinfo import codes

# Table 3 of the constructed report: natural persons and commercial enterprises asked.
REQUESTS = {
    "natural_person": {
        "new_received": 5,
        "carried_over": 1,
        "granted": 3,
        "partially_granted": 1,
        "unavailable.not_held": 1,
        "total_processed": 5,
        "carried_forward": 1,
    },
    "commercial": {"new_received": 2, "granted": 2, "total_processed": 2},
}
APPEALS = {
    "review": {"upheld": 1, "other": 1, "total": 2},
    "litigation_direct": {"upheld": 1, "total": 1},
}
DISCLOSURE = {
    "2021": {
        ("regulations", "issued"): 1,
        ("regulations", "repealed"): 0,
        ("regulations", "in_force"): 5,
        ("normative_documents", "issued"): 3,
        ("normative_documents", "repealed"): 1,
        ("normative_documents", "in_force"): 20,
        ("fees", "amount"): 1.5,
    },
    "2019": {("penalty", "items_change"): -2, ("procurement", "amount"): 1000.5},
}
NARRATIVE = (
    "2022年共收到政府信息公开申请8件（含上年结转1件），办结7件，办结率87.5%。"
    "1件结转下年度继续办理。其中予以公开5件，予以公开及部分公开6件。"
    "本年度行政复议2件，行政诉讼1件。"
)


def report(
    report_id: str = "county_2022",
    template: str = "2021",
    year: int = 2022,
    body: str = "测试县人民政府",
    narrative: str = NARRATIVE,
) -> govinfo.Report:
    """A report of ``template`` whose tables and narrative satisfy every rule."""
    made = govinfo.Report(report_id=report_id, template=template, body=body, year=year)
    applicants = codes.applicants().leaves(template)
    for row in codes.rows().leaves(template):
        values = [REQUESTS.get(a, {}).get(row, 0) for a in applicants[:-1]]
        for applicant, value in zip(applicants, [*values, sum(values)], strict=True):
            set_cell(made, "requests", row, applicant, value)
    for proceeding in codes.proceedings().leaves(template):
        for outcome in codes.outcomes().leaves(template):
            set_cell(
                made, "appeals", proceeding, outcome, APPEALS.get(proceeding, {}).get(outcome, 0)
            )
    for cell in codes.table2_layout(template):
        set_cell(
            made,
            "disclosure",
            cell.item,
            cell.measure,
            DISCLOSURE[template].get((cell.item, cell.measure), 10),
        )
    made.sections[1] = govinfo.Section("一、总体情况", narrative)
    return made


def set_cell(report: govinfo.Report, table: str, first: str, second: str, value) -> None:
    """Set one cell (None makes it blank)."""
    raw = "" if value is None else str(value)
    getattr(report, table)[(first, second)] = govinfo.Cell(value, raw)


def blank(report: govinfo.Report, table: str, cells: list[tuple[str, str]]) -> None:
    """Blank the given cells."""
    for first, second in cells:
        set_cell(report, table, first, second, None)


def write(reports: list[govinfo.Report], folder: Path) -> Path:
    """Write the reports as a package; return its folder."""
    govinfo.write_package(reports, folder, name="constructed")
    return folder
