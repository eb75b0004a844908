"""The learned answerability decision: a logistic model over what the answerer already knows of the
top company document and the section it would show, checked by its sha256 before use.

The hand-set rule (`answerability.Rule`) reads a few of these signals through fixed thresholds; on an
English question the model weighs them all, each path (search said answerable, or a near miss) with
its own weights, so a section that holds most of what was asked is shown although search's score or
coverage fell short of a threshold. `assets/answerability.json` is written by
`benchmarks/answerability_model_write.py` from `answerability_rows.py`'s rows of every development set
(never ../shared/eval): weights fitted on all of them, the cut-off chosen on their leave-one-centre-out
probabilities as the point with the most facts said and no more wrong answers than the rule. A
different or damaged file is refused at load, like the embedding model and the learned ranker.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

from bot.answering import left_out
from bot.errors import BotError
from knowledge_base import lexical
from knowledge_base.pinned_files import read_pinned

MODEL_PATH = Path(__file__).resolve().parent / "assets" / "answerability.json"
MODEL_SHA256 = "663a6a71fee5832e1e4acc462bc3c87d07605aeccf1ab612e1c38a6aa6b5d375"


class ModelUnavailable(BotError):
    """The learned decision's weights are missing, not the pinned file, or for other signals."""


@dataclass(frozen=True)
class Signals:
    """What the decision reads about the top company document and the section chosen from it."""

    above: float  # search's calibrated score minus the answerable threshold it was decided against
    margin: float  # that score minus the next document's
    coverage: float  # search's idf-weighted keyword coverage of the question by its best passage
    passage: float  # the best passage's cosine with the question
    section_score: float  # how well the section's best sentences match (`SectionAnswer.score`)
    support: float  # content words of the question in the section's heading and best sentences
    share: float  # share of the question's content words in the title, heading and section
    shown_share: float  # the same in the part shown
    asked: float  # log(1 + the question's content words)
    kind_asked: float  # 1: the question asks for a time, an amount or a count
    kind_shown: float  # 1: ... and the shown part holds one
    yes_no: float  # 1: a yes/no question
    drop: float  # the yes/no check's left-out drop (`left_out.drop`; 0 when not a yes/no question)
    answerable: float  # 1: search said answerable (the section is chosen from the whole document)
    rule: float  # 1: the hand-set rule (`answerability.Rule` and the yes/no check) would show it
    held: float  # share of the question's content words the heading and part shown hold (`held_shares`)
    held_long: float  # the same for its words of six letters or more

    @staticmethod
    def names() -> tuple[str, ...]:
        return tuple(f.name for f in fields(Signals))

    @staticmethod
    def asked_words(count: int) -> float:
        """`asked` from the number of the question's content words."""
        return math.log1p(count)

    def vector(self) -> np.ndarray:
        # NOTE: the fields read in order, as `astuple` would give them (flat floats), without its deep copy
        # of each value (~30 us a turn)
        return np.asarray([getattr(self, name) for name in _SIGNAL_NAMES], dtype=np.float64)


_SIGNAL_NAMES = Signals.names()
_ANSWERABLE = _SIGNAL_NAMES.index("answerable")


LONG = 6  # letters: a stand-in for a rare word, the one that names the thing asked ("aftershave", "boardroom")


def held_shares(question: str, shown: str) -> tuple[float, float]:
    """The share of the question's content words `shown` holds, as written or inflected (`left_out`'s
    reading, with the knowledge base's plural folding and shared prefixes), and the same for its long words.

    Search's coverage reads the best passage, the rule's support the best sentences: neither says whether
    the section about to be shown names what was asked. Added to the model's other signals, these two
    turned more declines into facts said, leave-one-centre-out, at no more wrong answers (docs/DECISIONS.md).
    """
    terms = {t for t in lexical.terms(question) if not t.isdigit()}
    lacked = {lexical.terms(word)[0] for word in left_out.lacked_words(question, shown)}
    long_terms = {t for t in terms if len(t) >= LONG}
    held = 1.0 - len(lacked & terms) / len(terms) if terms else 0.0
    held_long = 1.0 - len(lacked & long_terms) / len(long_terms) if long_terms else 1.0
    return held, held_long


def by_path(x: np.ndarray) -> np.ndarray:
    """Every signal, and every signal again on the answerable path only (each path its own weights)."""
    x = np.atleast_2d(x)
    answerable = x[:, [_ANSWERABLE]]
    return np.hstack([x, x * answerable])


@dataclass(frozen=True)
class LearnedDecision:
    """A logistic model over `by_path(Signals)`, standardised, and the cut-off that shows a section."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    cutoff: float

    def probability(self, signals: Signals) -> float:
        mean, scale, weights = self._arrays
        z = (by_path(signals.vector())[0] - mean) / scale
        return float(1.0 / (1.0 + math.exp(-(float(z @ weights) + self.bias))))

    @functools.cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`mean`, `scale` and `weights` as arrays, made once per model, not three conversions a turn."""
        return np.asarray(self.mean), np.asarray(self.scale), np.asarray(self.weights)

    def shows(self, signals: Signals) -> bool:
        return self.probability(signals) >= self.cutoff

    def as_json(self) -> str:
        """The file `load` reads (names pinned beside the numbers, so a change of signals is refused)."""
        return json.dumps({"signals": list(Signals.names()), "by_path": True, "mean": list(self.mean),
                           "scale": list(self.scale), "weights": list(self.weights), "bias": self.bias,
                           "cutoff": self.cutoff}, indent=1) + "\n"

    @classmethod
    def load(cls, path: Path | None = None, *, sha256: str | None = None) -> LearnedDecision:
        """The model in `path` (default `MODEL_PATH`) if its bytes are the pinned ones (`MODEL_SHA256`).

        Raises:
            ModelUnavailable: the file is missing, its sha256 is not `sha256`, or it names other signals.
        """
        path = path or MODEL_PATH
        data = read_pinned(path, sha256 or MODEL_SHA256, what="answerability model",
                           rebuild="benchmarks/answerability_model_write.py", error=ModelUnavailable)
        model = json.loads(data)
        if tuple(model.get("signals", ())) != Signals.names() or not model.get("by_path"):
            raise ModelUnavailable(f"{path} is for signals {model.get('signals')}, the answerer computes "
                                   f"{Signals.names()}")
        return cls(mean=tuple(map(float, model["mean"])), scale=tuple(map(float, model["scale"])),
                   weights=tuple(map(float, model["weights"])), bias=float(model["bias"]),
                   cutoff=float(model["cutoff"]))
