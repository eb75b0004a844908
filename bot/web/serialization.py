"""JSON shapes shared by the customer API and the event bus (CONTRACTS.md "Message JSON")."""
from __future__ import annotations

from typing import Any

from bot.conversations.records import Citation, Message


def citation_to_dict(c: Citation) -> dict[str, Any]:
    return {"number": c.number, "document_id": c.document_id, "title": c.title, "url": c.url, "source": c.source}


# NOTE: meta the customer never sees: the triage's reasoning (rule names, model probabilities) is for
# agents, the console and the record, which read the stored message, not this shape.
INTERNAL_META = frozenset({"triage"})


def message_to_dict(m: Message) -> dict[str, Any]:
    """A stored message as the widget receives it, over HTTP and SSE alike (internal meta left out)."""
    return {
        "id": m.id,
        "conversation_id": m.conversation_id,
        "role": m.role.value,
        "kind": m.kind.value,
        "text": m.text,
        "citations": [citation_to_dict(c) for c in m.citations],
        "author": m.author,
        "meta": {k: v for k, v in m.meta.items() if k not in INTERNAL_META},
        "created_at": m.created_at.isoformat(),
    }
