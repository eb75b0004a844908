"""What a customer turn costs the database, counted through the real HTTP path and the real store.

A turn is: the POST (the token checked with one read), one transaction reading the turn's history
and storing the customer's message (claimed by this instance: its turn's lease), and one
transaction storing the answer (or the "I don't know" with its miss count) while the turn is still
this instance's. These tests fail if a change adds a statement or a commit to a turn.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, text

from bot.conversations.events import Subscription
from bot.web.config import WebSettings
from server import Services, Settings, create_app
from tests.doubles import OneArticleKnowledgeBase

STATEMENTS_PER_TURN = 6  # auth SELECT; history SELECT, UPDATE .. RETURNING, INSERT; UPDATE, INSERT
COMMITS_PER_TURN = 2  # the customer's message; the answer (the auth read commits nothing)
TRANSACTIONS_PER_TURN = 2  # as SQLite counts them: the two writes (the auth read begins none)
CONNECTIONS_PER_TURN = 3  # checkouts from the pool: the auth read, the customer's message, the answer


@dataclass
class Counted:
    statements: list[str] = field(default_factory=list)
    commits: int = 0
    transactions: int = 0
    checkouts: int = 0

    def clear(self) -> None:
        self.statements.clear()
        self.commits = self.transactions = self.checkouts = 0


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[FlaskClient, Services, Counted]]:
    kb = OneArticleKnowledgeBase(r"deliver|ship", title="Delivery times", section="Canada",
                                 text="Standard delivery to Canada takes 5-8 business days.")
    limits = WebSettings(rate_limit_per_ip="1000 per minute", rate_limit_per_conversation="1000 per minute")
    settings = Settings(data_dir=tmp_path, index_examples_on_start=False, web=limits)
    app = create_app(settings, knowledge_base=kb, start_background=False)
    services: Services = app.extensions["supportbot"]
    counted = Counted()

    def traced(statement: str) -> None:
        word = statement.split()[0].upper()
        if word in ("SELECT", "INSERT", "UPDATE", "DELETE"):  # not pysqlite's own BEGIN and COMMIT
            counted.statements.append(word)
        counted.transactions += word == "BEGIN"
        counted.commits += word == "COMMIT"

    # NOTE: counted by SQLite itself, not by SQLAlchemy's events: the turn's statements run on the DBAPI
    # cursor and its transactions on the pool's connections (`direct_execute`), past every engine event.
    event.listen(services.engine.pool, "checkout", lambda dbapi, *_a: dbapi.set_trace_callback(traced))
    event.listen(services.engine.pool, "checkout", lambda *_a: setattr(counted, "checkouts", counted.checkouts + 1))
    yield app.test_client(), services, counted
    services.close()


def _turn(client: FlaskClient, subscription: Subscription, cid: str, auth: dict[str, str], text: str) -> dict:
    """POST a message and wait until the bot's reply is published (after its commit)."""
    response = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert response.status_code == 201, response.get_json()
    while (live := subscription.get(timeout=60)) is not None:  # NOTE: a bound, not a budget (shared machine)
        if live.type == "message" and live.data["role"] == "bot":
            return live.data
    raise AssertionError("no answer within 60 s")


@pytest.mark.parametrize("question, meta_key", [
    ("How long does delivery to Canada take?", "mode"),  # answered
    ("Do you sponsor marathon runners?", "no_answer"),  # the knowledge base cannot answer: a miss
])
def test_a_turn_costs_six_statements_two_commits_two_transactions_three_connections(
    world, question: str, meta_key: str,
) -> None:
    client, services, counted = world
    created = client.post("/api/conversations", json={}).get_json()
    cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
    subscription = services.bus.subscribe(cid)
    _turn(client, subscription, cid, auth, "Do you ship to Canada?")  # so the turn has history to read
    counted.clear()

    answer = _turn(client, subscription, cid, auth, question)

    assert meta_key in answer["meta"]
    # NOTE: the history before the writes: on SQLite the write lock is held for the two writes only
    assert counted.statements == ["SELECT", "SELECT", "UPDATE", "INSERT", "UPDATE", "INSERT"]
    assert len(counted.statements) <= STATEMENTS_PER_TURN
    assert counted.commits == COMMITS_PER_TURN  # NOTE: equal: a count that saw no COMMIT would not be one
    assert counted.transactions == TRANSACTIONS_PER_TURN
    assert counted.checkouts <= CONNECTIONS_PER_TURN
    # NOTE: the turn's lease (bot/recovery) rode in the INSERT, and the check that the turn is still
    # this instance's in the answer's UPDATE: claiming a turn costs no statement.
    with services.engine.connect() as c:
        owner = c.execute(text("SELECT turn_owner FROM messages WHERE conversation_id = :cid AND role = 'customer' "
                               "ORDER BY id DESC LIMIT 1"), {"cid": cid}).scalar()
    assert owner is not None and services.sweeper is not None
    subscription.close()


def test_the_history_the_turn_used_is_the_conversation_so_far(world) -> None:
    client, services, _ = world
    created = client.post("/api/conversations", json={}).get_json()
    cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
    subscription = services.bus.subscribe(cid)
    _turn(client, subscription, cid, auth, "Do you ship to Canada?")
    accepted = services.store.accept_customer_message(cid, "and how long does it take?", history=12)
    assert [m.role.value for m in accepted.history] == ["customer", "bot"]
    assert accepted.history[0].text == "Do you ship to Canada?" and accepted.message.id > accepted.history[-1].id
    subscription.close()
