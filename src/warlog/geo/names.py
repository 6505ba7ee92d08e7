"""Name folding: the keys under which the gazetteer files and looks up place names.

Two keys per name:

* :func:`fold` — Unicode folded (accents stripped, apostrophes and ``ʿayn`` marks dropped,
  punctuation to spaces, lower case). "Ḩalab" → "halab", "Deir ez-Zor" → "deir ez zor".
* :func:`loose` — a transliteration skeleton for names romanised from Arabic, Kurdish,
  Persian, Pashto, Ukrainian…: articles (al-, el-, ar-, ez-…) dropped, q→k, ou/oo→u,
  vowels after the first letter dropped, doubled letters collapsed, spaces removed.
  "Tuz Kharmato" and "Tuz Khurmatu" both give "tzkhrmt"; "Ain al Issa" and "ʿAyn ʿĪsá"
  both give "anis"; "Deir ez-Zor" and "Dayr az Zawr" both give "drzr" (w and y count as
  vowels). The key is loose on purpose, so the resolver only accepts a loose match inside a
  country the article is already about (see ``resolve.py``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["abbreviation_key", "fold", "loose", "is_latin", "is_primary", "similar", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """The set of space-separated words in ``text`` (for word lists written as one string)."""
    return frozenset(text.split())


_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼ′"), None)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
#: Arabic definite-article forms as romanised in English news (sun-letter assimilations included).
_ARTICLES = word_set("al el ar er as es ad ed ash esh an en az ez at et adh ath ul us ud ut un")
_SUBS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("j", "j"),
)
_VOWELS = re.compile(r"(?<!^)[aeiouyw]")
_DOUBLES = re.compile(r"(.)\1+")
_GLUED = re.compile(r"^[ae]([dnrstz])\1[aeiouy]")
_LATIN_OK = re.compile(r"^[\x00-\x7f]*$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-folded form of ``text`` ("Ḩalab" → "halab"); cached: the
    recogniser folds the same capitalised words many times per article (a fifth of geo's time)."""
    text = text.translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("đ", "d").replace("ł", "l")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def loose(text: str) -> str:
    """Transliteration skeleton of ``text`` (see the module docstring); "" when nothing is left."""
    words = [w for w in fold(text).split() if w not in _ARTICLES]
    # An article glued to a later word with its sun-letter doubling ("Deir Ezzor", "Tal Abbyad"
    # aside) is dropped: "ezzor" → "zor". A first word is left alone ("Assad", "Albab" are names).
    words = [w[2:] if i and _GLUED.match(w) else w for i, w in enumerate(words)]
    out = []
    for word in words:
        for a, b in _SUBS:
            word = word.replace(a, b)
        if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
            word = word[:-1]  # Raqqah → Raqqa, Hasakeh → Hasake
        out.append(_VOWELS.sub("", word))
    return _DOUBLES.sub(r"\1", "".join(out))


def abbreviation_key(text: str) -> str | None:
    """The key of a one-word abbreviation with its period ("Calif." → "calif."), else None."""
    text = text.strip()
    if text.endswith(".") and "." not in text[:-1] and " " not in text:
        return fold(text) + "."
    return None


def is_primary(name: str, key: str) -> bool:
    """Whether the folded ``key`` is ``name`` (a place's primary name), with or without its article."""
    folded = fold(name)
    if folded == key:
        return True
    head, _, rest = folded.partition(" ")
    return head in _ARTICLES and rest == key


def similar(a: str, b: str) -> float:
    """Similarity (0..1) of two names once folded, without articles and spaces: the guard on a
    loose match ("Tuz Kharmato"/"Ţūz Khūrmātū" 0.83; "ISIL"/"‘Aslah" 0.44)."""
    from difflib import SequenceMatcher

    def compact(t: str) -> str:
        return "".join(w for w in fold(t).split() if w not in _ARTICLES)

    return SequenceMatcher(None, compact(a), compact(b)).ratio()


def is_latin(text: str) -> bool:
    """Whether ``text`` folds to plain ASCII letters (a name English news could print)."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return bool(_LATIN_OK.match(folded.replace("ı", "i"))) and any(c.isalpha() for c in folded)
