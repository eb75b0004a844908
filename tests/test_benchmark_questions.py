"""benchmarks/web_load.py's questions: `distinct` makes every text of a run new (issue 14's CPU figure
must pay for each question's embedding, as the tutorial anchor does), and keeps the question itself."""
from __future__ import annotations

from tests.benchmark_scripts import load_benchmark


def test_distinct_questions_never_repeat_and_keep_the_question() -> None:
    web_load = load_benchmark("web_load")
    plain = [web_load.question(i, t) for i in range(32) for t in range(50)]
    numbered = [web_load.question(i, t, distinct=True) for i in range(32) for t in range(50)]
    assert len(set(plain)) == len(web_load.QUESTIONS)  # what the memo of 256 texts remembers whole
    assert len(set(numbered)) == len(numbered)
    assert all(n.startswith(p) for p, n in zip(plain, numbered, strict=True))
