"""What the second search can win: golden questions the first search misses, searched as an LLM
should rewrite them (our own rewrites, standing in for the LLM, which is not reachable offline).

For each golden question in REWRITES it prints the first search's top score and whether the bot
would try it, the same for the rewritten query, and whether the required article is then ranked
first after the product's own choice between the two searches (`bot.answering.retrieval.retrieve`). It is
an upper bound on retrieval (a perfect rewrite), not a measure of any LLM.

    python benchmarks/second_search.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import load_golden  # noqa: E402
from bot.answering.retrieval import retrieve  # noqa: E402
from bot.conversations.records import Message  # noqa: E402
from bot.policy import Policy  # noqa: E402
from knowledge_base.config import KnowledgeBaseSettings  # noqa: E402
from knowledge_base.service import build_knowledge_base  # noqa: E402

REWRITES = {  # golden id -> the standalone English query a good rewrite gives
    "g31": "How long does a refund take if I paid with PayPal?",
    "g32": "Do you ship to the Canary Islands?",
    "g33": "How do I cancel my Bean Club subscription?",
    "g34": "My parcel arrived damaged, what should I do?",
    "g35": "Do I have to pay customs duties in the UK when I order from you?",
    "g08": "My kettle stopped heating after 8 months, what should I do?",
    "g22": "The Duo shows error E3 and barely any coffee comes out",
}


class HandRewrites(Answerer):
    """The extractive answerer, with our hand rewrite standing in for the LLM's."""

    def __init__(self) -> None:
        super().__init__(chat_model=None, policy=Policy())
        self.next: str | None = None

    def search_query(self, question: str, history: Sequence[Message] = ()) -> str | None:
        return self.next


def main() -> None:
    golden = {row["id"]: row for row in load_golden(ROOT / "examples" / "golden.jsonl")}
    answerer = HandRewrites()
    kb = build_knowledge_base(KnowledgeBaseSettings(data_dir=Path(tempfile.mkdtemp(prefix="second-search-"))))
    kb.sync(ROOT / "examples")
    rows = []
    for gid, rewritten in REWRITES.items():
        row = golden[gid]
        first, second = kb.search(row["question"]), kb.search(rewritten)
        answerer.next = rewritten
        chosen = retrieve(kb, answerer, row["question"])  # the product's own choice between the two
        top = chosen.hits[0].document_id if chosen.hits and chosen is not first else None
        rows.append(
            {
                "id": gid,
                "first": round(first.top_score, 3),
                "first_answerable": first.answerable,
                "second": round(second.top_score, 3),
                "second_tried": answerer.attempts(second),
                "required_first": top in row["must_cite"],
            }
        )
        print(
            f"{gid}  first {first.top_score:.2f} ({'answerable' if first.answerable else 'miss'})  ->  "
            f"rewritten {second.top_score:.2f} ({'tried' if answerer.attempts(second) else 'miss'}), "
            f"required article first: {top in row['must_cite']}"
        )
    kb.close()
    won = sum(r["second_tried"] and r["required_first"] and not r["first_answerable"] for r in rows)
    print(
        json.dumps({"benchmark": "second_search", "questions": len(rows), "won_with_required_first": won, "rows": rows})
    )


if __name__ == "__main__":
    main()
