"""What the LangChain tutorial would show a customer, on the same help centres and golden questions.

The reference issue 11 measures the product against: the tutorial's retrieval (`anchor_langchain_tutorial`:
1000/200 chunks, the same int8 MiniLM, the one best chunk shown, never declining). For each golden question
it reports whether every `must_say` fact is in that chunk (judged as `supportbot eval answers` judges the
product: `says_facts`), whether the chunk's document is one of `must_cite`, and, as the tutorial never
declines, that every unanswerable question gets an answer. Run `answers_quality.py` on the same sets for the
product's figures side by side. Hold-outs only with `--holdout` (figures only, never while tuning).

    python benchmarks/tutorial_answers.py [--holdout] [--only NAME]
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from anchor_langchain_tutorial import load_chunks  # noqa: E402
from answers_quality import help_centres  # noqa: E402

from bot.answering.evaluation import says_facts  # noqa: E402
from bot.answering.golden import GoldenQuestion, load_golden  # noqa: E402


@dataclass
class Tally:
    answerable_en: int = 0
    said_en: int = 0
    answerable_other: int = 0
    said_other: int = 0
    answerable: int = 0
    cited_first: int = 0
    unanswerable: int = 0

    def add(self, q: GoldenQuestion, chunk: str, source: str) -> None:
        if not q.answerable:
            self.unanswerable += 1
            return
        said = says_facts(chunk, q)
        self.answerable += 1
        self.cited_first += source in q.must_cite
        if q.lang == "en":
            self.answerable_en += 1
            self.said_en += said
        else:
            self.answerable_other += 1
            self.said_other += said

    def figures(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "fact_said_english": ratio(self.said_en, self.answerable_en),
            "fact_said_other_languages": ratio(self.said_other, self.answerable_other),
            "cited_first": ratio(self.cited_first, self.answerable),
            "declined_unanswerable": 0.0 if self.unanswerable else None,
        }


def measure(docs: Path, golden: Path) -> Tally:
    from langchain_core.vectorstores import InMemoryVectorStore

    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    store = InMemoryVectorStore(LocalMiniLMEmbeddings())
    store.add_documents(load_chunks(docs))
    tally = Tally()
    for q in load_golden(golden):
        best = store.similarity_search(q.question, k=1)
        tally.add(q, best[0].page_content if best else "", str(best[0].metadata["source"]) if best else "")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true",
                        help="also run the hold-outs (folders not listed as development data)")
    parser.add_argument("--only", help="run one help centre by name")
    args = parser.parse_args()
    results = {}
    for name, docs, golden, _conversations in help_centres(holdout=args.holdout):
        if args.only and name != args.only:
            continue
        results[name] = measure(docs, golden).figures()
        print(f"{name:<28}" + "  ".join(f"{k}={v}" for k, v in results[name].items()), flush=True)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
