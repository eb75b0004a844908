"""`eval retrieval`: index a corpus with the product's own pipeline and measure ranking and refusals."""
from __future__ import annotations

import json
import math
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge_base.errors import DocumentLoadError

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from knowledge_base.config import KnowledgeBaseSettings
    from knowledge_base.crosslingual import NamedEmbedder
    from knowledge_base.index import ChromaIndex
    from knowledge_base.results import SearchResult
    from knowledge_base.search import Searcher

EVAL_K = 10


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file; blank lines are skipped, a bad line names its number."""
    rows: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    return rows


def auroc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    """Area under the ROC curve (ties count half); None without both classes."""
    pos = [s for s, y in zip(scores, labels, strict=False) if y]
    neg = [s for s, y in zip(scores, labels, strict=False) if not y]
    if not pos or not neg:
        return None
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2  # 1-based ranks i+1..j
        rank_sum += avg_rank * sum(1 for r in ranked[i:j] if r[1])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def index_corpus(rows: Iterable[dict[str, Any]], *, settings: KnowledgeBaseSettings, embedder: Embeddings,
                 model_id: str, cross_lingual: NamedEmbedder | None = None) -> ChromaIndex:
    """Chunk, embed and upsert every corpus row the way a sync does; returns the opened index."""
    from knowledge_base.chunking import Chunk, split_document
    from knowledge_base.documents import document_from_text
    from knowledge_base.index import ChromaIndex
    from knowledge_base.windows import document_windows, embed_once

    index = ChromaIndex.open(settings, embedder, model_id, cross_lingual=cross_lingual)
    updated_at = datetime.now(UTC).isoformat(timespec="seconds")
    batch: list[Chunk] = []
    windows: list[tuple[str, list[str]]] = []  # (document id, its windows) of the documents in `batch`

    def flush() -> None:
        if batch:
            texts = [w for _, ws in windows for w in ws]
            vectors = embed_once(embedder.embed_documents, [c.embed_text for c in batch] + texts)
            ends = [len(batch)]
            for _, ws in windows:
                ends.append(ends[-1] + len(ws))
            spans = zip(windows, ends[:-1], ends[1:], strict=True)
            index.upsert_windows([(doc_id, 1, ws, vectors[a:b]) for (doc_id, ws), a, b in spans])
            index.upsert(batch, vectors[:len(batch)])
            batch.clear()
            windows.clear()

    for row in rows:
        try:
            document = document_from_text(doc_id=str(row["id"]), title=str(row.get("title") or ""),
                                          text=str(row.get("text") or ""))
        except DocumentLoadError:
            continue  # an empty row cannot be retrieved; its queries count as misses
        batch.extend(split_document(document, version=1, updated_at=updated_at, settings=settings))
        if index.windows is not None:
            windows.append((document.id, document_windows(document.title, document.text)))
        if len(batch) >= 256:
            flush()
    flush()
    if index.cross_lingual is not None:  # as `kb sync` does before it exits
        from knowledge_base.crosslingual_fill import CrossLingualFiller

        CrossLingualFiller(index=lambda: index, write_lock=threading.Lock()).fill()
    return index


def evaluate_retrieval(corpus: Path, queries: Path, *, settings: KnowledgeBaseSettings,
                       embedder: Embeddings | None = None) -> dict[str, Any]:
    """recall@1/@5, MRR@10, nDCG@10 and, with unanswerable queries, AUROC and answer/refusal rates."""
    query_rows = read_jsonl(queries)
    results: list[tuple[dict[str, Any], SearchResult]] = []
    with throwaway_searcher(read_jsonl(corpus), settings=settings, embedder=embedder) as searcher:
        started = time.perf_counter()
        for row in query_rows:
            results.append((row, searcher.search(str(row["text"]), k=EVAL_K)))
        elapsed = time.perf_counter() - started
    return _metrics(results, elapsed)


@contextmanager
def throwaway_searcher(corpus_rows: list[dict[str, Any]], *, settings: KnowledgeBaseSettings,
                       embedder: Embeddings | None = None) -> Iterator[Searcher]:
    """A `Searcher` over `corpus_rows` indexed into a temporary directory, deleted afterwards."""
    from knowledge_base.embeddings import make_embedder
    from knowledge_base.search import Searcher

    cross_lingual = None
    if embedder is None:  # the product's default, with its cross-lingual second vector when offline
        embedder, model_id = make_embedder(settings)
        if settings.embedding == "local":
            from knowledge_base.crosslingual import CrossLingualEmbeddings

            cross_lingual = CrossLingualEmbeddings()
    else:
        model_id = getattr(embedder, "model_id", None) or f"custom:{type(embedder).__name__}"
    with tempfile.TemporaryDirectory(prefix="supportbot-eval-") as tmp:
        run_settings = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": None,
                                                   "collection": "eval"})
        index = index_corpus(corpus_rows, settings=run_settings, embedder=embedder, model_id=model_id,
                             cross_lingual=cross_lingual)
        try:
            searcher = Searcher(index=index, embedder=embedder, settings=run_settings)
            searcher.refresh()
            yield searcher
        finally:
            index.close()


def _metrics(results: list[tuple[dict[str, Any], SearchResult]], elapsed: float) -> dict[str, Any]:
    r1 = r5 = mrr = ndcg = 0.0
    answerable_n = 0
    scores: list[float] = []
    labels: list[bool] = []
    answered: list[bool] = []
    for row, result in results:
        relevant = {str(r) for r in row.get("relevant") or []}
        ranked = [h.document_id for h in result.hits[:EVAL_K]]
        scores.append(result.top_score)
        labels.append(bool(relevant))
        answered.append(result.answerable)
        if not relevant:
            continue
        answerable_n += 1
        positions = [i for i, d in enumerate(ranked) if d in relevant]
        if positions:
            first = positions[0]
            r1 += first == 0
            r5 += first < 5
            mrr += 1.0 / (first + 1)
            dcg = sum(1.0 / math.log2(p + 2) for p in positions)
            ideal = sum(1.0 / math.log2(p + 2) for p in range(min(len(relevant), EVAL_K)))
            ndcg += dcg / ideal
    n = max(answerable_n, 1)
    out: dict[str, Any] = {
        "queries": len(results),
        "answerable_queries": answerable_n,
        "recall@1": round(r1 / n, 4),
        "recall@5": round(r5 / n, 4),
        "mrr@10": round(mrr / n, 4),
        "ndcg@10": round(ndcg / n, 4),
    }
    if answerable_n < len(results):
        area = auroc(scores, labels)
        yes = [a for a, y in zip(answered, labels, strict=False) if y]
        no = [a for a, y in zip(answered, labels, strict=False) if not y]
        out["unanswerable_queries"] = len(no)
        out["answerable_auroc"] = round(area, 4) if area is not None else None
        out["answer_rate"] = round(sum(yes) / len(yes), 4) if yes else None
        out["refusal_rate"] = round(sum(not a for a in no) / len(no), 4)
    out["ms_per_query"] = round(1000.0 * elapsed / max(len(results), 1), 2)
    return out


def run_cli(corpus: Path, queries: Path, *, settings: KnowledgeBaseSettings,
            embedder: Embeddings | None = None, out=None) -> dict[str, Any]:
    """What `supportbot eval retrieval` calls: evaluate and print the metrics as one JSON line."""
    metrics = evaluate_retrieval(corpus, queries, settings=settings, embedder=embedder)
    print(json.dumps(metrics, sort_keys=False), file=out or sys.stdout, flush=True)
    return metrics


if __name__ == "__main__":  # python -m knowledge_base.evaluation CORPUS QUERIES [THRESHOLD]
    from knowledge_base.config import KnowledgeBaseSettings as _Settings

    args = sys.argv[1:]
    if len(args) not in (2, 3):
        sys.exit("usage: python -m knowledge_base.evaluation CORPUS.jsonl QUERIES.jsonl [THRESHOLD]")
    threshold = float(args[2]) if len(args) == 3 else _Settings().answerable_threshold
    run_cli(Path(args[0]), Path(args[1]), settings=_Settings(answerable_threshold=threshold))
