"""The learned second stage: hash-checked weights loaded on first use, thresholds, the words behind a verdict."""
from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from bot.policy import Policy
from bot.triage.classifier import LABELS, WEIGHTS_DIR, ClassifierUnavailable, LearnedTriage
from bot.triage.decision import Triage
from bot.triage.second_opinion import SecondOpinions

_WORDS = ("vanished", "stranger", "hours")  # the toy embedding's three dimensions


def toy_embed(texts: Sequence[str]) -> np.ndarray:
    """A 3-dimensional 'embedding': which of three words a text holds (a stand-in for MiniLM)."""
    rows = [[1.0 if w in t.lower() else 0.0 for w in _WORDS] for t in texts]
    return np.asarray(rows, dtype=np.float32)


def _write_head(directory: Path, thresholds: dict[str, float]) -> tuple[str, str]:
    """A head that reads 'vanished' and 'stranger' as security, 'hours' as none."""
    w = np.zeros((4, len(LABELS)), dtype=np.float32)
    w[0, LABELS.index("security")] = 3.0
    w[1, LABELS.index("security")] = 3.0
    w[2, LABELS.index("none")] = 4.0
    w[3, LABELS.index("none")] = 1.0
    buffer = io.BytesIO()
    np.save(buffer, w)
    (directory / "classifier.npy").write_bytes(buffer.getvalue())
    (directory / "classifier.json").write_text(json.dumps({"labels": list(LABELS), "thresholds": thresholds}))
    npy, meta = (hashlib.sha256((directory / name).read_bytes()).hexdigest()
                 for name in ("classifier.npy", "classifier.json"))
    return npy, meta


@pytest.fixture
def head(tmp_path: Path) -> LearnedTriage:
    thresholds = {"customer_request": 1.01, "security": 0.9, "billing_dispute": 1.01, "complaint": 1.01}
    npy, meta = _write_head(tmp_path, thresholds)
    return LearnedTriage(toy_embed, weights_dir=tmp_path, weights_sha256=npy, meta_sha256=meta)


def test_a_confident_verdict_hands_off_and_a_label_below_its_threshold_does_not(head: LearnedTriage) -> None:
    assert head.classify("my savings vanished and a stranger logged in").hands_off
    verdict = head.classify("my savings vanished")  # security, but not sure enough
    assert verdict.label == "security" and not verdict.hands_off
    assert not head.classify("what are your opening hours").hands_off


def test_the_words_behind_a_verdict_are_the_ones_that_moved_it(head: LearnedTriage) -> None:
    words = head.words_behind("my savings vanished and a stranger logged in", "security")
    assert set(words) == {"vanished", "stranger"}


def test_weights_that_are_not_the_pinned_ones_are_refused_on_first_use(tmp_path: Path) -> None:
    _write_head(tmp_path, {"security": 0.5})
    head = LearnedTriage(toy_embed, weights_dir=tmp_path, weights_sha256="0" * 64, meta_sha256="0" * 64)  # not read yet
    with pytest.raises(ClassifierUnavailable, match="sha256"):
        head.classify("hello")
    with pytest.raises(ClassifierUnavailable, match="not found"):
        LearnedTriage(toy_embed, weights_dir=tmp_path / "missing").load()


def test_the_shipped_weights_match_their_pinned_hashes_and_credit_their_sources() -> None:
    LearnedTriage(toy_embed).load()
    meta = json.loads((WEIGHTS_DIR / "classifier.json").read_text())
    assert set(meta["thresholds"]) == set(LABELS[1:])
    licences = {p.name for p in (WEIGHTS_DIR / "licences").iterdir()}
    assert {"banking77.txt", "clinc150.txt", "bitext_customer_support.txt"} <= licences


def test_the_model_decides_only_what_the_rules_leave_alone_and_says_why(head: LearnedTriage) -> None:
    policy = Policy()
    triage = Triage(policy, second=SecondOpinions(reason_for=policy.reason_for, learned=head))

    decision = triage.classify("my savings vanished and a stranger logged in")
    assert (decision.label, decision.reason, decision.stage) == ("security", "sensitive:security", "model")
    assert "'vanished'" in decision.evidence and "'stranger'" in decision.evidence
    ruled = triage.classify("I want to talk to a human, my savings vanished and a stranger logged in")
    assert ruled.stage == "rules" and ruled.label == "customer_request"
    assert triage.classify("what are your opening hours").label == "none"


def test_broken_weights_stop_an_evaluation_but_a_turn_falls_back_to_the_rules(tmp_path: Path) -> None:
    policy = Policy()
    broken = LearnedTriage(toy_embed, weights_dir=tmp_path / "missing")
    inline = Triage(policy, second=SecondOpinions(reason_for=policy.reason_for, learned=broken))
    with pytest.raises(ClassifierUnavailable):  # figures from a triage without its model would mislead
        inline.classify("my savings vanished and a stranger logged in")
    with ThreadPoolExecutor(max_workers=1) as pool:
        served = Triage(policy, second=SecondOpinions(reason_for=policy.reason_for, learned=broken, executor=pool))
        decision = served.begin("my savings vanished and a stranger logged in").result()
    assert (decision.label, decision.stage) == ("none", "rules")


def test_a_learned_verdict_is_held_to_the_rules_guards(head: LearnedTriage) -> None:
    policy = Policy()
    triage = Triage(policy, second=SecondOpinions(reason_for=policy.reason_for, learned=head))
    assert head.classify("haha my savings vanished and a stranger logged in lol").hands_off  # the head alone
    assert triage.classify("haha my savings vanished and a stranger logged in lol").label == "none"  # a joke
    asked = "if my savings vanished and a stranger logged in, what would you do? just asking before my trip"
    assert triage.classify(asked).label == "none"
    assert triage.classify("my savings vanished and a stranger logged in").label == "security"


def test_a_label_is_the_sum_of_its_classes(tmp_path: Path) -> None:
    """Columns are the training sets' own intents; two security intents together outweigh one 'none'."""
    w = np.zeros((4, 3), dtype=np.float16)
    w[0, 1] = w[0, 2] = 1.0  # 'vanished' raises both security intents equally
    buffer = io.BytesIO()
    np.save(buffer, w)
    (tmp_path / "classifier.npy").write_bytes(buffer.getvalue())
    meta = {"labels": list(LABELS), "class_labels": ["none", "security", "security"],
            "thresholds": {"security": 0.6}}
    (tmp_path / "classifier.json").write_text(json.dumps(meta))
    npy, js = (hashlib.sha256((tmp_path / n).read_bytes()).hexdigest() for n in ("classifier.npy", "classifier.json"))
    head = LearnedTriage(toy_embed, weights_dir=tmp_path, weights_sha256=npy, meta_sha256=js)
    p = head.probabilities(toy_embed(["vanished"]))[0]
    assert p.shape == (len(LABELS),) and abs(float(p.sum()) - 1.0) < 1e-5
    e = float(np.e)
    assert abs(float(p[LABELS.index("security")]) - 2 * e / (2 * e + 1)) < 1e-4
    verdict = head.classify("vanished")
    assert verdict.label == "security" and verdict.hands_off


def _split_head(directory: Path, meta: dict[str, object]) -> LearnedTriage:
    """'vanished' raises security and billing_dispute alike; 'hours' is none; no word: none a little."""
    w = np.zeros((4, len(LABELS)), dtype=np.float32)
    w[0, LABELS.index("security")] = w[0, LABELS.index("billing_dispute")] = 2.0
    w[2, LABELS.index("none")] = 4.0
    w[3, LABELS.index("none")] = 1.0
    buffer = io.BytesIO()
    np.save(buffer, w)
    (directory / "classifier.npy").write_bytes(buffer.getvalue())
    (directory / "classifier.json").write_text(json.dumps({"labels": list(LABELS), **meta}))
    npy, js = (hashlib.sha256((directory / n).read_bytes()).hexdigest() for n in ("classifier.npy", "classifier.json"))
    return LearnedTriage(toy_embed, weights_dir=directory, weights_sha256=npy, meta_sha256=js)


def test_a_story_split_between_two_handoff_labels_still_needs_a_person(tmp_path: Path) -> None:
    """Neither security nor billing beats 'none' alone (0.41 each against 0.15 for none, 0.03 each for
    the others): the head is 0.85 sure a person is needed and names the likelier label."""
    head = _split_head(tmp_path, {"thresholds": {label: 0.8 for label in LABELS[1:]}})
    verdict = head.classify("my savings vanished")
    assert verdict.label in ("security", "billing_dispute") and verdict.hands_off
    assert 0.8 < verdict.probability < 0.9
    assert head.classify("what are your opening hours").label == "none"


def test_a_short_message_needs_the_short_threshold_a_story_the_long_one(tmp_path: Path) -> None:
    thresholds = {label: [0.95, 0.8] for label in LABELS[1:]}  # under 5 words: 0.95; from 5 words on: 0.8
    head = _split_head(tmp_path, {"thresholds": thresholds, "story_words": 5})
    short, story = head.classify("savings vanished"), head.classify("all my savings vanished last night")
    assert (short.threshold, story.threshold) == (0.95, 0.8)
    assert not short.hands_off and story.hands_off


def test_a_long_question_needs_its_own_threshold_a_long_story_the_told_one(tmp_path: Path) -> None:
    """Issue 12: bands under 3 words, 3-4, and from 5 on split by a question mark (asked, then told)."""
    thresholds = {label: [0.99, 0.95, 0.9, 0.8] for label in LABELS[1:]}
    head = _split_head(tmp_path, {"thresholds": thresholds, "story_words": [3, 5], "long_questions": True})
    told = head.classify("all my savings vanished last night")
    asked = head.classify("all my savings vanished last night?")
    assert (head.classify("savings vanished").threshold, head.classify("my savings vanished").threshold) == (0.99, 0.95)
    assert (asked.threshold, told.threshold) == (0.9, 0.8)
    assert told.hands_off and not asked.hands_off


def test_thresholds_that_do_not_match_the_bands_are_refused(tmp_path: Path) -> None:
    head = _split_head(tmp_path, {"thresholds": {label: [0.9, 0.8] for label in LABELS[1:]}, "story_words": [3, 5]})
    with pytest.raises(ClassifierUnavailable, match="2 thresholds for 3 bands"):
        head.classify("my savings vanished")


def test_a_probability_just_under_its_threshold_does_not_hand_off(tmp_path: Path) -> None:
    """The comparison uses the probability itself: 0.86058 rounded for display (0.8606) would pass 0.86058 + 1e-6."""
    e = float(np.e)
    needed = 1 - e / (e + 2 * e**2 + 2)  # 'vanished': none 1, security 2, billing 2, the other two 0
    head = _split_head(tmp_path, {"thresholds": {label: needed + 1e-6 for label in LABELS[1:]}})
    verdict = head.classify("my savings vanished")
    assert abs(verdict.probability - needed) < 1e-5 and not verdict.hands_off
