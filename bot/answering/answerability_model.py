"""A learned answerability decision: one logistic model over search's figures and the chosen section's.

`answerability.Rule` decides with hand-set thresholds per path (answerable, thin, near miss, kind);
each was fitted on its own. This model reads the same evidence at once, including how much of the
question's content words the chosen section covers, and says how likely the shown section is a right
answer. Its weights and cut-off are in `assets/answerability.json`, written by
`benchmarks/answerability_model_fit.py` (leave-one-help-centre-out over every development set; never on
../shared/eval) and pinned by sha256 here: a changed file is refused at load, as for the ranker.
English questions only: a question matched across languages is scored on another scale.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import astuple, dataclass, fields
from functools import cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "assets" / "answerability.json"
MODEL_SHA256 = ""  # set by the fit script's output; empty: no model shipped


class ModelUnavailable(RuntimeError):
    """The answerability model's file is missing, not the pinned one, or for other signals."""


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
    drop: float  # the yes/no check's left-out drop (`left_out.drop`; 0 when not asked)
    answerable: float  # 1: search said answerable (the section is chosen from the whole document)
    rule: float  # 1: the hand-set rule (`answerability.Rule` and the yes/no check) would show it

    @staticmethod
    def names() -> tuple[str, ...]:
        return tuple(f.name for f in fields(Signals))

    @staticmethod
    def words(count: int) -> float:
        return math.log1p(count)

    def vector(self) -> np.ndarray:
        return np.asarray(astuple(self), dtype=np.float64)


@dataclass(frozen=True)
class AnswerabilityModel:
    """`probability(signals)`: how likely showing the section is a right answer; `shows` compares it
    with the cut-off chosen leave-one-centre-out."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    cutoff: float

    def probability(self, signals: Signals) -> float:
        z = (signals.vector() - np.asarray(self.mean)) / np.asarray(self.scale)
        return float(1.0 / (1.0 + math.exp(-(float(z @ np.asarray(self.weights)) + self.bias))))

    def shows(self, signals: Signals) -> bool:
        return self.probability(signals) >= self.cutoff

    @classmethod
    def from_dict(cls, model: dict[str, object]) -> AnswerabilityModel:
        if tuple(model.get("signals", ())) != Signals.names():  # type: ignore[arg-type]
            raise ModelUnavailable(f"the model is for signals {model.get('signals')}, "
                                   f"the answerer reads {Signals.names()}")
        def floats(key: str) -> tuple[float, ...]:
            return tuple(float(v) for v in model[key])  # type: ignore[attr-defined]
        return cls(mean=floats("mean"), scale=floats("scale"), weights=floats("weights"),
                   bias=float(model["bias"]), cutoff=float(model["cutoff"]))  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | None = None, *, sha256: str | None = None) -> AnswerabilityModel:
        """The model in `path` (default `MODEL_PATH`) if its bytes are the pinned ones.

        Raises:
            ModelUnavailable: missing, another sha256, or for other signals.
        """
        path = path or MODEL_PATH
        sha256 = MODEL_SHA256 if sha256 is None else sha256
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ModelUnavailable(f"answerability model not found at {path}: reinstall supportbot") from exc
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise ModelUnavailable(f"answerability model at {path} has sha256 {actual}, expected {sha256}; rebuild "
                                   "it with benchmarks/answerability_model_fit.py and pin the new hash")
        return cls.from_dict(json.loads(data))


@cache
def shipped() -> AnswerabilityModel:
    """The pinned model, read once at first use (never at import)."""
    return AnswerabilityModel.load()
