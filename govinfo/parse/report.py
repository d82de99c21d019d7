"""Reading a report from text: pipe text, Markdown, and crawler text with glued cells."""

from __future__ import annotations

from ..errors import ParseError
from ..model import Cell, Report, Section
from ..standard import CELL_TABLES, codes
from ..standard.rules import dimension_list
from .infer.hints import stated_values
from .infer.identities import report_bounds, report_identities
from .infer.place import fill_gaps
from .infer.split import Resolution, resolve
from .shape import loss, missing_cells, unread_cells
from .text import metadata
from .text.normalize import clean_text
from .text.regions import TABLE_SECTIONS, located
from .text.sections import Heading, find_headings
from .text.tables import TableRead, read_appeals, read_disclosure, read_requests
from .text.tokens import tokenize

MIN_SECTIONS = 2
MIN_READ = 0.25  # without numbered sections, a text is a report when it gives this much of a table
READERS = {"disclosure": read_disclosure, "requests": read_requests, "appeals": read_appeals}


def read_text(text: str, *, report_id: str, name: str) -> Report:
    """A :class:`Report` from the text of a report; ParseError when it is not one.

    Once the template is known every cell it prints is accounted for (read,
    printed blank, or ``unread``), and what the reader noticed goes into the
    report's diagnostics.
    """
    headings = find_headings(text)
    regions = _regions(text, headings)
    reads = {}
    for number, table in TABLE_SECTIONS.items():
        reads[table] = READERS[table](tokenize(regions.get(number, "")))
        if not reads[table].found:  # a report numbering its sections otherwise
            reads[table] = READERS[table](tokenize(located(text, headings, table)))
    template = _template(reads)
    title = metadata.find_title(text)
    if template == "other" and len(headings) < MIN_SECTIONS:
        raise ParseError(name, _not_a_report(title, headings))
    report = Report(report_id=report_id, template=template)
    _fill_metadata(report, text, title, headings)
    report.sections = _sections(text, headings, regions)
    if report.template == "other":
        report.note(
            "template_other",
            "no table of the 2019 or 2021 template found; the report predates the standard "
            "tables or does not follow them, so only metadata and sections were read",
        )
        return report
    last_section = max(regions, default=0)
    for number, table in TABLE_SECTIONS.items():
        read = reads[table]
        report.diagnostics.extend(read.diagnostics)
        cells = dict(read.cells)
        if read.gaps:
            cells.update(fill_gaps(read.gaps, stated_values(text, table)))
        for resolution in _split(table, read, report.template, text):
            cells.update(resolution.cells)
            report.alternatives.extend(resolution.alternatives)
            report.diagnostics.extend(resolution.diagnostics)
        missing = missing_cells(table, report.template, cells)
        if missing:
            cells.update(unread_cells(missing))
            report.diagnostics += loss(table, missing, read.found, number >= last_section)
        setattr(report, table, _in_template_order(table, cells))
    report.disclosure = _with_units(report.disclosure, report.template)
    if len(headings) < MIN_SECTIONS and _read_share(report) < MIN_READ:
        raise ParseError(name, _not_a_report(title, headings, _read_share(report)))
    return report


def _read_share(report: Report) -> float:
    """The share of the template's cells the text gave (read or printed blank)."""
    cells = [
        c for table in (report.requests, report.appeals, report.disclosure) for c in table.values()
    ]
    return sum(c.flag != "unread" for c in cells) / max(1, len(cells))


def _not_a_report(title: str | None, headings: list[Heading], share: float = 0.0) -> str:
    """Why a text is refused: what a report has and this text lacks."""
    found = f"a title ({title}) but " if title else "no report title, "
    sections = f"{len(headings)} numbered section" if headings else "no numbered sections"
    tables = (
        f"only {share:.0%} of a template table's cells"
        if share
        else "no table of the 2019 or 2021 template"
    )
    return (
        f"not a report: {found}{sections} (一、总体情况 …) and {tables} "
        "(a listing page, a README or another document?)"
    )


def _split(table: str, read: TableRead, template: str, text: str) -> list[Resolution]:
    """Resolve the glued rows of one table (table 2 row by row: its rows share no identity)."""
    if not read.pending:
        return []
    if table == "disclosure":
        hints = stated_values(text, table)
        bounds = report_bounds(table, template)

        def kind(key: tuple[str, str]) -> str:
            layout = codes.table2_cell(template, *key)
            return layout.kind if layout else "count"

        return [
            resolve([p], read.cells, [b for b in bounds if b.keys & set(p.keys)], kind, hints)
            for p in read.pending
        ]
    keys = list(read.cells) + [k for p in read.pending for k in p.keys]
    identities = report_identities(table, template, keys)
    return [resolve(read.pending, read.cells, identities, lambda key: "count")]


def _in_template_order(table: str, cells: dict) -> dict:
    first, second = (dimension_list(table, column) for column in CELL_TABLES[table])
    return dict(
        sorted(cells.items(), key=lambda kv: (first[kv[0][0]].order, second[kv[0][1]].order))
    )


def _regions(text: str, headings: list[Heading]) -> dict[int, str]:
    out = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        out[heading.number] = text[heading.end : end]
    return out


def _template(reads: dict[str, TableRead]) -> str:
    evidence = reads["disclosure"].templates | reads["requests"].templates
    if "2021" in evidence:
        return "2021"
    if "2019" in evidence:
        return "2019"
    return "2019" if reads["requests"].cells else "other"


def _fill_metadata(report: Report, text: str, title: str | None, headings: list[Heading]) -> None:
    first = headings[0].start if headings else len(text)
    report.title = title
    report.body = metadata.find_body(text, title, first)
    report.year = metadata.find_year(text, title)
    report.index_number = metadata.find_index_number(text)
    report.published = metadata.find_published(text, report.year)
    report.scope = metadata.find_scope(text)
    report.level = metadata.find_level(report.body)


def _sections(text: str, headings: list[Heading], regions: dict[int, str]) -> dict[int, Section]:
    sections = {}
    for heading in headings:
        body = regions[heading.number]
        if heading.number in TABLE_SECTIONS:
            body = "\n".join(line for line in body.splitlines() if "。" in line and "|" not in line)
        elif heading is headings[-1]:
            body = _without_signature(body)
        sections[heading.number] = Section(clean_text(heading.text), clean_text(body))
    return sections


def _without_signature(text: str) -> str:
    """The last section without the signature, date and page chrome printed after it."""
    lines = text.rstrip().splitlines()
    while len(lines) > 1 and len(lines[-1].strip()) < 40 and "。" not in lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _with_units(cells: dict[tuple[str, str], Cell], template: str) -> dict[tuple[str, str], Cell]:
    out = {}
    for (item, measure), cell in cells.items():
        layout = codes.table2_cell(template, item, measure)
        if layout and layout.unit and not cell.unit:
            cell = Cell(cell.value, cell.raw, cell.flag, layout.unit)
        out[(item, measure)] = cell
    return out
