"""The app as `supportbot serve` builds it answers customers in other languages (issue 11 item 4).

The server passed its own (wrapped) embedder to the knowledge base, which then left out the
cross-lingual one: `eval answers` had it, served customers did not, and every German, French or
Spanish question on the examples was declined.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from server import Settings, create_app, default_cross_lingual
from tests.knowledge_base.kb_fakes import FakeEmbeddings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_served_knowledge_base_has_the_cross_lingual_embedder(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data", index_examples_on_start=False), start_background=False)
    services = app.extensions["supportbot"]
    try:
        assert services.knowledge_base.cross_lingual is not None
        # ...and so the answerer gets the English embedder that the yes/no check and the non-English
        # section choice judge sentences with (`server._array_embedder` requires the cross-lingual one)
        assert services.bot._turns._answerer._english_raw is not None
    finally:
        services.close()


def test_no_cross_lingual_embedder_beside_another_embedder(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert default_cross_lingual(settings, FakeEmbeddings()) is None
    openai = settings.model_copy(update={"kb": settings.kb.model_copy(update={"embedding": "openai"})})
    assert default_cross_lingual(openai) is None


@pytest.mark.parametrize(("question", "document", "fact"), [
    ("Wie lange dauert der Versand nach Kanada?", "shipping/delivery-times.md", "5–8"),
    ("combien coûte la livraison express au Royaume-Uni ?", "shipping/delivery-times.md", "9.95"),
])
def test_a_served_customer_is_answered_in_another_language(served_shipping, question: str, document: str,
                                                           fact: str) -> None:
    bot = served_shipping
    conversation, _ = bot.start_conversation()
    outcome = bot.post_and_answer(conversation.id, question)
    assert outcome.outcome == "answered", outcome.message.text if outcome.message else outcome
    assert outcome.message.citations[0].document_id == document
    assert fact in outcome.message.text


@pytest.fixture(scope="module")
def served_shipping(tmp_path_factory: pytest.TempPathFactory):
    """The examples' shipping articles synced into the app `create_app` builds by itself."""
    tmp = tmp_path_factory.mktemp("served")
    docs = tmp / "docs" / "shipping"
    shutil.copytree(EXAMPLES / "shipping", docs)
    app = create_app(Settings(data_dir=tmp / "data", index_examples_on_start=False), start_background=False)
    services = app.extensions["supportbot"]
    report = services.knowledge_base.sync(tmp / "docs")
    assert report.added == 6 and not report.failed
    services.knowledge_base.fill_cross_lingual()
    yield services.bot
    services.close()


def test_supportbot_serve_answers_a_question_in_german_on_first_start(tmp_path: Path) -> None:
    """The real server on a new data folder: the examples indexed in the start-up child, with their
    cross-lingual vectors, before the worker takes questions."""
    import time

    import httpx

    from tests.bot.web.server_process import ServerProcess

    with ServerProcess(tmp_path / "data") as server:
        created = httpx.post(f"{server.url}/api/conversations", json={}, timeout=10).json()
        cid, token = created["id"], created["token"]
        posted = server.post_as_customer(cid, token, "Wie lange dauert der Versand nach Kanada?")
        replies: list[dict] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not replies:
            replies = httpx.get(f"{server.url}/api/conversations/{cid}/messages?after={posted['id']}",
                                headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["messages"]
            time.sleep(0.3)
        assert replies, server.log_tail()
        assert replies[0]["citations"][0]["document_id"] == "shipping/delivery-times.md", replies[0]["text"]
        assert "5–8" in replies[0]["text"]


def _wiring(services) -> dict[str, object]:
    """What decides a turn's outcome beyond the data: which embedders and second opinions are attached."""
    turns = services.bot._turns
    second = getattr(turns._triage, "_second", None)
    return {"cross_lingual": type(services.knowledge_base.cross_lingual).__name__,
            "english_sentences": turns._answerer._english_raw is not None,
            "triage_head": getattr(second, "_learned", None) is not None,
            "knowledge_language": turns._answerer.knowledge_code}


def test_the_served_bot_is_wired_as_the_one_eval_answers_measures(tmp_path: Path) -> None:
    """Figures from `supportbot eval answers` describe what customers get only if both build the same bot."""
    from server import build_knowledge_base, build_services

    app = create_app(Settings(data_dir=tmp_path / "served", index_examples_on_start=False), start_background=False)
    served = app.extensions["supportbot"]
    throwaway = Settings(data_dir=tmp_path / "eval")
    evaluated = build_services(throwaway, knowledge_base=build_knowledge_base(throwaway))
    try:
        assert _wiring(served) == _wiring(evaluated)
        assert _wiring(served)["triage_head"] and _wiring(served)["english_sentences"]
    finally:
        served.close()
        evaluated.close()
