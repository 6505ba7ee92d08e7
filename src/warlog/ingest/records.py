"""JSON Lines and JSON readers for the contract's input format (``input-article.schema.json``).

A record is an object with ``text`` (string, required) and optional ``id``, ``title``,
``published``, ``outlet`` and ``url`` (string or null); other keys are ignored. The contract
requires ``id`` too, but a record without one still gets a stable id from :func:`~warlog.ingest.prepare`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from ..errors import IngestError, message
from ..types import IngestProblem, RawArticle
from .decode import Source, load_text, open_text, origin_of, undecodable

_OPTIONAL = ("id", "title", "published", "outlet", "url")


def problem(
    origin: str, line: int | None, code: str, *, item_id: str | None = None, **fields: object
) -> IngestProblem:
    """An :class:`IngestProblem` whose reason is the message of ``code`` filled with ``fields``."""
    return IngestProblem(origin, line, code, message(code, **fields), item_id)


def from_error(
    origin: str, line: int | None, error: IngestError, *, item_id: str | None = None
) -> IngestProblem:
    """An :class:`IngestProblem` for an :class:`IngestError` raised while reading ``origin``."""
    return IngestProblem(origin, line, error.code, error.message, item_id)


def raw_from_record(record: Any, *, origin: str, line: int | None) -> RawArticle | IngestProblem:
    """Check one decoded JSON value against the input format: a RawArticle, or W106/W110."""
    if not isinstance(record, dict):
        return problem(origin, line, "W106")
    item_id = record.get("id") if isinstance(record.get("id"), str) else None
    for key in ("text", *_OPTIONAL):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            detail = f"expected a string, got {type(value).__name__}"
            return problem(origin, line, "W110", item_id=item_id, field=key, detail=detail)
    return RawArticle(
        origin=origin,
        line=line,
        text=record.get("text"),
        id=item_id,
        title=record.get("title"),
        published=record.get("published"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published_from="input" if record.get("published") else None,
    )


def read_jsonl(source: Source, *, origin: str | None = None) -> Iterator[RawArticle | IngestProblem]:
    """Read JSON Lines: one record per non-blank line, reported under its 1-based line number.

    A line that is not valid JSON (W101), does not decode (W104), is not an object (W106) or
    has a field of the wrong type (W110) is reported, and reading goes on with the next line.
    """
    origin = origin or origin_of(source)
    try:
        with open_text(source) as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                bad_at = undecodable(line)
                if bad_at is not None:
                    yield problem(origin, number, "W104", detail=f"undecodable byte at column {bad_at + 1}")
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield problem(origin, number, "W101", detail=_json_detail(exc))
                    continue
                yield raw_from_record(record, origin=origin, line=number)
    except IngestError as exc:
        yield from_error(origin, None, exc)


def read_json(source: Source, *, origin: str | None = None) -> Iterator[RawArticle | IngestProblem]:
    """Read a JSON document: an array of records, or a single record.

    Each record is reported under the line on which it starts. A document that is not valid
    JSON yields one W101 with the line of the error (no record of it is read), except that
    objects one after another are read as JSON Lines.
    """
    origin = origin or origin_of(source)
    try:
        text = load_text(source)
    except IngestError as exc:
        yield from_error(origin, None, exc)
        return
    decoder = json.JSONDecoder()
    start = _skip_space(text, 0)
    try:
        if not text.startswith("[", start):
            record, end = decoder.raw_decode(text, start)
            if _skip_space(text, end) < len(text) and isinstance(record, dict):
                # more after one object: JSON Lines under a .json name, a common mix-up
                yield from read_jsonl(io.StringIO(text), origin=origin)
                return
            _expect_end(text, end)
            yield raw_from_record(record, origin=origin, line=_line_of(text, start))
            return
        records = []
        position = _skip_space(text, start + 1)
        while not text.startswith("]", position):
            record, end = decoder.raw_decode(text, position)
            records.append((record, _line_of(text, position)))
            position = _skip_space(text, end)
            if text.startswith(",", position):
                position = _skip_space(text, position + 1)
            elif not text.startswith("]", position):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        _expect_end(text, position + 1)
    except json.JSONDecodeError as exc:
        yield problem(origin, exc.lineno, "W101", detail=_json_detail(exc))
        return
    for record, line in records:
        yield raw_from_record(record, origin=origin, line=line)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _expect_end(text: str, position: int) -> None:
    end = _skip_space(text, position)
    if end < len(text):
        raise json.JSONDecodeError("Extra data", text, end)


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _json_detail(error: json.JSONDecodeError) -> str:
    # some of json's messages end in "at", ready for a position: "Invalid control character at"
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"
