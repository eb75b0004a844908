"""What the learned ranker costs per search: the same searcher with and without it, interleaved.

Indexes a corpus (default: the public stackfaq set, measuring only) once, then asks every query
`--rounds` times, rotating the hand-tuned ranking (no learned ranker), the learned one, and the
learned one without the snapshot's document windows (their feature then reads the best chunk's
cosine: what reading the windows costs) on the same searcher and snapshot, so all see the same
machine load. Prints the median ms per search of each, the ratios, and how often the learned ranking
puts a different document first than the hand-tuned one.

    python benchmarks/ranker_cost.py [--corpus C.jsonl --queries Q.jsonl] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.embeddings import make_embedder  # noqa: E402
from knowledge_base.evaluation import read_jsonl, throwaway_searcher  # noqa: E402
from knowledge_base.learned_ranker import LearnedRanker  # noqa: E402

PUBLIC = Path("/work/shared/eval/retrieval/stackfaq")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=PUBLIC / "corpus.jsonl")
    parser.add_argument("--queries", type=Path, default=PUBLIC / "queries.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = KnowledgeBaseSettings()
    embedder, model_id = make_embedder(settings)
    embedder.model_id = model_id  # type: ignore[attr-defined]
    queries = [str(r["text"]) for r in read_jsonl(args.queries)]
    learned = LearnedRanker.load()
    arms = ("hand-tuned", "learned", "learned-no-windows")
    timings: dict[str, list[float]] = {arm: [] for arm in arms}
    differ = 0
    with throwaway_searcher(read_jsonl(args.corpus), settings=settings, embedder=embedder) as searcher:
        for text in queries:  # warm up: the model, the snapshot, the caches
            searcher.search(text)
        snap = searcher._current_snapshot()
        windows = snap.windows
        for round_ in range(args.rounds):
            for text in queries:
                firsts = {}
                for arm in arms[round_ % 3:] + arms[:round_ % 3]:
                    searcher.ranker = None if arm == "hand-tuned" else learned
                    snap.windows = None if arm == "learned-no-windows" else windows
                    started = time.perf_counter()
                    result = searcher.search(text)
                    timings[arm].append(1000 * (time.perf_counter() - started))
                    firsts[arm] = result.hits[0].document_id if result.hits else None
                differ += round_ == 0 and firsts["hand-tuned"] != firsts["learned"]
    medians = {arm: round(statistics.median(ms), 3) for arm, ms in timings.items()}
    print(json.dumps({"queries": len(queries), "rounds": args.rounds, "median_ms": medians,
                      "ratio": round(medians["learned"] / medians["hand-tuned"], 3),
                      "windows_ratio": round(medians["learned"] / medians["learned-no-windows"], 3),
                      "windows": 0 if windows is None else len(windows.codes), "first_differs": differ}))


if __name__ == "__main__":
    main()
