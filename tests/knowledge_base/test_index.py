"""The Chroma index: cosine matches with full metadata, model-mismatch refusal, re-index, versions."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings, OtherFakeEmbeddings

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.errors import EmbeddingModelMismatch, IndexUnavailable
from knowledge_base.index import ChromaIndex
from knowledge_base.service import KnowledgeBase, build_knowledge_base


def test_query_returns_best_first_with_every_chunk_field(synced: KnowledgeBase, embedder: FakeEmbeddings) -> None:
    matches = synced.index.query(embedder.embed_query("late fees grace period hour"), k=3)
    assert len(matches) == 3
    assert matches[0].document_id == "rentals/late-return.md"
    assert [m.similarity for m in matches] == sorted((m.similarity for m in matches), reverse=True)
    assert -1.0 <= matches[-1].similarity <= matches[0].similarity <= 1.0 + 1e-6
    pickup = next(c for c in synced.index.iter_chunks() if c.id == "rentals/pickup.md::v1::1")
    assert (pickup.title, pickup.section, pickup.url, pickup.tags, pickup.version, pickup.position, pickup.source) == (
        "Picking up a bike",
        "Opening hours",
        "https://help.example.test/pickup",
        ("rentals", "stores"),
        1,
        1,
        "rentals/pickup.md",
    )
    assert pickup.embed_text == f"Picking up a bike\nOpening hours\n\n{pickup.text}" and pickup.similarity == 0.0


def test_query_on_an_empty_index_returns_nothing(settings: KnowledgeBaseSettings, embedder: FakeEmbeddings) -> None:
    index = ChromaIndex.open(settings, embedder, embedder.model_id)
    assert index.query(embedder.embed_query("anything"), k=5) == [] and list(index.iter_chunks()) == []


def test_iter_chunks_pages_through_everything(synced: KnowledgeBase) -> None:
    every = list(synced.index.iter_chunks(page_size=2))
    assert len(every) == len({c.id for c in every}) == synced.index.count()


def test_opening_with_another_model_is_refused_with_how_to_reindex(
    synced: KnowledgeBase, settings: KnowledgeBaseSettings
) -> None:
    other = OtherFakeEmbeddings()
    with pytest.raises(EmbeddingModelMismatch) as err:
        ChromaIndex.open(settings, other, other.model_id)
    message = str(err.value)
    assert "fake:bag-of-words-64" in message and "fake:another-model" in message
    assert "kb sync DIR --reindex" in message and str(settings.data_dir / "chroma") in message


def test_reindex_rebuilds_with_the_new_model(
    synced: KnowledgeBase, settings: KnowledgeBaseSettings, docs_dir: Path
) -> None:
    other = OtherFakeEmbeddings()
    kb = build_knowledge_base(settings, embedder=other)
    report = kb.sync(docs_dir, reindex=True)
    assert report.added == 4 and report.unchanged == 0 and len(other.documents) <= report.embedded + report.windows
    assert ChromaIndex.open(settings, other, other.model_id).count() == report.embedded
    with pytest.raises(EmbeddingModelMismatch):
        ChromaIndex.open(settings, FakeEmbeddings(), FakeEmbeddings.model_id)


def test_generation_bumps_on_writes_seen_from_another_handle(
    synced: KnowledgeBase, settings: KnowledgeBaseSettings, embedder: FakeEmbeddings
) -> None:
    other_handle = ChromaIndex.open(settings, embedder, embedder.model_id)
    before = other_handle.generation()
    assert synced.remove(["about.html"]) == 1
    assert other_handle.generation() > before


def test_unreachable_chroma_server_is_reported_as_index_unavailable(tmp_path: Path, embedder: FakeEmbeddings) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = KnowledgeBaseSettings(data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{port}")
    with pytest.raises(IndexUnavailable, match=f"127.0.0.1:{port}"):
        ChromaIndex.open(settings, embedder, embedder.model_id)


def test_changed_document_is_never_missing_for_a_concurrent_reader(
    synced: KnowledgeBase, docs_dir: Path, embedder: FakeEmbeddings
) -> None:
    """Raw index level: while a document is rewritten, some version of it is always stored."""
    index, target = synced.index, "rentals/late-return.md"
    vector = embedder.embed_query("late fees grace period")
    stop, missing, seen_versions = threading.Event(), [], set()

    def reader() -> None:
        while not stop.is_set():
            versions = {m.version for m in index.query(vector, k=20) if m.document_id == target}
            seen_versions.update(versions)
            if not versions:
                missing.append(1)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for n in range(8):
            (docs_dir / target).write_text(
                f"# Returning a bike late\n\n## Late fees\nLate fees grace period rule {n}.\n"
            )
            assert synced.sync(docs_dir).updated == 1
    finally:
        stop.set()
        thread.join()
    assert not missing
    assert len(seen_versions) > 1  # the reader really ran while versions changed


def test_versions_are_read_in_pages(synced: KnowledgeBase) -> None:
    """One read of every document failed past ~32,000 documents inside embedded Chroma."""
    whole = sorted((v.document_id, v.version) for v in synced.index.versions())
    assert sorted((v.document_id, v.version) for v in synced.index.versions(page_size=1)) == whole
    assert len(whole) == 4
