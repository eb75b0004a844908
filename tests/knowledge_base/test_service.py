"""The facade end to end: concurrent search during a sync, and a few runs with the real embedder."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from kb_fakes import write_corpus

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.embeddings import LOCAL_MODEL_ID
from knowledge_base.service import KnowledgeBase, build_knowledge_base

TARGET = "rentals/late-return.md"


def test_search_during_a_changed_document_sync_never_sees_it_missing_or_twice(synced: KnowledgeBase,
                                                                             docs_dir: Path) -> None:
    problems: list[str] = []
    searches = 0
    stop = threading.Event()

    def reader() -> None:
        nonlocal searches
        while not stop.is_set():
            ids = [h.document_id for h in synced.search("late fees grace period returning bike", k=10).hits]
            searches += 1
            if ids.count(TARGET) != 1:
                problems.append(f"{TARGET} seen {ids.count(TARGET)} times in {ids}")

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for n in range(10):
            (docs_dir / TARGET).write_text(
                f"# Returning a bike late\n\n## Grace period\nGrace period of {n} minutes.\n\n"
                f"## Late fees\nLate fees are {n} euros per started hour.\n")
            assert synced.sync(docs_dir).updated == 1
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert searches > 10 and problems == []
    hit = next(h for h in synced.search("late fees per started hour", k=10).hits if h.document_id == TARGET)
    assert any("9 euros" in p.text for p in hit.passages)


def test_search_before_any_sync_is_empty_and_not_answerable(kb: KnowledgeBase) -> None:
    result = kb.search("where is the depot")
    assert result.hits == [] and result.answerable is False


def test_documents_lists_latest_versions(synced: KnowledgeBase, docs_dir: Path) -> None:
    (docs_dir / "billing/refunds.txt").write_text("Refunds take three days.\n")
    synced.sync(docs_dir)
    info = {d.id: d for d in synced.documents()}
    assert info["billing/refunds.txt"].version == 2 and info["about.html"].version == 1
    assert info["about.html"].title == "About Pedalo Rentals" and info["about.html"].chunks == 2
    assert len(info["billing/refunds.txt"].content_hash) == 64 and "T" in info["about.html"].updated_at


def test_one_document_is_read_by_id_at_its_latest_version(synced: KnowledgeBase, docs_dir: Path) -> None:
    (docs_dir / "billing/refunds.txt").write_text("Refunds take three days.\n")
    synced.sync(docs_dir)
    listed = {d.id: d for d in synced.documents()}
    assert synced.document("billing/refunds.txt") == listed["billing/refunds.txt"]
    assert synced.document("about.html") == listed["about.html"]
    assert synced.document("no/such.md") is None and synced.document("about") is None


@pytest.fixture(scope="module")
def real_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The product's own offline MiniLM embedder over the small corpus (loaded once for the module)."""
    tmp = tmp_path_factory.mktemp("real")
    settings = KnowledgeBaseSettings(data_dir=tmp / "data", collection="kb-real")
    knowledge_base = build_knowledge_base(settings)
    report = knowledge_base.sync(write_corpus(tmp / "docs"))
    assert report.added == 4 and not report.failed
    return knowledge_base


def test_real_embedder_finds_the_right_document(real_kb: KnowledgeBase) -> None:
    assert real_kb.model_id == LOCAL_MODEL_ID
    result = real_kb.search("How much do I pay if I bring the bike back two hours late?")
    assert result.hits[0].document_id == TARGET
    assert result.hits[0].passages[0].section in ("Late fees", "Grace period")
    assert real_kb.search("What time does the depot open?").hits[0].document_id == "rentals/pickup.md"


def test_real_embedder_refuses_the_fake_built_index(synced: KnowledgeBase, settings: KnowledgeBaseSettings) -> None:
    from knowledge_base.errors import EmbeddingModelMismatch

    with pytest.raises(EmbeddingModelMismatch, match=LOCAL_MODEL_ID):
        build_knowledge_base(settings).open()


def test_a_read_that_fails_once_is_retried_on_the_same_client_not_reopened(synced: KnowledgeBase) -> None:
    """A search racing this process's own sync fails once; closing the client then broke every other
    reader and the sync itself ('RustBindingsAPI' has no 'bindings')."""
    from knowledge_base.errors import IndexUnavailable

    index = synced.index
    calls = 0

    def flaky() -> str:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise IndexUnavailable("Chroma failed to get chunks: Error finding id")
        return "read"

    assert synced._reopening(flaky) == "read" and calls == 2
    assert synced.index is index  # the same client: nothing was closed under other threads

    def broken() -> str:
        raise IndexUnavailable("Chroma failed to get chunks: Error finding id")

    with pytest.raises(IndexUnavailable):
        synced._reopening(broken)
    assert synced.index is not index  # a failure that persists reopens the client
