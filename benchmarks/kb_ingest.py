"""Ingest throughput (chunks/s, real offline embedders) and unchanged re-sync time of 1,000 documents.

Ingest (sync) computes MiniLM's vector per chunk; the cross-lingual one (knowledge_base/crosslingual.py)
is filled in afterwards, off the ingest path (`kb sync` before it exits, the server in a background
thread). Printed side by side: the sync alone, the fill alone, and both (`kb sync`'s whole run, the
same work as the earlier ingest that computed both vectors inline).

Budgets (DESIGN.md): ingest >= 150 chunks/s; re-sync of an unchanged 1,000-document base < 2 s.
Run: `python benchmarks/kb_ingest.py [--docs 1000] [--runs 3]`. Prints one figure per line and a
JSON object as the last line.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.crosslingual import CrossLingualEmbeddings
from knowledge_base.embeddings import make_embedder
from knowledge_base.service import build_knowledge_base

_WORDS = [
    "order", "parcel", "delivery", "courier", "warehouse", "refund", "invoice", "account", "password",
    "login", "device", "battery", "charger", "screen", "warranty", "repair", "exchange", "voucher",
    "discount", "subscription", "plan", "monthly", "yearly", "cancel", "upgrade", "store", "opening",
    "hours", "address", "holiday", "support", "email", "phone", "chat", "ticket", "tracking", "number",
    "label", "customs", "fee", "payment", "card", "transfer", "receipt", "address", "change", "size",
    "colour", "stock", "restock", "preorder", "gift", "wrap", "note"
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def write_corpus(root: Path, n_docs: int, *, seed: int = 7) -> Path:
    """Markdown articles with front matter and 3 to 4 sections of 2 to 9 sentences each."""
    rng = random.Random(seed)
    for i in range(n_docs):
        topic = " ".join(rng.choices(_WORDS, k=3))
        front = f"---\ntitle: {json.dumps(f'Article {i}: {topic}')}\ntags: [bench]\n---\n"
        parts = [front, f"{_sentence(rng)} {_sentence(rng)}\n"]
        for s in range(rng.randint(3, 4)):
            body = " ".join(_sentence(rng) for _ in range(rng.randint(2, 9)))
            parts.append(f"\n## Section {s} {rng.choice(_WORDS)}\n\n{body}\n")
        path = root / f"topic-{i % 20:02d}" / f"article-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(parts), encoding="utf-8")
    return root


class _HashEmbeddings:
    """384-d vectors from a hash, no model: isolates the pipeline's own cost (load, chunk, write)."""

    model_id = "bench:hash-384"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        rng = random.Random(hash(text))
        return [rng.random() for _ in range(384)]


def _timed_sync(settings: KnowledgeBaseSettings, collection: str, folder: Path, embedder, model_id: str,
                cross_lingual: CrossLingualEmbeddings | None = None):
    kb = build_knowledge_base(settings.model_copy(update={"collection": collection}), embedder=embedder,
                              model_id=model_id, cross_lingual=cross_lingual)
    started = time.perf_counter()
    report = kb.sync(folder)
    return kb, report, time.perf_counter() - started


def _timed_fill(kb) -> tuple[int, float]:
    started = time.perf_counter()
    filled = kb.fill_cross_lingual()
    return filled, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the re-sync base")
    parser.add_argument("--ingest-docs", type=int, default=100, help="documents per ingest run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--real-base", action="store_true",
                        help="build the re-sync base with the real embedder too (slow; re-sync embeds nothing anyway)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = KnowledgeBaseSettings(data_dir=tmp / "data")
        embedder, model_id = make_embedder(settings)
        embedder.embed_documents(["warm up: load the model before timing"])
        cross = CrossLingualEmbeddings()
        cross.load()
        ingest_dir = write_corpus(tmp / "ingest", args.ingest_docs, seed=11)

        rates, fill_rates, both_rates, embed_rates, overheads, token_costs = [], [], [], [], [], []
        for run in range(args.runs):
            kb, report, elapsed = _timed_sync(settings, f"ingest-{run}", ingest_dir, embedder, model_id, cross)
            rates.append(report.embedded / elapsed)
            filled, fill_s = _timed_fill(kb)
            assert filled == report.embedded, (filled, report.embedded)
            fill_rates.append(filled / fill_s)
            both_rates.append(report.embedded / (elapsed + fill_s))
            _, plain, plain_s = _timed_sync(settings, f"pipeline-{run}", ingest_dir, _HashEmbeddings(),
                                            "bench:hash-384")
            overheads.append(plain_s / plain.embedded * 1000)
            texts = [c.embed_text for c in _kb_chunks(ingest_dir, settings)]
            started = time.perf_counter()
            embedder.embed_documents(texts)
            embed_rates.append(len(texts) / (time.perf_counter() - started))
            token_costs.append(_tokenizer_ms_per_chunk(embedder, texts))
            print(f"ingest run {run + 1}: {report.embedded} chunks of {report.added} documents synced "
                  f"in {elapsed:.2f} s "
                  f"= {rates[-1]:.0f} chunks/s; cross-lingual fill {fill_s:.2f} s = {fill_rates[-1]:.0f} chunks/s; "
                  f"sync + fill {both_rates[-1]:.0f} chunks/s "
                  f"(embedder alone {embed_rates[-1]:.0f} chunks/s, of which tokenizer "
                  f"{token_costs[-1]:.3f} ms/chunk; pipeline without embedding {overheads[-1]:.2f} ms/chunk)")
        ingest_rate = statistics.median(rates)
        print(f"ingest throughput (median of {args.runs}): {ingest_rate:.0f} chunks/s (budget >= 150); "
              f"then the cross-lingual fill {statistics.median(fill_rates):.0f} chunks/s; "
              f"sync + fill {statistics.median(both_rates):.0f} chunks/s; "
              f"embedder alone {statistics.median(embed_rates):.0f} chunks/s; "
              f"everything else {statistics.median(overheads):.2f} ms/chunk")

        base_dir = write_corpus(tmp / "base", args.docs, seed=3)
        base_embedder, base_id = (embedder, model_id) if args.real_base else (_HashEmbeddings(), "bench:hash-384")
        kb, first, build_s = _timed_sync(settings, "resync", base_dir, base_embedder, base_id)
        print(f"initial sync of {first.added} documents ({base_id}): {first.embedded} chunks in {build_s:.1f} s")
        times = []
        for _ in range(max(args.runs, 5)):
            started = time.perf_counter()
            report = kb.sync(base_dir)
            times.append(time.perf_counter() - started)
            assert report.unchanged == first.added == args.docs and report.embedded == 0, report
        resync_s = statistics.median(times)
        print(f"re-sync of unchanged {first.added} documents (median of {len(times)}): {resync_s * 1000:.0f} ms, "
              f"0 chunks embedded (budget < 2000 ms)")

    print(json.dumps({
        "ingest_chunks_per_s": round(ingest_rate, 1),
        "ingest_budget_ok": ingest_rate >= 150,
        "crosslingual_fill_chunks_per_s": round(statistics.median(fill_rates), 1),
        "sync_and_fill_chunks_per_s": round(statistics.median(both_rates), 1),
        "embedder_alone_chunks_per_s": round(statistics.median(embed_rates), 1),
        "tokenizer_ms_per_chunk": round(statistics.median(token_costs), 3),
        "pipeline_ms_per_chunk_without_embedding": round(statistics.median(overheads), 3),
        "resync_unchanged_docs": first.added,
        "resync_unchanged_ms": round(resync_s * 1000, 1),
        "resync_budget_ok": resync_s < 2.0,
        "model": model_id,
    }))


def _tokenizer_ms_per_chunk(embedder, texts: list[str]) -> float:
    """The tokenizer's share of the embedder's time (it runs before the model, in one parallel call)."""
    loaded = getattr(embedder, "_loaded", None)
    if loaded is None:
        return float("nan")
    started = time.perf_counter()
    loaded.tokenizer.encode_batch(texts)
    return (time.perf_counter() - started) * 1000 / len(texts)


def _kb_chunks(folder: Path, settings: KnowledgeBaseSettings):
    from knowledge_base.chunking import split_document
    from knowledge_base.documents import load_document

    for path in sorted(folder.rglob("*.md")):
        yield from split_document(load_document(path, source=path.relative_to(folder).as_posix()),
                                  version=1, updated_at="t", settings=settings)


if __name__ == "__main__":
    main()
