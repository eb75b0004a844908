"""Choose whether a runner-up document's section is shown, leave-one-centre-out, from `passage_choice.py`'s cache.

Every configuration of the knobs below (`bot.answering.document_choice`, and what follows the chosen
section in `bot.answering.sections`) replays the offline answer (`Answerer.extract`, every chunk of the
top three company documents read from the cache) on the cached searches of every development set
(English golden questions). For each held-out centre the configuration with the best facts said minus
`--cost` times wrong answers on the other centres is chosen (fewer words shown on ties), and the
held-out centre's figures under it are summed: facts said (shown, a required document cited, every
`must_say` fact in the answer, as `eval answers` judges), right document cited first, wrong answers (an
unanswerable question shown, or an answer citing no required document), and the median words shown.
The cache must be written by a `passage_choice.py` that keeps the runner-ups' chunks (`others`).

    python benchmarks/passage_fit.py --cache DIR [--cost 1.5] [--grid document|continuation] [--fix K=V,...]
"""
from __future__ import annotations

import argparse
import itertools
import logging
import pickle
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched, read_whole  # noqa: E402,F401  (the cache's rows)

from bot.answering import document_choice, sections  # noqa: E402
from bot.answering.answerer import Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.policy import load_policy  # noqa: E402
from knowledge_base.results import SearchResult  # noqa: E402

# knob -> (module, its name there); BEFORE is the answer without a runner-up document
MODULES = {"MARGIN": (document_choice, "MARGIN"), "DOC_SCORE": (document_choice, "SCORE_WEIGHT"),
           "DOC_DENSE": (document_choice, "DENSE_WEIGHT"), "NEIGHBOURS": (sections, "NEIGHBOURS")}
BEFORE: dict[str, Any] = {"MARGIN": None, "DOC_SCORE": 1.0, "DOC_DENSE": 8.0, "NEIGHBOURS": "follow"}
GRIDS: dict[str, list[dict[str, Any]]] = {
    "document": [BEFORE] + [{**BEFORE, "MARGIN": m, "DOC_SCORE": w, "DOC_DENSE": d}
                            for m, w, d in itertools.product([0.0, 0.5, 1.0, 2.0], [0.0, 1.0, 4.0], [0.0, 4.0, 8.0])],
    # what follows the chosen section: always (as shipped), only when what is shown lacks the kind of fact
    # asked for, never
    "continuation": [{**BEFORE, "NEIGHBOURS": n} for n in ("follow", "kind", "none")],
}
_WORD = re.compile(r"\w+")


@dataclass
class Figures:
    said: int = 0
    cited_first: int = 0
    wrong: int = 0
    questions: int = 0
    answerable: int = 0
    words: list[int] | None = None


Data = dict[str, list[tuple[Any, SearchResult]]]


def run(data: Data, answerer: Answerer, knobs: dict[str, Any]) -> dict[str, Figures]:
    for name, value in knobs.items():
        module, attribute = MODULES[name]
        setattr(module, attribute, value)
    out = {}
    for centre, rows in data.items():
        f = Figures(words=[])
        for s, result in rows:
            q = s.question
            answer = answerer.extract(q.question, result, whole=lambda hit, s=s: read_whole(s, hit.document_id))
            f.questions += 1
            first = answer.citations[0].document_id if answer.grounded and answer.citations else None
            if answer.grounded:
                assert f.words is not None
                f.words.append(len(_WORD.findall(answer.text)))
            if not q.answerable:
                f.wrong += answer.grounded
                continue
            f.answerable += 1
            # as `eval answers` judges: the facts said and some required document cited (`Verdict`)
            required = answer.grounded and any(c.document_id in q.must_cite for c in answer.citations)
            f.cited_first += first in q.must_cite
            f.wrong += answer.grounded and not required
            f.said += required and says_facts(answer.text, q)
        out[centre] = f
    return out


def total(figures: dict[str, Figures]) -> str:
    words = [n for f in figures.values() for n in (f.words or [])]
    answerable = sum(f.answerable for f in figures.values())
    questions = sum(f.questions for f in figures.values())
    said = sum(f.said for f in figures.values())
    wrong = sum(f.wrong for f in figures.values())
    cited = sum(f.cited_first for f in figures.values())
    return (f"facts said {said}/{answerable} ({said / answerable:.3f}), cited first {cited / answerable:.3f}, "
            f"wrong {wrong}/{questions} ({wrong / questions:.3f}), median words {statistics.median(words):.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--cost", type=float, default=1.5, help="a wrong answer's cost in facts said")
    parser.add_argument("--grid", choices=sorted(GRIDS), default="document")
    parser.add_argument("--fix", default="", help="knobs held in every configuration, e.g. CONTINUATION_SHARED=1")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    data: dict[str, list[tuple[Any, SearchResult]]] = {}
    policy_file = None
    for stored in sorted(args.cache.glob("*.pickle")):
        policy_file, searches = pickle.loads(stored.read_bytes())  # NOTE: our own cache
        data[stored.stem] = [(s, s.result) for s in searches if s.question.lang == "en"]
    policy = load_policy(policy_file)
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    before = run(data, answerer, BEFORE)
    fixed = {k: eval(v) for k, v in (kv.split("=") for kv in args.fix.split(",") if kv)}
    runs = [(knobs, run(data, answerer, knobs)) for knobs in ({**g, **fixed} for g in GRIDS[args.grid])]
    held: dict[str, Figures] = {}
    for out in data:
        def on_others(figures: dict[str, Figures], out: str = out) -> tuple[float, float]:
            others = [f for c, f in figures.items() if c != out]
            words = [n for f in others for n in (f.words or [])]
            return (sum(f.said for f in others) - args.cost * sum(f.wrong for f in others),
                    -statistics.median(words or [0]))

        knobs, figures = max(runs, key=lambda r: on_others(r[1]))
        held[out] = figures[out]
        b, a = before[out], figures[out]
        print(f"{out:<22} chose {knobs}  said {b.said} -> {a.said}/{a.answerable}, wrong {b.wrong} -> {a.wrong}, "
              f"median words {statistics.median(b.words or [0]):.0f} -> {statistics.median(a.words or [0]):.0f}",
              flush=True)
    print(f"before:   {total(before)}\nheld out: {total(held)}")
    for knobs, figures in sorted(runs, key=lambda r: -(sum(f.said for f in r[1].values())
                                                        - args.cost * sum(f.wrong for f in r[1].values())))[:6]:
        print(f"in-sample {knobs}: {total(figures)}")


if __name__ == "__main__":
    main()
