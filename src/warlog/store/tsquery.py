"""Search queries in SQLite FTS5's syntax, translated to PostgreSQL ``to_tsquery`` input.

:meth:`Store.search <warlog.store.base.Store.search>` takes the same query on every backend:
words, ``"phrases"``, ``AND``/``OR``/``NOT``, ``prefix*``, parentheses, ``phrase + phrase`` and
column filters (``title:word``, ``-title:word``, ``{title text}:word``, ``title:(…)``), with FTS5's
precedence (juxtaposed phrases, then ``NOT``, ``AND``, ``OR``) and FTS5's syntax errors.
``NEAR(…)`` and ``^`` (first token) have no tsquery equivalent: they are refused.

Every word or phrase becomes one quoted operand that PostgreSQL's own parser splits into lexemes
(so they match what ``to_tsvector`` indexed), joined with ``<->`` as a phrase. The PostgreSQL
schema indexes title words with weight A and text words with weight B: a column filter becomes
that weight (``'word':A``); a prefix becomes ``:*``, which applies to every word of a quoted phrase
(FTS5 applies it to the last).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Full-text weight of each searchable column in the PostgreSQL schema (migrations_postgres/0001).
COLUMN_WEIGHTS = {"title": "A", "text": "B"}
#: FTS5's operators: only these exact, upper-case spellings are keywords.
KEYWORDS = frozenset({"AND", "OR", "NOT"})
#: Punctuation that FTS5 reads as tokens of the query language; any other ASCII punctuation
#: outside double quotes is a syntax error there, and here.
PUNCTUATION = frozenset("()*:+^{}-,")


class QuerySyntaxError(ValueError):
    """The query is not valid FTS5 syntax, or uses a part of it PostgreSQL cannot express."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "string", "end", or the punctuation character itself
    text: str


def _is_bareword_char(char: str) -> bool:
    """FTS5's bareword characters: ASCII letters and digits, '_', U+001A, and all of non-ASCII."""
    return ord(char) > 127 or char.isascii() and (char.isalnum() or char in "_\x1a")


def _tokens(query: str) -> Iterator[_Token]:
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
        elif char == '"':
            text, i = [], i + 1
            while True:
                end = query.find('"', i)
                if end < 0:
                    raise QuerySyntaxError("unterminated string")
                text.append(query[i:end])
                if query.startswith('""', end):  # a doubled quote is a quote inside the string
                    text.append('"')
                    i = end + 2
                else:
                    i = end + 1
                    break
            yield _Token("string", "".join(text))
        elif _is_bareword_char(char):
            start = i
            while i < n and _is_bareword_char(query[i]):
                i += 1
            yield _Token("word", query[start:i])
        elif char in PUNCTUATION:
            yield _Token(char, char)
            i += 1
        else:
            raise QuerySyntaxError(f'syntax error near "{char}"')
    yield _Token("end", "")


class _Parser:
    """Recursive descent over FTS5's grammar; each method returns tsquery text."""

    def __init__(self, query: str) -> None:
        self.tokens = list(_tokens(query))
        self.pos = 0

    def peek(self, ahead: int = 0) -> _Token:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    def take(self) -> _Token:
        token = self.peek()
        self.pos += 1
        return token

    def is_keyword(self, word: str) -> bool:
        token = self.peek()
        return token.kind == "word" and token.text == word

    def expect(self, kind: str) -> None:
        if self.peek().kind != kind:
            self.fail()
        self.take()

    def fail(self) -> None:
        raise QuerySyntaxError(f'syntax error near "{self.peek().text}"')

    def parse(self) -> str:
        tsquery = self.or_expr("")
        if self.peek().kind != "end":
            self.fail()
        return tsquery

    def or_expr(self, weight: str) -> str:
        return self.chain(weight, "OR", self.and_expr, "({}) | ({})")

    def and_expr(self, weight: str) -> str:
        return self.chain(weight, "AND", self.not_expr, "({}) & ({})")

    def not_expr(self, weight: str) -> str:
        return self.chain(weight, "NOT", self.unit, "({}) & !({})")

    def chain(self, weight: str, keyword: str, operand: Callable[[str], str], template: str) -> str:
        """``operand (keyword operand)*``, left-associative, each step written with ``template``."""
        left = operand(weight)
        while self.is_keyword(keyword):
            self.take()
            left = template.format(left, operand(weight))
        return left

    def unit(self, weight: str) -> str:
        """A parenthesised expression (maybe column-filtered), or phrases side by side (implicit AND)."""
        if self.peek().kind == "(":
            self.take()
            inner = self.or_expr(weight)
            self.expect(")")
            return inner
        start = self.pos
        if self.starts_colset():
            filtered = self.colset(weight)
            if self.peek().kind == "(":
                self.take()
                inner = self.or_expr(filtered)
                self.expect(")")
                return inner
            self.pos = start
        operands = [self.cnearset(weight)]
        while self.starts_cnearset():
            operands.append(self.cnearset(weight))
        return " & ".join(f"({o})" for o in operands) if len(operands) > 1 else operands[0]

    def starts_colset(self) -> bool:
        token, after = self.peek(), self.peek(1)
        if token.kind == "-" or token.kind == "{":
            return True
        return token.kind == "word" and after.kind == ":"

    def starts_cnearset(self) -> bool:
        token = self.peek()
        if token.kind == "word":
            return token.text not in KEYWORDS
        return token.kind in ("string", "-", "{", "^")

    def colset(self, weight: str) -> str:
        """``[-] column :`` or ``[-] {columns} :`` → the weights left to match."""
        negated = self.peek().kind == "-"
        if negated:
            self.take()
        names = []
        if self.peek().kind == "{":
            self.take()
            while self.peek().kind == "word":
                names.append(self.take().text)
            self.expect("}")
        elif self.peek().kind == "word":
            names.append(self.take().text)
        else:
            self.fail()
        self.expect(":")
        chosen = set()
        for name in names:
            if name.lower() not in COLUMN_WEIGHTS:
                raise QuerySyntaxError(f"no such column: {name}")
            chosen.add(COLUMN_WEIGHTS[name.lower()])
        if negated:
            chosen = set(COLUMN_WEIGHTS.values()) - chosen
        if weight:
            chosen &= set(weight)
        if not chosen:
            raise QuerySyntaxError("the column filter leaves no column to search")
        return "".join(sorted(chosen))

    def cnearset(self, weight: str) -> str:
        """One phrase, maybe column-filtered."""
        if self.starts_colset():
            weight = self.colset(weight)
        token = self.peek()
        if token.kind == "word" and token.text == "NEAR" and self.peek(1).kind == "(":
            raise QuerySyntaxError("NEAR(...) is not supported by PostgreSQL full-text search")
        return self.phrase(weight)

    def phrase(self, weight: str) -> str:
        """``word``, ``"string"``, each maybe ``*``, joined by ``+`` → operands joined by ``<->``."""
        parts = []
        while True:
            token = self.peek()
            if token.kind == "^":
                raise QuerySyntaxError("^ (first token) is not supported by PostgreSQL full-text search")
            if token.kind not in ("word", "string") or token.kind == "word" and token.text in KEYWORDS:
                self.fail()
            self.take()
            prefix = self.peek().kind == "*"
            if prefix:
                self.take()
            parts.append(_operand(token.text, prefix=prefix, weight=weight))
            if self.peek().kind != "+":
                return " <-> ".join(parts)
            self.take()


def _operand(text: str, *, prefix: bool, weight: str) -> str:
    """One quoted tsquery operand; an empty one (``' '``) has no lexeme and drops out of the query."""
    quoted = "'" + (text.replace("\\", "\\\\").replace("'", "''") or " ") + "'"
    label = ("*" if prefix else "") + weight
    return f"{quoted}:{label}" if label else quoted


def fts5_to_tsquery(query: str) -> str:
    """The ``to_tsquery`` input for an FTS5 query; QuerySyntaxError if it is not valid."""
    return _Parser(query).parse()
