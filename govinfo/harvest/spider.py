"""The Scrapy spider that walks report columns, and the settings that keep it polite.

A column's list pages are followed through their pagination (on the
column's site only), the links that name an annual report are fetched (on
the column's site, or anywhere when the link is the report's file itself, a
PDF or Word document), and each report page's attachments are fetched
wherever they are. Everything else on the pages is ignored.

Politeness is Scrapy's: robots.txt is obeyed (a disallowed URL is never
requested), one request at a time per host with at least ``delay`` seconds
between them (AutoThrottle raises the delay when the server slows down),
timeouts, a size cap per response, and two retries for server errors. The
HTTP cache stores every response under the harvest folder: robots.txt and
list pages are revalidated on every run (``If-None-Match``/
``If-Modified-Since`` where the server gave validators), reports and
attachments when their RFC 2616 freshness has run out, so a second run
downloads nothing that has not changed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from .._version import __version__
from .links import DOCUMENTS, Page, extension, same_site
from .store import Fetched, Missed, Store


class Policy(RFC2616Policy):
    """RFC 2616 caching, except that robots.txt and list pages are revalidated on every run.

    A list page is where new reports appear, and robots.txt may have changed
    (RFC 9309 asks crawlers not to trust a copy older than a day): both are
    asked for again, conditionally, each run.
    """

    def should_cache_request(self, request: scrapy.Request) -> bool:
        if request.meta.get("kind") == "list" or urlsplit(request.url).path == "/robots.txt":
            request.headers.setdefault("Cache-Control", "max-age=0")
        return super().should_cache_request(request)


def user_agent(contact: str) -> str:
    """The User-Agent: govinfo, its version and how the site's operators reach the harvester."""
    return f"govinfo/{__version__} (annual report harvester; +{contact})"


def settings(
    cache: Path,
    *,
    contact: str,
    delay: float,
    timeout: float,
    max_bytes: int,
    verbose: bool = False,
) -> dict[str, Any]:
    """Scrapy settings of a harvest: politeness, the HTTP cache, the pipeline, quiet logs.

    Requests are taken first in, first out, so the manifest lists reports in
    the order the column lists them.
    """
    return {
        "BOT_NAME": "govinfo",
        "USER_AGENT": user_agent(contact),
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "govinfo",
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_MAX_DELAY": max(60.0, delay),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": timeout,
        "DOWNLOAD_MAXSIZE": max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": 2,
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "HTTPCACHE_ENABLED": True,
        "HTTPCACHE_POLICY": "govinfo.harvest.spider.Policy",
        "HTTPCACHE_DIR": str(cache),
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "zh-CN,zh;q=0.9",
        },
        "ITEM_PIPELINES": {"govinfo.harvest.store.StorePipeline": 100},
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO" if verbose else "WARNING",
    }


class ColumnSpider(scrapy.Spider):
    """Report columns → their list pages → report pages → attachments."""

    name = "govinfo-harvest"

    def __init__(self, columns: list[str], store: Store, max_pages: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.columns = columns
        self.store = store
        self.max_pages = max_pages
        self.allowed_domains = sorted({urlsplit(url).hostname or "" for url in columns})
        self.listed: dict[str, set[str]] = {url: set() for url in columns}

    async def start(self) -> AsyncIterator[scrapy.Request | Missed]:
        for url in self.columns:
            for request in self._list_page(url, url):
                yield request

    def _list_page(self, url: str, column: str) -> Iterator[scrapy.Request | Missed]:
        """A request for a list page of ``column``, once; past ``max_pages`` pages, a note."""
        listed = self.listed[column]
        if url in listed:
            return
        if len(listed) == self.max_pages:
            listed.add(url)
            reason = f"not followed: {column} has more than {self.max_pages} list pages"
            yield Missed(url, "list", "max-pages", reason + " (--max-pages)")
            return
        if len(listed) > self.max_pages:
            return
        listed.add(url)
        yield scrapy.Request(
            url,
            callback=self.parse_list,
            errback=self.missed,
            meta={"column": column, "kind": "list"},
        )

    def parse_list(self, response: Response) -> Iterator[scrapy.Request | Missed]:
        """A list page: its report links, then its other pages."""
        if not isinstance(response, HtmlResponse):
            yield Missed(response.url, "list", "error", "the list page is not an HTML page")
            return
        column = response.meta["column"]
        page = Page(response.text, response.url)
        for link in page.reports():
            details = {"title": link.text, "listed_on": response.url, "published": link.date}
            on_site = same_site(link.url, response.url) or same_site(link.url, column)
            if not on_site and extension(link.url) not in DOCUMENTS:
                reason = "a report page on another site: not followed"
                yield Missed(link.url, "report", "offsite", reason, **details)
                continue
            yield scrapy.Request(
                link.url,
                callback=self.parse_report,
                errback=self.missed,
                meta={"kind": "report", "allow_offsite": not on_site, **details},
            )
        for url in page.next_pages():
            yield from self._list_page(url, column)

    def parse_report(self, response: Response) -> Iterator[scrapy.Request | Fetched]:
        """A report: the page (or file) itself, then what the page attaches.

        A report file fetched from another site is kept, never read for links.
        """
        yield self._fetched(response)
        if not isinstance(response, HtmlResponse) or response.meta["allow_offsite"]:
            return
        for link in Page(response.text, response.url).attachments():
            yield scrapy.Request(
                link.url,
                callback=self.parse_attachment,
                errback=self.missed,
                meta={
                    "kind": "attachment",
                    "allow_offsite": True,
                    "title": link.text,
                    "listed_on": response.url,
                    "published": response.meta["published"],
                },
            )

    def parse_attachment(self, response: Response) -> Iterator[Fetched]:
        yield self._fetched(response)

    def _fetched(self, response: Response) -> Fetched:
        meta = response.meta
        return Fetched(
            url=response.url,
            body=response.body,
            status=response.status,
            content_type=_header(response, "Content-Type"),
            disposition=_header(response, "Content-Disposition"),
            title=meta["title"],
            listed_on=meta["listed_on"],
            published=meta["published"],
            cached="cached" in response.flags,
        )

    def missed(self, failure: Failure) -> Iterator[Missed]:
        """A request that gave no file: why, in the manifest's words."""
        request = failure.request
        if failure.check(HttpError):
            status = str(failure.value.response.status)
            reason = f"HTTP {status}"
        elif failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            status, reason = "robots", "disallowed by robots.txt: not requested"
        elif failure.check(IgnoreRequest):
            status, reason = "offsite", f"not followed ({failure.value})"
        elif failure.check(DownloadTimeoutError):
            status, reason = "timeout", f"no answer in time ({failure.value})"
        elif failure.check(DownloadCancelledError):
            status, reason = "too-large", f"larger than --max-size allows ({failure.value})"
        else:
            status, reason = "error", f"{type(failure.value).__name__}: {failure.value}"
        meta = request.meta
        yield Missed(
            request.url,
            meta.get("kind", "list"),
            status,
            reason,
            title=meta.get("title", ""),
            listed_on=meta.get("listed_on", ""),
            published=meta.get("published", ""),
        )


def _header(response: Response, name: str) -> str:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else ""
