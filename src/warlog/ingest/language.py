"""Language identification with lingua, built once and reused."""

from __future__ import annotations

import threading

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
from lingua import LanguageDetector as _Lingua

from ..settings import Settings

#: Characters of a text looked at: the opening paragraphs decide, and lingua's cost grows with length.
SAMPLE_CHARS = 2000


class LanguageDetector:
    """Tell the language of a text, as an ISO 639-1 code, among ``ingest.language_candidates``.

    The lingua model is built on first use (it takes a moment and some memory), in low-accuracy
    mode, which is reliable for paragraphs and several times faster. Texts shorter than
    ``ingest.min_chars_for_language`` (after stripping) are taken as English. Build one per run
    and reuse it; it is thread-safe.
    """

    def __init__(self, *, settings: Settings) -> None:
        config = settings["ingest"]
        candidates = [str(code).lower() for code in config["language_candidates"]]
        unknown = [code for code in candidates if not hasattr(IsoCode639_1, code.upper())]
        if unknown:
            raise ValueError(f"unknown ISO 639-1 language codes: {', '.join(unknown)}")
        self.candidates = tuple(candidates)
        self.min_chars = int(config["min_chars_for_language"])
        self._lingua: _Lingua | None = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> str | None:
        """The ISO 639-1 code of ``text``'s language; None when lingua cannot decide."""
        sample = text.strip()[:SAMPLE_CHARS]
        if len(sample) < self.min_chars:
            return "en"
        found = self._model().detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None

    def _model(self) -> _Lingua:
        with self._lock:
            if self._lingua is None:
                codes = [getattr(IsoCode639_1, code.upper()) for code in self.candidates]
                builder = LanguageDetectorBuilder.from_languages(*map(Language.from_iso_code_639_1, codes))
                self._lingua = builder.with_low_accuracy_mode().build()
            return self._lingua
