"""``read_inputs``: every kind of input named on a command line, read into RawArticles.

An input is a file, a directory, ``-`` (standard input) or an ``http(s)://`` URL.

- Files are read by extension (after removing a final ``.gz``; gzip data is decompressed
  whatever its name): ``.jsonl``/``.ndjson`` JSON Lines, ``.json`` a JSON array or object,
  ``.csv``/``.tsv``/``.tab`` tables, ``.txt``/``.text`` plain text or a URL list,
  ``.urls`` URL lists, ``.html``/``.htm``/``.xhtml`` pages, ``.rss``/``.atom`` feeds, ``.xml``
  feeds (anything else in XML is W107). A file with another or no extension is sniffed like
  standard input if it is text, and rejected (W107) if it is not.
- Directories are walked recursively in sorted order; hidden files and directories (name
  starting with ``.``) and symbolic links to directories are skipped.
- Standard input is read whole and sniffed: a JSON array (``[``), JSON Lines (a first line
  that is one ``{...}``), a JSON object, a feed or an HTML page (``<``), a URL list, or else
  one plain-text article.
- A URL is fetched; a feed gives one article per entry, a page one article.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import IngestError
from ..settings import Settings
from ..types import IngestProblem, RawArticle
from .decode import decode_bytes, load_text, read_bytes
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher
from .pages import html_article, read_html, read_txt, text_article
from .records import from_error, problem, read_json, read_jsonl
from .tabular import CsvColumns, read_csv
from .web import is_url, is_url_list, page_items, read_urls

Item = RawArticle | IngestProblem
STDIN = "-"

_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "txt",
    ".text": "txt",
    ".urls": "urls",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
}


def read_inputs(
    paths: Sequence[str],
    *,
    settings: Settings,
    csv_columns: CsvColumns | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Read every input in ``paths`` in order, yielding a RawArticle per article found and an
    IngestProblem per item that cannot be read. Never raises for bad input.

    Records are checked for shape here, for content by :func:`~warlog.ingest.prepare`: a record
    with a missing or empty text is yielded, and ``prepare`` rejects it (W102).
    ``csv_columns`` names the columns of CSV/TSV inputs (by default recognised by name).
    ``fetcher`` is used for URLs; without one, a :class:`Fetcher` is built from the settings
    when first needed and closed at the end.
    """
    with _Inputs(settings=settings, csv_columns=csv_columns, fetcher=fetcher) as inputs:
        for path in paths:
            yield from inputs.read(path)


class _Inputs:
    """The state shared by one :func:`read_inputs` call: settings and a lazily built fetcher."""

    def __init__(
        self, *, settings: Settings, csv_columns: CsvColumns | None, fetcher: Fetcher | None
    ) -> None:
        self.csv_columns = csv_columns
        self.max_bytes = int(settings["ingest"]["max_file_bytes"])
        self.follow_links = bool(settings["fetch"]["follow_feed_links"])
        self._settings = settings
        self._fetcher = fetcher
        self._owned = contextlib.ExitStack()

    def __enter__(self) -> _Inputs:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._owned.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._owned.enter_context(Fetcher(settings=self._settings))
        return self._fetcher

    def read(self, path: str) -> Iterator[Item]:
        if path == STDIN:
            yield from self.read_stdin()
        elif is_url(path):
            yield from self.read_url(path.strip())
        elif os.path.isdir(path):
            yield from self.read_dir(path)
        else:
            yield from self.read_file(path)

    def read_dir(self, path: str) -> Iterator[Item]:
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as exc:
            yield problem(path, None, "W108", detail=exc.strerror or str(exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from self.read_dir(entry.path)
            elif entry.is_file():
                yield from self.read_file(entry.path)

    def read_file(self, path: str) -> Iterator[Item]:
        name = Path(path).name.lower()
        inner = name.removesuffix(".gz")
        extension = Path(inner).suffix
        kind = _KINDS.get(extension)
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "json":
            yield from read_json(path)
        elif kind in ("csv", "tsv"):
            yield from read_csv(path, columns=self.csv_columns, delimiter="\t" if kind == "tsv" else None)
        elif kind == "urls":
            yield from read_urls(
                path, fetcher=self.fetcher, follow_feed_links=self.follow_links, max_bytes=self.max_bytes
            )
        elif kind == "html":
            yield from read_html(path, max_bytes=self.max_bytes)
        elif kind == "feed":
            yield from self._feed(path)
        elif kind == "txt":
            yield from self._txt(path)
        else:
            yield from self._unknown(path, extension=extension)

    def read_stdin(self) -> Iterator[Item]:
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        try:
            text = decode_bytes(data)
        except IngestError as exc:
            yield from_error("<stdin>", None, exc)
            return
        yield from self._sniffed(text, data, origin="<stdin>")

    def read_url(self, url: str) -> Iterator[Item]:
        try:
            page = self.fetcher.fetch(url)
        except IngestError as exc:
            yield from_error(url, None, exc, item_id=url)
            return
        yield from page_items(
            page, origin=url, line=None, fetcher=self.fetcher, follow_feed_links=self.follow_links
        )

    def _feed(self, source: str | bytes, *, origin: str | None = None) -> Iterator[Item]:
        fetcher = self.fetcher if self.follow_links else None
        yield from read_feed(
            source, origin=origin, fetcher=fetcher, follow_links=self.follow_links, max_bytes=self.max_bytes
        )

    def _txt(self, path: str) -> Iterator[Item]:
        try:
            text = load_text(path, max_bytes=self.max_bytes)
        except IngestError as exc:
            yield from_error(path, None, exc)
            return
        if is_url_list(text):
            yield from read_urls(
                io.StringIO(text), origin=path, fetcher=self.fetcher, follow_feed_links=self.follow_links
            )
        else:
            yield from read_txt(io.StringIO(text), origin=path)

    def _unknown(self, path: str, *, extension: str) -> Iterator[Item]:
        try:
            data = read_bytes(path, max_bytes=self.max_bytes)
            text = decode_bytes(data)
        except IngestError as exc:
            if exc.code == "W108":
                yield from_error(path, None, exc)
            else:
                what = f"{extension!r} file" if extension else "file without extension"
                yield problem(path, None, "W107", detail=f"{what} is not text ({exc.message})")
            return
        if extension == ".xml" and not looks_like_feed(text):
            yield problem(path, None, "W107", detail="XML file is not an RSS or Atom feed")
            return
        yield from self._sniffed(text, data, origin=path)

    def _sniffed(self, text: str, data: bytes, *, origin: str) -> Iterator[Item]:
        """Read decoded ``text`` (and its ``data``) by what it looks like (module docstring)."""
        start = text.lstrip("\ufeff \t\r\n")[:1]
        if start == "[":
            yield from read_json(io.StringIO(text), origin=origin)
        elif start == "{" and text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].rstrip().endswith("}"):
            yield from read_jsonl(io.StringIO(text), origin=origin)
        elif start == "{":
            yield from read_json(io.StringIO(text), origin=origin)
        elif start == "<" and looks_like_feed(text):
            yield from self._feed(data, origin=origin)
        elif start == "<":
            yield html_article(text, origin=origin)
        elif is_url_list(text):
            yield from read_urls(
                io.StringIO(text), origin=origin, fetcher=self.fetcher, follow_feed_links=self.follow_links
            )
        else:
            yield text_article(text, origin=origin)
