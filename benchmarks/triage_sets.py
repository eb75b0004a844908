"""Handoff precision and recall of the triage on every labelled set, rules alone and with the learned stage.

Usage: python benchmarks/triage_sets.py [FILE.jsonl ...]
Default sets: the public evaluation halves in ../shared/eval/triage/ (Banking77, CLINC150, Bitext: cite
their papers when you report these) and examples/eval/triage_*.jsonl with the five evaluation labels.
The learned stage is kept only where it raises recall without lowering precision on these sets, none
of which it was trained on. The last line is one JSON object.
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


def _default_sets() -> list[Path]:
    public = sorted((ROOT.parent / "shared" / "eval" / "triage").glob("*.jsonl"))
    own = sorted((ROOT / "examples" / "eval").glob("triage_*.jsonl"))
    return public + own


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or _default_sets()
    policy = load_policy(None)
    rules, both = offline_triage(policy, learned=False), offline_triage(policy)
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
