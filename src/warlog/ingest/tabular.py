"""CSV and TSV readers: one article per row, columns named explicitly or recognised by name.

The first row is the header. Columns not named in :class:`CsvColumns` are recognised by
their header (case and surrounding spaces ignored), trying the names in :data:`COMMON_NAMES`
in order. Each row is reported under the line on which it starts (the header is line 1).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields

from ..errors import IngestError
from ..types import IngestProblem, RawArticle
from .decode import Source, open_text, origin_of, undecodable
from .records import from_error, problem

#: Header names recognised for each field when no column is given, in order of preference.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publication_date"),
    "id": ("id", "article_id", "guid"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "url": ("url", "link"),
}
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class CsvColumns:
    """Header names of the columns to read; ``None`` means recognise the column by name."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    id: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_csv(
    source: Source,
    *,
    origin: str | None = None,
    columns: CsvColumns | None = None,
    delimiter: str | None = None,
) -> Iterator[RawArticle | IngestProblem]:
    """Read a CSV/TSV file with a header row, yielding one RawArticle per data row.

    ``delimiter`` defaults to whichever of ``, ; TAB |`` occurs most often in the header line.
    A missing text column (W111) or a named column absent from the header (W113) stops the
    file; an undecodable row (W104) is reported and skipped; a malformed row (W108) stops it.
    """
    origin = origin or origin_of(source)
    _allow_long_fields()
    start = 1
    try:
        with open_text(source) as stream:
            header_line = stream.readline()
            sep = delimiter or max(_DELIMITERS, key=header_line.count)
            reader = csv.reader(_chain(header_line, stream), delimiter=sep)
            try:
                header = [name.strip().lstrip("\ufeff") for name in next(reader, [])]
                index = _column_index(header, columns or CsvColumns())
            except _MissingColumn as missing:
                yield missing.problem(origin)
                return
            start = reader.line_num + 1
            for row in reader:
                line, start = start, reader.line_num + 1
                yield _row_article(row, index, origin=origin, line=line)
    except csv.Error as exc:
        yield problem(origin, start, "W108", detail=f"malformed CSV: {exc}")
    except IngestError as exc:
        yield from_error(origin, None, exc)


def _row_article(
    row: list[str], index: dict[str, int], *, origin: str, line: int
) -> RawArticle | IngestProblem:
    values = {key: (row[at] if at < len(row) else None) for key, at in index.items()}
    for value in values.values():
        bad_at = undecodable(value or "")
        if bad_at is not None:
            return problem(origin, line, "W104", detail="undecodable byte in row")
    published = (values.get("date") or "").strip() or None
    return RawArticle(
        origin=origin,
        line=line,
        text=values["text"],
        id=_clean(values.get("id")),
        title=_clean(values.get("title")),
        published=published,
        outlet=_clean(values.get("outlet")),
        url=_clean(values.get("url")),
        published_from="input" if published else None,
    )


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


class _MissingColumn(Exception):
    def __init__(self, code: str, **details: str) -> None:
        super().__init__(code)
        self.code = code
        self.details = details

    def problem(self, origin: str) -> IngestProblem:
        return problem(origin, 1, self.code, **self.details)


def _column_index(header: Sequence[str], columns: CsvColumns) -> dict[str, int]:
    folded = [name.casefold() for name in header]
    index: dict[str, int] = {}
    for field in fields(CsvColumns):
        wanted = getattr(columns, field.name)
        if wanted is not None:
            at = _find(header, folded, (wanted,))
            if at is None:
                if field.name == "text":
                    raise _MissingColumn("W111", tried=repr(wanted))
                raise _MissingColumn("W113", column=wanted, columns=", ".join(header))
        else:
            at = _find(header, folded, COMMON_NAMES[field.name])
            if at is None and field.name == "text":
                raise _MissingColumn("W111", tried=", ".join(COMMON_NAMES["text"]))
        if at is not None:
            index[field.name] = at
    return index


def _find(header: Sequence[str], folded: Sequence[str], names: Sequence[str]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
        if name.casefold() in folded:
            return folded.index(name.casefold())
    return None


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _allow_long_fields() -> None:
    """Raise the csv module's field cap (128 KiB) so that long articles reach the W105 check."""
    limit = sys.maxsize
    while True:
        try:
            if csv.field_size_limit() < limit:
                csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2
