"""Every word on a figure: code labels from the code lists, report names, and the figure texts.

Code labels come from the code lists (``label_zh``/``label_en``), shortened only
by dropping the template's numbering (（一）, 1., I.) and trailing notes in
brackets. The few texts that are not codes (titles, axis labels, notes) are in
:data:`TEXTS`, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..standard import codes
from .style import LABEL_WRAP
from .wrapping import wrap

TEXTS = {
    "outcomes": ("政府信息公开申请的办理结果", "How requests were handled"),
    "flow": (
        "申请收支：上年结转＋本年新收＝办理总计＋结转下年",
        "Balance of requests: carried over + new = handled + carried forward",
    ),
    "applicants": ("申请人类型", "Who asked"),
    "appeals": ("行政复议和行政诉讼的结果", "Outcomes of administrative review and litigation"),
    "trend.requests": ("申请数量的变化", "Requests over the years"),
    "trend.disclosure_rate": ("公开率的变化", "Disclosure rate over the years"),
    "trend.appeals": ("行政复议和行政诉讼数量的变化", "Review and litigation over the years"),
    "compare": ("各机关比较（每百件办理申请）", "Bodies compared, per 100 requests handled"),
    "findings": ("勾稽关系检查结果", "Reconciliation findings"),
    "requests": ("申请（件）", "Requests"),
    "cases": ("案件（件）", "Cases"),
    "share": ("占比", "Share"),
    "share_handled": ("占办理总计的比例", "Share of requests handled"),
    "per_100": ("每百件办理申请", "Per 100 requests handled"),
    "not_reported": ("未填报", "n.r."),
    "note.not_reported": (
        "未填报＝报告中该栏为空或为“/”“—”，不等于0",
        "n.r. = not reported (left blank, / or — in the report), not zero",
    ),
    "note.grouped": (
        "各类合计仅在其各项均已填报时给出",
        "a group is summed only when all of its cells are reported",
    ),
    "note.latest": ("每个机关取最近一年的报告", "latest report of each body"),
    "difference": ("差额", "difference"),
    "parts_sum": ("各项之和", "parts add up to"),
    "flow.in": ("来源", "In"),
    "flow.out": ("去向", "Out"),
    "source": ("来源：", "Source: "),
    "report_title": ("政府信息公开工作年度报告", "government information disclosure annual report"),
    "reports_title": (
        "政府信息公开工作年度报告",
        "government information disclosure annual reports",
    ),
    "bodies": ("{n}个机关", "{n} bodies"),
    "year_suffix": ("年", ""),
    "status.pass": ("通过", "pass"),
    "status.fail": ("不符", "fail"),
    "status.not_assessable": ("无法判断", "not assessable"),
}

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([0-9]+\)|[0-9]+\.|[IVX]+\.)\s*"
)
_NOTE = re.compile(r"\s*（[^（）]*）$")


def text(key: str, lang: str) -> str:
    """A figure text in ``lang``."""
    zh, en = TEXTS[key]
    return en if codes.check_lang(lang) == "en" else zh


def code_label(codelist: codes.CodeList, code: str, lang: str) -> str:
    """The label of ``code`` without the template's numbering or a trailing note."""
    label = _NUMBERING.sub("", codelist.label(code, lang))
    return _NOTE.sub("", label) or label


def body_name(record: pd.Series, lang: str) -> str:
    """The publishing body's name in ``lang``; in English the report id stands in for a
    body without an English name, so no Chinese reaches a figure drawn without a CJK font."""
    if lang == "zh" and isinstance(record.get("body"), str):
        return record["body"]
    if isinstance(record.get("body_en"), str):
        return record["body_en"]
    return re.sub(r"_\d{4}$", "", str(record.name))


def report_labels(reports: pd.DataFrame, lang: str) -> dict[str, str]:
    """A short label per report: its year when one body is shown, else body and year."""
    one_body = reports["body"].nunique(dropna=False) == 1
    labels = {}
    for report_id, record in reports.iterrows():
        year = "" if pd.isna(record["year"]) else str(int(record["year"]))
        if one_body and year:
            labels[report_id] = year
        else:
            labels[report_id] = wrap(f"{body_name(record, lang)} {year}".strip(), LABEL_WRAP)
    if len(set(labels.values())) < len(labels):
        return {report_id: str(report_id) for report_id in reports.index}
    return labels


def source(reports: pd.DataFrame, lang: str, notes: Sequence[str] = ()) -> list[str]:
    """The source line (body, years and kind of document), then one line per note."""
    years = sorted(int(y) for y in reports["year"].dropna())
    span = "" if not years else str(years[0])
    if years and years[-1] != years[0]:
        span = f"{years[0]}–{years[-1]}"
    bodies = reports["body"].nunique(dropna=False)
    who = body_name(reports.iloc[0], lang) if bodies == 1 else text("bodies", lang).format(n=bodies)
    kind = text("reports_title" if len(reports) > 1 else "report_title", lang)
    if lang == "zh":
        span = f" {span}{text('year_suffix', lang)}" if span else ""
        line = f"{text('source', lang)}{who}{span}{kind}"
    else:
        line = f"{text('source', lang)}{who}, {kind} {span}".rstrip()
    return [line, *notes]
