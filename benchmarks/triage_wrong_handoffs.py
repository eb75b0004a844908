"""Every wrong handoff (and, with `--missed`, every missed one) on the development triage sets, grouped by rule.

Usage: python benchmarks/triage_wrong_handoffs.py [--rules-only] [--missed] [FILE.jsonl ...]

Reads only the development sets of `triage_sets.py` (`DEVELOPMENT`, in datasets/triage/; its `TRAINING`
rows when named): their texts
are development data, printed so the kinds of wrong handoff can be read. Public sets and examples/eval
are never printed (they are measured only, by `triage_sets.py`). Each wrong handoff is listed under
who decided it: the rule's name, or `model:<label>` for the learned head (served triage), with the set,
the row id and the text. The last line is one JSON object: the count per rule and set.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from triage_sets import DEVELOPMENT, ROOT, TRAINING

from bot.policy import load_policy
from bot.triage.setup import offline_triage


@dataclass(frozen=True)
class Wrong:
    """One row the triage decided against its label."""

    set_name: str
    row_id: str
    expected: str
    decided: str  # the rule's name, `model:<label>`, or "none" for a missed handoff
    text: str


def development_paths(named: list[str]) -> list[Path]:
    """The named files if all are development sets or training rows, else every development set."""
    folder = ROOT / "datasets" / "triage"
    paths = [Path(n) for n in named] or [folder / name for name in DEVELOPMENT]
    refused = [p for p in paths if p.name not in (*DEVELOPMENT, *TRAINING)]
    if refused:
        raise SystemExit(f"not development sets (never printed here): {', '.join(map(str, refused))}")
    return paths


def _rule_of(evidence: str) -> str:
    return evidence.split(" ", 1)[0]


def wrong_rows(paths: list[Path], *, learned: bool, missed: bool) -> list[Wrong]:
    triage = offline_triage(load_policy(None), learned=learned)
    out: list[Wrong] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                continue  # a row without "text" is no message to triage
            expected = str(row.get("expected", row.get("label")))  # training rows say "label"
            decision = triage.classify(row["text"])
            handed = decision.reason is not None
            if handed and expected == "none":
                who = _rule_of(decision.evidence) if decision.stage == "rules" else f"{decision.stage}:{decision.label}"
                out.append(Wrong(path.name, str(row.get("id")), "none", who, row["text"]))
            elif missed and not handed and expected != "none":
                out.append(Wrong(path.name, str(row.get("id")), expected, "none", row["text"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules-only", action="store_true", help="the rules alone, without the learned head")
    ap.add_argument("--missed", action="store_true", help="also list handoffs the triage missed")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)
    rows = wrong_rows(development_paths(args.files), learned=not args.rules_only, missed=args.missed)
    groups: dict[str, list[Wrong]] = defaultdict(list)
    for w in rows:
        groups[w.decided if w.expected == "none" else f"missed {w.expected}"].append(w)
    counts: dict[str, dict[str, int]] = {}
    for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        print(f"== {name} ({len(groups[name])})")
        for w in groups[name]:
            print(f"   {w.set_name}:{w.row_id} [{w.decided if w.expected != 'none' else ''}] {w.text}")
            counts.setdefault(name, {}).setdefault(w.set_name, 0)
            counts[name][w.set_name] += 1
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
