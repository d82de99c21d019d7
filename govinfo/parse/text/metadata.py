"""Report metadata from its text: title, body, year, index number, date, scope, level."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ...standard import reader_table
from .normalize import halfwidth

_TITLE_END = re.compile(r"政府信息公开(?:工作)?(?:年度?)?报告(?!格式)")
_TITLE_STOP = frozenset(" \t。，,：:；;|#《》〈〉<>")
_OPENING = re.compile(
    r"(?:19|20)\d\d\s*年(?:度|以来)?\s*[，,]\s*([\u4e00-\u9fff]{2,20}?)"
    r"(?:坚持|以|深入|认真|按照|在|紧紧|始终|全面|持续|进一步|围绕)"
)
_BODY_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|综合实验区|管理委员会|管委会|委员会|"
    r"办公厅|办公室|局|厅|署|院|中心)"
)
_BODY_LINE = re.compile(rf"^\s*#*\s*([\u4e00-\u9fff（）()]{{2,30}}?{_BODY_SUFFIX})\s*$", re.M)
_CHROME = re.compile(r".*(?:年报|正文|当前位置|首页)")
_YEAR_IN_TITLE = re.compile(r"(20\d\d|19\d\d)\s*年")
_PERIOD = re.compile(r"统计(?:时限|期限|时间)?[^。]{0,12}?(20\d\d)\s*年\s*1\s*月\s*1\s*日")
_INDEX = re.compile(r"索\s*引\s*号\s*[:：]?\s*\|?\s*([0-9A-Za-z][0-9A-Za-z/\-－_.]{5,})")
_DATE_CN = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(?:时间|日期)\s*[:：]\s*\|?\s*(20\d\d)-(\d{1,2})-(\d{1,2})")
_AGGREGATE = re.compile(
    r"汇总[^。]{0,60}?编制|全(?:区|市|县|省|州|盟|旗)[^。，]{0,8}?(?:主动公开|受理|收到)"
)


@cache
def _corrections() -> list[tuple[str, str]]:
    return [(r["printed"], r["correct"]) for r in reader_table("corrections")]


def correct(text: str) -> str:
    """``text`` with known misprints of names fixed (``govinfo/schema/readers/corrections.csv``)."""
    for printed, right in _corrections():
        text = text.replace(printed, right)
    return text


def find_title(text: str) -> str | None:
    """The report's title (… 政府信息公开工作年度报告), from one line or from lines joined."""
    head = halfwidth(text)[:3000]
    lines = [re.sub(r"\s+", "", line) for line in head.splitlines()]
    joined = "".join(lines)
    if "报告" not in joined:
        return None
    above = {line: lines[i - 1] for i, line in enumerate(lines) if i and "报告" in line}
    for candidate in [*(line for line in lines if "报告" in line), joined]:
        for match in _TITLE_END.finditer(candidate):
            start = match.start()
            while (
                start > 0 and match.start() - start < 40 and candidate[start - 1] not in _TITLE_STOP
            ):
                start -= 1
            title = _CHROME.sub("", candidate[start : match.end()])
            if re.search(r"关于|印发|通知|条例", title):
                continue
            body = _BODY_LINE.match(above.get(candidate, ""))
            if body and re.match(r"\d{4}年", title):
                title = body.group(1) + title
            return correct(title) or None
    return None


def find_body(text: str, title: str | None, headings_start: int) -> str | None:
    """The publishing body: a line naming it near the top, the name in the title, or the
    subject of the overview's first sentence (``2022年，平潭综合实验区坚持…``)."""
    top = halfwidth(text)[: max(headings_start, 0) or 600]
    lines = [m.group(1) for m in _BODY_LINE.finditer(top)]
    if lines:
        return correct(lines[0].replace(" ", ""))
    if title:
        name = _YEAR_IN_TITLE.split(title)[0]
        name = re.sub(r"(?:20\d\d|19\d\d)\s*年度?", "", name).strip()
        if not name:
            after = _YEAR_IN_TITLE.split(title)[-1]
            name = re.sub(r"^度?|政府信息公开.*$", "", after)
        return correct(name) or None
    opening = _OPENING.search(halfwidth(text))
    if opening and not re.match(r"[我本]", opening.group(1)):
        return correct(opening.group(1))
    return None


def find_year(text: str, title: str | None) -> int | None:
    """The year reported on: from the title, else the statistics period, else the text."""
    for source, pattern in ((title or "", _YEAR_IN_TITLE), (halfwidth(text), _PERIOD)):
        match = pattern.search(source)
        if match:
            return int(match.group(1))
    match = _YEAR_IN_TITLE.search(halfwidth(text)[:2000])
    return int(match.group(1)) if match else None


def find_index_number(text: str) -> str | None:
    """The 索引号 printed with the page, if any."""
    match = _INDEX.search(halfwidth(text)[:2000])
    return match.group(1) if match else None


def find_published(text: str, year: int | None) -> dt.date | None:
    """The date the report was signed (under the signature), else the page's date.

    Only a date after the reported year counts: dates inside it are the
    statistics period (自2022年1月1日…), not publication.
    """
    plain = halfwidth(text)
    candidates = [
        *_DATE_CN.finditer(plain[-200:]),
        *_DATE_ISO.finditer(plain[:3000]),
        *_DATE_CN.finditer(plain[:400]),
    ]
    for match in candidates:
        try:
            date = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
        if year is None or year < date.year <= year + 1:
            return date
    return None


def find_scope(text: str) -> str:
    """``aggregate`` when the report says it was compiled from subordinate bodies, else ``own``."""
    return "aggregate" if _AGGREGATE.search(halfwidth(text)) else "own"


def find_level(body: str | None) -> str | None:
    """The administrative level implied by the body's name, when it is unambiguous."""
    if not body:
        return None
    for pattern, level in (
        (r"(?:北京|天津|上海|重庆)市人民政府$", "province"),
        (r"(?:省|自治区)人民政府$", "province"),
        (r"(?:县|区|旗)人民政府$", "county"),
        (r"市人民政府$", "city"),
        (r"(?:乡|镇)人民政府$|街道办事处$", "township"),
        (r"(?:局|厅|委员会|办公厅|办公室|署|院|中心)$", "department"),
    ):
        if re.search(pattern, body):
            return level
    return None
