"""The bot's policy: which topics go to people, business hours, PII redaction, thresholds, texts.

One YAML file (`bot/policy.yml` is the documented default). A user file is laid over the bundled
one section by section, so it only needs the keys it changes; a bad file fails at start-up with a
message naming the field.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import PolicyInvalid

BUNDLED_POLICY = Path(__file__).with_name("policy.yml")

Target = Literal["store", "log", "llm", "slack"]
PiiKind = Literal["card", "iban", "email", "phone", "national_id"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Triage label -> the handoff reason it produces (bot/handoff_port.py names these).
REASON_BY_LABEL: dict[str, str] = {
    "customer_request": "customer_request",
    "security": "sensitive:security",
    "billing_dispute": "sensitive:billing_dispute",
    "legal": "sensitive:legal",
    "complaint": "complaint",
    "self_harm": "sensitive:self_harm",
}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)  # a typo in the file is an error


class HandoffReasons(_Section):
    """Which triage labels bring in a person (False: the bot keeps answering)."""

    customer_request: bool = True
    security: bool = True
    billing_dispute: bool = True
    legal: bool = True
    complaint: bool = True
    self_harm: bool = True


HANDOFF_REASONS = frozenset({"no_answer", "bot_error", *REASON_BY_LABEL.values()})


class HandoffRoute(_Section):
    """Handoffs that match go to `channel`; empty criteria match anything (first matching route wins)."""

    channel: str = Field(pattern=r"^[CG][A-Z0-9]{2,30}$")  # a Slack channel id; the app must be invited
    reasons: list[str] = Field(default_factory=list)  # e.g. ["sensitive:billing_dispute", "complaint"]
    page: str | None = None  # a glob on the page URL, e.g. "https://shop.example/business/*"
    attributes: dict[str, str] = Field(default_factory=dict)  # verified customer attributes, e.g. {plan: enterprise}

    @field_validator("reasons")
    @classmethod
    def _known_reasons(cls, value: list[str]) -> list[str]:
        unknown = set(value) - HANDOFF_REASONS
        if unknown:
            raise ValueError(f"unknown handoff reason(s) {sorted(unknown)}; use {sorted(HANDOFF_REASONS)}")
        return value

    def matches(self, reason: str, page_url: str | None, attributes: dict[str, Any]) -> bool:
        if self.reasons and reason not in self.reasons:
            return False
        if self.page is not None and not fnmatchcase(page_url or "", self.page):
            return False
        return all(str(attributes.get(key, "")) == value for key, value in self.attributes.items())


class HandoffPolicy(_Section):
    reasons: HandoffReasons = HandoffReasons()
    routes: list[HandoffRoute] = Field(default_factory=list)

    def channel_for(self, reason: str, *, page_url: str | None = None, attributes: dict[str, Any] | None = None,
                    default: str) -> str:
        """The Slack channel for a handoff: the first route that matches, else `default`.

        Attributes are the verified ones only: an unsigned claim never chooses who sees a case.
        """
        found = next((r for r in self.routes if r.matches(reason, page_url, attributes or {})), None)
        return found.channel if found is not None else default


class OpeningHours(_Section):
    """One day's opening; `close` may be "24:00" for open until midnight."""

    open: time
    close: time

    @field_validator("close", mode="before")
    @classmethod
    def _midnight(cls, value: Any) -> Any:
        return time.max if str(value).strip() in {"24:00", "24:00:00"} else value

    @model_validator(mode="after")
    def _ordered(self) -> OpeningHours:
        if self.close <= self.open:
            raise ValueError(f"close ({self.close:%H:%M}) must be after open ({self.open:%H:%M})")
        return self


_OFFICE = OpeningHours(open=time(9), close=time(17))


class BusinessHours(_Section):
    """When people can pick up a handoff; outside these hours the customer is asked for an email."""

    timezone: str = "UTC"
    always_open: bool = False
    weekly: dict[Weekday, list[OpeningHours]] = Field(
        default_factory=lambda: {d: [_OFFICE] for d in WEEKDAYS[:5]}
    )  # a missing weekday is closed all day
    holidays: list[date] = Field(default_factory=list)  # local dates, closed all day

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name like Europe/Madrid)") from exc
        return value

    def is_open(self, at: datetime) -> bool:
        """True when `at` (aware; naive counts as UTC) falls in opening hours and is no holiday."""
        if self.always_open:
            return True
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        local = at.astimezone(ZoneInfo(self.timezone))
        if local.date() in self.holidays:
            return False
        now = local.time().replace(tzinfo=None)
        return any(h.open <= now < h.close or (h.close == time.max and now >= h.open)
                   for h in self.weekly.get(WEEKDAYS[local.weekday()], []))


def _everywhere() -> set[Target]:
    return {"store", "log", "llm", "slack"}


class PiiPolicy(_Section):
    """Where each kind of personal data is replaced by a placeholder.

    Card data (number, expiry date, CVV/CVC) is always redacted everywhere, whatever this says:
    storing it at all would put the whole product in PCI DSS scope.
    """

    redact: dict[PiiKind, set[Target]] = Field(
        default_factory=lambda: {k: _everywhere() for k in ("card", "iban", "email", "phone", "national_id")}
    )

    def applies(self, kind: str, target: str) -> bool:
        """Should `kind` be redacted in what goes to `target`?"""
        if kind == "card":
            return True
        return target in self.redact.get(kind, set())  # type: ignore[call-overload]


class TriagePolicy(_Section):
    """Knobs of bot/triage/decision.py; the defaults are what the figures in the README were measured with."""

    complaint_window: int = Field(default=3, ge=1, le=20)  # earlier customer messages looked at
    sustained_frustration: int = Field(default=2, ge=2, le=20)  # frustrated messages in a row -> complaint
    extra_phrases: dict[str, list[str]] = Field(default_factory=dict)  # label -> your own phrases
    learned: bool = True  # the learned second stage, when the knowledge base embeds with the offline MiniLM
    llm: bool = True  # ask the LLM too, when one is configured
    llm_timeout_s: float = Field(default=2.0, gt=0, le=30)  # then the rules (and the learned stage) stand
    model_timeout_s: float = Field(default=1.0, gt=0, le=30)  # the learned stage alone, run beside retrieval
    llm_workers: int = Field(default=4, ge=1, le=64)  # LLM triage asks sent at once
    llm_queue: int = Field(default=8, ge=0, le=1000)  # more may wait; past that the LLM is not asked

    @field_validator("extra_phrases")
    @classmethod
    def _known_labels(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(REASON_BY_LABEL)
        if unknown:
            raise ValueError(f"unknown triage label(s) {sorted(unknown)}; use {sorted(REASON_BY_LABEL)}")
        return value


MESSAGE_KEYS: dict[str, tuple[str, ...]] = {  # key -> placeholders each variant must accept
    "greeting": (),
    "no_answer": (),
    "handoff_pending": (),
    "handoff_unavailable": (),
    "handoff_outside_hours": (),
    "email_thanks": ("email",),
    "agent_joined": ("agent",),
    "back_to_bot": (),
    "resolved": (),
    "bot_error": (),
    "self_harm": (),
    "offer_person": (),
    "offer_after_rejection": (),
    "offer_declined": (),
    "offer_button": (),
    "sources_label": (),
    "article_language": ("language",),
    **{f"language_{code}": () for code in ("en", "es", "fr", "de", "pt", "it", "nl")},
    "waiting_ack": (),
    "agent_released": ("agent",),
    "email_subject": ("agent",),
    "email_intro": ("agent",),
    "email_continue": ("link",),
}


class Messages(_Section):
    """Every text the bot says to a customer: key -> language -> text (English is required)."""

    texts: dict[str, dict[str, str]] = Field(default_factory=lambda: _bundled_messages())

    @field_validator("texts")
    @classmethod
    def _complete(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        unknown = set(value) - set(MESSAGE_KEYS)
        if unknown:
            raise ValueError(f"unknown message key(s) {sorted(unknown)}")
        merged = {**_bundled_messages(), **value}  # a key given replaces all its languages
        for key, variants in merged.items():
            if "en" not in variants:
                raise ValueError(f"{key}: an 'en' text is required")
            sample = {name: f"<{name}>" for name in MESSAGE_KEYS[key]}
            for lang, text in variants.items():
                try:
                    text.format(**sample)
                except (KeyError, IndexError, ValueError) as exc:
                    raise ValueError(f"{key}.{lang}: bad placeholder {exc}; allowed: {list(sample)}") from exc
        return merged

    def message(self, key: str, lang: str | None = None, **kw: str) -> str:
        """The text for `key` in `lang` ("pt-BR" -> "pt"), falling back to English."""
        variants = self.texts[key]  # KeyError names an unknown key
        base = (lang or "en").replace("_", "-").lower().split("-")[0]
        return variants.get(base, variants["en"]).format(**kw)


class DeskPolicy(_Section):
    """How much the human desk takes: handoffs past these caps get an email follow-up instead of a card."""

    handoffs_per_address_per_minute: int = Field(default=3, ge=1)
    handoffs_per_minute: int = Field(default=30, ge=1)  # per instance
    here_every_s: float = Field(default=600, ge=0)  # at most one @here reminder this often per channel


class Policy(_Section):
    """The whole policy file. `Policy()` equals the bundled `bot/policy.yml`."""

    handoff: HandoffPolicy = HandoffPolicy()
    no_answer_after_misses: int = Field(default=2, ge=1)
    near_miss_floor: float = Field(default=0.2, ge=0.0, le=1.0)
    knowledge_language: str = Field(default="English", min_length=2, max_length=40)
    business_hours: BusinessHours = BusinessHours()
    pii: PiiPolicy = PiiPolicy()
    triage: TriagePolicy = TriagePolicy()
    messages: Messages = Field(default_factory=Messages)
    desk: DeskPolicy = DeskPolicy()

    def reason_for(self, label: str) -> str | None:
        """The handoff reason for a triage label, or None when the policy lets the bot answer."""
        if label not in REASON_BY_LABEL or not getattr(self.handoff.reasons, label):
            return None
        return REASON_BY_LABEL[label]

    def message(self, key: str, lang: str | None = None, **kw: str) -> str:
        """Shortcut for `policy.messages.message(...)`."""
        return self.messages.message(key, lang, **kw)


@lru_cache(maxsize=1)
def _bundled_raw() -> dict[str, Any]:
    return _read_yaml(BUNDLED_POLICY)


def _bundled_messages() -> dict[str, dict[str, str]]:
    texts = _bundled_raw().get("messages", {}).get("texts", {})
    return {key: dict(variants) for key, variants in texts.items()}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PolicyInvalid(f"policy file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyInvalid(f"policy file {path} cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise PolicyInvalid(f"policy file {path} is not valid YAML: {exc}") from exc
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PolicyInvalid(f"policy file {path}: the top level must be a mapping, not {type(raw).__name__}")
    return raw


def load_policy(path: Path | None = None) -> Policy:
    """Read and validate a policy file (None: the bundled default); raise `PolicyInvalid` naming the field."""
    source = BUNDLED_POLICY if path is None else Path(path)
    raw = _read_yaml(source)
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}" for err in exc.errors()
        )
        raise PolicyInvalid(f"policy file {source}: {problems}") from exc
