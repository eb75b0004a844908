"""Which language a customer wrote in, offline: py3langid (a naive Bayes model over byte n-grams,
numpy only), restricted to the languages the product speaks.

Short questions carry little signal ("static ip?" reads as Italian to any n-gram model), so a guess
below `min_confidence` falls back to the knowledge base's own language: answering a Spanish
question as if it were English costs a second search, sending an English one to the cross-lingual
embedder costs precision.
"""
from __future__ import annotations

import functools
import threading
from typing import Any

from knowledge_base.freed_memory import return_freed_memory

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")
_LOADING = threading.Lock()  # one load per process, however many detectors ask at once
# NOTE: a turn classifies the customer's message twice, for the reply's language (`customer_language`)
# and for the search's route, with two detectors on one model that differ only in the confidence they
# ask for; ~0.2 ms of CPU each time. The model's (language, confidence) for the last texts is kept,
# so the second detector reads the first's verdict. A few hundred texts of at most a message's length.
_REMEMBERED = 256


def identifier_for(languages: tuple[str, ...]) -> Any:
    """py3langid's model restricted to `languages`, loaded once per process (~0.5 s) and shared by every
    detector (a worker has two: the turn's and the searcher's). `serve --workers N` loads it in gunicorn's
    master before forking, so its ~50 MB (mostly the byte automaton, 40 MB) are pages every worker
    shares; one worker loads it after its first answered request (`BackgroundLoad`), or at the first
    detection, whichever comes first: a detection during the background load waits for it instead of
    loading a second copy."""
    with _LOADING:
        return _load_identifier(languages)


class BackgroundLoad:
    """Loads the process's language model (`identifier_for`) in a daemon thread, once, on `start()`.

    Why: nothing a server needs to be ready detects a language, and loading the model at start-up cost
    every restart ~0.4-0.5 CPU s and ~40-50 MB before `/readyz`; loaded right after, the first customer
    finds it loaded (or waits for the rest of the load, not for a second one).
    """

    def __init__(self, languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> None:
        self._languages = tuple(languages)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start loading unless already started; cheap to call on every request."""
        if self._thread is not None:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="language-model", daemon=True)
                self._thread.start()

    def _load(self) -> None:
        identifier_for(self._languages)
        # NOTE: the load's buffers are freed in this thread's own malloc arena, which glibc keeps (worker
        # RSS a second after the first answer, kb_scale --examples, two runs: 325 MB without this trim, 315 with;
        # the load in the master or in the warm-up was followed by the start-up's trim).
        return_freed_memory()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a started load (tests, benchmarks); True when it is done or was never started."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True


@functools.lru_cache(maxsize=4)
def _load_identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    full.set_languages(list(languages))
    # NOTE: a new identifier on the restricted tables: `full` also keeps every language's table
    # (27 MB of 97 languages) in case it is restricted again, which we never do.
    return LanguageIdentifier(full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove, full.tk_output,
                              norm_probs=True, tk_row=full.tk_row)


@functools.lru_cache(maxsize=_REMEMBERED)
def _classified(identifier: Any, text: str) -> tuple[str, float]:
    """The model's best language for `text` and its confidence (a pure function of the two)."""
    language, confidence = identifier.classify(text)
    return str(language), float(confidence)


class LanguageDetector:
    """Uses the process's one model (`identifier_for`), loaded on first use; `detect` then takes well under 1 ms."""

    def __init__(self, *, default: str = "en", languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
                 min_confidence: float = 0.5) -> None:
        if default not in languages:
            raise ValueError(f"default language {default!r} is not one of {languages}")
        self.default = default
        self._languages = tuple(languages)
        self._min_confidence = min_confidence
        self._identifier: Any = None

    def detect(self, text: str) -> str:
        """An ISO 639-1 code from `languages`; `default` when the text says too little to tell."""
        if sum(ch.isalpha() for ch in text) < 3:
            return self.default
        language, confidence = _classified(self._model(), text)
        return language if confidence >= self._min_confidence else self.default

    def _model(self) -> Any:
        if self._identifier is None:
            self._identifier = identifier_for(self._languages)
        return self._identifier
