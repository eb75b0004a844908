"""How the conversation tables' JSON columns (a message's meta and citations) are read back.

Every turn reads its history: a dozen messages, two JSON columns each. orjson parses them several
times faster than the standard library; text it refuses (`NaN`, which `json.dumps` writes for a
float that is not a number) is read by the standard library as before. orjson reads an integer wider
than 64 bits as a rounded float where `json.loads` keeps it exact, so text with a run of 19 digits
or more is read by the standard library too. The run is found with a byte table (about 1 us for a
300-character column): a regular expression or a walk of the parsed value costs more than
`json.loads` itself.
"""
from __future__ import annotations

import json
from typing import Any

import orjson

_DIGIT_OR_NOT = bytes(0x31 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))  # each digit "1", the rest " "
_WIDE_RUN = b"1" * 19  # orjson keeps integers of up to 64 bits (at most 19 or 20 digits) exact


def loads(text: str | bytes) -> Any:
    """A JSON column's value, as `json.loads` would read it."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if _WIDE_RUN in raw.translate(_DIGIT_OR_NOT):
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
