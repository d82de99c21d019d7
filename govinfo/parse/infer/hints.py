"""Values a report's narrative states for table cells, used to settle glued splits.

The patterns live in ``govinfo/schema/readers/hints.csv``. A hint only chooses among
splits the digits allow; a narrative that disagrees with every split is
ignored here (reconciliation reports such disagreements).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ...standard import reader_table
from ..text.normalize import halfwidth
from .identities import Key, Number


@cache
def _patterns() -> list[tuple[str, Key, re.Pattern[str]]]:
    return [
        (row["table"], (row["row"], row["col"]), re.compile(row["pattern"]))
        for row in reader_table("hints")
    ]


ANY = "*"


def stated_values(text: str, table: str) -> dict[Key, set[Number]]:
    """Cell values of ``table`` the narrative of ``text`` states, by cell.

    A key ``(row, "*")`` says that some cell of the row holds one of the values
    (a narrative that counts what it published loosely: 规范性文件类信息6条).
    """
    plain = re.sub(r"\s+", "", halfwidth(text))
    out: dict[Key, set[Number]] = {}
    for hint_table, key, pattern in _patterns():
        if hint_table == table:
            for match in pattern.finditer(plain):
                out.setdefault(key, set()).add(int(match.group(1)))
    return out


def agreement(values: Mapping[Key, Number | None], hints: dict[Key, set[Number]]) -> int:
    """How many of the narrative's statements ``values`` agree with."""
    count = 0
    for (row, column), stated in hints.items():
        if column == ANY:
            count += any(v in stated for (r, _), v in values.items() if r == row)
        else:
            count += values.get((row, column)) in stated
    return count
