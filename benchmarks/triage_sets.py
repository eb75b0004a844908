"""Handoff precision and recall of the triage on every labelled set, rules alone and with the learned stage.

Usage: python benchmarks/triage_sets.py [--holdout] [--weights DIR] [FILE.jsonl ...]
`--weights DIR`: "rules+model" with the candidate head a build wrote to DIR (`build_classifier --out DIR`)
instead of the shipped one, to compare heads before pinning one.
Default sets: the public evaluation halves in ../shared/eval/triage/ (Banking77, CLINC150, Bitext: cite
their papers when you report these), examples/eval/triage_*.jsonl with the five evaluation labels and
the development sets in datasets/triage/ (hold-outs E, G, H and I, each run for final figures once,
are development data now, and J since the fourth session of 2026-12-05). The blind hold-outs (any file
in datasets/triage/ not listed below) are left out unless `--holdout` is given: run for final figures only.
None of these sets is trained on, but the learned stage's thresholds are chosen on all of them
(bot/triage/training/build_classifier.py: E, G, H, I, J, K and L pooled into the precision target, the
others must not lose precision), and train_own_kinds.jsonl was written from the head's mistakes on E, G, H
and I: the learned stage's figures here are not held out; the build's leave-one-set-out lines are the
closest to that. The last line is one JSON object.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.policy import load_policy
from bot.triage.evaluation import EVAL_LABELS, evaluate_triage
from bot.triage.setup import offline_triage

ROOT = Path(__file__).resolve().parents[1]


HOLDOUT_MARKS: tuple[str, ...] = ()  # named blind hold-outs (unlisted files are hold-outs anyway)
TRAINING = ("train_own.jsonl", "train_own_pending.jsonl", "train_own_more.jsonl",  # training rows, not evaluation sets
            "train_own_kinds.jsonl", "train_own_six.jsonl", "train_own_seven.jsonl", "train_own_eight.jsonl")
# datasets/triage/ files that are development data (datasets/README.md); any other file there is a
# hold-out, named in HOLDOUT_MARKS or not, so a new one is left out from the day it is added.
DEVELOPMENT = ("holdout_e.jsonl", "holdout_g.jsonl", "holdout_h.jsonl", "holdout_i.jsonl",  # g-i spent on 2026-12-05
               "holdout_j.jsonl",  # j spent on 2026-12-05 (third session)
               "holdout_k.jsonl",  # k spent on 2026-12-05 (fourth session)
               "holdout_l.jsonl",  # l spent on 2026-12-05 (fifth session)
               "validation_v.jsonl",  # the sixth session's validation set
               "holdout_m.jsonl",  # m spent on 2026-12-05 (sixth session)
               "validation_w.jsonl",  # the seventh session's validation set
               "holdout_n.jsonl",  # n spent on 2026-12-05 (seventh session)
               "validation_x.jsonl",  # the ninth session's validation set
               "holdout_o.jsonl",  # o spent on 2026-12-05 (ninth session)
               "validation_y.jsonl",  # the tenth session's validation set
               "holdout_p.jsonl",  # p spent on 2026-12-05 (tenth session)
               "validation_z.jsonl",  # the eleventh session's validation set
               "holdout_q.jsonl")  # q spent on 2026-12-06 (eleventh session)


def is_holdout(path: Path) -> bool:
    in_datasets = path.parent.name == "triage" and path.parent.parent.name == "datasets"
    unlisted = in_datasets and path.name not in (*DEVELOPMENT, *TRAINING)
    return unlisted or any(mark in path.name.lower() for mark in HOLDOUT_MARKS)


def default_sets(*, holdout: bool = False, root: Path = ROOT) -> list[Path]:
    public = sorted((root.parent / "shared" / "eval" / "triage").glob("*.jsonl"))
    own = sorted((root / "examples" / "eval").glob("triage_*.jsonl"))
    ours = sorted(p for p in (root / "datasets" / "triage").glob("*.jsonl") if p.name not in TRAINING)
    return [p for p in public + own + ours if holdout or not is_holdout(p)]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    holdout = "--holdout" in argv
    weights = Path(argv[argv.index("--weights") + 1]) if "--weights" in argv else None
    skip = {argv.index("--weights"), argv.index("--weights") + 1} if weights is not None else set()
    named = [Path(a) for k, a in enumerate(argv) if a != "--holdout" and k not in skip]
    left_out = [p for p in named if is_holdout(p) and not holdout]
    if left_out:
        print(f"left out (blind hold-out; pass --holdout for the final run): {', '.join(map(str, left_out))}",
              file=sys.stderr)
    paths = [p for p in named if p not in left_out] if named else default_sets(holdout=holdout)
    if not paths:
        print(json.dumps({}))
        return 0
    policy = load_policy(None)
    rules = offline_triage(policy, learned=False)
    if weights is None:
        both = offline_triage(policy)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling script, also when loaded by path
        from triage_review_served import served_triage

        both = served_triage(weights)
    table = {}
    for path in paths:
        rows = _rows(path)
        if not rows or any(r.get("expected") not in EVAL_LABELS for r in rows):
            print(f"{path.name}: skipped (rows without a known 'expected' label)")
            continue
        alone, learned = evaluate_triage(rows, rules), evaluate_triage(rows, both)
        table[path.name] = {
            "n": len(rows),
            "rules": [alone["handoff_precision"], alone["handoff_recall"]],
            "rules+model": [learned["handoff_precision"], learned["handoff_recall"]],
            "model_handoffs": learned["stages"].get("model", {"handoffs": 0, "correct": 0}),
        }
        r, m = table[path.name]["rules"], table[path.name]["rules+model"]
        print(f"{path.name:34} n={len(rows):5}  rules P={r[0]} R={r[1]}  rules+model P={m[0]} R={m[1]}"
              f"  model added {table[path.name]['model_handoffs']}")
    print(json.dumps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
