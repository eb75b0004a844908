"""How well an embedding model can tell answerable questions from near misses, model against model.

The answerable decision (issue 2) has to decline in-domain questions whose own document is missing
while the base still holds its siblings. With the product's MiniLM the best signals found reach an
AUROC of ~0.92 on a dense FAQ, which caps the share declined at ~0.75-0.83 when 90% of answerable
questions are answered. This script measures whether another model would lift that ceiling, on the
same simple features for every model, so the comparison is about the model, not the pipeline:

- title: best cosine of the question with a document title;
- head: best cosine with "title + first 1,200 characters";
- s1: best of the two over all documents; margin: s1 of the best document minus the next one's.

It prints AUROC and decl@90 (share of unanswerable questions below the score that answers 90% of
the answerable ones) per feature, the query time (p50, one query at a time) and resident memory
after loading (the process's peak, so the second model's figure includes the first's; run it
alone for its own footprint). Heads are cut at 1,200 characters for every model, which favours
models that read more than MiniLM's 256 tokens. `--st-model DIR` adds a sentence-transformers model folder (needs the
`sentence-transformers` package, which the product does not depend on).

Run: python benchmarks/answerability_models.py --set ../shared/eval/retrieval/stackfaq_unanswerable
     [--set ...] [--st-model /path/to/all-mpnet-base-v2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge_base.evaluation import auroc, read_jsonl  # noqa: E402

Encode = Callable[[Sequence[str]], np.ndarray]


def decline_at_90(scores: np.ndarray, answerable: np.ndarray) -> float:
    threshold = np.quantile(scores[answerable], 0.10)
    return float(np.mean(scores[~answerable] < threshold))


def features(encode: Encode, corpus: list[dict], queries: list[dict]) -> dict[str, np.ndarray]:
    titles = encode([row["title"] for row in corpus])
    heads = encode([f"{row['title']}\n{row['text'][:1200]}" for row in corpus])
    asked = encode([q["text"] for q in queries])
    by_title, by_head = asked @ titles.T, asked @ heads.T
    best = np.sort(np.maximum(by_title, by_head), axis=1)
    s1, margin = best[:, -1], best[:, -1] - best[:, -2]
    return {"title": by_title.max(1), "head": by_head.max(1), "s1": s1, "s1+0.5*margin": s1 + 0.5 * margin}


def query_ms(encode: Encode, texts: list[str]) -> float:
    for text in texts[:10]:
        encode([text])
    times = []
    for text in texts[:200]:
        started = time.perf_counter()
        encode([text])
        times.append((time.perf_counter() - started) * 1000)
    return float(np.median(times))


def product_encoder() -> Encode:
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    model = LocalMiniLMEmbeddings()
    return lambda texts: np.asarray(model.embed_array(list(texts)), dtype=np.float32)


def sentence_transformers_encoder(folder: Path) -> Encode:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu")
    return lambda texts: model.encode(
        list(texts), batch_size=32, normalize_embeddings=True, convert_to_numpy=True
    ).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--set", action="append", type=Path, required=True, help="folder with corpus.jsonl and queries.jsonl"
    )
    parser.add_argument("--st-model", type=Path, help="a sentence-transformers model folder to compare")
    args = parser.parse_args()
    loaders: dict[str, Callable[[], Encode]] = {"product MiniLM int8": product_encoder}
    if args.st_model:
        loaders[args.st_model.name] = lambda: sentence_transformers_encoder(args.st_model)
    report: dict[str, dict] = {}
    for name, load in loaders.items():  # NOTE: max RSS only grows, so the product model goes first
        encode = load()
        encode(["warm up: models load lazily"])
        report[name] = {"max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
        for folder in args.set:
            corpus, queries = read_jsonl(folder / "corpus.jsonl"), read_jsonl(folder / "queries.jsonl")
            answerable = np.array([bool(q["relevant"]) for q in queries])
            for feature, scores in features(encode, corpus, queries).items():
                auc = auroc(scores.tolist(), answerable.tolist())
                if auc is None:  # a set without unanswerable (or answerable) questions
                    continue
                report[name][f"{folder.name} {feature}"] = f"{auc:.3f} / {decline_at_90(scores, answerable):.3f}"
        report[name]["query_ms_p50"] = round(
            query_ms(encode, [q["text"] for q in read_jsonl(args.set[0] / "queries.jsonl")]), 1
        )
    print("AUROC / declined at 90% answered")
    rows = sorted({key for figures in report.values() for key in figures})
    for key in rows:
        print(f"{key:48s} " + " | ".join(f"{str(figures.get(key, '-')):>16s}" for figures in report.values()))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
