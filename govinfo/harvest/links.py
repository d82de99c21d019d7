"""The links of a page as a harvester sees them: reports, further list pages, attachments.

Government report columns are built by a handful of CMSs (TRS, Hanweb and
others), and their links come in three forms: ``<a href>`` (resolved against
``<base href>``), JavaScript strings in ``onclick``/``href="javascript:…"``
(``window.open('…')``, ``location.href='…'``), and list items written by
scripts (``document.write``, Hanweb's ``<script type="text/xml">`` data
stores). All three are read here from the markup; no script is executed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import lxml.etree as etree

DOCUMENTS = frozenset({"pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd"})
IMAGES = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"})

_REPORT = re.compile(r"信息公开.*(?:年度报告|年报|年度工作报告)|年度.*信息公开.*报告")
_YEAR = re.compile(r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年")
_NOT_REPORT = re.compile(r"解读|图解|读懂|一图|图说|通知")
_NEXT = re.compile(r"^(?:下一?页|后一?页|下一頁|next(?:page)?|[>›»]+)[>›»]*$", re.I)
_NUMBERED = re.compile(r"^[\[【(（]?\d{1,4}[\]】)）]?$|^(?:尾页|末页|最后一页)$")
_PAGE_FILE = re.compile(r"^(?:index|default|list)_\d+\.s?html?$", re.I)
_JS_URL = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\(|window\.open\s*\()"""
    r"""\s*(['"])(.+?)\1"""
)
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^)]*)\)")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:head|header|foot|footer|nav|navigation|menu)(?:$|[\s_-])", re.I
)
_CONTENT = (
    "//*[contains(@class, 'TRS_Editor') or contains(@class, 'TRS_UEDITOR')"
    " or contains(@class, 'Custom_UnionStyle')]",
    "//*[@id='zoom' or @id='Zoom' or @id='UCAP-CONTENT' or @id='fontzoom']",
)
_LINK_TAGS = ("a", "area")
_EMBED_ATTRIBUTES = {"iframe": "src", "embed": "src", "object": "data"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """A link of a page: absolute URL, its text, the date beside it, and where it sits."""

    url: str
    text: str
    date: str = ""
    chrome: bool = False


def is_report_title(text: str) -> bool:
    """Whether a link's text names an annual report (…信息公开…年度报告/年报 with a year).

    Interpretations (解读, 图解, 一图读懂) and notices about reports (通知) are not reports.
    """
    plain = unicodedata.normalize("NFKC", _SPACES.sub("", text))
    return bool(_REPORT.search(plain) and _YEAR.search(plain) and not _NOT_REPORT.search(plain))


def extension(url: str) -> str:
    """The file extension a URL names, lower case, from its path or a query value.

    Download scripts name the file in a parameter (``downfile.jsp?filename=x.pdf``).
    """
    parts = urlsplit(url)
    suffix = PurePosixPath(parts.path).suffix.lower().lstrip(".")
    if suffix in DOCUMENTS | IMAGES:
        return suffix
    for _, value in parse_qsl(parts.query):
        tail = PurePosixPath(value).suffix.lower().lstrip(".")
        if tail in DOCUMENTS:
            return tail
    return suffix


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on the same site: scheme aside, the same host and port."""
    return urlsplit(url).netloc.lower() == urlsplit(other).netloc.lower()


class Page:
    """An HTML page parsed once, with the links a harvester follows from it."""

    def __init__(self, html: str, url: str) -> None:
        self.url = url
        self.root = _parse(html)
        base = self.root.find(".//base[@href]") if self.root is not None else None
        self.base = urljoin(url, base.get("href").strip()) if base is not None else url

    @cached_property
    def links(self) -> list[Link]:
        """Every link of the page, in document order, scripts' links included."""
        if self.root is None:
            return []
        return _links(self.root, self.base)

    @cached_property
    def scripts(self) -> str:
        """The text of the page's scripts, joined."""
        if self.root is None:
            return ""
        return "\n".join(s.text or "" for s in self.root.iter("script"))

    def reports(self) -> list[Link]:
        """Links whose text names an annual report, one per URL (the first)."""
        return _unique(link for link in self.links if is_report_title(link.text))

    def next_pages(self) -> list[str]:
        """The other pages of this list: 下一页 and numbered links, ``index_N`` files, TRS scripts.

        Only pages in the same directory of the same site count, so a
        numbered link elsewhere (a footnote, another column) is not followed.
        """
        candidates = [
            link.url
            for link in self.links
            if not is_report_title(link.text)
            and (
                _NEXT.match(_SPACES.sub("", link.text))
                or _NUMBERED.match(_SPACES.sub("", link.text))
                or _PAGE_FILE.match(PurePosixPath(urlsplit(link.url).path).name)
            )
        ]
        candidates += _trs_pages(self.scripts, self.base)
        here = {_directory(self.url), _directory(self.base)}
        return list(
            dict.fromkeys(
                url
                for url in candidates
                if same_site(url, self.url) and _directory(url) in here and url != self.url
            )
        )

    def attachments(self) -> list[Link]:
        """Files a report page links: documents outside the site's chrome, images in the report.

        The report is the page's content element (TRS ``TRS_Editor``, ``#zoom``
        …, else the element with the most paragraphs and tables); a logo or a
        QR code around it is not an attachment of the report.
        """
        documents = [
            link for link in self.links if not link.chrome and extension(link.url) in DOCUMENTS
        ]
        content = self.content()
        images = []
        if content is not None:
            for img in content.iter("img"):
                url = _absolute(self.base, img.get("src"))
                if url:
                    images.append(Link(url, _squeeze(img.get("alt") or img.get("title") or "")))
        return _unique(documents + images)

    def content(self) -> etree._Element | None:
        """The element holding the report's text."""
        if self.root is None:
            return None
        for query in _CONTENT:
            found = self.root.xpath(query)
            if found:
                return found[0]
        best, most = None, 0
        for element in self.root.iter():
            count = sum(1 for child in element if child.tag in ("p", "table"))
            if count > most:
                best, most = element, count
        return best if best is not None else self.root


def _parse(html: str) -> etree._Element | None:
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        return etree.fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        return None


def _links(root: etree._Element, base: str) -> list[Link]:
    out: list[Link] = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        urls = []
        href = (element.get("href") or "").strip() if tag in _LINK_TAGS else ""
        if href.lower().startswith("javascript:"):
            urls += [m.group(2) for m in _JS_URL.finditer(href)]
        elif href:
            urls.append(href)
        urls += [m.group(2) for m in _JS_URL.finditer(element.get("onclick") or "")]
        if tag in _EMBED_ATTRIBUTES and element.get(_EMBED_ATTRIBUTES[tag]):
            urls.append(element.get(_EMBED_ATTRIBUTES[tag]))
        if tag == "script" and element.text:
            out += _script_links(element.text, base)
        if not urls:
            continue
        text = _link_text(element)
        date, chrome = _date_beside(element, text), _in_chrome(element)
        for url in urls:
            absolute = _absolute(base, url)
            if absolute:
                out.append(Link(absolute, text, date, chrome))
    return out


def _script_links(script: str, base: str) -> list[Link]:
    """Links inside a script: markup it writes (``document.write``, data stores) and JS URLs."""
    out = [Link(url, "") for m in _JS_URL.finditer(script) if (url := _absolute(base, m.group(2)))]
    if "<a" not in script.lower():
        return out
    markup = script.replace("<![CDATA[", "").replace("]]>", "")
    markup = markup.replace("\\'", "'").replace('\\"', '"').replace("\\/", "/")
    fragment = _parse(f"<html><body>{markup}</body></html>")
    if fragment is not None:
        for element in fragment.iter("script"):
            element.getparent().remove(element)
        out += _links(fragment, base)
    return out


def _link_text(element: etree._Element) -> str:
    """The words a reader sees for a link; its ``title`` when that names the report in full.

    Lists cut long titles (``平潭综合实验区2024年政府信息公…``) and keep the
    whole one in ``title``.
    """
    text = _squeeze("".join(element.itertext()))
    title = _squeeze(element.get("title") or "")
    if title and (is_report_title(title) or not text):
        return title
    return text


def _date_beside(element: etree._Element, text: str) -> str:
    """The date printed next to a link in its list item (``<li><a/><span>2025-01-20</span>``).

    The item is the largest ancestor holding no other link, up to four levels up.
    """
    item = element
    for _ in range(4):
        parent = item.getparent()
        if parent is None or _link_count(parent) > 1:
            break
        item = parent
    words = _squeeze("".join(item.itertext())).replace(text, " ")
    for match in _DATE.finditer(words):
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            continue
    return ""


def _link_count(element: etree._Element) -> int:
    return sum(1 for e in element.iter() if e.get("href") or e.get("onclick"))


def _in_chrome(element: etree._Element) -> bool:
    """Whether the element is inside the site's header, footer or navigation."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("nav", "header", "footer"):
            return True
        marks = " ".join(ancestor.get(a) or "" for a in ("class", "id", "role"))
        if marks and _CHROME.search(marks):
            return True
    return False


def _trs_pages(scripts: str, url: str) -> list[str]:
    """The pages TRS lists announce in ``createPageHTML(count, current, "index", "htm")``.

    TRS writes page 0 as ``index.htm`` and page *i* as ``index_i.htm``; the
    count may be a literal or a ``var countPage = 7`` of the page's scripts,
    and newer templates put an element id first.
    """
    pages = []
    for call in _CREATE_PAGE.finditer(scripts):
        numbers, words = [], []
        for argument in (a.strip() for a in call.group(1).split(",")):
            quoted = re.fullmatch(r"""(['"])(.*)\1""", argument)
            if quoted:
                words.append(quoted.group(2))
            elif argument.isdigit():
                numbers.append(int(argument))
            elif argument.isidentifier() and (
                found := re.search(rf"\b{argument}\s*=\s*['\"]?(\d+)", scripts)
            ):
                numbers.append(int(found.group(1)))
        extensions = [i for i, w in enumerate(words) if w.lower() in ("htm", "html", "shtml")]
        if not numbers or not extensions or extensions[-1] == 0:
            continue
        name, ext = words[extensions[-1] - 1], words[extensions[-1]]
        pages += [urljoin(url, f"{name}_{i}.{ext}") for i in range(1, numbers[0])]
    return pages


def _absolute(base: str, url: str | None) -> str:
    """``url`` resolved against ``base``, without its fragment; "" unless it is http(s)."""
    url = (url or "").strip()
    if not url or url.startswith("#"):
        return ""
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("http", "https"):
        return ""
    return urlunsplit(parts._replace(fragment=""))


def _directory(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path.rsplit("/", 1)[0]


def _unique(links: Iterable[Link]) -> list[Link]:
    seen: dict[str, Link] = {}
    for link in links:
        seen.setdefault(link.url, link)
    return list(seen.values())


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
