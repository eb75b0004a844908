"""`benchmarks/answer_fingerprint.py`: what it hashes leaves out only what differs from run to run."""
from __future__ import annotations

import pytest

from tests.benchmark_scripts import load_benchmark

fingerprint = load_benchmark("answer_fingerprint")


def test_ids_times_and_stream_ids_are_left_out_everything_else_kept() -> None:
    event = {"id": 7, "conversation_id": "c1", "created_at": "2026-12-05T22:00:00", "role": "bot", "text": "Hi [1]",
             "meta": {"stream_id": "abc", "score": 0.73, "labels": {"sources": "Sources"}},
             "citations": [{"number": 1, "document_id": "shipping/x.md"}]}
    assert fingerprint.stable(event) == {"role": "bot", "text": "Hi [1]",
                                         "meta": {"score": 0.73, "labels": {"sources": "Sources"}},
                                         "citations": [{"number": 1, "document_id": "shipping/x.md"}]}


def test_only_development_sets_are_run() -> None:
    with pytest.raises(SystemExit, match="not a development set"):
        fingerprint.set_folder("some-hold-out")


def test_the_examples_give_one_conversation_per_golden_question() -> None:
    docs, questions = fingerprint.set_folder("examples")
    asked = fingerprint.conversations(questions)
    assert docs.is_dir() and asked and all(len(turns) >= 1 for _locale, turns in asked)
