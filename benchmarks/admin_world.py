"""Generated conversation history for the console's benchmarks: bulk-inserted rows shaped like the
store writes them (customer question, bot answer or "no answer", handoffs with state changes and
agent replies, ratings, "helpful?" clicks), spread over the last 30 days.

Declined questions are paraphrases of a fixed list of missing topics with Zipf-like frequencies,
so the gaps benchmark can check that the biggest group is the most frequent topic.
"""
from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from bot.conversations.models import ConversationRow, MessageRow, StateChangeRow

MISSING_TOPICS = [
    ("student discount", ["do you offer a student discount", "is there any discount for students",
                          "student pricing available?", "can I get money off as a university student"]),
    ("gift vouchers", ["do you sell gift vouchers", "can I buy a gift card for a friend",
                       "are gift certificates available", "I want to give a voucher as a present"]),
    ("loyalty points", ["how do loyalty points work", "do I earn reward points on purchases",
                        "is there a rewards programme", "where can I see my loyalty points balance"]),
    ("store opening hours", ["what time does your shop open on sunday", "are your stores open on bank holidays",
                             "opening hours of the city centre store", "when does the store close today"]),
    ("financing", ["can I pay in monthly instalments", "do you offer finance on big orders",
                   "is buy now pay later possible", "can I spread the cost over 12 months"]),
    ("carbon footprint", ["how sustainable is your packaging", "is your delivery carbon neutral",
                          "do you use recycled materials in packaging", "what do you do about emissions"]),
]
_FILLERS = ["", "hi, ", "hello! ", "quick question: ", "hey there, ", "sorry to bother you, "]
_TAILS = ["", "?", " please", " thanks", "??", " - thanks in advance"]
_REASONS = [("customer_request", 5), ("no_answer", 3), ("sensitive:security", 1), ("complaint", 1),
            ("sensitive:billing_dispute", 1), ("bot_error", 0.2)]


@dataclass(frozen=True)
class WorldSize:
    conversations: int
    declined: int  # declined questions among them (each in its own conversation)


_VERBS = ["repaint", "insure", "engrave", "rent", "recycle", "ship abroad", "borrow", "resell", "customise",
          "donate", "split", "transfer", "upgrade", "lease", "trade in", "gift-wrap", "monogram", "service"]
_NOUNS = ["kettle", "grinder", "espresso machine", "bicycle", "sofa", "laptop", "tent", "piano", "kayak",
          "wedding dress", "lawn mower", "drone", "aquarium", "telescope", "sewing machine", "ladder"]
_WHEN = ["next week", "before christmas", "after my holiday", "in another city", "for my office",
         "on a weekend", "for a school project", "while I'm abroad", ""]
_LONG_TAIL = 0.3  # share of declined questions that are one-offs, not one of the missing topics


def declined_question(rng: random.Random) -> tuple[str, str]:
    """(topic, question): most are paraphrases of MISSING_TOPICS drawn with weights 1/rank (so the
    first topic is the most frequent); the rest are one-off questions (topic "other")."""
    if rng.random() < _LONG_TAIL:
        text = f"can you {rng.choice(_VERBS)} my {rng.choice(_NOUNS)} {rng.choice(_WHEN)}".strip()
        return "other", rng.choice(_FILLERS) + text + rng.choice(_TAILS)
    weights = [1 / (rank + 1) for rank in range(len(MISSING_TOPICS))]
    topic, phrasings = rng.choices(MISSING_TOPICS, weights=weights)[0]
    text = rng.choice(_FILLERS) + rng.choice(phrasings) + rng.choice(_TAILS)
    if rng.random() < 0.3:  # a word of the customer's own: order numbers, names
        text += f" (order {rng.randint(10000, 99999)})"
    return topic, text


def populate(engine: Engine, size: WorldSize, *, seed: int = 7, now: datetime | None = None,
             batch: int = 5000) -> dict[str, int]:
    """Insert `size` conversations (and their messages and state changes); returns counts by kind."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    counts = {"conversations": 0, "messages": 0, "state_changes": 0, "declined": 0}
    convs: list[dict] = []
    msgs: list[dict] = []
    changes: list[dict] = []
    declined_every = size.conversations / max(1, size.declined) if size.declined else None
    for i in range(size.conversations):
        cid = secrets.token_urlsafe(12)
        start = now - timedelta(seconds=rng.uniform(0, 30 * 86400))
        declined = declined_every is not None and int(i % declined_every) == 0 and counts["declined"] < size.declined
        conv, conv_msgs, conv_changes = _conversation(rng, cid, start, declined)
        counts["declined"] += declined
        convs.append(conv)
        msgs += conv_msgs
        changes += conv_changes
        if len(msgs) >= batch:
            _flush(engine, convs, msgs, changes, counts)
    _flush(engine, convs, msgs, changes, counts)
    return counts


def _conversation(rng: random.Random, cid: str, start: datetime, declined: bool) -> tuple[dict, list[dict], list[dict]]:
    t = start
    msgs: list[dict] = []
    changes: list[dict] = []

    def say(role: str, text: str, *, kind: str = "text", meta: dict | None = None, helpful: bool | None = None,
            citations: list | None = None) -> None:
        nonlocal t
        t += timedelta(seconds=rng.uniform(2, 40))
        msgs.append({"conversation_id": cid, "role": role, "kind": kind, "text": text, "citations": citations or [],
                     "author": "Ana" if role == "agent" else None, "meta": meta or {}, "created_at": t,
                     "helpful": helpful, "feedback_comment": None})

    state, reason, agent = "bot", None, None
    if declined:
        say("customer", declined_question(rng)[1])
        say("bot", "I'm sorry, I could not find that in our help centre.",
            meta={"no_answer": True, "offer_handoff": True},
            helpful=False if rng.random() < 0.2 else None)
    else:
        for _turn in range(rng.choice([1, 1, 2, 3])):
            say("customer", "How long does delivery take to my country?")
            say("bot", "Standard delivery takes 3-5 business days [1].", meta={"mode": "extractive", "score": 0.8},
                citations=[{"number": 1, "document_id": "shipping/delivery-times.md", "title": "Delivery times",
                            "url": None, "source": "shipping/delivery-times.md"}],
                helpful=(rng.random() > 0.05) if rng.random() < 0.2 else None)  # 1% of answers: "not helpful"
    if rng.random() < 0.2:
        reason = rng.choices([r for r, _ in _REASONS], weights=[w for _, w in _REASONS])[0]
        if reason == "no_answer" and not declined:
            reason = "customer_request"  # the bot hands off for no answer only after declining
        say("system", "We are bringing in a person to help you.", kind="state",
            meta={"from": "bot", "to": "pending", "reason": reason})
        changes.append({"conversation_id": cid, "from_state": "bot", "to_state": "pending", "actor": "bot",
                        "reason": reason, "created_at": t})
        state = "pending"
        if rng.random() < 0.85:
            t += timedelta(seconds=rng.lognormvariate(4.5, 1.0))
            changes.append({"conversation_id": cid, "from_state": "pending", "to_state": "agent",
                            "actor": "agent:U1", "reason": "claimed", "created_at": t})
            say("agent", "Hi, Ana here. Let me look into that for you.")
            say("agent", "Done: you will get an email with the details shortly.")
            t += timedelta(seconds=60)
            changes.append({"conversation_id": cid, "from_state": "agent", "to_state": "resolved",
                            "actor": "agent:U1", "reason": "resolved_by_agent", "created_at": t})
            state, agent = "resolved", "U1"
    rating = rng.choices([None, 1, 2, 3, 4, 5], weights=[70, 2, 2, 4, 8, 14])[0]
    customer_times = [m["created_at"] for m in msgs if m["role"] == "customer"]
    conv = {"id": cid, "state": state, "previous_state": None, "token_hash": "0" * 64, "customer_name": None,
            "customer_email": None, "page_url": None, "locale": "en", "agent_id": agent, "agent_name": None,
            "handoff_reason": reason, "misses": 0, "rating": rating, "rating_comment": None, "created_at": start,
            "updated_at": t, "state_changed_at": t, "last_customer_at": customer_times[-1] if customer_times else None,
            "last_agent_at": None}
    return conv, msgs, changes


def _flush(engine: Engine, convs: list[dict], msgs: list[dict], changes: list[dict], counts: dict[str, int]) -> None:
    with engine.begin() as connection:
        if convs:
            connection.execute(insert(ConversationRow), convs)
        if msgs:
            connection.execute(insert(MessageRow), msgs)
        if changes:
            connection.execute(insert(StateChangeRow), changes)
    counts["conversations"] += len(convs)
    counts["messages"] += len(msgs)
    counts["state_changes"] += len(changes)
    convs.clear()
    msgs.clear()
    changes.clear()
