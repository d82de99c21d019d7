"""Reading a report from an HTML page: the report's element, its narrative and its tables.

The page is parsed with lxml's HTML parser (libxml2): it recovers from broken
markup the way browsers do and is several times faster than the standard
library's ``html.parser`` on Word-pasted pages. It is configured not to touch
the network, and HTML parsing knows no DTDs or external entities; pages over
:data:`MAX_CHARS` are refused before parsing.

The report is the element holding its section headings (一、总体情况 …),
not the navigation around it. Its block elements become lines and its tables
pipe rows (``cells.py``): the text form ``parse.report.read_text`` reads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

import lxml.etree as etree

from ...errors import ParseError
from ..text.sections import find_headings
from .cells import Span, cell_text, expand, pipe_rows
from .images import mark_images

MAX_CHARS = 20_000_000

DROPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"}
    | {"nav", "button", "select", "textarea", "head", "title"}
)
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div"}
    | {"dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "td", "th", "tr", "ul"}
)
_CONTAINER_TAG = re.compile(
    r"</?(?:div|span|font|section|article|center|p|blockquote|ul|ol|li|dl|dd|dt|b|i|strong|em)"
    r"\b[^>]*>",
    re.I,
)
SWALLOWING = ("script", "style", "textarea", "iframe", "title", "xmp", "noembed", "noframes")
SWALLOWED_MIN = 2000  # characters: raw text this long that reads as a report was swallowed
CONTAINERS = frozenset({"article", "body", "center", "div", "html", "main", "section", "td", "th"})
_KNOWN_CLASS = re.compile(r"\bTRS_(?:Editor|UEDITOR)\b", re.I)
_KNOWN_ID = re.compile(r"(?:zoom|UCAP-CONTENT)$", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.I)
_HIDING_WORDS = ("display", "DISPLAY", "Display", "mso-hide")
_SPACES = re.compile(r"\s+")

Element = etree._Element


def html_to_text(html: str, name: str) -> str:
    """The text form of the report in an HTML page (a whole page or its content element)."""
    if len(html) > MAX_CHARS:
        raise ParseError(name, f"the page has {len(html)} characters; the limit is {MAX_CHARS}")
    root = _parse(html, name)
    head = _page_head(root)
    _prepare(root)
    container = _container(root)
    _write_tables(container, name)
    mark_images(container)
    lines = [line.strip() for line in _lines(container)]
    lines = [line for line in lines if line]
    return "\n".join([line for line in head if line not in lines[:5]] + lines) + "\n"


def _parse(html: str, name: str) -> Element:
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=True,  # no depth limit: a page nested thousands deep keeps its report
    )
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
        if _too_deep(parser):  # layout elements nested past the parser's limit: flatten them
            root = etree.fromstring(
                _CONTAINER_TAG.sub("<br>", html).encode("utf-8", "replace"), parser
            )
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(name, f"not a readable HTML page ({exc})") from None
    if root is None:
        raise ParseError(name, "not a readable HTML page (no elements)")
    if _too_deep(parser):
        raise ParseError(name, "the page nests its tables too deep to be read (over 2048 levels)")
    _release_swallowed(root, parser)
    return root


def _too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the last parse stopped at the parser's limit of nesting."""
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _release_swallowed(root: Element, parser: etree.HTMLParser) -> None:
    """Give back the page that an unclosed raw-text element swallowed.

    The content of ``<script>``, ``<style>``, ``<textarea>``, ``<iframe>`` or
    ``<title>`` is read as text up to its closing tag: one left open takes the
    rest of the page as its text. When that text holds markup of a report
    (tables, section headings), it is parsed and put back where it stood.
    """
    for element in list(root.iter(*SWALLOWING)):
        text = element.text or ""
        if len(text) < SWALLOWED_MIN or not _reads_as_report(text):
            continue
        body = etree.fromstring(f"<div>{text}</div>".encode("utf-8", "replace"), parser)
        element.text = ""
        for part in body.iter("body"):
            body = part
        parent = element.getparent()
        if parent is None:
            continue
        at = parent.index(element) + 1
        for offset, child in enumerate(list(body)):
            parent.insert(at + offset, child)


def _reads_as_report(text: str) -> bool:
    return "<table" in text.lower() or len(find_headings(text)) >= 2


def _page_head(root: Element) -> list[str]:
    """The page's title and date as government sites declare them (ArticleTitle, PubDate)."""
    meta = {
        (m.get("name") or "").lower(): _squeeze(m.get("content") or "") for m in root.iter("meta")
    }
    title = meta.get("articletitle") or _squeeze(root.findtext(".//title") or "")
    lines = [title] if title else []
    if re.match(r"\d{4}-\d{1,2}-\d{1,2}", meta.get("pubdate", "")):
        lines.append(f"发布日期：{meta['pubdate'][:10]}")
    return lines


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _hidden(style: str | None) -> bool:
    """Whether an inline style hides the element (substring test first: Word styles are long)."""
    if not style or not any(word in style for word in _HIDING_WORDS):
        return False
    return bool(_HIDDEN.search(style))


def _tag(element: Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _prepare(root: Element) -> None:
    """The tree as its text will read: hidden parts gone, whitespace collapsed, blocks on lines.

    Block elements get a ``\\n`` before and after them, ``<br>`` one after it;
    the text is then read with lxml's ``itertext`` (fast, and no recursion
    however deep the page).
    """
    for element in list(root.iter(*DROPPED)):
        _replace(element, "")
    for element in root.xpath("//*[@style]"):
        if _hidden(element.get("style")):
            _replace(element, "")
    for element in root.iter():
        if element.text:
            element.text = _SPACES.sub(" ", element.text)
        if element.tail:
            element.tail = _SPACES.sub(" ", element.tail)
    for element in root.iter(*BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")


def _lines(element: Element) -> list[str]:
    """The text of ``element``, one line per block (lines may be empty or padded)."""
    return "".join(element.itertext()).split("\n")


def _replace(element: Element, text: str) -> None:
    """Put ``text`` where ``element`` is, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    following = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + following
    else:
        parent.text = (parent.text or "") + following
    parent.remove(element)


def _write_tables(container: Element, name: str) -> None:
    """Each data table replaced by its pipe rows; layout tables (nested tables, one column) stay.

    A layout table's cells are blocks, so their text reads as lines.
    """
    for number, table in enumerate(list(container.iter("table")), start=1):
        rows = [list(_cells(tr)) for tr in _rows(table)]
        if table.find(".//table") is not None or max(map(len, rows), default=0) < 2:
            continue
        spans = [[_span(cell) for cell in row] for row in rows]
        grid = expand(spans, name=name, table=f"HTML table {number}")
        _replace(table, "\n" + "\n".join(pipe_rows(grid)) + "\n")


def _span(cell: Element) -> Span:
    """One table cell: its lines (paragraphs, line breaks) joined, and its spans."""
    text = cell_text(_lines(cell))
    return Span(text, _number(cell.get("rowspan")), _number(cell.get("colspan")))


def _rows(table: Element) -> Iterator[Element]:
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if _tag(tr) == "tr")


def _cells(tr: Element) -> Iterator[Element]:
    return (cell for cell in tr if _tag(cell) in ("td", "th"))


def _number(value: str | None) -> int:
    """A rowspan/colspan attribute: its leading digits, 1 when absent, 0 or invalid."""
    match = re.match(r"\s*(\d{1,6})", value or "")
    return max(1, int(match.group(1))) if match else 1


def _container(root: Element) -> Element:
    """The element holding the report: the nearest common ancestor of its section headings.

    A known content container of government sites (TRS ``TRS_Editor`` …)
    around it is preferred, so that an introduction before 一、总体情况 is
    kept; with fewer than two headings the whole page is read.
    """
    texts = root.xpath("//text()")
    starts = list(accumulate((len(text) for text in texts), initial=0))
    owners = []
    for heading in find_headings("".join(texts)):
        text = texts[bisect_right(starts, heading.start) - 1]
        owner = text.getparent().getparent() if text.is_tail else text.getparent()
        if owner is not None:
            owners.append(owner)
    if len(owners) < 2:
        return root
    common = _lineage(owners[0])
    for owner in owners[1:]:
        lineage = _lineage(owner)
        size = 0
        while size < min(len(common), len(lineage)) and common[size] is lineage[size]:
            size += 1
        del common[size:]
    for element in common:
        if _KNOWN_CLASS.search(element.get("class") or "") or _KNOWN_ID.match(
            element.get("id") or ""
        ):
            return element
    return next((e for e in reversed(common) if _tag(e) in CONTAINERS), root)


def _lineage(element: Element) -> list[Element]:
    """The element and its ancestors, from the root down."""
    return [*reversed(list(element.iterancestors())), element]
