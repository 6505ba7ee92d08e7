"""Ingest: read articles from files, directories, standard input, feeds and the web.

:func:`read_inputs` turns the inputs named on a command line into :class:`~warlog.types.RawArticle`
records (and :class:`~warlog.types.IngestProblem` records for what cannot be read);
:func:`prepare` validates one and makes it an :class:`~warlog.types.Article` with an id, a
content hash, an ISO publication date and a language. The per-format readers are public too,
for tests and other code; each takes a path, bytes or a stream and yields the same records.
"""

from __future__ import annotations

from .dates import find_dateline, normalise_date
from .feeds import read_feed
from .fetch import Fetcher, Page
from .language import LanguageDetector
from .pages import html_to_text, read_html, read_txt
from .prepare import article_id, content_hash, normalised_text, prepare
from .records import read_json, read_jsonl
from .sources import read_inputs
from .tabular import COMMON_NAMES, CsvColumns, read_csv
from .web import is_url_list, read_urls

__all__ = [
    "COMMON_NAMES",
    "CsvColumns",
    "Fetcher",
    "LanguageDetector",
    "Page",
    "article_id",
    "content_hash",
    "find_dateline",
    "html_to_text",
    "is_url_list",
    "normalise_date",
    "normalised_text",
    "prepare",
    "read_csv",
    "read_feed",
    "read_html",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_txt",
    "read_urls",
]
