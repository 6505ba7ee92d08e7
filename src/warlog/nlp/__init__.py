"""The spaCy pipeline: one ``Language`` object, loaded once per process.

``load_nlp`` loads the model named in ``settings["nlp"]["model"]`` and lets the later stages add
the components they need (``geo.add_components``, ``extract.add_components``), so that one
``nlp.pipe`` pass gives every stage what it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["doc_text", "load_nlp"]

_TEXT_KEY = "warlog.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text anew on each access of
    ``Doc.text`` (an O(length) step that, called per place and per event, cost the analysis stages
    about a quarter of their time on the demo corpus)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


_CACHE: dict[tuple[str, int], Language] = {}


def load_nlp(*, settings: Settings) -> Language:
    """The analysis pipeline for ``settings`` (cached per model name and settings identity)."""
    import spacy

    name = settings["nlp"]["model"]
    key = (name, id(settings))
    if key in _CACHE:
        return _CACHE[key]
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            "W501", path="nlp.model", detail=f"cannot load spaCy model {name!r}: {exc}"
        ) from exc
    from .. import extract, geo

    for stage in (extract, geo):
        add = getattr(stage, "add_components", None)
        if add is not None:
            add(nlp, settings=settings)
    _CACHE[key] = nlp
    return nlp
