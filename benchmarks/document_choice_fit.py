"""Choose `bot.answering.document_choice`'s margin and weights leave-one-centre-out, from `passage_choice.py`'s cache.

Each English golden question of the cached development sets is answered by the real offline answer
(`Answerer.extract`) once as shipped without a runner-up, and once per runner-up document offered
alone as the challenger (what `document_choice.challengers` returns is replaced for that call): the
answer then says whether that runner-up passed the checks (it is cited) and what the customer would
read. With each option's `document_choice.features`, every configuration of the grid is then scored
by arithmetic as `Answerer._runner_up` decides (the strongest challenger over the margin that passes
the checks), so the grid costs seconds. For each held-out centre the configuration with the best facts
said minus `--cost` times wrong answers on the other centres is chosen (the larger margin on ties),
and the held-out centre's figures under it are summed: facts said, right document cited first,
wrong answers (an unanswerable question shown, or an answer citing no required document).

    python benchmarks/document_choice_fit.py --cache DIR [--cost 1.5]
"""
from __future__ import annotations

import argparse
import itertools
import logging
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from passage_choice import Searched, read_whole  # noqa: E402  (the cache's rows)

from bot.answering import document_choice  # noqa: E402
from bot.answering.answerer import Answer, Answerer  # noqa: E402
from bot.answering.evaluation import says_facts  # noqa: E402
from bot.answering.golden import GoldenQuestion  # noqa: E402
from bot.policy import load_policy  # noqa: E402

MARGINS = (0.0, 0.1, 0.2, 0.35, 0.5, 1.0)
WEIGHTS = {"share": (0.0, 1.0, 2.0), "kind": (0.0, 0.25, 0.5, 1.0), "dense": (0.0, 1.0, 3.0), "score": (0.0, 1.0)}


@dataclass(frozen=True)
class Outcome:
    """What the customer gets: facts said, a required document cited first, a wrong answer."""

    said: bool
    right: bool
    wrong: bool


@dataclass(frozen=True)
class Option:
    """A runner-up offered alone: its features, whether it passed the checks, and the outcome if shown."""

    features: tuple[float, float, float, float]
    passes: bool
    outcome: Outcome


@dataclass
class Row:
    centre: str
    answerable: bool
    shipped: Outcome
    first: tuple[float, float, float, float] | None = None  # the first's features when a runner-up was looked at
    options: list[Option] = field(default_factory=list)


def outcome(answer: Answer, q: GoldenQuestion) -> Outcome:
    """As `eval answers` judges (`Verdict`): facts said with a required document cited."""
    first = answer.citations[0].document_id if answer.grounded and answer.citations else None
    if not q.answerable:
        return Outcome(False, False, answer.grounded)
    required = answer.grounded and any(c.document_id in q.must_cite for c in answer.citations)
    return Outcome(required and says_facts(answer.text, q), first in q.must_cite, answer.grounded and not required)


def rows_of(data: dict[str, list[Searched]], answerer: Answerer) -> list[Row]:
    """Every question answered as shipped, and once per runner-up offered alone (see the docstring)."""
    seen: list[tuple[document_choice.Shown, list[document_choice.Shown]]] = []
    offered: list[document_choice.Shown] = []
    original = document_choice.challengers

    def record(_question: str, first: document_choice.Shown,
               others: Sequence[document_choice.Shown]) -> list[document_choice.Shown]:
        seen.append((first, list(others)))
        return list(offered)

    rows = []
    document_choice.challengers = record  # type: ignore[assignment]
    document_choice.MARGIN = 0.0
    try:
        for centre, searches in data.items():
            for s in searches:
                q = s.question

                def answer(s: Searched = s) -> Answer:
                    return answerer.extract(s.question.question, s.result,
                                            whole=lambda hit: read_whole(s, hit.document_id))

                seen.clear()
                offered.clear()
                row = Row(centre, q.answerable, outcome(answer(), q))
                if seen:
                    first, others = seen[0]
                    row.first = document_choice.features(q.question, first)
                    for other in others:
                        offered[:] = [other]
                        got = answer()
                        cited = got.citations[0].document_id if got.grounded and got.citations else None
                        row.options.append(Option(document_choice.features(q.question, other),
                                                  cited == other.hit.document_id, outcome(got, q)))
                rows.append(row)
    finally:
        document_choice.challengers = original
        document_choice.MARGIN = None
    return rows


Config = tuple[float, tuple[float, float, float, float]]


def decided(row: Row, config: Config) -> Outcome:
    """The outcome under `config`, as `Answerer._runner_up` decides it."""
    margin, weights = config
    if row.first is None:
        return row.shipped
    bar = sum(w * f for w, f in zip(weights, row.first, strict=True)) + margin
    scored = sorted(((sum(w * f for w, f in zip(weights, o.features, strict=True)), i, o)
                     for i, o in enumerate(row.options)), key=lambda t: (-t[0], t[1]))
    for value, _i, option in scored:
        if value > bar and option.passes:
            return option.outcome
    return row.shipped


@dataclass
class Figures:
    said: int = 0
    right: int = 0
    wrong: int = 0
    answerable: int = 0
    questions: int = 0

    def add(self, row: Row, o: Outcome) -> None:
        self.said += o.said
        self.right += o.right
        self.wrong += o.wrong
        self.answerable += row.answerable
        self.questions += 1

    def merge(self, other: Figures) -> None:
        for name in ("said", "right", "wrong", "answerable", "questions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def __str__(self) -> str:
        return (f"said {self.said}/{self.answerable}, cited first {self.right}, "
                f"wrong {self.wrong}/{self.questions}")


def figures(rows: list[Row], config: Config | None) -> Figures:
    out = Figures()
    for row in rows:
        out.add(row, row.shipped if config is None else decided(row, config))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="passage_choice.py's --cache folder")
    parser.add_argument("--cost", type=float, default=1.5, help="a wrong answer's cost in facts said")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    data: dict[str, list[Searched]] = {}
    policy_file = None
    for stored in sorted(args.cache.glob("*.pickle")):
        policy_file, searches = pickle.loads(stored.read_bytes())  # NOTE: our own cache
        data[stored.stem] = [s for s in searches if s.question.lang == "en"]
    policy = load_policy(policy_file)
    answerer = Answerer(chat_model=None, policy=policy, knowledge_language=policy.knowledge_language)
    rows = rows_of(data, answerer)
    configs: list[Config] = [(m, (a, b, c, d)) for m in MARGINS for a, b, c, d in itertools.product(*WEIGHTS.values())]
    by_centre = {c: [r for r in rows if r.centre == c] for c in data}
    table = {config: {c: figures(rs, config) for c, rs in by_centre.items()} for config in configs}
    before_all, held_all = Figures(), Figures()
    for held in data:
        def on_others(config: Config, held: str = held) -> tuple[float, float]:
            others = [f for c, f in table[config].items() if c != held]
            return sum(f.said for f in others) - args.cost * sum(f.wrong for f in others), config[0]

        config = max(configs, key=on_others)
        before, after = figures(by_centre[held], None), table[config][held]
        before_all.merge(before)
        held_all.merge(after)
        print(f"{held:<22} chose {config}  {before}  ->  {after}", flush=True)
    print(f"before:   {before_all}\nheld out: {held_all}")
    best = sorted(configs, key=lambda c: -(sum(f.said for f in table[c].values())
                                           - args.cost * sum(f.wrong for f in table[c].values())))
    for config in best[:8]:
        total = Figures()
        for part in table[config].values():
            total.merge(part)
        print(f"in-sample {config}: {total}")


if __name__ == "__main__":
    main()
