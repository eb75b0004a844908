"""Several workers share one copy of the embedding model: `serve` loads it before gunicorn forks."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import serving
from server import Settings, create_app, default_embedder


@pytest.mark.parametrize(("args", "preloaded"), [
    (["--workers", "2"], True), (["--workers", "1"], False),
    (["--workers", "2", "--no-preload-model"], False), (["--workers", "1", "--preload-model"], True),
])
def test_serve_preloads_the_model_with_several_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      args: list[str], preloaded: bool) -> None:
    ran: dict[str, object] = {}
    monkeypatch.setattr(serving, "run_gunicorn", lambda settings, **kwargs: ran.update(kwargs))
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False, db={"redis_url": "redis://127.0.0.1:1/0"})
    result = CliRunner().invoke(serving.serve_command(lambda: settings), args)
    assert result.exit_code == 0, result.output
    assert ran["preload_model"] is preloaded


def test_the_preloaded_model_is_the_one_the_app_uses(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False)
    shared = default_embedder(settings, load=True)
    assert shared.inner._loaded is not None  # type: ignore[attr-defined]  # loaded before any worker exists
    app = create_app(settings, embedder=shared, start_background=False)
    services = app.extensions["supportbot"]
    assert services.knowledge_base.embedder is shared
    services.close()


def test_the_language_model_is_loaded_before_the_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from knowledge_base import language

    monkeypatch.setattr(serving, "_SHARED_MODULES", ())
    monkeypatch.setattr(gc, "freeze", lambda: None)  # this test process keeps collecting as usual
    language._LOADED.clear()
    serving._import_before_fork()
    assert len(language._LOADED) == 1  # in the master: every worker shares its pages
    assert language.LanguageDetector(default="es")._model() is language.identifier_for(language.SUPPORTED_LANGUAGES)
