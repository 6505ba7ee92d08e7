"""Bytes to text: opening any input source, rejecting binary data and guessing encodings.

Every reader of :mod:`warlog.ingest` takes a *source*: a path (``str`` or ``PathLike``),
the raw ``bytes`` of a file, or an open stream (binary or text). gzip data is recognised by
its magic number and decompressed transparently, whatever the file is called.

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32); else an explicit hint (an HTTP
charset) if it decodes; else strict UTF-8; else the best guess of ``charset-normalizer``,
except that Windows-1252 wins whenever it decodes with no more "mess" than that guess
(``charset-normalizer`` is unreliable on short Western-European text, which is by far the
most common non-UTF-8 input in news archives). Data with NUL bytes that is not UTF-16/32 is
binary (W103), and so is data that no encoding fits and that is full of control bytes; other
data that no encoding fits is W104.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import zlib
from collections.abc import Iterator
from typing import IO, cast

import charset_normalizer
from charset_normalizer.md import mess_ratio

from ..errors import IngestError

#: Anything a reader accepts: a path, a file's bytes, or an open stream.
Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]

_GZIP_MAGIC = b"\x1f\x8b"
#: what reading a file or a gzip stream raises when it cannot be read (truncated gzip: EOFError)
_READ_ERRORS = (OSError, EOFError, zlib.error)
_SAMPLE_BYTES = 1 << 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf_16", "utf_32")
#: Above this share of control bytes, data no encoding fits is called binary (W103), not mis-encoded (W104).
_MAX_CONTROL_RATIO = 0.01
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def origin_of(source: Source) -> str:
    """The name problems are reported under: the path, or ``<stream>`` for data without one."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


@contextlib.contextmanager
def open_binary(source: Source) -> Iterator[IO[bytes]]:
    """Open ``source`` as a binary stream, gunzipping gzip data; streams passed in are not closed.

    Raises ``OSError``, ``EOFError`` or ``zlib.error`` when the source cannot be read (the last
    two for truncated or corrupt gzip data, possibly only once reading is under way).
    """
    with contextlib.ExitStack() as stack:
        stream: IO[bytes]
        if isinstance(source, str | os.PathLike):
            stream = stack.enter_context(open(source, "rb"))  # noqa: SIM115 - closed by the stack
        elif isinstance(source, bytes):
            stream = io.BytesIO(source)
        elif isinstance(source, io.TextIOBase):
            stream = io.BytesIO(source.read().encode("utf-8"))
        else:
            stream = source  # type: ignore[assignment]
        head = stream.read(len(_GZIP_MAGIC))
        buffered = io.BufferedReader(_Prepend(head, stream))
        if head == _GZIP_MAGIC:
            yield cast(IO[bytes], stack.enter_context(gzip.GzipFile(fileobj=buffered, mode="rb")))
        else:
            yield buffered


def read_bytes(source: Source, *, max_bytes: int | None = None) -> bytes:
    """All the bytes of ``source`` (decompressed), raising W108 past ``max_bytes``."""
    try:
        with open_binary(source) as stream:
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except _READ_ERRORS as exc:
        raise IngestError("W108", detail=_read_detail(exc)) from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise IngestError("W108", detail=f"larger than {max_bytes} bytes (ingest.max_file_bytes)")
    return data


def load_text(source: Source, *, max_bytes: int | None = None) -> str:
    """The whole of ``source`` as text, decoded as described in the module docstring."""
    if isinstance(source, io.TextIOBase):
        return source.read()
    return decode_bytes(read_bytes(source, max_bytes=max_bytes))


def decode_bytes(data: bytes, *, hint: str | None = None) -> str:
    """Decode ``data``; raises :class:`IngestError` W103 (binary) or W104 (no encoding fits)."""
    encoding = guess_encoding(data, hint=hint)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError("W104", detail=f"not valid {encoding} at byte {exc.start}") from exc


def guess_encoding(sample: bytes, *, hint: str | None = None, partial: bool = False) -> str:
    """The encoding of ``sample`` (the start of the data if ``partial``); raises W103/W104."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if hint and _decodes(sample, hint, partial=partial):
        return hint
    has_nul = b"\x00" in sample
    if not has_nul and _decodes(sample, "utf-8", partial=partial):
        return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    if has_nul:
        if best is not None and best.encoding.startswith(_WIDE):
            return best.encoding
        raise IngestError("W103")
    if _decodes(sample, "cp1252", partial=partial) and (
        best is None or mess_ratio(sample.decode("cp1252", errors="replace")) <= best.chaos
    ):
        return "cp1252"
    if best is not None:
        return best.encoding
    if _control_ratio(sample) > _MAX_CONTROL_RATIO:
        raise IngestError("W103")
    raise IngestError("W104", detail="no text encoding fits")


@contextlib.contextmanager
def open_text(source: Source) -> Iterator[IO[str]]:
    """Open ``source`` as a text stream for line-by-line readers, keeping line ends as they are.

    The encoding is guessed from the first 64 KiB. Bytes that do not decode later on become
    lone surrogates (``surrogateescape``); :func:`undecodable` finds them, so a reader can
    reject that one line (W104) and go on.
    """
    if isinstance(source, io.TextIOBase):
        yield source  # type: ignore[misc]
        return
    try:
        with open_binary(source) as stream:
            head = stream.read(_SAMPLE_BYTES)
            encoding = guess_encoding(head, partial=True)
            joined = io.BufferedReader(_Prepend(head, stream))
            text = io.TextIOWrapper(joined, encoding=encoding, errors="surrogateescape", newline="")
            try:
                yield text
            finally:
                text.detach()
    except _READ_ERRORS as exc:
        raise IngestError("W108", detail=_read_detail(exc)) from exc


def undecodable(line: str) -> int | None:
    """Index of the first byte that did not decode in a line from :func:`open_text`, or None."""
    for index, char in enumerate(line):
        if "\udc80" <= char <= "\udcff":
            return index
    return None


def _control_ratio(data: bytes) -> float:
    """Share of bytes that are control characters other than whitespace and escape."""
    if not data:
        return 0.0
    return sum(1 for byte in data if byte < 0x20 and byte not in _TEXT_CONTROLS) / len(data)


def _decodes(data: bytes, encoding: str, *, partial: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _read_detail(exc: Exception) -> str:
    if isinstance(exc, OSError) and isinstance(exc.strerror, str):
        return exc.strerror
    return f"corrupt compressed data ({exc})" if isinstance(exc, EOFError | zlib.error) else str(exc)


class _Prepend(io.RawIOBase):
    """A read-only raw stream: ``head`` bytes already read, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        super().__init__()
        self._pending = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._pending:
            size = min(len(view), len(self._pending))
            view[:size] = self._pending[:size]
            self._pending = self._pending[size:]
            return size
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)
