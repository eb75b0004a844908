"""The search snapshot is saved beside the index and mapped by the next process: a restart reads no
chunk from Chroma and embeds no title, and ranks exactly as the process that built it."""
from __future__ import annotations

import mmap
import time
from pathlib import Path

import numpy as np
import pytest
from kb_fakes import FakeEmbeddings

from knowledge_base import snapshot_files
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.index import ChromaIndex
from knowledge_base.search import Searcher
from knowledge_base.service import KnowledgeBase, build_knowledge_base
from knowledge_base.snapshot_files import ChunkIds, ChunkRows, TextColumn

QUESTIONS = ["how do I pick up a bike", "what does a late return cost", "is there a helmet", "opening hours"]


class NoBulkReads(ChromaIndex):
    """An index whose every-chunk read fails: what a restart must not need."""

    def iter_chunks_with_vectors(self, **_kwargs: object):  # type: ignore[override]
        raise AssertionError("the saved snapshot should have been mapped, not rebuilt from Chroma")


def _fresh_searcher(settings: KnowledgeBaseSettings, embedder: FakeEmbeddings, *,
                    index_class: type[ChromaIndex] = ChromaIndex) -> Searcher:
    index = index_class.open(settings, embedder, embedder.model_id)
    return Searcher(index=index, embedder=embedder, settings=settings)


def _results(searcher: Searcher) -> list[list[tuple[str, float, list[str]]]]:
    return [[(h.document_id, h.score, [p.text for p in h.passages]) for h in searcher.search(q).hits]
            for q in QUESTIONS]


@pytest.fixture
def built(kb: KnowledgeBase, docs_dir: Path) -> KnowledgeBase:
    kb.sync(docs_dir)
    kb.warm_up()  # builds the snapshot, and saves it
    return kb


def test_a_restart_maps_the_saved_snapshot_and_ranks_the_same(built: KnowledgeBase, settings, embedder,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_files, "IN_MEMORY_BYTES", 0)  # a big base: mapped and read by rows
    before = _results(built._get_searcher())
    embedder.documents.clear()
    restarted = _fresh_searcher(settings, embedder, index_class=NoBulkReads)
    assert _results(restarted) == before
    assert embedder.documents == []  # no title embedded again (the anchors are embedded by explain only)
    snap = restarted._current_snapshot()
    assert _is_mapped(snap.title_vectors) and isinstance(snap.chunk_texts, TextColumn)


def test_a_small_base_is_read_whole_into_memory_and_ranks_the_same(built: KnowledgeBase, settings,
                                                                   embedder) -> None:
    """Per-row reads cost a syscall and a GIL handoff each: ~1 ms a turn on a small help centre."""
    before = _results(built._get_searcher())
    restarted = _fresh_searcher(settings, embedder, index_class=NoBulkReads)
    assert _results(restarted) == before
    snap = restarted._current_snapshot()
    assert not _is_mapped(snap.title_vectors) and isinstance(snap.chunk_texts, list)
    assert isinstance(snap.chunk_rows, dict)  # ids, texts and sections decoded once, at load


def _is_mapped(array: np.ndarray) -> bool:
    base = array
    while isinstance(base, np.ndarray) and base.base is not None:
        base = base.base
    return isinstance(base, mmap.mmap) and not array.flags.writeable


def test_without_the_saved_folder_the_snapshot_is_built_again(built: KnowledgeBase, settings, embedder) -> None:
    before = _results(built._get_searcher())
    root = snapshot_files.snapshot_root(settings.data_dir, settings.collection)
    for folder in root.glob("g*"):
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    with pytest.raises(AssertionError, match="mapped, not rebuilt"):
        _fresh_searcher(settings, embedder, index_class=NoBulkReads).search("bike")
    assert _results(_fresh_searcher(settings, embedder)) == before


def test_a_sync_embeds_only_the_titles_it_has_not_seen_even_after_a_restart(
        built: KnowledgeBase, settings, embedder, docs_dir: Path) -> None:
    built.close()
    (docs_dir / "rentals" / "insurance.md").write_text("# Theft insurance\n\nEvery rental includes theft insurance.\n")
    embedder.documents.clear()
    restarted = build_knowledge_base(settings, embedder=embedder)
    restarted.sync(docs_dir)
    restarted.warm_up()
    titles = {t for t in embedder.documents if "\n" not in t and len(t) < 40}
    assert titles == {"Theft insurance"}
    assert restarted.search("is theft insured").hits[0].document_id == "rentals/insurance.md"
    restarted.close()


def test_a_snapshot_of_another_model_or_index_is_not_used(built: KnowledgeBase, settings) -> None:
    root = snapshot_files.snapshot_root(settings.data_dir, settings.collection)
    generation = built._get_searcher()._current_snapshot().generation
    where = str(settings.chroma_dir.resolve())
    assert snapshot_files.load(root, generation, model_id="fake:bag-of-words-64", where=where,
                               known=lambda _w: False) is not None
    assert snapshot_files.load(root, generation, model_id="other-model", where=where, known=lambda _w: False) is None
    assert snapshot_files.load(root, generation, model_id="fake:bag-of-words-64", where="http://chroma:8000",
                               known=lambda _w: False) is None


def test_only_the_newest_generations_are_kept(kb: KnowledgeBase, docs_dir: Path, settings) -> None:
    kb.sync(docs_dir)
    kb.warm_up()
    for n in range(3):
        (docs_dir / f"extra-{n}.md").write_text(f"# Extra {n}\n\nMore words about bikes {n}.\n")
        kb.sync(docs_dir)  # a write rebuilds the snapshot of the new generation, and saves it
    root = snapshot_files.snapshot_root(settings.data_dir, settings.collection)
    assert len(list(root.glob("g*"))) == snapshot_files.KEEP


def test_chunk_rows_resolve_ids_from_the_arrays() -> None:
    doc_ids = ["a.md", "b::odd.md"]
    chunk_doc, versions, positions = np.array([0, 0, 1]), np.array([2, 2, 1]), np.array([0, 1, 0])
    ids = ChunkIds(doc_ids, chunk_doc, versions, positions)
    rows = ChunkRows(ids, {d: i for i, d in enumerate(doc_ids)}, np.array([0, 2]), versions, positions)
    assert list(ids) == ["a.md::v2::0", "a.md::v2::1", "b::odd.md::v1::0"]
    assert [rows.get(i) for i in ids] == [0, 1, 2]
    assert rows.get("a.md::v1::0") is None and rows.get("a.md::v2::2") is None and rows.get("nonsense") is None


def test_text_column_decodes_one_text_at_a_time() -> None:
    texts = ["Café ☕", "", "plain"]
    encoded = [t.encode() for t in texts]
    blob = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    offsets = np.concatenate([[0], np.cumsum([len(b) for b in encoded])])
    column = TextColumn(blob, offsets)
    assert list(column) == texts and column[-1] == "plain" and column[0:2] == texts[:2]


def test_an_empty_index_saves_and_maps(settings, embedder) -> None:
    kb = build_knowledge_base(settings, embedder=embedder)
    kb.warm_up()
    assert list(snapshot_files.snapshot_root(settings.data_dir, settings.collection).glob("g*/manifest.json"))
    assert kb.search("anything").hits == []
    kb.close()


def test_an_unwritable_data_folder_builds_without_the_shared_lock(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    ran = []
    with snapshot_files.building(blocker / "search" / "collection"):  # mkdir fails: NotADirectoryError
        ran.append(True)
    assert ran == [True]


def test_a_mapped_snapshot_is_timed_by_its_load_not_by_its_original_build(built: KnowledgeBase, settings,
                                                                          embedder) -> None:
    root = snapshot_files.snapshot_root(settings.data_dir, settings.collection)
    for manifest in root.glob("g*/manifest.json"):  # as if the first build had taken a long time
        manifest.write_text(manifest.read_text().replace('"built_in": ', '"built_in": 1e9, "was": '))
    restarted = _fresh_searcher(settings, embedder, index_class=NoBulkReads)
    assert restarted._current_snapshot().built_in < 60


def test_a_snapshot_saved_by_another_process_is_mapped_despite_the_rebuild_rate_limit(
        built: KnowledgeBase, settings, embedder, docs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_files, "IN_MEMORY_BYTES", 0)  # a big base: mapped and read by rows
    worker = _fresh_searcher(settings, embedder, index_class=NoBulkReads)  # maps, never builds
    worker.search("bike")
    worker._snapshot.built_in = 1e9  # this worker would not rebuild for a long while
    (docs_dir / "rentals" / "insurance.md").write_text("# Theft insurance\n\nEvery rental includes theft insurance.\n")
    built.sync(docs_dir)  # another process: writes, and saves the new generation's snapshot
    generation = built._get_searcher()._current_snapshot().generation
    assert (snapshot_files.snapshot_root(settings.data_dir, settings.collection) / f"g{generation}").is_dir()
    time.sleep(0.6)  # other writers' generations are re-read at most every 0.5 s
    assert worker.search("is theft insured").hits[0].document_id == "rentals/insurance.md"
    assert worker._snapshot.generation == generation and _is_mapped(worker._snapshot.title_vectors)


def test_the_build_lock_removes_folders_left_by_a_killed_build(tmp_path: Path) -> None:
    root = tmp_path / "search" / "collection"
    left = root / ".writing-abc123"
    left.mkdir(parents=True)
    (left / "chunk_vectors.npy").write_bytes(b"\0" * 1024)
    (root / "g3").mkdir()
    with snapshot_files.building(root):
        assert not left.exists()
    assert (root / "g3").is_dir()
