"""What the learned ranker costs per search: the same searcher with and without it, interleaved.

Indexes a corpus (default: the public stackfaq set, measuring only) once, then asks every query
`--rounds` times, alternating the hand-tuned ranking (no learned ranker) and the learned one on the
same searcher and snapshot, so both see the same machine load. Prints the median ms per search of
each and their ratio, and how often the two put a different document first.

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
    timings: dict[str, list[float]] = {"hand-tuned": [], "learned": []}
    differ = 0
    with throwaway_searcher(read_jsonl(args.corpus), settings=settings, embedder=embedder) as searcher:
        for text in queries:  # warm up: the model, the snapshot, the caches
            searcher.search(text)
        for round_ in range(args.rounds):
            for text in queries:
                firsts = {}
                for arm in (("hand-tuned", "learned") if round_ % 2 == 0 else ("learned", "hand-tuned")):
                    searcher.ranker = learned if arm == "learned" else None
                    started = time.perf_counter()
                    result = searcher.search(text)
                    timings[arm].append(1000 * (time.perf_counter() - started))
                    firsts[arm] = result.hits[0].document_id if result.hits else None
                differ += round_ == 0 and firsts["hand-tuned"] != firsts["learned"]
    medians = {arm: round(statistics.median(ms), 3) for arm, ms in timings.items()}
    print(json.dumps({"queries": len(queries), "rounds": args.rounds, "median_ms": medians,
                      "ratio": round(medians["learned"] / medians["hand-tuned"], 3), "first_differs": differ}))


if __name__ == "__main__":
    main()
