"""The start-up check of the example index asks the knowledge base for a count and `/readyz` runs one
search, never reading every document (at 100,000 documents that read took a second of CPU per probe)."""
from __future__ import annotations

from pathlib import Path

from server import Settings, create_app
from tests.doubles import OneArticleKnowledgeBase


class CountingOnly(OneArticleKnowledgeBase):
    def __init__(self) -> None:
        super().__init__("x", title="t", section="s", text="x")
        self.counts = 0

    def is_empty(self) -> bool:
        self.counts += 1
        return False

    def documents(self) -> list[object]:
        raise AssertionError("documents() reads every chunk's metadata; a probe must not call it")


def test_readyz_and_the_examples_check_only_count(tmp_path: Path) -> None:
    kb = CountingOnly()
    app = create_app(Settings(data_dir=tmp_path), knowledge_base=kb, start_background=False)  # examples on
    assert kb.counts == 1  # the start-up check found it populated
    response = app.test_client().get("/readyz")
    assert response.status_code == 200 and response.get_json()["checks"]["index"] == "ok"
    assert kb.counts == 1  # the probe runs one search (tested elsewhere), never documents()
    app.extensions["supportbot"].close()
