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

__all__ = ["load_nlp"]

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
