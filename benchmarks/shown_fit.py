"""Choose what the offline answer shows leave-one-centre-out, replayed as the turn decides it.

Every configuration of the `bot.answering.sections` knobs in `GRID` is replayed over `passage_choice.py
--cache DIR` (every development set's English golden questions) with the served answerer
(`shown_answers.served_answerer`: the learned answerability decision and the embedder, so what is shown
moves the declines as in a turn). For each held-out centre the configuration with the best gain on the
others is chosen (facts said less `WRONG_COST` per wrong answer; the shorter median answer on ties; none
whose median length there exceeds the first configuration's by more than `--cap`), and the held-out
centre's figures under it are summed: facts said, wrong answers, answerable declined, characters shown.
The first configuration of `GRID` (every knob off, the behaviour before) is printed beside.

    python benchmarks/shown_fit.py --cache DIR [--cap 1.1]
"""
from __future__ import annotations

import argparse
import json
import logging
import pickle
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched  # noqa: E402,F401  (the cache's rows)
from shown_answers import Outcome, figures, load, run, served_answerer  # noqa: E402

from bot.answering import extractive, sections  # noqa: E402

WRONG_COST = 1.5  # facts said one wrong answer is worth (as the runner-up study weighed them)
# The first is the behaviour before this session's changes (the trim's overshoot fix is not a knob); then
# each knob alone, then all of them (a full product of the knobs is too slow for this machine's two cores).
OFF: dict[str, Any] = {"KIND_SHARED": None, "NEAREST_ROOM": None, "FIT_ROWS": False, "extractive.FINAL_E": False}
GRID: list[dict[str, Any]] = [
    OFF,
    {**OFF, "KIND_SHARED": 1},
    {**OFF, "NEAREST_ROOM": 250},
    {**OFF, "NEAREST_ROOM": 400},
    {**OFF, "FIT_ROWS": True},
    {**OFF, "KIND_SHARED": 1, "NEAREST_ROOM": 250, "FIT_ROWS": True},
    {**OFF, "KIND_SHARED": 1, "NEAREST_ROOM": 400, "FIT_ROWS": True},
    # Measured, never chosen: the final-e stem changes the words every answerability signal and the
    # follow-up logic read, not only what is shown (see docs/DECISIONS.md).
    {**OFF, "extractive.FINAL_E": True},
    {"KIND_SHARED": 1, "NEAREST_ROOM": 250, "FIT_ROWS": True, "extractive.FINAL_E": True},
]
CHOOSABLE = range(7)  # the configurations a fold may choose


def apply(knobs: dict[str, Any]) -> None:
    """Set each knob (`NAME` of `sections`, or `extractive.NAME`), forgetting remembered word sets."""
    for name, value in knobs.items():
        module, _, attribute = name.rpartition(".")
        setattr(extractive if module == "extractive" else sections, attribute, value)
    extractive._content_words.cache_clear()


def gain(f: dict[str, Any]) -> float:
    return f["said"] - WRONG_COST * f["wrong"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--cap", type=float, default=1.1, help="longest median answer allowed, times the first's")
    parser.add_argument("--outcomes", type=Path, help="keep each configuration's replay here (reused when there)")
    parser.add_argument("--configs", help="replay only these configurations (indices of GRID, '0,3'), keep them "
                                          "in --outcomes and stop: several processes can share the grid")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    policy_file, data = load(args.cache)
    answerer = served_answerer(policy_file)
    only = [int(i) for i in args.configs.split(",")] if args.configs else range(len(GRID))
    runs: list[list[Outcome]] = []
    for i in only:
        kept = args.outcomes / f"{i}.pickle" if args.outcomes is not None else None
        if kept is not None and kept.exists():
            outcomes = pickle.loads(kept.read_bytes())  # NOTE: our own file, written below
        else:
            apply(GRID[i])
            outcomes = run(data, answerer)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(pickle.dumps(outcomes))
        runs.append(outcomes)
        print(f"in-sample {json.dumps(GRID[i])}", json.dumps(figures(outcomes)), flush=True)
    if args.configs:
        return
    centres = list(data)
    per = [{c: [o for o in outcomes if o.kb == c] for c in centres} for outcomes in runs]
    held: list[Outcome] = []
    chosen: dict[str, int] = {}
    for centre in centres:
        scored = []
        for i, by_centre in enumerate(per):
            rest = [o for c in centres if c != centre for o in by_centre[c]]
            f = figures(rest)
            scored.append((i, f))
        cap = args.cap * scored[0][1]["median_chars"]
        allowed = [(i, f) for i, f in scored if i in CHOOSABLE and f["median_chars"] <= cap] or scored[:1]
        best = max(allowed, key=lambda pair: (gain(pair[1]), -pair[1]["median_chars"], -pair[0]))[0]
        chosen[centre] = best
        held += per[best][centre]
    print("held out (each centre under the configuration chosen on the others):")
    print(f"  {'before (all off)':<38}", json.dumps(figures(runs[0])))
    print(f"  {'chosen leave-one-centre-out':<38}", json.dumps(figures(held)))
    picks = statistics.multimode(chosen.values())
    print("  configurations chosen:", json.dumps({json.dumps(GRID[i]): sum(v == i for v in chosen.values())
                                                  for i in sorted(set(chosen.values()))}), "mode", picks)
    print("per centre (all off -> held out): said / wrong / declined / median chars")
    for centre in centres:
        a, b = figures(per[0][centre]), figures(per[chosen[centre]][centre])
        if (a["said"], a["wrong"], a["declined"]) != (b["said"], b["wrong"], b["declined"]):
            print(f"  {centre:<22} {a['said']}/{a['wrong']}/{a['declined']}/{a['median_chars']} -> "
                  f"{b['said']}/{b['wrong']}/{b['declined']}/{b['median_chars']}")


if __name__ == "__main__":
    main()
