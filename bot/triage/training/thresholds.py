"""The learned head's thresholds: chosen on predictions for industries the head was not trained on.

Thresholds picked on rows predicted by models that had seen other rows of the same industry come out
too low for a new company's customers, and picked to keep every public set's precision they come out
so high that the head adds nothing (all labels switched off in the stop-11 rebuild). So:

- our own rows are split into folds by industry (`industry_folds`), and each row is predicted by a
  model that saw no row of its industry: the head's precision there is what a new company gets;
  the development hold-outs written for industries the head never saw (E, G, H, I, J, K, L: 87 industries,
  never trained on) are pooled with them (`pooled`), so the target is met on customers' own words
  as well as on ours;
- the head's score is the probability that a person is needed (1 - "none"), its label the likeliest
  handoff label (`handoff_verdicts`);
- a short message the rules leave alone is mostly a question (the public sets' short queries are where
  the head's wrong handoffs were), so each label has one threshold per length band (`Bands`), each
  the lowest, down to `floor`, at which the label's added handoffs on the held-out folds stay at
  least `precision` precise and no "keep" set (the public dev halves, our development hold-out) loses
  precision (`choose_thresholds`);
- the bands are the candidate with the most held-out recall (`choose_story_words`); since issue 12 the
  build's only candidate is under 15 words, 15-19, and 20 on split by a question mark (a long
  polite question about fees and refunds is not a billing story), with a floor of 0.5.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.triage.classifier import HANDOFF_LABELS, LABELS, Bands, as_bands

OFF = 1.01  # a threshold no probability reaches
LOWEST = 0.2  # the lowest threshold tried when no floor is given
STORY_WORDS_CANDIDATES = (0, 8, 10, 12, 15, 20)
Thresholds = dict[str, tuple[float, ...]]  # label -> one threshold per band (under story_words, from it on)
Boundary = int | Bands  # a single story_words boundary, or bands


@dataclass(frozen=True)
class Scored:
    """One set's messages as the thresholds see them (all arrays of the set's length)."""

    label: np.ndarray  # index into LABELS of the likeliest handoff label
    score: np.ndarray  # probability that a person is needed: 1 - p(none)
    words: np.ndarray  # word count (classifier.word_count)
    open_to_model: np.ndarray  # (n, labels): rules left it alone and their guards would not hold that label back
    needs_person: np.ndarray  # the expected label is a handoff
    ruled: np.ndarray  # the rules already hand it off
    question: np.ndarray | None = None  # the message asks (classifier.is_question); None: none does

    def asks(self) -> np.ndarray:
        return self.question if self.question is not None else np.zeros(len(self.score), dtype=bool)


def pooled(sets: Sequence[Scored]) -> Scored:
    """Several sets as one: their added handoffs count together towards the precision target."""
    return Scored(label=np.concatenate([s.label for s in sets]), score=np.concatenate([s.score for s in sets]),
                  words=np.concatenate([s.words for s in sets]),
                  open_to_model=np.concatenate([s.open_to_model for s in sets]),
                  needs_person=np.concatenate([s.needs_person for s in sets]),
                  ruled=np.concatenate([s.ruled for s in sets]),
                  question=np.concatenate([s.asks() for s in sets]))


def industry_folds(industries: Sequence[str], k: int) -> np.ndarray:
    """Fold of each row, whole industries to a fold, the biggest first to the emptiest fold (deterministic)."""
    sizes = Counter(industries)
    load = [0] * k
    fold_of: dict[str, int] = {}
    for industry, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        fold_of[industry] = int(np.argmin(load))
        load[fold_of[industry]] += n
    return np.array([fold_of[i] for i in industries])


def handoff_verdicts(probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(likeliest handoff label's index into LABELS, 1 - p(none)) for (n, labels) probabilities."""
    return 1 + probs[:, 1:].argmax(axis=1), 1.0 - probs[:, 0]


def fired(s: Scored, thresholds: Thresholds, story_words: Boundary) -> np.ndarray:
    """Messages the head hands off under `thresholds` (one per band of `story_words` per label)."""
    out = np.zeros(len(s.score), dtype=bool)
    band = as_bands(story_words).of(s.words, s.asks())
    for j, label in enumerate(LABELS):
        if label in thresholds:
            out |= (s.label == j) & s.open_to_model[:, j] & (s.score >= np.asarray(thresholds[label])[band])
    return out


def _keeps_precision(s: Scored, added: np.ndarray) -> bool:
    """The set's handoff precision does not drop when `added` are handed off too (no wrong one, or as precise)."""
    wrong = int((added & ~s.needs_person).sum())
    if wrong == 0:
        return True
    floor = (s.ruled & s.needs_person).sum() / max(1, int(s.ruled.sum()))
    return bool(int((added & s.needs_person).sum()) / int(added.sum()) >= floor)


def choose_thresholds(held_out: Scored, keep: Sequence[Scored], story_words: Boundary, *, precision: float,
                      min_gain: int, floor: float = LOWEST) -> Thresholds:
    """Per handoff label and band, the lowest threshold down to `floor` meeting `precision` on `held_out`
    with no `keep` set losing precision; OFF where none does."""
    chosen: Thresholds = {}
    count = as_bands(story_words).count
    for label in HANDOFF_LABELS:
        pair = []
        for band in range(count):  # shortest first
            best = OFF
            for t in np.arange(0.99, floor - 0.005, -0.01):
                trial = {label: tuple(float(t) if k == band else OFF for k in range(count))}
                if not all(_keeps_precision(s, fired(s, trial, story_words)) for s in keep):
                    break  # lower thresholds only add to what a set lost
                f = fired(held_out, trial, story_words)
                gained, total = int((f & held_out.needs_person).sum()), int(f.sum())
                if total and gained / total >= precision and gained >= min_gain:
                    best = round(float(t), 2)
            pair.append(best)
        chosen[label] = tuple(pair)
    return chosen


def handoff_precision_recall(s: Scored, thresholds: Thresholds, story_words: Boundary) -> tuple[float, float]:
    """The set's handoff precision and recall with the rules and the head under `thresholds` together."""
    handed = s.ruled | fired(s, thresholds, story_words)
    right = int((handed & s.needs_person).sum())
    return right / max(1, int(handed.sum())), right / max(1, int(s.needs_person.sum()))


def held_out_recall(held_out: Scored, thresholds: Thresholds, story_words: Boundary) -> float:
    handed = held_out.ruled | fired(held_out, thresholds, story_words)
    return float((handed & held_out.needs_person).sum() / max(1, int(held_out.needs_person.sum())))


def choose_story_words(held_out: Scored, keep: Sequence[Scored], *, precision: float, min_gain: int,
                       candidates: Sequence[Boundary] = STORY_WORDS_CANDIDATES,
                       floor: float = LOWEST) -> tuple[Boundary, Thresholds]:
    """The bands whose thresholds give the most held-out recall (the first given on a tie)."""
    best: tuple[float, Boundary, Thresholds] | None = None
    for words in candidates:
        thresholds = choose_thresholds(held_out, keep, words, precision=precision, min_gain=min_gain, floor=floor)
        recall = held_out_recall(held_out, thresholds, words)
        if best is None or recall > best[0]:
            best = (recall, words, thresholds)
    assert best is not None
    return best[1], best[2]
