"""Whole-document windows: cut as the tutorial cuts them, embedded at sync, kept per document version,
saved with the snapshot, and read by the learned ranker as each candidate's best window cosine."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from kb_fakes import FakeEmbeddings

from knowledge_base import snapshot_files
from knowledge_base import windows as windows_module
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.file_rows import FileRows
from knowledge_base.index import ChromaIndex
from knowledge_base.learned_ranker import LearnedRanker
from knowledge_base.rank_features import FEATURES, question_length
from knowledge_base.ranking import rank
from knowledge_base.search import Searcher
from knowledge_base.service import KnowledgeBase
from knowledge_base.snapshot import as_unit_rows
from knowledge_base.windows import WINDOW_SIZE, WindowVectors, document_windows, read_windows

LONG = "\n\n".join(f"Paragraph {i}: the ferry to island {i} leaves at {i}:15 and takes bikes on deck."
                   for i in range(40))


def test_windows_overlap_cover_the_text_and_start_with_the_title() -> None:
    windows = document_windows("Timetable", LONG)
    assert windows[0].startswith("Timetable\n\nParagraph 0")
    assert len(windows) > 3 and all(len(w) <= WINDOW_SIZE for w in windows)
    assert "Paragraph 39" in windows[-1]
    last_of_first = windows[0].split("\n\n")[-1]
    assert last_of_first in windows[1]  # 200 characters of overlap carry the last paragraph over


def test_best_window_is_each_documents_max_within_int8_error() -> None:
    rng = np.random.default_rng(3)
    vectors = as_unit_rows(rng.normal(size=(7, 32)))
    windows = WindowVectors.of(vectors, np.array([0, 3, 3, 7]))  # doc 1 has no windows
    query = as_unit_rows(rng.normal(size=(1, 32)))[0]
    exact = vectors @ query
    best = windows.best([2, 1, 0], query)
    np.testing.assert_allclose(best[[0, 2]], [exact[3:7].max(), exact[0:3].max()], atol=0.01)
    assert np.isnan(best[1])
    assert windows.codes.dtype == np.int8 and windows.codes.nbytes == 7 * 32


def test_best_windows_gathered_in_memory_equal_the_slices_read_from_a_file(tmp_path: Path) -> None:
    """In memory every candidate's windows are gathered with one index; codes read from the saved file
    are read one slice per document. Both give the same cosines, for any order of rows, repeats included."""
    rng = np.random.default_rng(5)
    vectors = as_unit_rows(rng.normal(size=(11, 16)))
    in_memory = WindowVectors.of(vectors, np.array([0, 2, 2, 6, 7, 7, 11]))  # docs 1 and 4 have no windows
    np.save(tmp_path / "codes.npy", in_memory.codes)
    on_file = WindowVectors(codes=FileRows(tmp_path / "codes.npy"), scales=in_memory.scales,  # type: ignore[arg-type]
                            starts=in_memory.starts)
    query = as_unit_rows(rng.normal(size=(1, 16)))[0]
    rows = [5, 1, 0, 3, 2, 4, 0]
    gathered, sliced = in_memory.best(rows, query), on_file.best(rows, query)
    np.testing.assert_array_equal(gathered, sliced)
    assert np.isnan(gathered[[1, 5]]).all() and not np.isnan(gathered[[0, 2, 3, 4, 6]]).any()
    exact = (in_memory.codes.astype(np.float32) @ query) * in_memory.scales
    assert gathered[0] == pytest.approx(exact[7:11].max()) and gathered[4] == pytest.approx(exact[2:6].max())
    assert np.isnan(in_memory.best([], query)).size == 0 and np.isnan(in_memory.best([1, 4], query)).all()


def _window_rows(index: ChromaIndex) -> set[tuple[str, int]]:
    assert index.windows is not None
    return {(doc, version) for doc, version, _position, _vector in index.windows.rows()}


def test_sync_stores_the_windows_of_each_current_version_only(kb: KnowledgeBase, docs_dir: Path,
                                                               embedder: FakeEmbeddings) -> None:
    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{LONG}\n", encoding="utf-8")
    kb.sync(docs_dir)
    versions = {v.document_id: v.version for v in kb.index.versions()}
    assert _window_rows(kb.index) == set(versions.items())
    assert any(t.startswith("Timetable\n\nParagraph 0") for t in embedder.documents)

    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{LONG}\n\nA new last line.\n", encoding="utf-8")
    kb.sync(docs_dir)
    assert ("timetable.md", versions["timetable.md"]) not in _window_rows(kb.index)
    assert ("timetable.md", versions["timetable.md"] + 1) in _window_rows(kb.index)

    (docs_dir / "timetable.md").unlink()
    kb.sync(docs_dir)
    assert all(doc != "timetable.md" for doc, _ in _window_rows(kb.index))


def test_the_saved_snapshot_keeps_the_windows(kb: KnowledgeBase, docs_dir: Path, settings: KnowledgeBaseSettings,
                                              embedder: FakeEmbeddings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_files, "IN_MEMORY_BYTES", 0)  # a big base: the windows are read from the file by rows
    kb.sync(docs_dir)
    kb.warm_up()
    built = kb._get_searcher()._current_snapshot().windows
    assert built is not None and built.starts[-1] == len(built.codes) > 0
    index = ChromaIndex.open(settings, embedder, embedder.model_id)
    restarted = Searcher(index=index, embedder=embedder, settings=settings)._current_snapshot().windows
    assert restarted is not None and isinstance(restarted.codes, FileRows)  # read by rows, never mapped
    np.testing.assert_array_equal(restarted.codes[0:len(restarted.codes)], built.codes)
    np.testing.assert_array_equal(restarted.starts, built.starts)


def test_the_ranker_reads_each_candidates_best_window(kb: KnowledgeBase, docs_dir: Path,
                                                      embedder: FakeEmbeddings) -> None:
    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{LONG}\n", encoding="utf-8")
    kb.sync(docs_dir)
    searcher = kb._get_searcher()
    searcher.ranker = LearnedRanker(weights=(0.0,) * len(FEATURES))
    snap = searcher._current_snapshot()
    question = "when does the ferry to island 27 leave with bikes"
    space, _level, text, vector, _crossed = searcher._route(snap, question, "en")
    ranked = rank(searcher.index, snap, space, vector, text, k=5)
    timetable = next(c for c in ranked if c.document_id == "timetable.md")
    windows = as_unit_rows(embedder.embed_documents(document_windows("Timetable", LONG)))
    expected = float((windows @ vector).max()) * question_length(text)
    assert timetable.features is not None
    assert timetable.features[FEATURES.index("window_x_length")] == pytest.approx(expected, abs=0.01)


def test_a_document_without_windows_loses_only_its_own_window_signal(
        kb: KnowledgeBase, docs_dir: Path, settings: KnowledgeBaseSettings, embedder: FakeEmbeddings) -> None:
    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{LONG}\n", encoding="utf-8")
    (docs_dir / "ferries.md").write_text(f"# Ferry bikes\n\n{LONG.replace('island', 'harbour')}\n", encoding="utf-8")
    kb.sync(docs_dir)
    assert kb.index.windows is not None
    kb.index.windows.delete({"document_id": "ferries.md"})  # as synced before windows existed
    shutil.rmtree(snapshot_files.snapshot_root(settings.data_dir, settings.collection), ignore_errors=True)
    searcher = kb._get_searcher()
    searcher.ranker = LearnedRanker(weights=(0.0,) * len(FEATURES))
    snap = searcher._current_snapshot(force=True)
    assert snap.windows is not None  # the other documents keep their windows
    row = snap.doc_rows["ferries.md"]
    assert snap.windows.starts[row] == snap.windows.starts[row + 1]
    timetable = snap.doc_rows["timetable.md"]
    own = snap.windows.starts[timetable + 1] - snap.windows.starts[timetable]
    assert own == len(document_windows("Timetable", LONG))

    question = "when does the ferry to island 27 leave with bikes"
    space, _level, text, vector, _crossed = searcher._route(snap, question, "en")
    ranked = {c.document_id: c for c in rank(searcher.index, snap, space, vector, text, k=5)}
    windows = as_unit_rows(embedder.embed_documents(document_windows("Timetable", LONG)))
    length = question_length(text)
    window_feature = FEATURES.index("window_x_length")
    assert ranked["timetable.md"].features is not None and ranked["ferries.md"].features is not None
    assert ranked["timetable.md"].features[window_feature] == pytest.approx(float((windows @ vector).max()) * length,
                                                                            abs=0.01)
    assert ranked["ferries.md"].features[window_feature] == pytest.approx(ranked["ferries.md"].chunk * length)


class _ShuffledStore:
    """A window store that returns its rows in no particular order (as Chroma's pages may)."""

    def __init__(self, rows: list[tuple[str, int, int, np.ndarray]]) -> None:
        self._rows = rows

    def rows(self, *, page_size: int = 20_000) -> Iterator[tuple[str, int, int, np.ndarray]]:
        return iter(self._rows)


def test_read_windows_groups_rows_by_document_and_position_across_read_batches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows_module, "_READ_BATCH", 2)
    rng = np.random.default_rng(5)
    vectors = {(doc, pos): rng.normal(size=16).astype(np.float32) * 3 for doc, pos in
               [("a", 0), ("a", 1), ("a", 2), ("c", 0), ("c", 1)]}
    rows = [(doc, 1, pos, vec) for (doc, pos), vec in vectors.items()] + [("b", 0, 0, rng.normal(size=16))]
    rows = [rows[i] for i in rng.permutation(len(rows))]  # "b"'s window is of an older version: not kept
    read = read_windows(_ShuffledStore(rows), {"a": 0, "b": 1, "c": 2}, np.array([1, 1, 1]))  # type: ignore[arg-type]
    assert read is not None
    expected = WindowVectors.of(as_unit_rows([vectors[k] for k in sorted(vectors)]), np.array([0, 3, 3, 5]))
    np.testing.assert_array_equal(read.starts, expected.starts)
    np.testing.assert_array_equal(read.codes, expected.codes)
    np.testing.assert_array_equal(read.scales, expected.scales)


def test_an_edited_document_embeds_only_its_changed_chunks_and_windows(kb: KnowledgeBase, docs_dir: Path,
                                                                        embedder: FakeEmbeddings) -> None:
    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{LONG}\n", encoding="utf-8")
    kb.sync(docs_dir)
    before = set(embedder.documents)
    embedder.documents.clear()
    edited = LONG.replace("Paragraph 39: the ferry to island 39 leaves at 39:15",
                          "Paragraph 39: the ferry to island 39 now leaves at 39:45")
    (docs_dir / "timetable.md").write_text(f"# Timetable\n\n{edited}\n", encoding="utf-8")
    report = kb.sync(docs_dir)
    assert report.updated == 1
    windows = document_windows("Timetable", edited)
    assert len(windows) > 3
    assert embedder.documents and set(embedder.documents).isdisjoint(before)  # only what changed
    assert sum(w in embedder.documents for w in windows) == 1  # the last window; the others are kept

    searcher = kb._get_searcher()
    snap = searcher._current_snapshot(force=True)
    row = snap.doc_rows["timetable.md"]
    assert snap.windows is not None
    kept = snap.windows.codes[int(snap.windows.starts[row]):int(snap.windows.starts[row + 1])]
    fresh = WindowVectors.of(as_unit_rows(embedder.embed_documents(windows)), np.array([0, len(windows)]))
    np.testing.assert_array_equal(kept, fresh.codes)  # reused vectors are the ones the texts would get
