"""What the spider hands over, and the item pipeline that saves it: files, manifest, tallies.

The spider only decides what to fetch; this module decides what is kept. A
file whose digest equals its manifest row is left alone (the row, its
``retrieved`` time and the file stay as they were), so a second run over an
unchanged column changes nothing on disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import local_path, write_atomic
from .manifest import Entry, Manifest


@dataclass
class Fetched:
    """A response the spider keeps: a report page, a report file or an attachment."""

    url: str
    body: bytes
    status: int
    content_type: str
    disposition: str
    title: str
    listed_on: str
    published: str
    cached: bool


@dataclass
class Missed:
    """A report, attachment or list page that was not saved, and why."""

    url: str
    kind: str
    status: str
    reason: str
    title: str = ""
    listed_on: str = ""
    published: str = ""


@dataclass
class Store:
    """A harvest folder: its manifest and what this run did to it."""

    directory: Path
    manifest: Manifest = field(init=False)
    downloaded: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.manifest = Manifest(self.directory)

    def keep(self, item: Fetched) -> None:
        """Save a fetched file and its row, unless the manifest already holds these bytes."""
        digest = hashlib.sha256(item.body).hexdigest()
        existing = self.manifest.get(item.url)
        if existing and existing.sha256 == digest and (self.directory / existing.path).is_file():
            self.unchanged += 1
            return
        path = (
            existing.path
            if existing and existing.path
            else str(local_path(item.url, item.content_type, item.disposition))
        )
        write_atomic(self.directory / path, item.body)
        self.manifest.record(
            Entry(
                url=item.url,
                path=path,
                sha256=digest,
                retrieved=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                status=str(item.status),
                content_type=item.content_type,
                title=item.title,
                listed_on=item.listed_on,
                published=item.published,
            )
        )
        if item.cached:
            self.unchanged += 1
        else:
            self.downloaded += 1

    def miss(self, item: Missed) -> None:
        """Note a file not saved: a row for a report or attachment, a line for the summary.

        A row that already has its file keeps it: a report once saved is not
        forgotten because its site is down today.
        """
        line = f"{item.url}: {item.reason}"
        if item.status in ("robots", "offsite", "max-pages"):
            self.skipped.append(line)
        else:
            self.failures.append(line)
        existing = self.manifest.get(item.url)
        if item.kind == "list" or (existing and existing.path):
            return
        self.manifest.record(
            Entry(
                url=item.url,
                status=item.status,
                title=item.title,
                listed_on=item.listed_on,
                published=item.published,
            )
        )


class StorePipeline:
    """The Scrapy item pipeline handing items to the spider's :class:`Store`."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: Fetched | Missed) -> Fetched | Missed:
        store: Store = self.crawler.spider.store
        if isinstance(item, Fetched):
            store.keep(item)
        else:
            store.miss(item)
        return item
