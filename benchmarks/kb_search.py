"""Query-embedding latency and search latency at 10,000 and 100,000 chunks.

Budgets (DESIGN.md): query embedding < 5 ms median; search p50 < 15 ms at 10k chunks, < 40 ms at 100k.
The corpus is generated here. To keep the 100k build affordable the chunk VECTORS are not computed by
the model: each is a real embedding of one of ~60 topic sentences plus Gaussian noise, re-normalised
(cosines to the nearest topic ~0.5-0.8, like real chunks), inserted straight into the Chroma index.
Chunk texts are synthetic Zipf-distributed words (realistic postings for the keyword index); titles
and queries are embedded by the real model. Search timings include embedding the query.
Run: python benchmarks/kb_search.py [--sizes 10000,100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge_base.chunking import Chunk, compose_embed_text  # noqa: E402
from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.embeddings import LocalMiniLMEmbeddings  # noqa: E402
from knowledge_base.index import ChromaIndex  # noqa: E402
from knowledge_base.search import Searcher  # noqa: E402

TOPICS = [
    "tracking a parcel",
    "returning a damaged item",
    "refund timing",
    "resetting a password",
    "two-factor authentication",
    "changing a delivery address",
    "customs and import taxes",
    "payment declined at checkout",
    "invoice download",
    "subscription pause",
    "warranty claim",
    "descaling a kettle",
    "firmware update failed",
    "pairing a device with the app",
    "gift cards",
    "promo code not working",
    "cancel an order",
    "business bulk orders",
    "opening hours of support",
    "delete my account",
    "phishing email",
    "shipping costs to Canada",
    "late delivery",
    "exchange for another colour",
    "loyalty programme",
    "student discount",
    "battery replacement",
    "screen flickering",
    "data export",
    "privacy policy",
    "cookie settings",
    "API rate limits",
    "single sign-on setup",
    "user roles and permissions",
    "billing address update",
    "VAT number",
    "holiday shipping deadlines",
    "lost package",
    "missing item in order",
    "price match",
    "store pickup",
    "installation guide",
    "error code E12",
    "noise during grinding",
    "water filter",
    "cleaning the steam wand",
    "recipe saving",
    "language settings",
    "notification emails",
    "mobile app crash",
    "webhook retries",
    "export to CSV",
    "team invitations",
    "trial period",
    "downgrade plan",
    "accessibility features",
    "contact by phone",
    "complaint procedure",
]
WORDS_PER_CHUNK = 120
VOCAB = 30_000


def synthetic_corpus(n_chunks: int, topic_vectors: np.ndarray, rng: np.random.Generator):
    """Chunks (10 per document), their vectors and the documents' titles."""
    dim = topic_vectors.shape[1]
    per_doc = 10
    n_docs = max(1, n_chunks // per_doc)
    doc_topic = rng.integers(0, len(topic_vectors), size=n_docs)
    vocab = np.array([f"w{i}" for i in range(VOCAB)])
    zipf = 1.0 / np.arange(1, VOCAB + 1) ** 1.07
    zipf /= zipf.sum()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    chunks: list[Chunk] = []
    vectors = np.empty((n_chunks, dim), dtype=np.float32)
    titles = []
    for d in range(n_docs):
        topic = TOPICS[doc_topic[d]]
        title = f"{topic.capitalize()} ({vocab[rng.integers(100, 3000)]})"
        titles.append(title)
        for p in range(per_doc):
            row = d * per_doc + p
            if row >= n_chunks:
                break
            words = " ".join(vocab[rng.choice(VOCAB, size=WORDS_PER_CHUNK, p=zipf)])
            text = f"{topic}: {words}"
            noise = rng.normal(0.0, 0.045, size=dim).astype(np.float32)
            v = topic_vectors[doc_topic[d]] + noise
            vectors[row] = v / np.linalg.norm(v)
            doc_id = f"doc-{d:06d}.md"
            chunks.append(
                Chunk(
                    id=f"{doc_id}::v1::{p}",
                    document_id=doc_id,
                    version=1,
                    position=p,
                    text=text,
                    embed_text=compose_embed_text(title, "", text),
                    title=title,
                    section="",
                    source=doc_id,
                    url=None,
                    content_hash=f"h{d}",
                    updated_at=now,
                    tags=(),
                )
            )
    return chunks, vectors[: len(chunks)]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def bench_embedding(embedder: LocalMiniLMEmbeddings, n: int) -> dict[str, float]:
    queries = [f"how do I deal with {t} on my order number {i}" for i, t in enumerate(TOPICS * (n // len(TOPICS) + 1))][
        :n
    ]
    embedder.embed_query("warm up")
    times = []
    for q in queries:
        start = time.perf_counter()
        embedder.embed_query(q)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "query_embedding_ms_p50": round(statistics.median(times), 2),
        "query_embedding_ms_p95": round(percentile(times, 95), 2),
    }


def bench_search(size: int, embedder: LocalMiniLMEmbeddings, topic_vectors: np.ndarray, n_queries: int) -> dict:
    rng = np.random.default_rng(size)
    chunks, vectors = synthetic_corpus(size, topic_vectors, rng)
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        settings = KnowledgeBaseSettings(data_dir=Path(tmp), collection=f"bench{size}")
        index = ChromaIndex.open(settings, embedder, embedder.model_id)
        start = time.perf_counter()
        step = 5000
        for i in range(0, len(chunks), step):
            index.upsert(chunks[i : i + step], vectors[i : i + step].tolist())
        insert_s = time.perf_counter() - start
        searcher = Searcher(index=index, embedder=embedder, settings=settings)
        start = time.perf_counter()
        searcher.refresh()
        snapshot_s = time.perf_counter() - start
        queries = [
            f"{TOPICS[rng.integers(len(TOPICS))]} w{rng.integers(5, 2000)} w{rng.integers(5, 8000)}"
            for _ in range(n_queries)
        ]
        for q in queries[:10]:
            searcher.search(q)
        times = []
        for q in queries:
            start = time.perf_counter()
            searcher.search(q)
            times.append((time.perf_counter() - start) * 1000)
        index.close()
    return {
        "chunks": len(chunks),
        "documents": len(chunks) // 10,
        "insert_s": round(insert_s, 1),
        "snapshot_build_s": round(snapshot_s, 2),
        "search_ms_p50": round(statistics.median(times), 2),
        "search_ms_p95": round(percentile(times, 95), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    embedder = LocalMiniLMEmbeddings()
    result: dict = bench_embedding(embedder, args.queries)
    print(
        f"query embedding: p50 {result['query_embedding_ms_p50']} ms, p95 {result['query_embedding_ms_p95']} ms "
        "(budget: median < 5 ms)"
    )
    topic_vectors = np.asarray(embedder.embed_documents(TOPICS), dtype=np.float32)
    print(
        "note: chunk vectors are synthetic (topic embedding + noise) inserted directly; "
        "titles and queries are embedded by the model"
    )
    budgets = {10_000: 15.0, 100_000: 40.0}
    for size in (int(s) for s in args.sizes.split(",")):
        figures = bench_search(size, embedder, topic_vectors, args.queries)
        budget = budgets.get(size)
        print(
            f"{size:>7} chunks: search p50 {figures['search_ms_p50']} ms, p95 {figures['search_ms_p95']} ms"
            + (f" (budget p50 < {budget:.0f} ms)" if budget else "")
            + f"; insert {figures['insert_s']} s, snapshot build {figures['snapshot_build_s']} s"
        )
        result[f"search_{size}"] = figures
    print(json.dumps(result))


if __name__ == "__main__":
    main()
