"""Where the fact is lost, per answerable English question, pooled over every development set.

Reads `passage_choice.py --cache DIR` (searches of every dev centre, the top three company documents'
chunks and vectors) and replays the offline answer (`Answerer.extract`, without the yes/no left-out
check, which needs the embedder). Each answerable English question falls in one bucket:
- `rank1/said`: the right document first, the fact in the answer; split by where it came from:
  `first` (the chosen section), `added` (search's nearest or the kind-holding section), `continuation`
  (only the sections that follow the chosen one hold it);
- `rank1/declined`: the right document first, the answer declined;
- `rank1/trimmed`: shown, the fact in the chosen section but trimmed away;
- `rank1/sibling`: shown, the fact in another section of the document only;
- `rank1/nowhere`: shown, no single section of the document says it (the golden fact spans sections
  or is phrased otherwise);
- `rank2-3` / `lower`: the right document second or third among company documents / below or absent
  (with `+doc`: the document's chunks say the fact somewhere).
Also the wrong answers (unanswerable shown, or answered from a document not required) and the
median words shown. `--rows FILE` writes a row per question.

    python benchmarks/passage_losses.py --cache DIR [--rows FILE]
"""
from __future__ import annotations

import argparse
import json
import logging
import pickle
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched, read_whole  # noqa: E402,F401  (the cache's rows)

from bot.answering import sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.policy import load_policy  # noqa: E402

_WORD = re.compile(r"\w+")


def load(cache: Path) -> tuple[Any, dict[str, list[Any]]]:
    data: dict[str, list[Any]] = {}
    policy_file = None
    for stored in sorted(cache.glob("*.pickle")):
        policy_file, data[stored.stem] = pickle.loads(stored.read_bytes())  # NOTE: our own cache
    return policy_file, data


def words(text: str) -> int:
    return len(_WORD.findall(text))


def classify(s: Any, answerer: Answerer) -> dict[str, Any]:
    """One question's row: its bucket, whether the answer was wrong, words shown."""
    q, result = s.question, s.result
    company = [h for h in result.hits if h.passages and h.trust == "official"]
    answer = answerer.extract(q.question, result, whole=lambda hit, s=s: read_whole(s, hit.document_id))
    cited = answer.citations[0].document_id if answer.grounded and answer.citations else None
    row: dict[str, Any] = {"id": q.id, "question": q.question, "answerable": q.answerable,
                           "shown": answer.grounded, "words": words(answer.text) if answer.grounded else None,
                           "wrong": answer.grounded and (not q.answerable or cited not in q.must_cite)}
    if not q.answerable:
        row["bucket"] = "unanswerable/" + ("shown" if answer.grounded else "declined")
        return row
    ids = [h.document_id for h in company]
    rank = next((i + 1 for i, d in enumerate(ids) if d in q.must_cite), None)
    row["rank"] = rank
    said = answer.grounded and cited in q.must_cite and says_facts(answer.text, q)
    row["said"] = said
    if rank != 1:
        doc = next((d for d in ids if d in q.must_cite), None)
        held = doc is not None and doc in s.others and any(
            says_facts(t, q) for _sec, t in sections.sections_of(s.others[doc]))
        row["bucket"] = ("rank2-3" if rank is not None and rank <= 3 else "lower") + ("+doc" if held else "")
        return row
    top = company[0]
    found = sections.best_section(q.question, top, whole=s.whole or None)
    texts = [t for _sec, t in sections.sections_of(s.whole or top.passages)]
    if said:
        first = found is not None and says_facts(found.decided_body, q)
        if first:
            row["bucket"] = "rank1/said/first"
        else:
            saved = sections.NEIGHBOURS
            sections.NEIGHBOURS = "none"
            try:
                without = sections.best_section(q.question, top, whole=s.whole or None)
            finally:
                sections.NEIGHBOURS = saved
            row["bucket"] = "rank1/said/" + ("added" if without is not None and says_facts(without.body, q)
                                             else "continuation")
    elif not answer.grounded:
        below = "below" if not result.answerable else "above"
        held = "fact-shown" if found is not None and says_facts(found.body, q) else (
            "fact-in-doc" if any(says_facts(t, q) for t in texts) else "no-fact")
        row["bucket"] = f"rank1/declined/{below}/{held}"
    elif found is not None and says_facts(found.decided_text, q):
        row["bucket"] = "rank1/trimmed"
    elif any(says_facts(t, q) for t in texts):
        row["bucket"] = "rank1/sibling"
    else:
        row["bucket"] = "rank1/nowhere"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--rows", type=Path)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    policy_file, data = load(args.cache)
    policy = load_policy(policy_file)
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    rows = []
    for centre, searches in data.items():
        for s in searches:
            if s.question.lang == "en":
                rows.append({"kb": centre, **classify(s, answerer)})
    if args.rows:
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    answerable = [r for r in rows if r["answerable"]]
    buckets = Counter(r["bucket"] for r in answerable)
    print(f"answerable English questions: {len(answerable)}")
    for name, n in sorted(buckets.items()):
        print(f"  {name:<26}{n:>5}  {n / len(answerable):.3f}")
    unanswerable = [r for r in rows if not r["answerable"]]
    shown = [r["words"] for r in rows if r["shown"]]
    print(f"unanswerable: {len(unanswerable)}, shown {sum(r['shown'] for r in unanswerable)}; "
          f"wrong answers {sum(r['wrong'] for r in rows)} of {len(rows)}; "
          f"said {sum(bool(r.get('said')) for r in answerable)}; median words shown {statistics.median(shown):.0f}")


if __name__ == "__main__":
    main()
