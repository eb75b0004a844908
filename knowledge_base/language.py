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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge_base.freed_memory import return_freed_memory

if TYPE_CHECKING:
    from knowledge_base.language_copy import ModelArrays

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")
_LOADING = threading.Lock()  # one load per process, however many detectors ask at once
# The process's models by the languages they are restricted to: one per process whoever asks first,
# wherever it was read from (the copy and the package's file give the same detections).
_LOADED: dict[tuple[str, ...], Any] = {}
# NOTE: a turn classifies the customer's message twice, for the reply's language (`customer_language`)
# and for the search's route, with two detectors on one model that differ only in the confidence they
# ask for; ~0.2 ms of CPU each time. The model's (language, confidence) for the last texts is kept,
# so the second detector reads the first's verdict. A few hundred texts of at most a message's length.
_REMEMBERED = 256


def identifier_for(languages: tuple[str, ...], models_dir: Path | None = None) -> Any:
    """py3langid's model restricted to `languages`, loaded once per process and shared by every detector
    (a worker has two: the turn's and the searcher's). `serve --workers N` loads it in gunicorn's master
    before forking; one worker loads it after its first answered request (`BackgroundLoad`), or at the
    first detection, whichever comes first: a detection during the background load waits for it instead
    of loading a second copy.

    `models_dir` (the data folder's `models/`): where the uncompressed copy of the restricted model is
    kept (`language_copy`): mapped from there in ~0.03 CPU s instead of ~0.5 s of decompressing the
    package's file, which is read (and the copy written) when there is no valid copy. None: the package's
    file, nothing written (a detector built without a data folder)."""
    with _LOADING:
        identifier = _LOADED.get(languages)
        if identifier is not None:
            return identifier
        identifier, write = _load_identifier(languages, models_dir)
        _LOADED[languages] = identifier
    if write is not None:
        write()  # NOTE: after the lock: a detection waiting for the model does not wait for the copy's write
    return identifier


class BackgroundLoad:
    """Loads the process's language model (`identifier_for`) in a daemon thread, once, on `start()`.

    Why: nothing a server needs to be ready detects a language, and loading the model at start-up cost
    every restart ~0.4-0.5 CPU s and ~40-50 MB before `/readyz`; loaded right after, the first customer
    finds it loaded (or waits for the rest of the load, not for a second one). With `models_dir` the load
    maps the copy a previous start wrote there (~0.03 s), and the first start writes it.
    """

    def __init__(self, languages: tuple[str, ...] = SUPPORTED_LANGUAGES, *, models_dir: Path | None = None) -> None:
        self._languages = tuple(languages)
        self._models_dir = models_dir
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
        identifier_for(self._languages, self._models_dir)
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


def _load_identifier(languages: tuple[str, ...],
                     models_dir: Path | None) -> tuple[Any, Callable[[], object] | None]:
    """The restricted model, and what writes its copy into `models_dir` when it came from the package
    (None when it came from the copy, or there is nowhere to write one)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from knowledge_base import language_copy

    source = MODEL_DIR / MODEL_FILE
    digest = ""
    if models_dir is not None:
        digest = language_copy.source_digest(source)
        copied = language_copy.read_copy(models_dir, digest, languages)
        if copied is not None:
            return _identifier(copied), None
    full = LanguageIdentifier.from_model_file(source, norm_probs=True)
    full.set_languages(list(languages))
    # NOTE: a new identifier on the restricted tables: `full` also keeps every language's table
    # (27 MB of 97 languages) in case it is restricted again, which we never do.
    arrays = language_copy.ModelArrays(ptc=full.nb_ptc, pc=full.nb_pc, classes=list(full.nb_classes),
                                       nextmove=full.tk_nextmove, row=full.tk_row, output=full.tk_output)
    if models_dir is None:
        return _identifier(arrays), None
    return _identifier(arrays), functools.partial(language_copy.write_copy, models_dir, digest, languages, arrays)


def _identifier(arrays: ModelArrays) -> Any:
    from py3langid.langid import LanguageIdentifier

    return LanguageIdentifier(arrays.ptc, arrays.pc, arrays.classes, arrays.nextmove, arrays.output,
                              norm_probs=True, tk_row=arrays.row)


@functools.lru_cache(maxsize=_REMEMBERED)
def _classified(identifier: Any, text: str) -> tuple[str, float]:
    """The model's best language for `text` and its confidence (a pure function of the two)."""
    language, confidence = identifier.classify(text)
    return str(language), float(confidence)


def has_letters(text: str, count: int) -> bool:
    """Whether `text` has at least `count` letters (`str.isalpha`); stops at the `count`-th.

    NOTE: counting every character of a question twice a turn (reply and search) cost more than
    looking at the few a question starts with."""
    seen = 0
    for ch in text:
        if ch.isalpha():
            seen += 1
            if seen >= count:
                return True
    return count <= 0


class LanguageDetector:
    """Uses the process's one model (`identifier_for`), loaded on first use; `detect` then takes well under 1 ms.

    `models_dir`: where the model's uncompressed copy is kept (`identifier_for`), if this detector loads it."""

    def __init__(self, *, default: str = "en", languages: tuple[str, ...] = SUPPORTED_LANGUAGES,
                 min_confidence: float = 0.5, models_dir: Path | None = None) -> None:
        if default not in languages:
            raise ValueError(f"default language {default!r} is not one of {languages}")
        self.default = default
        self._languages = tuple(languages)
        self._min_confidence = min_confidence
        self._models_dir = models_dir
        self._identifier: Any = None

    def detect(self, text: str) -> str:
        """An ISO 639-1 code from `languages`; `default` when the text says too little to tell."""
        if not has_letters(text, 3):
            return self.default
        language, confidence = _classified(self._model(), text)
        return language if confidence >= self._min_confidence else self.default

    def _model(self) -> Any:
        if self._identifier is None:
            self._identifier = identifier_for(self._languages, self._models_dir)
        return self._identifier
