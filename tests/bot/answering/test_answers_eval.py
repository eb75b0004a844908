"""`eval answers`: golden questions asked through the bot's whole turn, scored as a customer sees them."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from bot.answering.evaluation import evaluate_answers
from bot.errors import InvalidInput
from knowledge_base.results import SearchResult
from server import Settings, build_services


class _FakeKnowledgeBase:
    """Searches by keyword: each question's first word picks the documents it finds."""

    def __init__(self, results: dict[str, SearchResult]) -> None:
        self.results = results
        self.queries: list[str] = []

    def search(self, query: str, *, k: int | None = None) -> SearchResult:
        self.queries.append(query)
        return self.results.get(query.split()[0].lower().strip(":?"), self.results["bicycles"])

    def documents(self) -> list[object]:
        return []


@pytest.fixture
def knowledge_base(make_result, docs) -> _FakeKnowledgeBase:
    delivery, refunds = docs
    nothing = make_result()
    return _FakeKnowledgeBase({"delivery": make_result(delivery, refunds), "refund": make_result(refunds, delivery),
                               "wrong": make_result(refunds), "bicycles": nothing})


@pytest.fixture
def bot(tmp_path, knowledge_base):
    services = build_services(Settings(data_dir=tmp_path / "data"), knowledge_base=knowledge_base)
    yield services.bot
    services.close()


def _golden(tmp_path, rows, name="golden.jsonl") -> object:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"id": "a", "question": "delivery time for express?", "must_cite": ["shipping/delivery.md"]},
    {"id": "b", "question": "refund how long", "must_cite": ["returns/refunds.md"]},
    {"id": "c", "question": "wrong document comes first", "must_cite": ["shipping/delivery.md"]},
    {"id": "d", "question": "bicycles for sale?", "must_cite": ["products/bikes.md"]},
    {"id": "u1", "question": "bicycles: do you rent them?", "must_cite": []},
    {"id": "u2", "question": "refund for a bicycle rental?", "must_cite": []},
]


def test_rates_wrong_answers_and_declines(tmp_path, bot):
    report = evaluate_answers(_golden(tmp_path, ROWS), bot=bot)

    assert report["questions"] == 6 and report["answerable"] == 4 and report["unanswerable"] == 2
    assert report["cited_required"] == 0.5 and report["cited_first"] == 0.5
    assert report["answered"] == 0.75
    # "wrong ..." cites refunds for a delivery question; "refund" answers a question the KB cannot answer
    assert report["wrong_answers"] == pytest.approx(2 / 6, abs=1e-3)
    assert report["declined_unanswerable"] == 0.5
    assert {f["id"]: f["reason"] for f in report["failures"]} == {
        "c": "no required document cited",
        "d": "not answered (declined)",
        "u2": "answered a question the knowledge base cannot answer",
    }
    assert report["ms_per_question"] >= 0


def test_must_say_checks_the_facts_of_the_answer(tmp_path, bot):
    rows = [
        {"id": "a", "question": "delivery time for express?", "must_cite": ["shipping/delivery.md"],
         "must_say": [["next-day", "next business day"], "before 2 PM"]},  # one alternative will do; case-blind
        {"id": "b", "question": "refund how long", "must_cite": ["returns/refunds.md"],
         "must_say": ["within 5 business days", "store credit"]},
        {"id": "c", "question": "refund how long", "must_cite": ["returns/refunds.md"]},  # no facts asked
    ]
    report = evaluate_answers(_golden(tmp_path, rows), bot=bot)

    assert report["cited_required"] == 1.0
    assert report["fact_said"] == pytest.approx(2 / 3, abs=1e-3)
    (failure,) = report["failures"]
    assert failure["id"] == "b" and failure["missing"] == ["store credit"]
    assert "5 business days" in failure["answer"]


def test_languages_are_scored_apart(tmp_path, bot):
    rows = [
        {"id": "en", "question": "delivery time for express?", "must_cite": ["shipping/delivery.md"],
         "must_say": ["next business day"]},
        {"id": "es", "question": "bicicletas: ¿cuánto tarda el reembolso?", "must_cite": ["returns/refunds.md"],
         "must_say": ["5 business days"], "lang": "es"},
    ]
    report = evaluate_answers(_golden(tmp_path, rows), bot=bot)
    assert report["fact_said_english"] == 1.0 and report["fact_said_other_languages"] == 0.0
    assert report["languages"] == {"en": {"questions": 1, "fact_said": 1.0}, "es": {"questions": 1, "fact_said": 0.0}}


class _ScriptedBot:
    """Answers each text with the document named after "->" in it, and records which conversation asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def start_conversation(self):
        return SimpleNamespace(id=f"c{len({c for c, _ in self.asked}) + 1}"), "token"

    def post_and_answer(self, conversation_id, text):
        self.asked.append((conversation_id, text))
        if "->" not in text:
            return SimpleNamespace(outcome="no_answer", message=None)
        doc = text.split("->")[1].strip()
        citation = SimpleNamespace(document_id=doc)
        message = SimpleNamespace(text=f"From {doc}: 5 days", citations=[citation])
        return SimpleNamespace(outcome="answered", message=message)


def test_conversations_are_asked_turn_by_turn_and_scored_by_kind(tmp_path):
    golden = _golden(tmp_path, [{"id": "q", "question": "alone -> a.md", "must_cite": ["a.md"]}])
    cases = [
        {"id": "f1", "kind": "follow_up", "turns": [
            {"question": "first -> a.md", "must_cite": ["a.md"]},
            {"question": "and then? -> a.md", "must_cite": ["a.md"], "must_say": ["5 days"]}]},
        {"id": "t1", "kind": "topic_shift", "turns": [
            {"question": "one -> a.md", "must_cite": ["a.md"]},
            {"question": "other -> a.md", "must_cite": ["b.md"]}]},
    ]
    scripted = _ScriptedBot()
    report = evaluate_answers(golden, bot=scripted, conversations=_golden(tmp_path, cases, "conversations.jsonl"))

    assert [c for c, _ in scripted.asked] == ["c1", "c2", "c2", "c3", "c3"]  # one conversation per case
    assert report["conversations"]["follow_up"]["fact_said"] == 1.0
    assert report["conversations"]["topic_shift"]["cited_required"] == 0.5
    assert report["conversations"]["topic_shift"]["wrong_answers"] == 0.5
    assert [f["id"] for f in report["failures"]] == ["t1#2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json\n", "golden.jsonl:1: not JSON"), ('{"question": "x"}\n', "golden.jsonl:1: needs"),
     ('{"question": "x", "must_cite": [], "must_say": ["y"]}\n', "golden.jsonl:1: a question with"),
     ('{"question": "x", "must_cite": ["a"], "must_say": "3 days"}\n', "golden.jsonl:1: .must_say. must be"),
     ('{"question": "x", "must_cite": ["a"], "must_say": [[]]}\n', "golden.jsonl:1: .must_say. must be"),
     ("\n", "no questions")],
)
def test_bad_golden_files_name_the_line(tmp_path, bot, text, message):
    path = tmp_path / "golden.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        evaluate_answers(path, bot=bot)
