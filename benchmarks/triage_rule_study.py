"""Judge new triage rules leave-one-set-out: each development set is scored with only the rules that the
other sets (and the sets that must not lose precision) chose.

Usage: python benchmarks/triage_rule_study.py [--no-head] RULE_NAME ...

The named rules are taken out of the rule tables to give the baseline. For each held-out development set
(datasets/triage/ DEVELOPMENT in triage_sets.py), a named rule is kept when, on the other development sets
pooled, the handoffs it adds to the baseline are at least `--precision` right (and at least one), and it
adds no wrong handoff on the public dev halves (../shared/eval/triage) nor on examples/eval. The set is
then scored with the kept rules, rules alone and with the learned head (the head as checked in; its
thresholds are rebuilt leave-one-set-out by build_classifier.py). Texts are never printed: only counts.
The blind hold-outs are never read.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.triage_sets import DEVELOPMENT
from bot.policy import load_policy
from bot.triage.decision import RULE_TABLES, Triage
from bot.triage.guards import Facts, fire
from bot.triage.normalize import normalize
from bot.triage.rule import Label
from bot.triage.setup import offline_triage

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Row:
    needs_person: bool
    rules: bool  # the baseline rules hand off
    both: bool  # the baseline rules or the head hand off
    fired: frozenset[str]  # named rules that fire on it


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _without(triage: Triage, names: set[str]) -> Triage:
    """`triage` with the named rules taken out of its tables (a study only: the product never does this)."""
    triage._tables = [Label(t.name, tuple(r for r in t.rules if r.name not in names), t.asked_in_advance,
                            t.prevention_questions_wait, t.self_service_unless) for t in triage._tables]
    return triage


def _score(rows: list[Row], kept: set[str], *, head: bool) -> tuple[float, float]:
    handed = [(r.both if head else r.rules) or bool(r.fired & kept) for r in rows]
    right = sum(h and r.needs_person for h, r in zip(handed, rows, strict=True))
    return (round(right / max(1, sum(handed)), 3), round(right / max(1, sum(r.needs_person for r in rows)), 3))


def _added(rows: list[Row], name: str, *, head: bool) -> tuple[int, int]:
    """Right and wrong handoffs `name` adds to the baseline on `rows`."""
    new = [r for r in rows if name in r.fired and not (r.both if head else r.rules)]
    return sum(r.needs_person for r in new), sum(not r.needs_person for r in new)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("names", nargs="+")
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--no-head", action="store_true")
    args = ap.parse_args(argv)
    names = set(args.names)
    known = {r.name for t in RULE_TABLES for r in t.rules}
    if names - known:
        raise SystemExit(f"unknown rules: {sorted(names - known)}")
    policy = load_policy(None)
    rules = _without(Triage(policy), names)
    both = rules if args.no_head else _without(offline_triage(policy), names)
    tables = {t.name: t for t in RULE_TABLES}
    studied = [(tables[r.label], r) for t in RULE_TABLES for r in t.rules if r.name in names]

    def load(path: Path) -> list[Row]:
        out = []
        for row in _rows(path):
            norm = normalize(row["text"])
            fired = frozenset(r.name for t, r in studied if fire(r, Facts(norm, t)) is not None)
            alone = rules.rules(row["text"]).reason is not None
            out.append(Row(row["expected"] != "none", alone,
                           alone or (both.classify(row["text"]).reason is not None), fired))
        return out

    dev = {name: load(ROOT / "datasets" / "triage" / name) for name in DEVELOPMENT}
    keep_paths = sorted((ROOT.parent / "shared" / "eval" / "triage").glob("*.jsonl"))
    keep_paths += sorted((ROOT / "examples" / "eval").glob("triage_*.jsonl"))
    keep = {p.name: load(p) for p in keep_paths}
    head = not args.no_head

    print("rule: right/wrong handoffs added per set (rules alone | with the head)")
    for name in sorted(names):
        cells = [f"{s.removesuffix('.jsonl').removeprefix('holdout_')} {_added(rs, name, head=False)}"
                 f"|{_added(rs, name, head=True)}" for s, rs in {**dev, **keep}.items()
                 if any(name in r.fired for r in rs)]
        print(f"  {name}: {'; '.join(cells) or 'fires nowhere'}")

    keep_wrong = {n for n in names for rs in keep.values() if _added(rs, n, head=False)[1]}
    print("adds a wrong handoff where precision must hold:", sorted(keep_wrong))
    print("held-out set: kept rules; rules P/R before -> after; with head before -> after")
    for held in dev:
        others = [r for s, rs in dev.items() if s != held for r in rs]
        kept = set()
        for n in names - keep_wrong:
            right, wrong = _added(others, n, head=False)
            if right and right >= args.precision * (right + wrong):
                kept.add(n)
        dropped = sorted(names - kept)
        print(f"  {held}: kept {len(kept)}/{len(names)}" + (f", dropped {dropped}" if dropped else ""))
        print(f"     rules {_score(dev[held], set(), head=False)} -> {_score(dev[held], kept, head=False)};"
              f" head {_score(dev[held], set(), head=head)} -> {_score(dev[held], kept, head=head)}")
    for name, rs in keep.items():
        print(f"  {name}: rules {_score(rs, set(), head=False)} -> {_score(rs, names - keep_wrong, head=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
