"""Which language a customer wrote in, offline: py3langid (a naive Bayes model over byte n-grams,
numpy only), restricted to the languages the product speaks.

Short questions carry little signal ("static ip?" reads as Italian to any n-gram model), so a guess
below `min_confidence` falls back to the knowledge base's own language: answering a Spanish
question as if it were English costs a second search, sending an English one to the cross-lingual
embedder costs precision.
"""
from __future__ import annotations

import threading
from typing import Any

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")


class LanguageDetector:
    """Loads its model on first use (about 0.5 s, 5 MB); `detect` then takes well under 1 ms."""

    def __init__(self, *, default: str = "en", languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
                 min_confidence: float = 0.5) -> None:
        if default not in languages:
            raise ValueError(f"default language {default!r} is not one of {languages}")
        self.default = default
        self._languages = languages
        self._min_confidence = min_confidence
        self._identifier: Any = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> str:
        """An ISO 639-1 code from `languages`; `default` when the text says too little to tell."""
        if sum(ch.isalpha() for ch in text) < 3:
            return self.default
        language, confidence = self._model().classify(text)
        return str(language) if confidence >= self._min_confidence else self.default

    def _model(self) -> Any:
        with self._lock:
            if self._identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(list(self._languages))
                self._identifier = identifier
            return self._identifier
