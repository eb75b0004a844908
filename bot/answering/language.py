"""Which language to speak to a customer in: what they write, else their browser's, else the help centre's."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from knowledge_base.language import SUPPORTED_LANGUAGES

# "ok", "and express?" or "static ip?" say too little to tell; several words of one message do.
_INFORMATIVE_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")


class Detector(Protocol):
    default: str

    def detect(self, text: str) -> str: ...


def customer_language(detector: Detector, text: str, *, earlier: Sequence[str] = (), locale: str | None = None) -> str:
    """An ISO 639-1 code for the reply.

    The detector falls back to its default (the help centre's language) when unsure, so a default
    verdict only counts for a message long enough to mean it; otherwise the customer's earlier
    messages together, then the conversation's locale (the browser's language), decide.
    """
    for sample in (text, " ".join([*earlier[-3:], text])):
        found = detector.detect(sample)
        if found != detector.default or len(_WORD.findall(sample)) >= _INFORMATIVE_WORDS:
            return found
    base = (locale or "").replace("_", "-").split("-")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else detector.default


def language_code(name: str) -> str:
    """"English" or "en" -> "en" (the policy names the help centre's language either way)."""
    names = {"english": "en", "spanish": "es", "español": "es", "french": "fr", "français": "fr", "german": "de",
             "deutsch": "de", "portuguese": "pt", "português": "pt", "italian": "it", "italiano": "it",
             "dutch": "nl", "nederlands": "nl"}
    key = name.strip().lower()
    return names.get(key, key if key in SUPPORTED_LANGUAGES else "en")
