"""The coarse index that serves dense search on big bases: near-exact neighbours, exact cosines,
and Chroma's graph left unloaded."""
from __future__ import annotations

import numpy as np
import pytest
from kb_fakes import FakeEmbeddings

from knowledge_base import snapshot_files
from knowledge_base.coarse_index import build_coarse_index
from knowledge_base.file_rows import FileRows
from knowledge_base.index import ChromaIndex
from knowledge_base.search import Searcher
from knowledge_base.service import KnowledgeBase


def _clustered(n: int, topics: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(topics, 64)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    vectors = centres[rng.integers(0, topics, n)] + rng.normal(0, 0.08, (n, 64)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), centres


def test_neighbours_are_nearly_the_exact_ones_with_exact_cosines() -> None:
    vectors, centres = _clustered(20_000, 300)
    index = build_coarse_index(vectors)
    recalls = []
    for query in centres[:40]:
        exact = vectors @ query
        found = index.nearest(query, 32)
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
        assert all(abs(s - exact[row]) < 1e-5 for row, s in found)
        recalls.append(len({r for r, _ in found} & set(np.argsort(-exact)[:32].tolist())) / 32)
    assert np.mean(recalls) >= 0.9


def test_probing_every_list_is_exact_search() -> None:
    vectors, centres = _clustered(500, 10)
    index = build_coarse_index(vectors, lists=8)
    exact = vectors @ centres[0]
    assert [r for r, _ in index.nearest(centres[0], 10, probes=8)] == np.argsort(-exact)[:10].tolist()


class NoGraph(ChromaIndex):
    def nearest(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        raise AssertionError("Chroma's graph queried although the snapshot is current")


def test_a_big_base_searches_its_coarse_index_not_chromas_graph(kb: KnowledgeBase, docs_dir, settings,
                                                               embedder: FakeEmbeddings) -> None:
    kb.sync(docs_dir)
    exact = Searcher(index=kb.index, embedder=embedder, settings=settings)  # small: exact, in memory
    expected = [[h.document_id for h in exact.search(q).hits] for q in ("bike pick up", "late fee", "helmet")]
    kb.close()
    settings = settings.model_copy(update={"collection": settings.collection})
    big = Searcher(index=NoGraph.open(settings, embedder, embedder.model_id), embedder=embedder,
                   settings=settings.model_copy(update={"data_dir": settings.data_dir / "other"}), in_memory_below=0)
    assert [[h.document_id for h in big.search(q).hits] for q in ("bike pick up", "late fee", "helmet")] == expected
    assert big._current_snapshot().coarse is not None and big._current_snapshot().chunk_vectors is None


@pytest.mark.parametrize("n", [1, 3])
def test_tiny_inputs(n: int) -> None:
    vectors, centres = _clustered(n, 1)
    assert [r for r, _ in build_coarse_index(vectors).nearest(centres[0], 5)] == sorted(
        range(n), key=lambda r: -float(vectors[r] @ centres[0]))


QUESTIONS = ("bike pick up", "late fee", "helmet", "how do I return it")


def test_a_big_bases_titles_come_from_their_index_never_a_scan_of_every_title(
        kb: KnowledgeBase, docs_dir, settings, embedder: FakeEmbeddings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_files, "IN_MEMORY_BYTES", 0)  # a big base's files: read by rows
    kb.sync(docs_dir)
    exact = Searcher(index=kb.index, embedder=embedder, settings=settings)
    expected = [[(h.document_id, h.score) for h in exact.search(q).hits] for q in QUESTIONS]
    assert exact._current_snapshot().title_index is None  # a small base scans its titles exactly
    other = settings.model_copy(update={"data_dir": settings.data_dir / "other"})
    for _start in range(2):  # built (and saved), then mapped back as a restart does
        big = Searcher(index=kb.index, embedder=embedder, settings=other, titles_exact_below=0)
        snap = big._current_snapshot()
        assert snap.title_index is not None
        snap.title_vectors = np.full_like(np.asarray(snap.title_vectors), np.nan)  # a scan would make every score nan
        got = [[(h.document_id, h.score) for h in big.search(q).hits] for q in QUESTIONS]
        assert [[d for d, _ in hits] for hits in got] == [[d for d, _ in hits] for hits in expected]
        for hits, want in zip(got, expected, strict=True):
            np.testing.assert_allclose([s for _, s in hits], [s for _, s in want], atol=1e-5)
    assert isinstance(big._current_snapshot().title_index.exact, FileRows)  # type: ignore[union-attr]
