"""Where a table stands in a report's text when its section does not hold it: its own labels.

A report's tables are read from the sections the template puts them in (二 table 2,
三 table 3, 四 table 4). A report that numbers its sections otherwise (二、收到和处理…,
tables headed 表二/表三) or whose headings were lost has a table outside its
section: it is then found by its own first labels, taken from the code lists.
"""

from __future__ import annotations

import re
from functools import cache

from ...standard import codes
from .normalize import code_key
from .sections import Heading

TABLE_SECTIONS = {2: "disclosure", 3: "requests", 4: "appeals"}
HEADER_REACH = 400  # characters before table 3's first row where its header may start


@cache
def _loose(label: str) -> re.Pattern[str]:
    """A label's meaningful characters, with anything but words allowed between them."""
    return re.compile(r"[\W\d_]*?".join(map(re.escape, code_key(label))))


@cache
def _anchors() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Labels each table starts with: table 2's first article, table 3's header and first
    row, table 4's first proceeding."""
    return {
        "disclosure": (_loose(codes.items().label("article_20_1")),),
        "requests": (_loose(codes.rows().label("new_received")),),
        "appeals": (
            _loose(codes.proceedings().label("review")),
            _loose(codes.outcomes().label("upheld")),
        ),
    }


def located(text: str, headings: list[Heading], table: str) -> str:
    """The stretch of ``text`` from ``table``'s first labels to the next table's or the next
    heading: where a table its section does not hold stands (empty when none is found)."""
    start = _start(text, table)
    if start is None:
        return ""
    ends = [s for t in TABLE_SECTIONS.values() if (s := _start(text, t)) is not None and s > start]
    ends += [h.start for h in headings if h.start > start]
    return text[start : min(ends, default=len(text))]


def _header_start(text: str, row: int) -> int:
    """Where table 3's header starts: its first applicant column's label shortly before its
    first row, else the row itself."""
    column = _loose(codes.applicants().label("natural_person"))
    found = [m.start() for m in column.finditer(text, max(0, row - HEADER_REACH), row)]
    return found[0] if found else row


def _start(text: str, table: str) -> int | None:
    """Where ``table`` starts in ``text`` (table 3 with the header above its first row)."""
    first, *then = _anchors()[table]
    for match in first.finditer(text):
        if all(follow.search(text, match.end(), match.end() + 80) for follow in then):
            if table == "requests":
                header = text.rfind(
                    "申请人情况", max(0, match.start() - HEADER_REACH), match.start()
                )
                return header if header >= 0 else match.start()
            return match.start()
    return None
