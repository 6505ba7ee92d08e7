"""Web inputs: lists of URLs and fetched pages, dispatched on their content type.

A URL list is a ``.urls`` file, or a ``.txt`` file whose every non-blank line is an
``http://`` or ``https://`` URL with no spaces (see :func:`is_url_list`). In a ``.urls``
file, blank lines and lines starting with ``#`` are skipped and any other line that is not
such a URL is reported (W107).

A fetched HTML page becomes one article reported under the list file and the URL's line; a
fetched feed becomes one article per entry, reported under the feed's URL; plain text is
taken as it is.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from ..errors import IngestError
from ..types import IngestProblem, RawArticle
from .decode import Source, decode_bytes, load_text, origin_of
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher, Page
from .pages import html_article, text_article
from .records import from_error, problem

_URL = re.compile(r"https?://[^\s/]+\S*", re.IGNORECASE)
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})


def is_url(line: str) -> bool:
    """Whether ``line`` (stripped) is one ``http(s)://`` URL and nothing else."""
    return _URL.fullmatch(line.strip()) is not None


def is_url_list(text: str) -> bool:
    """Whether every non-blank line of ``text`` is a URL (and there is at least one)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(is_url(line) for line in lines)


def read_urls(
    source: Source,
    *,
    fetcher: Fetcher,
    origin: str | None = None,
    follow_feed_links: bool = False,
    max_bytes: int | None = None,
) -> Iterator[RawArticle | IngestProblem]:
    """Fetch every URL listed in ``source`` and yield what each one holds (see the module docstring)."""
    origin = origin or origin_of(source)
    try:
        text = load_text(source, max_bytes=max_bytes)
    except IngestError as exc:
        yield from_error(origin, None, exc)
        return
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    listed = [(number, line) for number, line in lines if line and not line.startswith("#")]
    with contextlib.closing(fetcher.fetch_many(line for _, line in listed if is_url(line))) as results:
        for number, line in listed:
            if not is_url(line):
                yield problem(origin, number, "W107", detail=f"not an http(s) URL: {line[:80]!r}")
                continue
            url, result = next(results)
            if isinstance(result, IngestError):
                yield from_error(origin, number, result, item_id=url)
            else:
                yield from page_items(
                    result, origin=origin, line=number, fetcher=fetcher, follow_feed_links=follow_feed_links
                )


def page_items(
    page: Page,
    *,
    origin: str,
    line: int | None,
    fetcher: Fetcher | None = None,
    follow_feed_links: bool = False,
) -> Iterator[RawArticle | IngestProblem]:
    """The articles in a fetched page: one for HTML or plain text, one per entry for a feed."""
    if page.content_type in _FEED_TYPES or looks_like_feed(page.content):
        yield from read_feed(
            page.content, origin=page.final_url, fetcher=fetcher, follow_links=follow_feed_links
        )
        return
    if page.content_type in _XML_TYPES:
        yield problem(origin, line, "W107", detail=f"{page.final_url} is XML but not an RSS or Atom feed")
        return
    try:
        text = decode_bytes(page.content, hint=page.charset)
    except IngestError as exc:
        yield from_error(origin, line, exc, item_id=page.url)
        return
    if page.content_type == "text/plain":
        found = text_article(text, origin=origin, url=page.final_url)
    else:
        found = html_article(text, origin=origin, url=page.final_url)
    found.line = line
    yield found
