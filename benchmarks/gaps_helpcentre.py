"""Content gaps on a development help centre, through the real API: are declined questions grouped so
that the biggest group is the most frequently asked missing topic?

The knowledge base is `datasets/helpcentres/tidewater-pet/docs` (development data). Customers ask,
through the customer API, every golden question of that centre and our own questions on topics it
does not cover (`gaps_sets/tidewater_missing.jsonl`: 6, 4, 2 and 1 phrasings of four topics, written
for this benchmark). The console's `/admin/api/gaps` then groups what the bot declined; the figure
is whether its biggest group is the most frequent missing topic, and how pure each topic's group is.
Run: python benchmarks/gaps_helpcentre.py
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.admin.config import AdminSettings  # noqa: E402
from bot.web.config import WebSettings  # noqa: E402
from server import Settings, build_knowledge_base, create_app  # noqa: E402

CENTRE = ROOT / "datasets/helpcentres/tidewater-pet"
MISSING = Path(__file__).resolve().parent / "gaps_sets/tidewater_missing.jsonl"
TOKEN = "benchmark-token-0000000000"


def main() -> None:
    rows = [json.loads(line) for line in MISSING.read_text().splitlines() if line.strip()]
    lines = (CENTRE / "golden.jsonl").read_text().splitlines()
    golden = [json.loads(line)["question"] for line in lines if line.strip()]
    asked = [(r["text"], r["topic"]) for r in rows] + [(q, "golden") for q in golden]
    with tempfile.TemporaryDirectory(prefix="gaps-bench-") as tmp:
        settings = Settings(data_dir=Path(tmp), index_examples_on_start=False, admin=AdminSettings(token=TOKEN),
                            web=WebSettings(rate_limit_per_ip="100000 per minute"))
        kb = build_knowledge_base(settings)
        print(f"indexed {CENTRE.name}: {kb.sync(CENTRE / 'docs').summary()}", file=sys.stderr)
        app = create_app(settings, knowledge_base=kb, start_background=False)
        client = app.test_client()
        topic_of: dict[int, str] = {}
        for text, topic in asked:
            message_id = _ask(client, text)
            topic_of[message_id] = topic
        gaps = client.get("/admin/api/gaps?days=1", headers={"Authorization": f"Bearer {TOKEN}"}).get_json()
        app.extensions["supportbot"].close()
    print(f"asked through the API: {len(rows)} own missing-topic questions + {len(golden)} golden questions; "
          f"{gaps['questions']} became gap questions")
    print("groups, biggest first (topics of all members):")
    for group in gaps["groups"][:8]:
        topics = Counter(topic_of.get(i, "?") for i in group["question_ids"])
        print(f"  {group['count']:3d}  {group['examples'][0][:64]!r:70}  {dict(topics)}")
    want = Counter(r["topic"] for r in rows).most_common(1)[0][0]
    biggest = gaps["groups"][0] if gaps["groups"] else None
    members = Counter(topic_of.get(i, "?") for i in biggest["question_ids"]) if biggest else Counter()
    majority = members.most_common(1)[0][0] if members else None
    print(json.dumps({
        "biggest_group_majority_topic": majority, "most_frequent_missing_topic": want,
        "biggest_group_is_that_topic": majority == want,
        "biggest_group_holds_all_of_it": members.get(want, 0) == sum(1 for r in rows if r["topic"] == want),
        "biggest_group": dict(members),
        "declined_of_missing_topic_questions": sum(1 for g in gaps["groups"] for i in g["question_ids"]
                                                   if topic_of.get(i) not in (None, "golden")),
        "missing_topic_questions": len(rows), "topic_purity": _purity(gaps, topic_of),
    }, sort_keys=True))


def _ask(client, text: str) -> int:
    """One customer turn through the customer API; returns the customer message id once the bot replied."""
    body = client.post("/api/conversations", json={}).get_json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    posted = client.post(f"/api/conversations/{body['id']}/messages", json={"text": text}, headers=auth).get_json()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        log = client.get(f"/api/conversations/{body['id']}/messages", headers=auth).get_json()["messages"]
        if any(m["role"] != "customer" for m in log if m["id"] > posted["id"]):
            break
        time.sleep(0.02)
    return int(posted["id"])


def _purity(gaps: dict, topic_of: dict[int, str]) -> dict[str, float]:
    """Per missing topic: the share of its gap questions that sit in its largest group."""
    where: dict[str, Counter[int]] = {}
    for i, group in enumerate(gaps["groups"]):
        for message_id in group["question_ids"]:
            topic = topic_of.get(message_id, "?")
            if topic not in ("golden", "?"):
                where.setdefault(topic, Counter())[i] += 1
    return {topic: round(c.most_common(1)[0][1] / sum(c.values()), 2) for topic, c in sorted(where.items())}


if __name__ == "__main__":
    main()
