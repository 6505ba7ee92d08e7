"""warlog's one exception hierarchy and its error codes.

Every problem warlog reports has a short code (``W1xx`` ingest, ``W2xx`` store,
``W3xx`` analysis, ``W4xx`` export, ``W5xx`` configuration and usage) so users
can search for it and tests can assert on it without matching prose.
"""

from __future__ import annotations


class Codes:
    """Error codes with their message templates (``str.format`` fields)."""

    # ingest: one input item rejected (the batch goes on)
    W101 = "invalid JSON: {detail}"
    W102 = "missing or empty text"
    W103 = "binary file, not text"
    W104 = "could not decode text: {detail}"
    W105 = "article is {size} characters, over the cap of {cap}"
    W106 = "not a JSON object"
    W107 = "unsupported input: {detail}"
    W108 = "could not read: {detail}"
    W109 = "fetch failed: {detail}"
    W110 = "invalid field {field}: {detail}"
    W111 = "CSV has no text column (tried {tried})"
    W112 = "feed could not be parsed: {detail}"
    W113 = "CSV has no column {column!r} (columns: {columns})"
    # ingest: stored but flagged (not a rejection)
    W150 = "language is {lang}, not English: stored without analysis"
    W151 = "same text as article {first}: stored as a duplicate"
    # store
    W201 = "database {path} is newer (schema {found}) than this warlog (schema {known})"
    W202 = "database error: {detail}"
    W203 = "{scheme}:// databases are not supported (give a file path, sqlite:///PATH or postgresql://...)"
    W204 = "search query {query!r} is not valid: {detail} (put words with punctuation in double quotes)"
    W205 = "incident {incident_id}: {detail}"
    # analysis
    W301 = "analysis failed: {detail}"
    # export
    W401 = "unknown export kind {kind!r} (choose from {kinds})"
    W402 = "format {fmt!r} is not available for {kind} (choose from {formats})"
    W403 = "could not write {out}: {detail}"
    # configuration and usage
    W501 = "settings file {path}: {detail}"
    W502 = "unknown setting {key!r} in {path}"


class WarlogError(Exception):
    """Base of every error warlog raises on purpose."""

    code = "W000"

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = getattr(Codes, code, "{detail}")
        try:
            message = template.format(**fields)
        except (KeyError, IndexError):
            message = f"{template} {fields}"
        super().__init__(f"[{code}] {message}")
        self.message = message


class IngestError(WarlogError):
    """An input item that cannot be ingested."""


class StoreError(WarlogError):
    """The store cannot do what was asked."""


class AnalysisError(WarlogError):
    """An analysis stage failed on one article."""


class ExportError(WarlogError):
    """An export cannot be written."""


class ConfigError(WarlogError):
    """A settings file or a command-line option is wrong."""


def message(code: str, **fields: object) -> str:
    """The message for ``code`` filled with ``fields``, without raising."""
    return WarlogError(code, **fields).message
