"""HTML pages and plain-text files: one article per file.

HTML: the main text is extracted with trafilatura (navigation, comments and boilerplate
left out), with the title, the site name (as ``outlet``), the canonical URL and the
publication date from the page's metadata (trafilatura's, which uses htmldate without its
text-guessing "extensive search"). When trafilatura finds no main text, the page's visible
text is used (and when it gives up on the page altogether, htmldate is asked for the date).

Plain text: the text is the *whole* decoded file, exactly as read, so that the headline is
analysed too and offsets index the file's content; the title is the first non-empty line
(stripped) when more text follows it and it is at most :data:`MAX_TITLE_CHARS` long.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from htmldate import find_date

from ..errors import IngestError
from ..types import IngestProblem, RawArticle
from .decode import Source, load_text, origin_of
from .records import from_error

MAX_TITLE_CHARS = 300
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
_HIDDEN = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}
    | {"blockquote", "pre", "section", "article", "dd", "dt", "figcaption"}
)


def read_html(
    source: Source,
    *,
    origin: str | None = None,
    url: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawArticle | IngestProblem]:
    """Read one HTML page as one article (see the module docstring).

    ``url`` is where the page was fetched from; it wins over the page's canonical URL.
    Yields exactly one item.
    """
    origin = origin or origin_of(source)
    try:
        html = load_text(source, max_bytes=max_bytes)
    except IngestError as exc:
        yield from_error(origin, None, exc)
        return
    yield html_article(html, origin=origin, url=url)


def html_article(html: str, *, origin: str, url: str | None = None, line: int | None = None) -> RawArticle:
    """The RawArticle for the HTML document ``html`` (text None when the page has none)."""
    if not html.strip():
        return RawArticle(origin=origin, line=line, text=None, url=url)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    meta: dict[str, Any] = document.as_dict() if document is not None else {}  # type: ignore[union-attr]
    text = meta.get("text") or html_to_text(html)
    title = meta.get("title") or _html_title(html)
    published = meta.get("date") if document is not None else find_date(html, url=url, **_DATE_PARAMS)
    outlet, url = meta.get("sitename"), url or meta.get("url")
    return RawArticle(
        origin=origin,
        line=line,
        text=text or None,
        title=title or None,
        published=published or None,
        outlet=outlet or None,
        url=url,
        published_from="page" if published else None,
    )


def html_to_text(html: str) -> str:
    """The visible text of an HTML document or fragment, one line per block element.

    Used for feed summaries (too short for trafilatura) and pages where trafilatura finds no
    main text. Scripts, styles, navigation, headers, footers and forms are left out.
    """
    if not html.strip():
        return ""
    root = _parse(html)
    if root is None:
        return html.strip()
    for element in list(root.iter(*_HIDDEN)):
        element.drop_tree()
    parts: list[str] = []
    _collect(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(element: Any, parts: list[str]) -> None:
    if not isinstance(element.tag, str):  # comments and processing instructions
        parts.append(element.tail or "")
        return
    block = element.tag.lower() in _BLOCKS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _collect(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")


def _html_title(html: str) -> str | None:
    root = _parse(html)
    title = root.findtext(".//title") if root is not None else None
    return " ".join(title.split()) or None if title else None


def _parse(html: str) -> Any:
    """The lxml tree of ``html`` (bytes are parsed, so an XML encoding declaration is harmless)."""
    try:
        return lxml.html.fromstring(html.encode("utf-8"), parser=_PARSER)
    except lxml.etree.ParserError:
        return None


def read_txt(
    source: Source, *, origin: str | None = None, max_bytes: int | None = None
) -> Iterator[RawArticle | IngestProblem]:
    """Read a plain-text file as one article (see the module docstring). Yields exactly one item."""
    origin = origin or origin_of(source)
    try:
        text = load_text(source, max_bytes=max_bytes)
    except IngestError as exc:
        yield from_error(origin, None, exc)
        return
    yield text_article(text, origin=origin)


def text_article(text: str, *, origin: str, url: str | None = None) -> RawArticle:
    """The RawArticle for a plain text: all of ``text``, titled by its first line if that is a headline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if len(lines) > 1 and len(lines[0]) <= MAX_TITLE_CHARS else None
    return RawArticle(origin=origin, line=None, text=text, title=title, url=url)
