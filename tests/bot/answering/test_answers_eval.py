"""`eval answers`: golden questions pass when the answer cites a required document."""
from __future__ import annotations

import json

import pytest

from bot.answering.evaluation import evaluate_answers
from bot.errors import InvalidInput
from knowledge_base.results import SearchResult


class _FakeKnowledgeBase:
    """Searches by keyword: each question's first word picks the documents it finds."""

    def __init__(self, results: dict[str, SearchResult]) -> None:
        self.results = results
        self.queries: list[str] = []

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        return self.results[query.split()[0].lower()]


@pytest.fixture
def knowledge_base(make_result, docs) -> _FakeKnowledgeBase:
    delivery, refunds = docs
    nothing = make_result()
    return _FakeKnowledgeBase({"delivery": make_result(delivery, refunds), "refund": make_result(refunds, delivery),
                               "wrong": make_result(refunds), "bicycles": nothing})


def _golden(tmp_path, rows) -> object:
    path = tmp_path / "golden.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"id": "a", "question": "delivery time for express?", "must_cite": ["shipping/delivery.md"]},
    {"id": "b", "question": "refund how long", "must_cite": ["returns/refunds.md"]},
    {"id": "c", "question": "wrong document comes first", "must_cite": ["shipping/delivery.md"]},
    {"id": "d", "question": "bicycles for sale?", "must_cite": ["products/bikes.md"]},
]


def test_rates_and_failures_extractive(tmp_path, knowledge_base, extractive_answerer):
    report = evaluate_answers(_golden(tmp_path, ROWS), knowledge_base=knowledge_base, answerer=extractive_answerer)

    assert report["questions"] == 4 and report["mode"] == "extractive"
    assert report["cited_required"] == 0.5
    assert report["answered"] == 0.75
    assert report["retrieved_required"] == 0.5
    assert {f["id"]: f["reason"] for f in report["failures"]} == {
        "c": "no required document cited",
        "d": "not answerable (top score 0.000)",
    }
    assert report["failures"][0]["cited"] == ["returns/refunds.md"]
    assert report["ms_per_question"] >= 0


def test_must_say_checks_the_facts_of_the_answer(tmp_path, knowledge_base, extractive_answerer):
    rows = [
        {"id": "a", "question": "delivery time for express?", "must_cite": ["shipping/delivery.md"],
         "must_say": [["next-day", "next business day"], "before 2 PM"]},  # one alternative will do; case-blind
        {"id": "b", "question": "refund how long", "must_cite": ["returns/refunds.md"],
         "must_say": ["within 5 business days", "store credit"]},
        {"id": "c", "question": "refund how long", "must_cite": ["returns/refunds.md"]},  # no facts asked
    ]
    report = evaluate_answers(_golden(tmp_path, rows), knowledge_base=knowledge_base, answerer=extractive_answerer)

    assert report["cited_required"] == 1.0
    assert report["said_required"] == 0.5  # of the two rows that ask for facts
    (failure,) = report["failures"]
    assert failure["id"] == "b" and failure["missing"] == ["store credit"]
    assert "5 business days" in failure["answer"]


def test_llm_answers_and_llm_failures(tmp_path, knowledge_base, fake_openai, llm_answerer):
    fake_openai.enqueue("Express arrives the next business day [1].")
    fake_openai.enqueue("NO_ANSWER")
    fake_openai.enqueue_error(500)
    report = evaluate_answers(_golden(tmp_path, ROWS[:3]), knowledge_base=knowledge_base, answerer=llm_answerer)

    assert report["mode"] == "llm" and report["cited_required"] == pytest.approx(1 / 3, abs=1e-3)
    reasons = {f["id"]: f["reason"] for f in report["failures"]}
    assert reasons["b"] == "the answerer found no answer in the passages"
    assert reasons["c"].startswith("answer failed: LLM request failed")


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json\n", "golden.jsonl:1: not JSON"), ('{"question": "x", "must_cite": []}\n', "golden.jsonl:1: needs"),
     ('{"question": "x", "must_cite": ["a"], "must_say": "3 days"}\n', "golden.jsonl:1: .must_say. must be"),
     ('{"question": "x", "must_cite": ["a"], "must_say": [[]]}\n', "golden.jsonl:1: .must_say. must be"),
     ("\n", "no questions")],
)
def test_bad_golden_files_name_the_line(tmp_path, knowledge_base, extractive_answerer, text, message):
    path = tmp_path / "golden.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        evaluate_answers(path, knowledge_base=knowledge_base, answerer=extractive_answerer)


def test_an_empty_knowledge_base_is_called_out(tmp_path, make_result, extractive_answerer):
    empty = _FakeKnowledgeBase({"delivery": make_result(), "refund": make_result()})
    report = evaluate_answers(_golden(tmp_path, ROWS[:2]), knowledge_base=empty, answerer=extractive_answerer)
    assert report["cited_required"] == 0 and "is it synced?" in report["warning"]


def test_no_warning_when_something_was_found(tmp_path, knowledge_base, extractive_answerer):
    report = evaluate_answers(_golden(tmp_path, ROWS), knowledge_base=knowledge_base, answerer=extractive_answerer)
    assert "warning" not in report


def test_with_an_llm_a_missed_question_is_searched_again_as_the_bot_would(tmp_path, knowledge_base, fake_openai, llm_answerer):
    row = {"id": "es", "question": "bicicletas: ¿cuánto tarda el reembolso?", "must_cite": ["returns/refunds.md"]}
    knowledge_base.results["bicicletas:"] = knowledge_base.results["bicycles"]
    fake_openai.enqueue("refund how long does it take?")
    fake_openai.enqueue("Refunds reach you within 5 business days [1].")

    report = evaluate_answers(_golden(tmp_path, [row]), knowledge_base=knowledge_base, answerer=llm_answerer)

    assert knowledge_base.queries == [row["question"], "refund how long does it take?"]
    assert report["cited_required"] == 1.0
