"""Harvest: from a body's report column on the web to files on disk and a manifest.

``harvest`` needs Scrapy (``pip install "govinfo-cn[harvest]"``), imported
only here, when a harvest runs; the manifest and the inputs it gives
``govinfo parse`` need nothing beyond govinfo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import HarvestError
from .inputs import Input, expand, fill_metadata, manifest_inputs
from .manifest import MANIFEST, Entry, read_manifest

__all__ = [
    "MANIFEST",
    "Entry",
    "Harvest",
    "Input",
    "expand",
    "fill_metadata",
    "harvest",
    "manifest_inputs",
    "read_manifest",
]


@dataclass
class Harvest:
    """What a harvest run did: files downloaded and unchanged, what failed or was skipped."""

    manifest: Path
    downloaded: int
    unchanged: int
    failures: list[str]
    skipped: list[str]
    finished: bool


def harvest(
    urls: list[str],
    directory: str | Path,
    *,
    contact: str,
    delay: float = 1.0,
    timeout: float = 60.0,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 100,
    verbose: bool = False,
) -> Harvest:
    """Download the annual reports listed in report columns (``urls``) into ``directory``.

    ``contact`` (an e-mail address or URL) goes into the User-Agent so that
    a site's operators can reach you. Runs once per Python process (Scrapy's
    Twisted reactor cannot restart): harvest many columns in one call.
    """
    if not urls:
        raise HarvestError("give at least one report column URL")
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HarvestError(f"{url}: not an http(s) URL of a report column")
    if not contact.strip():
        raise HarvestError(
            "--contact is required: an e-mail address or URL where site operators can reach you"
        )
    if delay < 0 or timeout <= 0 or max_bytes <= 0 or max_pages < 1:
        raise HarvestError("delay must be >= 0 and timeout, size cap and page limit positive")
    try:
        from .crawl import crawl
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("scrapy", "twisted"):
            raise
        raise HarvestError('harvesting needs Scrapy: pip install "govinfo-cn[harvest]"') from None
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HarvestError(f"{directory}: cannot write the harvest here ({exc})") from None
    store, reason = crawl(
        list(dict.fromkeys(urls)),
        directory,
        contact=contact.strip(),
        delay=delay,
        timeout=timeout,
        max_bytes=max_bytes,
        max_pages=max_pages,
        verbose=verbose,
    )
    return Harvest(
        store.manifest.path,
        store.downloaded,
        store.unchanged,
        store.failures,
        store.skipped,
        reason == "finished",
    )
