"""`eval retrieval` on a tiny corpus we wrote: metrics, refusal figures, the JSON last line."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.embeddings import LocalMiniLMEmbeddings
from knowledge_base.evaluation import auroc, evaluate_retrieval, read_jsonl, run_cli

CORPUS = [
    {"id": "tent-care", "title": "Caring for your tent",
     "text": "Dry the tent completely before storing it to prevent mould. Never machine-wash the fly sheet."},
    {"id": "sleeping-bags", "title": "Sleeping bag temperature ratings",
     "text": "The comfort rating is the lowest temperature at which an average sleeper stays warm."},
    {"id": "rental-deposit", "title": "Rental deposit",
     "text": "Gear rentals need a deposit of 50 euros, refunded when the gear comes back clean and undamaged."},
    {"id": "stove-fuel", "title": "Camping stove fuel",
     "text": "Our stoves burn isobutane cartridges. Airlines do not allow fuel cartridges in luggage."},
]
QUERIES = [
    {"id": "q1", "text": "how do I store a wet tent", "relevant": ["tent-care"]},
    {"id": "q2", "text": "what does the comfort temperature of a sleeping bag mean", "relevant": ["sleeping-bags"]},
    {"id": "q3", "text": "do I get my rental deposit back", "relevant": ["rental-deposit"]},
    {"id": "q4", "text": "can I take gas cartridges on a plane", "relevant": ["stove-fuel"]},
    {"id": "q5", "text": "who painted the Mona Lisa", "relevant": []},
    {"id": "q6", "text": "tell me a joke about penguins", "relevant": []},
]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def minilm() -> LocalMiniLMEmbeddings:
    return LocalMiniLMEmbeddings()


def test_metrics_on_a_tiny_corpus(tmp_path: Path, minilm: LocalMiniLMEmbeddings) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "unused")
    metrics = evaluate_retrieval(_write(tmp_path / "c.jsonl", CORPUS), _write(tmp_path / "q.jsonl", QUERIES),
                                 settings=settings, embedder=minilm)
    assert metrics["recall@1"] == 1.0 and metrics["recall@5"] == 1.0
    assert metrics["mrr@10"] == 1.0 and metrics["ndcg@10"] == pytest.approx(1.0)
    assert metrics["answerable_queries"] == 4 and metrics["unanswerable_queries"] == 2
    assert metrics["refusal_rate"] == 1.0
    assert 0.0 <= metrics["answer_rate"] <= 1.0
    assert metrics["answerable_auroc"] == 1.0
    assert metrics["ms_per_query"] > 0
    assert not (tmp_path / "unused").exists()  # a throwaway base, not the configured one


def test_without_unanswerable_queries_there_are_no_refusal_figures(tmp_path: Path, minilm) -> None:
    answerable_only = [q for q in QUERIES if q["relevant"]]
    metrics = evaluate_retrieval(_write(tmp_path / "c.jsonl", CORPUS), _write(tmp_path / "q.jsonl", answerable_only),
                                 settings=KnowledgeBaseSettings(data_dir=tmp_path), embedder=minilm)
    assert "refusal_rate" not in metrics and "answerable_auroc" not in metrics


def test_a_wrong_answer_lowers_recall(tmp_path: Path, minilm) -> None:
    wrong = [{"id": "q1", "text": "how do I store a wet tent", "relevant": ["stove-fuel"]}]
    metrics = evaluate_retrieval(_write(tmp_path / "c.jsonl", CORPUS), _write(tmp_path / "q.jsonl", wrong),
                                 settings=KnowledgeBaseSettings(data_dir=tmp_path), embedder=minilm)
    assert metrics["recall@1"] == 0.0
    assert 0.0 < metrics["mrr@10"] < 1.0


def test_cli_prints_one_json_object_as_last_line(tmp_path: Path, minilm) -> None:
    out = io.StringIO()
    run_cli(_write(tmp_path / "c.jsonl", CORPUS), _write(tmp_path / "q.jsonl", QUERIES[:2]),
            settings=KnowledgeBaseSettings(data_dir=tmp_path), embedder=minilm, out=out)
    last = out.getvalue().strip().splitlines()[-1]
    assert json.loads(last)["recall@1"] == 1.0


def test_bad_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"q.jsonl:2"):
        read_jsonl(path)


def test_auroc() -> None:
    assert auroc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert auroc([0.1, 0.2, 0.9, 0.8], [True, True, False, False]) == 0.0
    assert auroc([0.5, 0.5], [True, False]) == 0.5
    assert auroc([0.5], [True]) is None
