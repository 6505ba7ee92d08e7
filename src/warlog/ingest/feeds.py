"""RSS and Atom feeds: one article per entry, parsed with feedparser.

An entry's text is its full content (``content:encoded``, Atom ``content``) or else its
summary, turned from HTML into text; its title, publication date (as written) and link come
with it, and the feed's title becomes the ``outlet``. Entries are reported under their
1-based position in the feed.

With ``follow_links`` (setting ``fetch.follow_feed_links``) the page behind each entry's link
is fetched and its main text replaces the entry's own; when that fetch fails, a W109 problem
is yielded and the entry's own text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import IngestError
from ..types import IngestProblem, RawArticle
from .decode import Source, decode_bytes, origin_of, read_bytes
from .fetch import Fetcher, Page
from .pages import html_article, html_to_text
from .records import from_error, problem

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF)[\s>/]")
_PROLOGUE = re.compile(rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL)


def looks_like_feed(data: bytes | str) -> bool:
    """Whether ``data`` is XML whose root element is ``rss``, ``feed`` (Atom) or ``rdf:RDF`` (RSS 1.0)."""
    head = (data[:4096].encode("utf-8") if isinstance(data, str) else data[:4096]).lstrip(b"\xef\xbb\xbf")
    return _FEED_ROOT.match(head, _PROLOGUE.match(head).end()) is not None  # type: ignore[union-attr]


def read_feed(
    source: Source,
    *,
    origin: str | None = None,
    fetcher: Fetcher | None = None,
    follow_links: bool = False,
    max_bytes: int | None = None,
) -> Iterator[RawArticle | IngestProblem]:
    """Read an RSS/Atom feed, yielding one RawArticle per entry (see the module docstring).

    A document that is not a feed, or that is too broken to give any entry, yields one W112.
    ``follow_links`` needs a ``fetcher``.
    """
    origin = origin or origin_of(source)
    try:
        data = read_bytes(source, max_bytes=max_bytes)
    except IngestError as exc:
        yield from_error(origin, None, exc)
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            detail = str(parsed.get("bozo_exception") or "malformed XML")
        else:
            detail = "no entries" if parsed.get("version") else "not an RSS or Atom document"
        yield problem(origin, None, "W112", detail=detail)
        return
    outlet = _clean(parsed.feed.get("title"))
    entries = [
        _entry_article(entry, origin=origin, line=at, outlet=outlet)
        for at, entry in enumerate(parsed.entries, start=1)
    ]
    if not (follow_links and fetcher):
        yield from entries
        return
    links = dict.fromkeys(entry.url for entry in entries if entry.url)
    pages = dict(fetcher.fetch_many(links))
    for entry in entries:
        result = pages.get(entry.url or "")
        if isinstance(result, IngestError):
            yield from_error(origin, entry.line, result, item_id=entry.url)
        yield _with_page(entry, result) if isinstance(result, Page) else entry


def _entry_article(entry: Any, *, origin: str, line: int, outlet: str | None) -> RawArticle:
    body = entry.get("content") or []
    main = max(body, key=lambda part: len(part.get("value") or ""), default=None)
    value, kind = (main.get("value"), main.get("type")) if main else (entry.get("summary"), None)
    if kind is None:
        kind = (entry.get("summary_detail") or {}).get("type", "text/html")
    text = html_to_text(value or "") if "html" in (kind or "") else (value or "").strip()
    published = _clean(entry.get("published") or entry.get("updated"))
    return RawArticle(
        origin=origin,
        line=line,
        text=text or None,
        id=_clean(entry.get("id")),
        title=_clean(entry.get("title")),
        published=published,
        outlet=outlet,
        url=_clean(entry.get("link")),
        published_from="input" if published else None,
    )


def _with_page(entry: RawArticle, page: Page) -> RawArticle:
    """``entry`` with the main text of its linked page; the entry's own metadata wins."""
    try:
        html = decode_bytes(page.content, hint=page.charset)
    except IngestError:
        return entry
    found = html_article(html, origin=entry.origin, url=page.final_url, line=entry.line)
    if not found.text:
        return entry
    return RawArticle(
        origin=entry.origin,
        line=entry.line,
        text=found.text,
        id=entry.id,
        title=entry.title or found.title,
        published=entry.published or found.published,
        outlet=entry.outlet or found.outlet,
        url=entry.url,
        published_from=entry.published_from or found.published_from,
    )


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
