"""Language detection: our own phrasings in each supported language, and the short-text fallback."""
from __future__ import annotations

import pytest

from knowledge_base.language import LanguageDetector, has_letters


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(("text", "language"), [
    ("how long until my parcel gets here, it's been a week", "en"),
    ("¿Cuánto cuesta el envío a Canarias y cuánto tarda?", "es"),
    ("Est-ce que je peux changer l'adresse de livraison de ma commande ?", "fr"),
    ("Wie lange dauert die Rückerstattung, wenn ich mit Karte bezahlt habe?", "de"),
    ("Posso restituire un prodotto aperto se non mi piace?", "it"),
    ("Quanto tempo demora o reembolso depois de devolver a encomenda?", "pt"),
    ("Hoe lang duurt het voordat mijn terugbetaling binnen is?", "nl"),
])
def test_each_supported_language_is_recognised(detector: LanguageDetector, text: str, language: str) -> None:
    assert detector.detect(text) == language


@pytest.mark.parametrize("text", ["static ip?", "ok", "", "???", "api rate limit?"])
def test_too_little_text_falls_back_to_the_default(detector: LanguageDetector, text: str) -> None:
    assert detector.detect(text) == "en"


@pytest.mark.parametrize("text", ["", "ab", "abc", "a1b2", "1a2b3c", "ÉtÉ", "12 ?! x", "日本", "日本語", "é\u0301a",
                                  "\U0001d400bc"])
def test_has_letters_counts_as_the_whole_count_did(text: str) -> None:
    for count in range(5):
        assert has_letters(text, count) is (sum(ch.isalpha() for ch in text) >= count)


class _Counted(str):
    """A text that counts how many of its characters were looked at."""

    seen = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for ch in str.__iter__(self):
            type(self).seen += 1
            yield ch


def test_has_letters_stops_at_the_letter_it_needs() -> None:
    """A question's letter check looks at the characters up to its third letter, not the whole text."""
    _Counted.seen = 0
    assert has_letters(_Counted("How long does delivery to Canada take?" * 20), 3)
    assert _Counted.seen == 3


def test_the_default_can_be_another_language() -> None:
    assert LanguageDetector(default="de").detect("ok") == "de"
    with pytest.raises(ValueError, match="not one of"):
        LanguageDetector(default="xx")


def test_detectors_share_one_model_that_keeps_only_their_languages() -> None:
    import numpy as np

    from knowledge_base.language import SUPPORTED_LANGUAGES

    turn, search = LanguageDetector(), LanguageDetector(default="es", min_confidence=0.9)
    model = turn._model()
    assert search._model() is model  # one copy a process (~50 MB), not one per detector
    assert sorted(set(model.nb_classes)) == sorted(SUPPORTED_LANGUAGES)
    names = [n for cls in type(model).__mro__ for n in getattr(cls, "__slots__", ())]
    values = [getattr(model, n) for n in names if hasattr(model, n)]
    tables = [v for value in values for v in (value if isinstance(value, tuple) else (value,))]
    assert any(isinstance(t, np.ndarray) and t.ndim == 2 for t in tables)
    # NOTE: py3langid's own restriction keeps every language's table (97 columns, 27 MB) beside ours
    assert all(t.shape[-1] <= len(SUPPORTED_LANGUAGES) for t in tables if isinstance(t, np.ndarray))


def test_two_detectors_classify_one_text_once_and_each_keeps_its_own_confidence() -> None:
    """A turn detects its message for the reply and again for the search's route: the model runs once."""

    class CountingModel:
        calls = 0

        def classify(self, text: str) -> tuple[str, float]:
            self.calls += 1
            return "es", 0.8

    model = CountingModel()
    turn, search = LanguageDetector(), LanguageDetector(min_confidence=0.9)
    turn._identifier = search._identifier = model
    text = "¿Cuánto tarda el envío a Canarias? (a text no other test classifies)"
    assert turn.detect(text) == "es"
    assert search.detect(text) == "en"  # 0.8 is below this detector's 0.9: its default
    assert model.calls == 1
    assert turn.detect(text + " otra vez") == "es"
    assert model.calls == 2
