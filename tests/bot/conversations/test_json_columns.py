"""JSON columns read back as the standard library reads them, NaN included."""
from __future__ import annotations

import json
import math

from bot.conversations.json_columns import loads


def test_a_column_reads_back_as_json_loads_reads_it() -> None:
    value = {"stream_id": "ab12", "score": 0.731, "labels": {"sources": "Fuentes"}, "n": [1, 2, None, True], "é": "ü"}
    stored = json.dumps(value)
    assert loads(stored) == json.loads(stored) == value
    assert loads(stored.encode()) == value


def test_text_orjson_refuses_is_read_by_the_standard_library() -> None:
    stored = json.dumps({"score": float("nan")})  # json.dumps writes NaN, which strict JSON parsers refuse
    assert math.isnan(loads(stored)["score"])
