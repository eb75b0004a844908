"""The human desk is protected (issue 13 item 3): handoffs per address and per minute are capped,
the queue's depth is on /metrics."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.desk_guard import HandoffBudget
from bot.policy import DeskPolicy
from bot.web.config import WebSettings
from tests.doubles import OneArticleKnowledgeBase


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_budget_caps_each_address_and_the_whole_instance_per_minute() -> None:
    ticks = Ticks()
    budget = HandoffBudget(DeskPolicy(handoffs_per_address_per_minute=2, handoffs_per_minute=3), clock=ticks)
    for cid in ("a1", "a2", "a3", "b1", "c1", "d1"):
        budget.note_source(cid, "10.0.0." + cid[0])
    a = budget.admit("a1"), budget.admit("a2"), budget.admit("a3")
    assert a == (True, True, False)  # the third from one address in a minute
    assert (budget.admit("b1"), budget.admit("c1")) == (True, False)  # the instance's cap
    ticks.now = 61
    assert budget.admit("a3") and budget.admit("d1")  # a minute later


def test_a_flood_from_one_address_gives_a_few_cards_and_other_customers_still_get_a_person(tmp_path: Path) -> None:
    from server import Settings, create_app

    kb: Any = OneArticleKnowledgeBase("nothing-matches^", title="t", section="s", text="t")
    app = create_app(Settings(data_dir=tmp_path, index_examples_on_start=False,
                              web=WebSettings(rate_limit_per_ip="1000 per minute")), knowledge_base=kb)
    client = app.test_client()
    try:
        states = []
        for _ in range(25):
            created = client.post("/api/conversations").get_json()
            auth = {"Authorization": f"Bearer {created['token']}"}
            states.append(client.post(f"/api/conversations/{created['id']}/handoff", headers=auth).get_json()["state"])
        assert states.count("pending") == 3 and states.count("bot") == 22
        other = client.post("/api/conversations", environ_base={"REMOTE_ADDR": "198.51.100.9"}).get_json()
        handed = client.post(f"/api/conversations/{other['id']}/handoff",
                             headers={"Authorization": f"Bearer {other['token']}"},
                             environ_base={"REMOTE_ADDR": "198.51.100.9"})
        assert handed.get_json()["state"] == "pending"
        metrics = client.get("/metrics").get_data(as_text=True)
        assert "supportbot_handoff_queue_depth 4.0" in metrics
    finally:
        app.extensions["supportbot"].close()
