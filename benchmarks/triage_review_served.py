"""The reviewers' messages kept as tests, through the SERVED triage (rules + learned head): how many go to a person.

Usage: python benchmarks/triage_review_served.py [--weights DIR ...]

The review tests (tests/bot/triage/test_review_*.py) mostly assert what the RULES do; a learned head can
still hand an ordinary one to a person. This prints, for each list, how many the served triage hands off
(and which, by position and kind, never by text: the messages are read by the tests, not by whoever tunes
the head), for the shipped head and for each candidate head in `--weights DIR` (a build's `--out`, its
sha256s read from the files), side by side. The last line is one JSON object.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.policy import load_policy
from bot.triage.classifier import WEIGHTS_DIR, LearnedTriage
from bot.triage.decision import Triage
from bot.triage.second_opinion import SecondOpinions


@dataclass(frozen=True)
class ReviewList:
    """One list of a review test: its messages, each one's kind, and whether a person is needed."""

    name: str
    texts: tuple[str, ...]
    kinds: tuple[str, ...]
    needs_person: bool


def _text(item: object) -> str:
    """A list entry's message: a string, or the first value of a `pytest.param` (the known failures)."""
    values = getattr(item, "values", None)
    return str(values[0]) if values is not None else str(item)


def review_lists() -> list[ReviewList]:
    """The reviewers' lists, imported from the tests (so they are never copied anywhere else)."""
    import tests.bot.triage.test_review_ordinary_messages as ordinary
    import tests.bot.triage.test_review_tri8_findings as tri8
    import tests.bot.triage.test_review_tri9_findings as tri9
    import tests.bot.triage.test_review_tri10_findings as tri10
    import tests.bot.triage.test_review_tri12_findings as tri12

    def plain(name: str, texts: Sequence[object], needs: bool) -> ReviewList:
        return ReviewList(name, tuple(_text(t) for t in texts), ("-",) * len(texts), needs)

    return [
        ReviewList("tri12 ordinary (must stay)", tuple(t for t, _ in tri12.ORDINARY),
                   tuple(rule for _, rule in tri12.ORDINARY), False),
        plain("tri10 must hand off", tri10.MUST_HAND_OFF, True),
        plain("ordinary_messages must not", ordinary.MUST_NOT_HAND_OFF, False),
        plain("ordinary_messages legal", ordinary.MUST_HAND_OFF, True),
        plain("tri9 threshold handoffs (must stay)", tri9.THRESHOLD_HANDOFFS, False),
        plain("tri9 lost served (must hand off)", tri9.LOST_SERVED, True),
        plain("tri9 enquiry drops (must hand off)", tri9.ENQUIRY_GUARD_DROPS, True),
        plain("tri8 lost handoffs (must hand off)", tri8.LOST_ENQUIRY_HANDOFFS + tri8.LOST_LEGAL_THREATS, True),
    ]


def served_triage(weights: Path) -> Triage:
    """The triage as `offline_triage` serves it, with the head in `weights` (hashes taken from its files)."""
    from knowledge_base.embeddings import LocalMiniLMEmbeddings

    policy = load_policy(None)
    sha = [hashlib.sha256((weights / n).read_bytes()).hexdigest() for n in ("classifier.npy", "classifier.json")]
    head = LearnedTriage(LocalMiniLMEmbeddings().embed_array, weights_dir=weights, weights_sha256=sha[0],
                         meta_sha256=sha[1])
    return Triage(policy, second=SecondOpinions(reason_for=policy.reason_for, learned=head))


def run(triage: Triage, lists: list[ReviewList]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for rl in lists:
        wrong: list[str] = []  # position:stage:label[:p] of each message decided against the list
        kinds: Counter[str] = Counter()
        for i, (text, kind) in enumerate(zip(rl.texts, rl.kinds, strict=True)):
            decision = triage.classify(text)
            if (decision.reason is not None) != rl.needs_person:
                p = f":{decision.confidence:.2f}" if decision.stage == "model" else ""
                wrong.append(f"{i}:{decision.stage}:{decision.label}{p}")
                kinds[kind] += 1
        handed = len(wrong) if not rl.needs_person else len(rl.texts) - len(wrong)
        out[rl.name] = {"n": len(rl.texts), "handed_off": handed, "wrong": wrong, "wrong_kinds": dict(kinds)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", type=Path, nargs="*", default=[], help="candidate heads (a build's --out)")
    args = ap.parse_args(argv)
    lists = review_lists()
    heads = [WEIGHTS_DIR, *args.weights]
    table = {str(w): run(served_triage(w), lists) for w in heads}
    for rl in lists:
        cells = "  ".join(f"{table[str(w)][rl.name]['handed_off']:>3}" for w in heads)
        print(f"{rl.name:38} n={len(rl.texts):3}  handed off: {cells}")
    for w in heads:
        print(f"-- {w}")
        for rl in lists:
            row = table[str(w)][rl.name]
            if row["wrong"]:
                print(f"   {rl.name}: wrong {row['wrong']} kinds {row['wrong_kinds']}")
    print(json.dumps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
