"""Choose the offline answer's extra sections leave-one-help-centre-out, from `passage_choice.py`'s cache.

Every configuration of `bot.answering.sections`' knobs below is run over the cached searches of the
development sets (English golden questions; `passage_choice.py --cache DIR` fills DIR). For each
held-out centre the configuration with the most facts said on the others is chosen (shorter median
answer on ties; none whose median length on them exceeds the old behaviour's by more than `--cap`),
and the held-out centre's figures under it are summed: facts said (answer shown, required document
cited first, every `must_say` fact in it), unanswerable questions shown an answer, answer length.

    python benchmarks/section_choice_fit.py --cache DIR [--cap 1.1]
"""
from __future__ import annotations

import argparse
import itertools
import logging
import pickle
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched, read_whole  # noqa: E402,F401  (the cache's rows)

from bot.answering import sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.policy import load_policy  # noqa: E402

# Before the plain-text parts and the sections that follow the chosen one (MIN_PART and KIND_RATIO were
# chosen earlier by this script, over {10**6, 250, 150} x {99, 0, 0.5, 0.7}; they stay as chosen).
OLD: dict[str, Any] = {"SPLIT_OVER": 10**6, "NEIGHBOURS": "none", "CHILDREN": 0}
GRID: list[dict[str, Any]] = [
    {"SPLIT_OVER": split, "NEIGHBOURS": neighbours, "CHILDREN": children}
    for split, neighbours, children in itertools.product([10**6, sections.MAX_CHARS, 0], ["none", "follow", "kind"],
                                                         [0, 1, 2])
]
Figures = tuple[int, int, list[int]]  # facts said, unanswerable shown, lengths of the answers shown


def run(data: dict[str, list[Any]], answerer: Answerer, knobs: dict[str, Any]) -> dict[str, Figures]:
    for name, value in knobs.items():
        setattr(sections, name, value)
    out = {}
    for centre, searches in data.items():
        said = shown_unanswerable = 0
        lengths = []
        for s in searches:
            q = s.question
            if q.lang != "en":
                continue
            answer = answerer.extract(q.question, s.result, whole=lambda hit, s=s: read_whole(s, hit.document_id))
            if not q.answerable:
                shown_unanswerable += answer.grounded
                continue
            cited_first = bool(answer.citations) and answer.citations[0].document_id in q.must_cite
            said += answer.grounded and cited_first and says_facts(answer.text, q)
            lengths += [len(answer.text)] if answer.grounded else []
        out[centre] = (said, shown_unanswerable, lengths)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--cap", type=float, default=1.1, help="longest median answer allowed, times the old one")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    data: dict[str, list[Any]] = {}
    policy_file = None
    for stored in sorted(args.cache.glob("*.pickle")):
        policy_file, data[stored.stem] = pickle.loads(stored.read_bytes())  # NOTE: our own cache
    policy = load_policy(policy_file)
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    old = run(data, answerer, OLD)
    runs = [(knobs, run(data, answerer, knobs)) for knobs in GRID]
    held: dict[str, Figures] = {}
    for out in data:
        def on_others(figures: dict[str, Figures], out: str = out) -> tuple[int, float]:
            return (sum(f[0] for c, f in figures.items() if c != out),
                    statistics.median([n for c, f in figures.items() if c != out for n in f[2]] or [0]))

        limit = args.cap * on_others(old)[1]
        knobs, figures = max((r for r in runs if on_others(r[1])[1] <= limit),
                             key=lambda r: (on_others(r[1])[0], -on_others(r[1])[1]))
        held[out] = figures[out]
        print(f"{out:<22} chose {knobs}  facts said {old[out][0]} -> {figures[out][0]}, "
              f"unanswerable shown {old[out][1]} -> {figures[out][1]}", flush=True)

    def total(figures: dict[str, Figures]) -> str:
        lengths = sorted(n for f in figures.values() for n in f[2])
        return (f"facts said {sum(f[0] for f in figures.values())}, unanswerable shown "
                f"{sum(f[1] for f in figures.values())}, median length {statistics.median(lengths):.0f}, "
                f"p90 {lengths[int(0.9 * (len(lengths) - 1))]}")

    print(f"old:      {total(old)}\nheld out: {total(held)}")


if __name__ == "__main__":
    main()
