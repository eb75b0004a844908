"""A restart is ready without the language model (issue 14: restart on an indexed folder under 4 s).

Since the searcher's warm-up and the `/readyz` probe both detected a language, every start loaded
py3langid's model (~0.4-0.5 CPU s, ~40-50 MB) before it was ready, though no customer had written yet.
It now loads in the background once the app serves its first request, and detects as before.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge_base import language
from server import Settings, _ready_checks, create_app


@pytest.fixture
def no_language_model() -> Iterator[None]:
    """This process as a fresh worker's: no language model loaded yet (other tests may have loaded it)."""
    language._LOADED.clear()
    yield


def _loaded() -> bool:
    return len(language._LOADED) > 0


def test_start_up_and_readiness_do_not_load_the_language_model(tmp_path: Path, no_language_model: None) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data", index_examples_on_start=False))
    services = app.extensions["supportbot"]
    try:
        assert services.knowledge_base.cross_lingual is not None  # the searcher would detect languages
        assert not _loaded(), "the start-up (warm-up included) loaded the language model"
        for name, check in _ready_checks(services).items():
            check()
            assert not _loaded(), f"the /readyz check {name!r} loaded the language model"
    finally:
        services.close()


def test_the_language_model_loads_in_the_background_once_serving(tmp_path: Path, no_language_model: None) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data", index_examples_on_start=False))
    services = app.extensions["supportbot"]
    try:
        assert app.test_client().get("/readyz").status_code == 200
        assert services.language_model.wait(timeout=60)
        assert _loaded()
        # detection unchanged, on the model the background thread loaded (not a second one)
        detector = language.LanguageDetector()
        assert detector.detect("Wie lange dauert der Versand nach Kanada?") == "de"
        assert detector.detect("How long does shipping to Canada take?") == "en"
        assert len(language._LOADED) == 1
    finally:
        services.close()


def test_a_detection_during_the_background_load_waits_for_it(no_language_model: None) -> None:
    load = language.BackgroundLoad()
    load.start()
    load.start()  # a second request starts nothing more
    assert language.LanguageDetector(default="en").detect("combien coûte la livraison express ?") == "fr"
    assert load.wait(timeout=60)
    assert len(language._LOADED) == 1  # one model, whoever asked first


@pytest.fixture
def counted_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Fresh process state; every real model-file read counted and slowed, so a race would show (a cache
    size check cannot: it holds one entry however often the model was read)."""
    from py3langid.langid import LanguageIdentifier

    language._LOADED.clear()
    language._classified.cache_clear()
    calls: list[int] = []
    original = LanguageIdentifier.from_model_file.__func__

    def slow(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        time.sleep(0.3)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", classmethod(slow))
    yield calls
    language._LOADED.clear()


def test_concurrent_detections_during_background_load_load_once(counted_loads: list[int]) -> None:
    texts = {"¿Dónde está mi pedido? Lo compré hace dos semanas.": "es",
             "Wo ist meine Bestellung? Ich habe sie vor zwei Wochen gekauft.": "de",
             "Où est ma commande ? Je l'ai achetée il y a deux semaines.": "fr",
             "Where is my order? I bought it two weeks ago.": "en"}
    load = language.BackgroundLoad()
    results: list[tuple[str, str]] = []
    barrier = threading.Barrier(17)

    def ask(text: str) -> None:
        barrier.wait()
        results.append((language.LanguageDetector().detect(text), texts[text]))

    threads = [threading.Thread(target=ask, args=(t,)) for t in list(texts) * 4]
    for t in threads:
        t.start()
    barrier.wait()
    for _ in range(50):
        load.start()  # every request's after_request
    for t in threads:
        t.join(60)
    assert load.wait(60)
    assert len(counted_loads) == 1
    assert all(got == want for got, want in results) and len(results) == 16


def test_a_restart_maps_the_copy_the_first_start_wrote(tmp_path: Path, counted_loads: list[int]) -> None:
    """The first start's background load writes the model's uncompressed copy into the data folder; the
    next start's (and its detectors', whichever loads first) maps it instead of reading the package's file."""
    settings = Settings(data_dir=tmp_path / "data", index_examples_on_start=False)
    for start in range(2):
        language._LOADED.clear()
        app = create_app(settings)
        services = app.extensions["supportbot"]
        try:
            assert app.test_client().get("/readyz").status_code == 200
            assert services.language_model.wait(timeout=60)
            assert len(counted_loads) == 1, f"start {start + 1} read the package's model file"
            assert list((settings.kb.models_dir).glob("py3langid-*/manifest.json"))
            language._LOADED.clear()  # the turn's and the searcher's detectors, were they first to load
            assert services.bot._turns._detector.detect("¿Dónde está mi pedido?") == "es"
            language._LOADED.clear()
            assert services.knowledge_base._get_searcher()._detector.detect("Où est ma commande ?") == "fr"
            assert len(counted_loads) == 1
        finally:
            services.close()
