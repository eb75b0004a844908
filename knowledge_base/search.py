"""Search: route a question to the right embedding space, rank documents, return a calibrated score.

A question in the knowledge base's language is normalised (contractions, typos of the base's own
words; `query.py`) and ranked with the default embedder; one in another language, when the index
holds cross-lingual vectors, is ranked with those (`crosslingual.py`), and also by its key words
translated into the base's own (`crosslingual_terms.py`); the two rankings are fused and judged
together (`crosslingual_fusion.py`). The signals and their mix are in `ranking.py`; the
in-memory snapshot they read in `snapshot.py`; the calibrated score in `calibration.py`.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from knowledge_base import crosslingual_fusion, snapshot_files
from knowledge_base.calibration import DEFAULT_CALIBRATION, OFF_DOMAIN_ANCHORS, Calibration
from knowledge_base.chunking import compose_embed_text
from knowledge_base.coarse_index import build_coarse_index
from knowledge_base.crosslingual_terms import TermTranslator, WordVectors, vocabulary
from knowledge_base.embeddings import TOKENIZER_PATH
from knowledge_base.freed_memory import return_freed_memory
from knowledge_base.language import LanguageDetector
from knowledge_base.late_interaction import LateInteraction, TokenVectors, document_maxsim, question_tokens
from knowledge_base.learned_ranker import LearnedRanker
from knowledge_base.query import known_words
from knowledge_base.ranking import MATCHES_PER_DOC, Candidate, Space, margin, rank
from knowledge_base.results import DocumentHit, Passage, SearchResult
from knowledge_base.snapshot import CrossLingualView, Snapshot, as_unit_rows, build_snapshot

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.crosslingual_store import CrossLingualStore
    from knowledge_base.index import ChromaIndex

log = logging.getLogger(__name__)

PASSAGES_PER_DOC = MATCHES_PER_DOC  # one number: ranking keeps exactly the matches a document can show
NEAR_MISS_SAMPLE = 64  # documents whose titles probe the near-miss level
# Up to this many chunks the snapshot also holds their vectors (1.5 KB each; 2 KB more for the
# cross-lingual ones) and dense scoring is one exact matrix product in memory: ~0.1 ms at 1,000
# chunks, ~1 ms at 20,000, against ~1 ms per Chroma query plus its locking under concurrent turns.
IN_MEMORY_BELOW = 20_000
# Up to this many documents every query scores every title exactly (~0.7 ms at 10,000). Above, titles
# are grouped into a coarse index like a big base's chunks: at 100,000 documents the exact scan was
# 6.5-16 ms of a search's CPU and read all 154 MB of title vectors into each worker's RSS.
TITLES_EXACT_BELOW = 20_000
# The cross-lingual space's threshold on the same calibrated score: its cosines are less sharp
# than MiniLM's within one language, so the same score means less (see kb_answerability.py).
CROSS_LINGUAL_THRESHOLD = 0.35
# The title's share of a document's relevance in the cross-lingual space. A USE title vector is a
# few English words against a whole foreign question, so it mostly adds noise: on our 69 answerable
# non-English dev questions (four help centres) the right document came first for 0.59 at MiniLM's
# 0.5 and for 0.73 at 0.0, and the score separated answerable from not better (AUROC 0.72 -> 0.84;
# `benchmarks/i18n_diagnostic.py`). Chunk vectors already carry their title.
CROSS_LINGUAL_TITLE_WEIGHT = 0.0
# How sure the language detector must be before a question leaves the default space: below it, short
# chit-chat, product names and keyboard mashing ("rasa tutorials" read as Italian at 0.52) stay on
# the default path. On our 231 labelled dev questions in six languages one is then missed (an Italian
# question half in English); on the public rasa_sara set, 11 English or gibberish texts stop being routed.
ROUTING_CONFIDENCE = 0.75
# Documents each of the two rankings of a question in another language returns before they are fused:
# one missing from a ranking counts 0 there, so both must look further than the few shown.
FUSION_DEPTH = 10
# While cross-lingual vectors are being filled in, how often a question looks again whether they are complete.
FILL_RECHECK_S = 2.0


# NOTE: a chunk's token vectors take ~100 KB (tokens x 384 floats): the late-interaction memo is
# emptied past this many chunks instead of growing with every document a big base ever re-ranks.
_TOKEN_MEMO_CHUNKS = 2_000


class Searcher:
    """Answers `search(query)` over one `ChromaIndex`; safe to share between threads."""

    def __init__(self, *, index: ChromaIndex, embedder: Embeddings, settings: KnowledgeBaseSettings,
                 calibration: Calibration | None = None, in_memory_below: int = IN_MEMORY_BELOW,
                 language: str = "en", detector: LanguageDetector | None = None,
                 cross_lingual_threshold: float = CROSS_LINGUAL_THRESHOLD,
                 ranker: LearnedRanker | None = None, titles_exact_below: int = TITLES_EXACT_BELOW) -> None:
        """`ranker`: the learned ranker's weights (default: the pinned `assets/ranker.json`, checked here)."""
        self.index = index
        self.titles_exact_below = titles_exact_below
        # None after construction: the hand-tuned ranking alone (benchmarks/ranker_cost.py compares them).
        self.ranker: LearnedRanker | None = ranker if ranker is not None else LearnedRanker.load()
        self.in_memory_below = in_memory_below
        self.embedder = embedder
        self.settings = settings
        self.calibration = calibration or DEFAULT_CALIBRATION
        self.language = language
        self.cross_lingual_threshold = cross_lingual_threshold
        self._detector = detector or LanguageDetector(default=language, min_confidence=ROUTING_CONFIDENCE,
                                                      models_dir=settings.models_dir)
        self._snapshot: Snapshot | None = None
        self._build_lock = threading.Lock()
        self._cross_lock = threading.Lock()
        self._anchors: np.ndarray | None = None
        self._known: frozenset[str] | None = None
        self._saved_unusable: int | None = None  # a saved generation this searcher could not map
        self._word_vectors: WordVectors | None = None  # cross-lingual vectors of the base's words
        self.late_interaction = LateInteraction(weight=settings.late_interaction_weight,
                                                band=settings.late_interaction_band,
                                                move_lead=settings.late_interaction_move_lead)
        self._token_memo: tuple[int, dict[int, np.ndarray]] = (-1, {})  # (generation, chunk row -> tokens)

    # -- public --------------------------------------------------------------------------------
    def search(self, query: str, *, k: int | None = None, language: str | None = None) -> SearchResult:
        """The best documents for `query`, each with its best passages and a calibrated score.

        `language` is the question's language when the caller knows it; otherwise it is detected
        when the index holds cross-lingual vectors (and left "" when it does not: nothing to route).
        """
        k = k or self.settings.top_k
        if not query.strip():
            return SearchResult(query=query, hits=[], answerable=False, language=language or "",
                                threshold=self.settings.answerable_threshold)
        language = language or self._detect(query)
        snapshot = self._current_snapshot()
        if snapshot.chunks == 0:
            return SearchResult(query=query, hits=[], answerable=False, language=language,
                                threshold=self.settings.answerable_threshold)
        space, level, text, vector, crossed = self._route(snapshot, query, language)
        depth = max(k, FUSION_DEPTH) if crossed else k
        ranked = rank(self.index, snapshot, space, vector, text, k=depth)
        if not crossed:
            self._late_rerank(snapshot, ranked, text)
        hits = [self._hit(snapshot, c, margin(ranked, i, level), level) for i, c in enumerate(ranked[:depth])]
        if crossed:
            return self._translated(snapshot, query, language, hits, k)
        threshold = self.cross_lingual_threshold if crossed else self.settings.answerable_threshold
        answerable = bool(hits) and hits[0].score >= threshold
        return SearchResult(query=query, hits=hits, answerable=answerable, language=language, cross_lingual=crossed,
                            threshold=threshold)

    def refresh(self) -> None:
        """Rebuild the in-memory snapshot and load the model now (at start-up, or right after a sync),
        so the first question does not pay for either.

        NOTE: not the language model: nothing before `/readyz` (nor a sync) detects a language, and it cost
        every start ~0.35-0.55 CPU s; a server loads it in the background once ready
        (`language.BackgroundLoad`), anything else at its first detection."""
        self._current_snapshot(force=True)
        self._embed_query("warm up")

    @property
    def near_miss_level(self) -> float:
        return self._current_snapshot().level

    def raw_relevance(self, query: str, *, k: int = 5) -> list[tuple[str, float]]:
        """(document id, uncalibrated relevance) best first: for fitting and studying the calibration."""
        return [(str(c["document_id"]), float(c["raw"])) for c in self.explain(query, k=k)]

    def explain(self, query: str, *, k: int = 5) -> list[dict[str, float | str]]:
        """The signals behind the ranking of the top `k` documents (for studies and debugging)."""
        snapshot = self._current_snapshot()
        if snapshot.chunks == 0 or not query.strip():
            return []
        space, level, text, vector, _crossed = self._route(snapshot, query, self._detect(query))
        ranked = rank(self.index, snapshot, space, vector, text, k=k)
        unknown = snapshot.lexical.unknown_share(text)
        anchor = self._anchor_similarity(self._embed_query(text))
        fifth = ranked[min(4, len(ranked) - 1)].base if ranked else 0.0
        # The question's own background: how well the runners-up (ranks 2-10) match it on average.
        background = float(np.mean([c.base for c in ranked[1:10]])) if len(ranked) > 1 else level
        # "raw" is what the calibration reads (the hand-tuned mix), "ranking" what orders documents.
        return [{"document_id": c.document_id, "raw": c.base, "ranking": c.raw, "chunk": c.chunk, "title": c.title,
                 "coverage": c.coverage, "level": level, "margin": margin(ranked, i, level),
                 "unknown": unknown, "anchor": anchor, "agree": c.agree, "rank5": fifth, "background": background}
                for i, c in enumerate(ranked[:k])]

    def _translated(self, snap: Snapshot, query: str, language: str, hits: list[DocumentHit],
                    k: int) -> SearchResult:
        """A cross-lingual ranking fused with the search of the question's words in the base's own
        (`crosslingual_terms.py`, `crosslingual_fusion.py`); USE's alone when none was found."""
        view = snap.cross_lingual
        english = view.terms.translate(query, language) if view is not None and view.terms is not None else ""
        if len(english.split()) < crosslingual_fusion.MIN_WORDS:
            english = ""
        if english:
            by_words = self.search(english, k=max(k, FUSION_DEPTH), language=self.language).hits
            fused = crosslingual_fusion.fuse(hits, by_words, k=k)
            answerable = crosslingual_fusion.answerable(hits, by_words, fused)
            threshold = crosslingual_fusion.threshold(hits, by_words)
            hits = fused
        else:
            hits = hits[:k]
            threshold = self.cross_lingual_threshold
            answerable = bool(hits) and hits[0].score >= threshold
        return SearchResult(query=query, hits=hits, answerable=answerable, language=language, cross_lingual=True,
                            translated=english, threshold=threshold)

    # -- routing -------------------------------------------------------------------------------
    def _detect(self, query: str) -> str:
        return self._detector.detect(query) if self.index.cross_lingual is not None else ""

    def _route(self, snap: Snapshot, query: str, language: str,
               ) -> tuple[Space, float, str, np.ndarray, bool]:
        """(space, its near-miss level, the text for keywords, the query vector, cross-lingual?)."""
        store = self.index.cross_lingual
        view = self._cross_lingual_view(snap) if store is not None and language and language != self.language else None
        if store is not None and view is not None:
            vector = store.embedder.embed_array([query])[0]
            space = Space(title_vectors=view.title_vectors, chunk_vectors=view.chunk_vectors,
                          nearest=store.nearest, fresh=self._fresh(snap), title_weight=CROSS_LINGUAL_TITLE_WEIGHT)
            return space, view.level, query, vector, True
        text = snap.normaliser.normalise(query) if snap.normaliser is not None and self.language == "en" else query
        return self._space(snap), snap.level, text, self._embed_query(text), False

    def _space(self, snap: Snapshot, *, fresh: bool | None = None) -> Space:
        fresh = self._fresh(snap) if fresh is None else fresh
        return Space(title_vectors=snap.title_vectors, chunk_vectors=snap.chunk_vectors,
                     nearest=self._nearest(snap, fresh), fresh=fresh, ranker=self.ranker, title_index=snap.title_index)

    def _nearest(self, snap: Snapshot, fresh: bool) -> Callable[[np.ndarray, int], list[tuple[str, float]]]:
        """Dense neighbours on a big base: the snapshot's coarse index, or Chroma while the snapshot
        is behind the index (what was just written must be found)."""
        coarse = snap.coarse
        if coarse is not None and fresh:
            return lambda v, n: [(snap.chunk_ids[row], sim) for row, sim in coarse.nearest(v, n)]
        return lambda v, n: self.index.nearest(v.tolist(), n)

    def _fresh(self, snap: Snapshot) -> bool:
        # A snapshot behind the index (a rebuild is pending or rate-limited mid-sync) lets Chroma
        # score, so what was just written is found at once.
        return snap.generation == self.index.generation(max_age_s=0.5)

    def _cross_lingual_view(self, snap: Snapshot) -> CrossLingualView | None:
        """The snapshot's cross-lingual vectors and level, built once per snapshot on first need.

        None while some chunks still lack their vector (a fill runs after every write): the
        question then takes the default path, as it did before these vectors existed, rather than
        waiting for a whole knowledge base to be embedded or being ranked against half of it.
        """
        view = snap.cross_lingual
        if view is not None:
            return view
        store = self.index.cross_lingual
        assert store is not None  # only routed here when the index has one
        with self._cross_lock:
            if snap.cross_lingual is None:
                if time.monotonic() - snap.cross_lingual_checked < FILL_RECHECK_S:
                    return None
                snap.cross_lingual_checked = time.monotonic()
                if store.missing_ids(snap.chunk_ids):
                    return None
                started = time.perf_counter()
                titles = self._title_vectors_across(store, snap.titles)
                in_memory = snap.chunks <= self.in_memory_below
                chunks = store.stored(snap.cross_lingual_rows())[0] if in_memory else None
                space = Space(title_vectors=titles, chunk_vectors=chunks, nearest=store.nearest, fresh=True,
                              title_weight=CROSS_LINGUAL_TITLE_WEIGHT)
                snap.cross_lingual = CrossLingualView(title_vectors=titles, chunk_vectors=chunks,
                                                      level=self._near_miss_level(snap, space, titles),
                                                      terms=self._term_translator(snap, store))
                log.debug("cross-lingual view of %d chunks built in %.2fs", snap.chunks, time.perf_counter() - started)
            return snap.cross_lingual

    def _term_translator(self, snap: Snapshot, store: CrossLingualStore) -> TermTranslator:
        """The base's vocabulary in the cross-lingual space: read as the fill stored it at sync time
        (`crosslingual_texts.py`); a word it lacks is embedded here and remembered."""
        if self._word_vectors is None or self._word_vectors.embedder is not store.embedder:
            self._word_vectors = WordVectors(store.embedder, stored=self._stored_words)
        frequencies = snap.lexical.frequencies()
        return TermTranslator(vocabulary(frequencies), self._word_vectors, known=frozenset(frequencies))

    def _stored_words(self, words: Sequence[str]) -> Mapping[str, np.ndarray]:
        """The words' stored vectors, read through the index's store of now.

        NOTE: not the store open when the words were first needed: after another process's write the
        index reopens its embedded client (`ChromaIndex._reload`) and the old store's reads fail
        ("Error finding id"), which sent every question in another language down the default path.
        """
        store = self.index.cross_lingual
        return store.texts.vectors(words) if store is not None else {}

    @staticmethod
    def _title_vectors_across(store: CrossLingualStore, titles: list[str]) -> np.ndarray:
        """The titles' cross-lingual vectors as the fill stored them; any it lacks are embedded now."""
        if not titles:
            return np.zeros((0, 1), np.float32)
        found = store.texts.vectors(titles)
        missing = [t for t in dict.fromkeys(titles) if t not in found]
        if missing:
            found.update(zip(missing, store.embedder.embed_array(missing), strict=True))
        return np.stack([found[t] for t in titles]).astype(np.float32)

    # -- late interaction ----------------------------------------------------------------------
    def _late_rerank(self, snap: Snapshot, ranked: list[Candidate], text: str) -> None:
        """Re-score the first two documents by their token match where the first leads by little
        (`late_interaction.py`); in place. Anything missing leaves the ranking as it was."""
        late = self.late_interaction
        if len(ranked) < 2 or not late.applies(ranked[0].raw - ranked[1].raw):
            return
        pair = ranked[:2]
        if any(c.row < 0 for c in pair):
            return
        token_vectors = getattr(self.embedder, "token_vectors", None)
        if token_vectors is None:
            return
        (q,) = token_vectors([text])
        question = question_tokens(text, q)
        scores = [document_maxsim(question, self._chunk_tokens(snap, c.row, token_vectors)) for c in pair]
        moves = late.adjustments(scores)
        if moves is None:
            return
        swap = pair[1].raw + moves[1] > pair[0].raw + moves[0]
        if late.move_lead:
            for c, move in zip(pair, moves, strict=True):
                c.raw += move
        elif swap:
            pair[0].raw, pair[1].raw = pair[1].raw, pair[0].raw
        if swap:
            ranked[0], ranked[1] = pair[1], pair[0]

    def _chunk_tokens(self, snap: Snapshot, row: int,
                      token_vectors: Callable[[Sequence[str]], list[TokenVectors]]) -> list[np.ndarray | None]:
        """The token vectors of document `row`'s chunks, embedded on first need and kept for the snapshot."""
        end = int(snap.doc_starts[row + 1]) if row + 1 < len(snap.doc_starts) else snap.chunks
        rows = range(int(snap.doc_starts[row]), end)
        generation, memo = self._token_memo
        if generation != snap.generation or len(memo) > _TOKEN_MEMO_CHUNKS:
            memo = {}
            self._token_memo = (snap.generation, memo)
        missing = [r for r in rows if r not in memo]
        if missing:
            texts = [compose_embed_text(snap.titles[row], snap.chunk_sections[r], snap.chunk_texts[r]) for r in missing]
            for r, t in zip(missing, token_vectors(texts), strict=True):
                memo[r] = t.vectors
        return [memo[r] for r in rows]

    # -- hits ----------------------------------------------------------------------------------
    def _embed_query(self, text: str) -> np.ndarray:
        embed_array = getattr(self.embedder, "embed_array", None)
        if embed_array is not None:
            vec = np.asarray(embed_array([text])[0], dtype=np.float32)
        else:
            vec = np.asarray(self.embedder.embed_query(text), dtype=np.float32)
        return vec / max(float(np.linalg.norm(vec)), 1e-12)

    def _anchor_similarity(self, vector: np.ndarray) -> float:
        """The query's best cosine with generic off-domain sentences (chit-chat, weather, trivia)."""
        anchors = self._anchors
        if anchors is None:
            anchors = self._anchors = as_unit_rows(self.embedder.embed_documents(list(OFF_DOMAIN_ANCHORS)))
        return float((anchors @ vector).max()) if len(anchors) else 0.0

    def _hit(self, snap: Snapshot, cand: Candidate, margin_: float, level: float) -> DocumentHit:
        passages = [
            Passage(chunk_id=m.id, text=m.text, section=m.section, score=float(m.similarity))
            for m in sorted(cand.matches, key=lambda m: m.similarity, reverse=True)[:PASSAGES_PER_DOC]
        ]
        if not passages and cand.best_chunk >= 0:
            best = cand.best_chunk
            passages = [Passage(chunk_id=snap.chunk_ids[best], text=snap.chunk_texts[best],
                                section=snap.chunk_sections[best], score=float(cand.chunk))]
        if cand.row >= 0:
            title, source, url = snap.titles[cand.row], snap.sources[cand.row], snap.urls[cand.row]
            trust = snap.trusts[cand.row]
        else:
            first = cand.matches[0]
            title, source, url, trust = first.title, first.source, first.url, first.trust
        # The calibration was fitted on the hand-tuned relevance: the learned ranker orders documents
        # (and so sets the margin) without moving what a score means for the threshold. Letting it
        # move the gap too declined two more answerable long questions on larkspur-fibre.
        score = self.calibration.score(cand.base, level, margin_)
        return DocumentHit(document_id=cand.document_id, title=title, source=source, url=url,
                           score=round(score, 6), passages=passages, coverage=round(cand.coverage, 4), trust=trust)

    # -- snapshot ------------------------------------------------------------------------------
    def _current_snapshot(self, *, force: bool = False) -> Snapshot:
        """The snapshot for the index's current generation, rebuilt when a write happened.

        During a long sync every write bumps the generation; a big base is then rebuilt at most
        once per two build durations, and never while another thread is rebuilding it (the dense
        part stays live meanwhile).
        """
        snap = self._snapshot
        # NOTE: a collection-metadata read costs ~2 ms; other processes' writes may show 0.5 s late.
        generation = self.index.generation(max_age_s=0 if force else 0.5)
        if snap is not None and not force and snap.generation == generation:
            return snap
        if snap is not None and not force and time.monotonic() - snap.built_at < 2 * snap.built_in:
            return self._saved_instead(snap, generation)
        # While another thread rebuilds, searches keep using the old snapshot instead of waiting.
        if not self._build_lock.acquire(blocking=snap is None or force):
            return snap  # type: ignore[return-value]  # only non-blocking when a snapshot exists
        try:
            snap = self._snapshot
            if snap is not None and not force and snap.generation == generation:
                return snap
            self._snapshot = self._build(generation)
            return self._snapshot
        finally:
            self._build_lock.release()

    def _saved_instead(self, snap: Snapshot, generation: int) -> Snapshot:
        """While this process's rebuilds are rate-limited, another process's saved snapshot of the new
        generation (after `kb sync` or `kb add`) is mapped at once: a few milliseconds, where waiting
        would send dense scoring of a big base to Chroma, which loads its whole graph into this worker."""
        root = self._saved_root()
        if generation == self._saved_unusable or not (root / f"g{generation}").is_dir():
            return snap
        if not self._build_lock.acquire(blocking=False):
            return snap
        try:
            current = self._snapshot
            if current is not None and current.generation == generation:
                return current
            loaded = self._loaded(root, generation)
            if loaded is None:  # another model's or index's, or damaged: rebuilt when the rate limit allows
                self._saved_unusable = generation
                return snap
            self._snapshot = loaded
            return loaded
        finally:
            self._build_lock.release()

    def _build(self, generation: int) -> Snapshot:
        """The saved snapshot of `generation` if one exists (mapped, shared with other processes),
        else one built from the index, saved, and mapped back (the built copy's memory is freed)."""
        root = self._saved_root()
        snap = self._loaded(root, generation)
        if snap is None:
            with snapshot_files.building(root):  # workers starting together: one builds, the others map it
                snap = self._loaded(root, generation) or self._build_and_save(root, generation)
        snap.built_at = time.monotonic()
        return snap

    def _loaded(self, root: Path, generation: int) -> Snapshot | None:
        """The saved snapshot, timed by its load: the manifest's build time (up to a minute on a big
        base) would otherwise rate-limit this process's next refresh as if it had built it."""
        started = time.perf_counter()
        snap = self._load_saved(root, generation)
        if snap is not None:
            snap.built_in = time.perf_counter() - started
            snap.built_at = time.monotonic()
        return snap

    def _load_saved(self, root: Path, generation: int) -> Snapshot | None:
        """The saved snapshot, with chunk vectors exactly when this searcher holds them (`in_memory_below`)."""
        snap = snapshot_files.load(root, generation, model_id=self.index.model_id, where=self._where(),
                                   known=self._known_words().__contains__)
        if snap is None or snap.chunks == 0:
            return snap
        if len(snap.doc_ids) <= self.titles_exact_below:
            snap.title_index = None  # (one saved without it, before it existed, scans titles exactly as then)
        if snap.chunks > self.in_memory_below:
            snap.chunk_vectors = None
        elif snap.chunk_vectors is None:
            return None  # saved by a searcher that scores these chunks in Chroma: build one with them
        return snap

    def _build_and_save(self, root: Path, generation: int) -> Snapshot:
        built = self._build_from_index(generation)
        try:
            snapshot_files.save(built, root, model_id=self.index.model_id, where=self._where())
        except OSError as exc:  # a read-only or full disk: serve what was built
            log.warning("search snapshot not saved under %s: %s", root, exc)
            return built
        mapped = self._load_saved(root, generation)
        if mapped is None:
            return built
        del built
        return_freed_memory()  # the chunk rows read from Chroma and the built arrays
        return mapped

    def _build_from_index(self, generation: int) -> Snapshot:
        started = time.perf_counter()
        snap = build_snapshot(self.index, generation=generation, title_vectors=self._title_vectors,
                              in_memory_below=self.in_memory_below, known=self._known_words().__contains__)
        if len(snap.doc_ids) > self.titles_exact_below:
            snap.title_index = build_coarse_index(np.asarray(snap.title_vectors, dtype=np.float32))
        snap.level = self._near_miss_level(snap, self._space(snap, fresh=True), snap.title_vectors)
        snap.built_in = time.perf_counter() - started
        snap.built_at = time.monotonic()
        log.debug("search snapshot: %d documents, %d chunks, near-miss level %.3f, built in %.2fs",
                  len(snap.doc_ids), snap.chunks, snap.level, snap.built_in)
        return snap

    def _known_words(self) -> frozenset[str]:
        if self._known is None:
            self._known = known_words(TOKENIZER_PATH)
        return self._known

    def _saved_root(self) -> Path:
        return snapshot_files.snapshot_root(self.settings.data_dir, self.settings.collection)

    def _where(self) -> str:
        """Which index a saved snapshot belongs to: the Chroma server, or the embedded folder."""
        return self.settings.chroma_url or str(self.settings.chroma_dir.resolve())

    def _title_vectors(self, titles: list[str]) -> np.ndarray:
        """Title embeddings: those of the previous snapshot (in memory, or the newest saved one) are
        reused by text, so neither a sync nor a restart re-embeds titles that did not change."""
        if not titles:
            return np.zeros((0, 1), dtype=np.float32)
        previous = self._snapshot or snapshot_files.latest(self._saved_root(), model_id=self.index.model_id,
                                                           where=self._where())
        old = previous.title_vectors if previous is not None else np.zeros((0, 1), np.float32)
        have = {t: row for row, t in enumerate(previous.titles)} if previous is not None else {}
        missing = sorted({t for t in titles if t not in have})
        fresh = {t: row for row, t in enumerate(missing)}
        computed = as_unit_rows(self.embedder.embed_documents(missing)) if missing else old[:0]
        return np.stack([computed[fresh[t]] if t in fresh else old[have[t]] for t in titles]).astype(np.float32)

    def _near_miss_level(self, snap: Snapshot, space: Space, title_vectors: np.ndarray) -> float:
        """Median raw relevance of a document's title to the best *other* document (leave-one-out)."""
        n = len(snap.doc_ids)
        if n < 2:
            return self.calibration.level([])
        picks = np.unique(np.linspace(0, n - 1, num=min(n, NEAR_MISS_SAMPLE)).round().astype(int))
        near: list[float] = []
        for row in picks:
            ranked = rank(self.index, snap, space, title_vectors[row], snap.titles[row], k=1, exclude=snap.doc_ids[row])
            if ranked:
                near.append(max(c.base for c in ranked))  # the hand-tuned best, as the calibration was fitted
        return self.calibration.level(near)
