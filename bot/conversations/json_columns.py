"""How the conversation tables' JSON columns (a message's meta and citations) are read back.

Every turn reads its history: a dozen messages, two JSON columns each. orjson parses them several
times faster than the standard library; text it refuses (`NaN`, which `json.dumps` writes for a
float that is not a number) is read by the standard library as before.
"""
from __future__ import annotations

import json
from typing import Any

import orjson


def loads(text: str | bytes) -> Any:
    """A JSON column's value, as `json.loads` would read it."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
