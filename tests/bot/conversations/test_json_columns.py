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


def test_an_integer_wider_than_64_bits_reads_back_exactly() -> None:
    stored = json.dumps({"external_id": 123456789012345678901234567890, "low": -9223372036854775809})
    assert loads(stored) == json.loads(stored)
    assert isinstance(loads(stored)["external_id"], int)  # orjson alone reads it as a rounded float
    assert loads(stored.encode())["low"] == -9223372036854775809
