"""The learned second stage: a linear head over the offline embedder's vectors, for messages the rules leave alone.

Trained by bot/triage/training/build_classifier.py on the public intent training splits (Banking77,
CLINC150, Bitext; their licences in weights/licences/) and our own rows from other industries. The
head's columns are the sets' own intents (77 banking ones, 150 CLINC ones, ...) and our five labels:
learning "a pending payment" apart from "a payment I don't recognise" is what keeps the near
neighbours of a handoff with the bot; a label's probability is the sum of its intents'. The weights
are loaded on first use, after a sha256 check like the embedder's; each handoff label has its own
probability threshold, chosen on data the head was not trained on (1.01 = the label is off).

How sure the head is that a person is needed is the handoff labels' probability together (1 minus
"none"), and the label it names is the likeliest of them: a story split between "security" and
"billing_dispute" still needs a person. A short message the rules leave alone is usually a question,
so a label has one threshold per length band (`Bands`: under 15 words, 15-19, 20 and more); the longest
band is split in two by a question mark, since a long polite question about fees or refunds reads much
like a billing story to the head but is asked, not told (issue 12).
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("none", "customer_request", "security", "billing_dispute", "complaint")
HANDOFF_LABELS = LABELS[1:]
WEIGHTS_DIR = Path(__file__).parent / "weights"
WEIGHTS_SHA256 = "10717aed1ee89b58764e34cfa101f488a1e61c078bba29621909894ed9ae528a"
META_SHA256 = "0a8bcb3e381b2a8ff37c7bcee5493de7b0083596e04e0c7275c065b9ed50007b"
_MAX_WORDS = 16  # words tried one by one when explaining a handoff (one embedding each)

Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> (n, 384) unit vectors, as LocalMiniLMEmbeddings.embed_array


class ClassifierUnavailable(RuntimeError):
    """The weights are missing or not the pinned ones."""


@dataclass(frozen=True)
class LearnedVerdict:
    """The head's opinion of one message: its most likely label and how sure it is."""

    label: str
    probability: float
    threshold: float

    @property
    def hands_off(self) -> bool:
        return self.label != "none" and self.probability >= self.threshold


@dataclass(frozen=True)
class Bands:
    """Which of a label's thresholds a message meets: its band by word count (`words` are the bands'
    lower bounds after the first), the longest band split in two when `questions` (asked, then told)."""

    words: tuple[int, ...]
    questions: bool = False

    @property
    def count(self) -> int:
        return len(self.words) + 1 + int(self.questions)

    def of(self, words: np.ndarray, question: np.ndarray) -> np.ndarray:
        """Band index of each message: 0 below words[0], ..., len(words) from words[-1] on; with
        `questions`, a message of the longest band that asks nothing (a story told) gets one more."""
        band = np.searchsorted(np.asarray(self.words), np.asarray(words), side="right")
        if self.questions:
            band = band + ((band == len(self.words)) & ~np.asarray(question, dtype=bool))
        return np.asarray(band)

    def band(self, words: int, question: bool) -> int:
        return int(self.of(np.array([words]), np.array([question]))[0])


def as_bands(story_words: int | Bands) -> Bands:
    """An older single boundary (`story_words`) as bands: under it, from it on."""
    return story_words if isinstance(story_words, Bands) else Bands((int(story_words),))


@dataclass(frozen=True)
class _Head:
    weights: np.ndarray  # (dims + 1, classes), bias in the last row
    to_labels: np.ndarray  # (classes, labels) 0/1: which label each class (intent) counts for
    thresholds: dict[str, tuple[float, ...]]  # label -> one threshold per band
    bands: Bands


def _thresholds(value: float | list[float], count: int) -> tuple[float, ...]:
    """A label's thresholds, one per band; a single number is every band's."""
    if isinstance(value, list):
        if len(value) != count:
            raise ClassifierUnavailable(f"{len(value)} thresholds for {count} bands")
        return tuple(float(v) for v in value)
    return (float(value),) * count


def _bands(meta: dict[str, object]) -> Bands:
    words = meta.get("story_words", 0)
    bounds = tuple(int(w) for w in words) if isinstance(words, list) else (int(words),)  # type: ignore[call-overload]
    return Bands(bounds, bool(meta.get("long_questions", False)))


def word_count(text: str) -> int:
    """Words as the thresholds count them (build_classifier.py uses the same)."""
    return len(text.split())


def is_question(text: str) -> bool:
    """Asked rather than told: the message has a question mark (the seven languages all write one)."""
    return "?" in text or "？" in text


def _read_checked(path: Path, expected: str) -> bytes:
    if not path.is_file():
        raise ClassifierUnavailable(f"{path} not found; rebuild it with python -m bot.triage.training.build_classifier")
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ClassifierUnavailable(f"{path} has sha256 {actual}, expected {expected}")
    return data


class LearnedTriage:
    """The second opinion: embeds a message (with the product's embedder) and applies the head."""

    def __init__(self, embed: Embed, *, weights_dir: Path = WEIGHTS_DIR, weights_sha256: str = WEIGHTS_SHA256,
                 meta_sha256: str = META_SHA256) -> None:
        self._embed = embed
        self._dir = weights_dir
        self._hashes = (weights_sha256, meta_sha256)
        self._head: _Head | None = None
        self._lock = threading.Lock()

    def _load(self) -> _Head:
        head = self._head
        if head is not None:
            return head
        with self._lock:
            if self._head is None:
                import io

                raw = _read_checked(self._dir / "classifier.npy", self._hashes[0])
                meta = json.loads(_read_checked(self._dir / "classifier.json", self._hashes[1]))
                if tuple(meta["labels"]) != LABELS:
                    raise ClassifierUnavailable(f"weights are for labels {meta['labels']}, expected {list(LABELS)}")
                weights = np.load(io.BytesIO(raw), allow_pickle=False).astype(np.float32)
                classes = meta.get("class_labels", list(LABELS))  # each column's label; one column a label if absent
                if len(classes) != weights.shape[1] or not set(classes) <= set(LABELS):
                    raise ClassifierUnavailable(f"weights have {weights.shape[1]} columns for {len(classes)} classes")
                to_labels = np.zeros((len(classes), len(LABELS)), dtype=np.float32)
                to_labels[np.arange(len(classes)), [LABELS.index(c) for c in classes]] = 1.0
                bands = _bands(meta)
                self._head = _Head(weights=weights, to_labels=to_labels, bands=bands,
                                   thresholds={k: _thresholds(v, bands.count) for k, v in meta["thresholds"].items()})
            return self._head

    def load(self) -> None:
        """Load now (at start-up) instead of on the first message."""
        self._load()

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, labels) probabilities for (n, dims) unit vectors."""
        head = self._load()
        z = vectors @ head.weights[:-1] + head.weights[-1]
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray((e / e.sum(axis=1, keepdims=True)) @ head.to_labels)

    def verdict(self, vector: np.ndarray, *, words: int, question: bool = False) -> LearnedVerdict:
        """The head's verdict on the vector of one message of `words` words (`question`: it asks): the
        likeliest handoff label and the probability that a person is needed at all, or "none" when that
        is the likelier."""
        head = self._load()
        p = self.probabilities(vector.reshape(1, -1))[0]
        handoff = 1.0 - float(p[0])
        if handoff < float(p[0]):
            return LearnedVerdict("none", float(p[0]), 1.01)
        label = HANDOFF_LABELS[int(p[1:].argmax())]
        thresholds = head.thresholds.get(label, (1.01,) * head.bands.count)
        return LearnedVerdict(label, handoff, thresholds[head.bands.band(words, question)])

    def classify(self, text: str) -> LearnedVerdict:
        return self.verdict(np.asarray(self._embed([text]))[0], words=word_count(text), question=is_question(text))

    def words_behind(self, text: str, label: str, *, top: int = 3) -> list[str]:
        """The words whose removal lowers `label`'s probability most: why the model decided, for the card."""
        words = text.split()
        if len(words) < 2:
            return words
        candidates = sorted(range(len(words)), key=lambda i: -len(words[i]))[:_MAX_WORDS]
        variants = [text] + [" ".join(w for k, w in enumerate(words) if k != i) for i in candidates]
        p = self.probabilities(np.asarray(self._embed(variants)))[:, LABELS.index(label)]
        drops = sorted(((float(p[0] - p[n + 1]), i) for n, i in enumerate(candidates)), reverse=True)
        return [words[i].strip(".,;:!?\"'()") for drop, i in drops[:top] if drop > 0]
