"""Reports printed as documents for the tests: the template's tables with merged and blank cells.

From the expected values of a report, :func:`report_tables` lays out tables 2,
3 and 4 the way the national template prints them (row-group labels merged
down, headers merged across, blank cells left empty); :func:`report_docx` and
:func:`report_html` write them as a Word file and as a Word-pasted web page.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from govinfo import codes

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
TOP_ROWS = ("new_received", "carried_over", "carried_forward")


@dataclass(frozen=True)
class Placed:
    """A printed cell: its first row and column, text, and how many rows and columns it covers."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1


def title(expected: dict) -> str:
    return f"{expected['body']}{expected['year']}年政府信息公开工作年度报告"


def printed(value: object) -> str:
    """A value as a report prints it: blank for None."""
    return "" if value is None else str(value)


def report_tables(expected: dict) -> dict[int, list[Placed]]:
    """Tables 2, 3 and 4 of a report (by section number) as printed cells; none before 2019."""
    if expected["template"] not in ("2019", "2021"):
        return {}
    return {2: _disclosure(expected), 3: _requests(expected), 4: _appeals(expected)}


def _disclosure(expected: dict) -> list[Placed]:
    template, items = expected["template"], codes.items()
    layout = codes.table2_layout(template)
    width = 1 + max(sum(1 for c in layout if c.item == cell.item) for cell in layout)
    cells, r = [], 0
    for article in (c.code for c in items if c.parent is None and template in c.templates):
        members = list(dict.fromkeys(c.item for c in layout if items[c.item].parent == article))
        measures = [c for c in layout if c.item == members[0]]
        cells.append(Placed(r, 0, items.label(article), cols=width))
        cells.append(Placed(r + 1, 0, "信息内容"))
        cells += _spread(r + 1, [m.label_zh for m in measures], width)
        r += 2
        for item in members:
            values = expected["disclosure"].get(item, {})
            texts = [printed(values.get(m.measure)) for m in measures]
            cells += [Placed(r, 0, items.label(item)), *_spread(r, texts, width)]
            r += 1
    return cells


def _spread(row: int, texts: list[str], width: int) -> list[Placed]:
    """Cells from column 1 on, the last one merged to the table's right edge."""
    out = [Placed(row, 1 + j, text) for j, text in enumerate(texts)]
    last = out[-1]
    out[-1] = Placed(row, last.col, last.text, cols=width - last.col)
    return out


def _requests(expected: dict) -> list[Placed]:
    applicants, rows = codes.applicants(), codes.rows()
    columns = applicants.leaves("2021")
    cells = [
        Placed(0, 0, NOTE, rows=3, cols=3),
        Placed(0, 3, "申请人情况", cols=7),
        Placed(1, 3, "自然人", rows=2),
        Placed(1, 4, "法人或其他组织", cols=5),
        Placed(1, 9, "总计", rows=2),
    ]
    cells += [Placed(2, 4 + j, applicants.label(c)) for j, c in enumerate(columns[1:6])]
    present = [c.code for c in rows if c.code in expected["requests"]]
    outcomes = [code for code in present if code not in TOP_ROWS]
    r = 3
    for code in present:
        if code in TOP_ROWS:
            cells.append(Placed(r, 0, rows.label(code), cols=3))
        else:
            if code == outcomes[0]:
                cells.append(Placed(r, 0, "三、本年度办理结果", rows=len(outcomes)))
            parent = rows[code].parent
            if parent is None:
                cells.append(Placed(r, 1, rows.label(code), cols=2))
            else:
                siblings = [c for c in outcomes if rows[c].parent == parent]
                if code == siblings[0]:
                    cells.append(Placed(r, 1, rows.label(parent), rows=len(siblings)))
                cells.append(Placed(r, 2, rows.label(code)))
        values = expected["requests"][code]
        cells += [Placed(r, 3 + j, printed(values.get(c))) for j, c in enumerate(columns)]
        r += 1
    return cells


def _appeals(expected: dict) -> list[Placed]:
    proceedings, outcomes = codes.proceedings(), codes.outcomes()
    labels = [outcomes.label(c) for c in outcomes.leaves("2021")]
    cells = [Placed(0, 0, proceedings.label("review"), cols=5)]
    cells.append(Placed(0, 5, proceedings.label("litigation"), cols=10))
    cells += [Placed(1, j, label, rows=2) for j, label in enumerate(labels)]
    cells.append(Placed(1, 5, proceedings.label("litigation_direct"), cols=5))
    cells.append(Placed(1, 10, proceedings.label("litigation_after_review"), cols=5))
    cells += [Placed(2, 5 + j, label) for j, label in enumerate(labels + labels)]
    values = [
        expected["appeals"].get(p, {}).get(o)
        for p in proceedings.leaves("2021")
        for o in outcomes.leaves("2021")
    ]
    cells += [Placed(3, j, printed(v)) for j, v in enumerate(values)]
    return cells


def report_docx(expected: dict, *, tables: dict[int, list[Placed]] | None = None) -> bytes:
    """The report as a .docx file: headings and paragraphs, tables with merged cells."""
    import docx

    document = docx.Document()
    document.add_paragraph(title(expected))
    tables = report_tables(expected) if tables is None else tables
    for number, heading in HEADINGS.items():
        document.add_paragraph(heading)
        if number in tables:
            _docx_table(document, tables[number])
        else:
            document.add_paragraph(_narrative(expected, number))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document, cells: list[Placed]) -> None:
    height = max(c.row + c.rows for c in cells)
    width = max(c.col + c.cols for c in cells)
    table = document.add_table(rows=height, cols=width)
    grid = [list(row.cells) for row in table.rows]  # once: table.cell() re-reads the whole table
    for cell in cells:
        target = grid[cell.row][cell.col]
        if cell.rows > 1 or cell.cols > 1:
            target = target.merge(grid[cell.row + cell.rows - 1][cell.col + cell.cols - 1])
        target.text = cell.text


def _narrative(expected: dict, number: int) -> str:
    if number == 1:
        year = expected["year"]
        return f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。"
    return "无。"


def report_html(expected: dict) -> str:
    """The report as a saved web page with Word-pasted markup around and inside its tables.

    Navigation, scripts and styles around the content element; labels split
    over spans, ``<o:p>&nbsp;</o:p>`` fillers, ``&nbsp;`` for blank cells, a
    line break inside a label, and the whole report inside a layout table.
    """
    tables = report_tables(expected)
    body = [f"<p><span>{html.escape(title(expected))}</span></p>"]
    for number, heading in HEADINGS.items():
        body.append(f'<p class="MsoNormal"><b><span>{heading}</span></b><o:p></o:p></p>')
        if number in tables:
            body.append(_html_table(tables[number]))
        else:
            body.append(f"<p>{_narrative(expected, number)}<o:p>&nbsp;</o:p></p>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<meta name='ArticleTitle' content='{html.escape(title(expected))}'>"
        "<meta name='PubDate' content='2023-01-18 10:00'>"
        "<title>政府信息公开年报_门户网站</title><style>p{margin:0}</style>"
        "<script>var nav = '一、总体情况 二、主动公开政府信息情况';</script></head><body>"
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='#'>政府信息公开年报</a></div>"
        "<nav><ul><li>一、总体情况</li><li>二、主动公开政府信息情况</li></ul></nav>"
        "<table class='layout'><tr><td><div class='TRS_Editor'>"
        + "".join(body)
        + "</div></td></tr></table><div class='footer'>主办：某某人民政府办公室</div>"
        "</body></html>"
    )


def _html_table(cells: list[Placed]) -> str:
    rows: dict[int, list[Placed]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    out = ["<table class='MsoNormalTable' border=1><tbody>"]
    for r in sorted(rows):
        out.append("<tr style='height:20pt'>")
        for cell in sorted(rows[r], key=lambda c: c.col):
            spans = (f" rowspan={cell.rows}" if cell.rows > 1 else "") + (
                f" colspan='{cell.cols}'" if cell.cols > 1 else ""
            )
            out.append(f"<td{spans} valign=center><p class=MsoNormal>{_word(cell.text)}</p></td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _word(text: str) -> str:
    """A cell's text as Word pastes it: split over spans, blank as ``&nbsp;``, 商业<br>企业."""
    if not text:
        return "<span lang=EN-US>&nbsp;<o:p></o:p></span>"
    if text == "商业企业":
        return "<span>商业</span><br><span>企业</span>"
    middle = len(text) // 2
    first, second = html.escape(text[:middle]), html.escape(text[middle:])
    return (
        f"<span style='font-family:仿宋_GB2312'>{first}</span>"
        f"<span style='font-size:12pt'><font>{second}</font></span><o:p></o:p>"
    )


# Column widths in points of each table's grid, for PDFs drawn without ruling lines.
UNRULED_WIDTHS = {2: [175] + [110] * 3, 3: [25, 55, 155] + [40] * 7, 4: [34] * 15}
FONT, SIZE, LEADING = "STSong-Light", 8, 11


def report_unruled_pdf(expected: dict) -> bytes:
    """The report as a PDF whose tables are drawn as text only: no ruling lines, no boxes.

    Each cell's text is wrapped to its column and centred in the rectangle its
    spans cover, as a word processor prints a borderless table; a table runs
    on to the next page where the page ends.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842))
    y = 800.0

    def line(text: str, size: float = 10) -> None:
        nonlocal y
        if y < 60:
            pdf.showPage()
            y = 800.0
        pdf.setFont(FONT, size)
        pdf.drawString(40, y, text)
        y -= size * 1.6

    line(title(expected), 14)
    tables = report_tables(expected)
    for number, heading in HEADINGS.items():
        line(heading, 12)
        if number in tables:
            y = _unruled_table(pdf, tables[number], UNRULED_WIDTHS[number], y)
        else:
            line(_narrative(expected, number))
    pdf.save()
    return out.getvalue()


def _unruled_table(pdf, cells: list[Placed], widths: list[float], y: float) -> float:
    """Draw one table from ``y`` down; returns where the text after it starts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lefts = [40 + sum(widths[:i]) for i in range(len(widths) + 1)]

    def wrapped(cell: Placed) -> list[str]:
        width = lefts[cell.col + cell.cols] - lefts[cell.col] - 4
        lines, current = [], ""
        for char in cell.text:
            if current and stringWidth(current + char, FONT, SIZE) > width:
                lines.append(current)
                current = ""
            current += char
        return [*lines, current] if current else lines

    texts = {id(cell): wrapped(cell) for cell in cells}
    height = max(c.row + c.rows for c in cells)
    rows = [LEADING + 8.0] * height
    for cell in cells:
        if cell.rows == 1:
            rows[cell.row] = max(rows[cell.row], len(texts[id(cell)]) * LEADING + 8)
    tops, pages, top, page = [], [], y, 0
    for r in range(height):
        if top - rows[r] < 50:  # the table runs on to the next page
            top, page = 800.0, page + 1
        tops.append(top)
        pages.append(page)
        top -= rows[r]
    for page in range(pages[-1] + 1):
        if page:
            pdf.showPage()
        pdf.setFont(FONT, SIZE)
        for cell in cells:
            if pages[cell.row] != page:  # drawn on the page of its first row, over its rows there
                continue
            here = [r for r in range(cell.row, cell.row + cell.rows) if pages[r] == page]
            upper, lower = tops[here[0]], tops[here[-1]] - rows[here[-1]]
            lines = texts[id(cell)]
            middle = (upper + lower) / 2 + len(lines) * LEADING / 2 - SIZE
            centre = (lefts[cell.col] + lefts[cell.col + cell.cols]) / 2
            for i, text in enumerate(lines):
                pdf.drawCentredString(centre, middle - i * LEADING, text)
    return top - 16
