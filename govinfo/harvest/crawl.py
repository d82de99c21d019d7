"""Running a harvest: one Scrapy crawler process over the columns, and what it did.

Imported only when a harvest runs, so that govinfo works without Scrapy.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import CrawlerProcess
from twisted.internet.error import ReactorNotRestartable

from ..errors import HarvestError
from .spider import ColumnSpider, settings
from .store import Store

CACHE = Path(".harvest") / "httpcache"


def crawl(
    urls: list[str],
    directory: Path,
    *,
    contact: str,
    delay: float,
    timeout: float,
    max_bytes: int,
    max_pages: int,
    verbose: bool,
) -> tuple[Store, str]:
    """Crawl the columns into ``directory``; the store and Scrapy's finish reason.

    The reason is ``finished`` unless the run was stopped (``shutdown`` after
    Ctrl-C): then running the same command again continues it.
    """
    store = Store(directory)
    process = CrawlerProcess(
        settings(
            directory / CACHE,
            contact=contact,
            delay=delay,
            timeout=timeout,
            max_bytes=max_bytes,
            verbose=verbose,
        )
    )
    crawler = process.create_crawler(ColumnSpider)
    process.crawl(crawler, columns=urls, store=store, max_pages=max_pages)
    try:
        process.start()
    except ReactorNotRestartable:
        raise HarvestError(
            "a harvest runs once per Python process (Twisted's reactor cannot restart); "
            "run `govinfo harvest` or start a new process"
        ) from None
    return store, str(crawler.stats.get_value("finish_reason", "unknown"))
