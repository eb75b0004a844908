"""The policy file: defaults, overrides laid over the bundled file, clear errors, hours, texts."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.errors import PolicyInvalid
from bot.policy import MESSAGE_KEYS, Policy, load_policy


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_file_is_the_default_policy() -> None:
    assert load_policy(None) == Policy()


def test_every_reason_hands_off_by_default() -> None:
    policy = Policy()
    assert policy.reason_for("customer_request") == "customer_request"
    assert policy.reason_for("security") == "sensitive:security"
    assert policy.reason_for("billing_dispute") == "sensitive:billing_dispute"
    assert policy.reason_for("legal") == "sensitive:legal"
    assert policy.reason_for("complaint") == "complaint"
    assert policy.reason_for("self_harm") == "sensitive:self_harm"
    assert policy.reason_for("none") is None
    assert policy.no_answer_after_misses == 2


def test_a_user_file_only_changes_what_it_names(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "handoff:\n  reasons:\n    complaint: false\nno_answer_after_misses: 3\n"))
    assert policy.reason_for("complaint") is None
    assert policy.reason_for("security") == "sensitive:security"
    assert policy.no_answer_after_misses == 3
    assert policy.messages == Policy().messages


def test_a_message_given_replaces_all_its_languages(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "messages:\n  texts:\n    greeting:\n      en: Hello from Acme\n"))
    assert policy.message("greeting", "es") == "Hello from Acme"  # no stale translation of the old text
    assert policy.message("resolved", "es") == Policy().message("resolved", "es")


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("handoff:\n  reasons:\n    securty: true\n", "handoff.reasons.securty"),
        ("no_answer_after_misses: 0\n", "no_answer_after_misses"),
        ("business_hours:\n  timezone: Mars/Olympus\n", "business_hours.timezone"),
        ("business_hours:\n  weekly:\n    mon: [{open: '18:00', close: '09:00'}]\n", "business_hours.weekly.mon.0"),
        ("pii:\n  redact:\n    card: [store, fax]\n", "pii.redact.card"),
        ("messages:\n  texts:\n    agent_joined:\n      en: '{name} is here'\n", "messages.texts"),
        ("messages:\n  texts:\n    greeting:\n      es: Hola\n", "messages.texts"),
        ("triage:\n  extra_phrases:\n    urgent: [asap]\n", "triage.extra_phrases"),
    ],
)
def test_a_bad_field_fails_fast_and_is_named(tmp_path: Path, content: str, field: str) -> None:
    with pytest.raises(PolicyInvalid) as info:
        load_policy(_write(tmp_path, content))
    assert field in str(info.value)
    assert str(tmp_path) in str(info.value)


def test_missing_and_malformed_files_are_clear(tmp_path: Path) -> None:
    with pytest.raises(PolicyInvalid, match="not found"):
        load_policy(tmp_path / "nope.yml")
    with pytest.raises(PolicyInvalid, match="not valid YAML"):
        load_policy(_write(tmp_path, "handoff: [unclosed\n"))
    with pytest.raises(PolicyInvalid, match="mapping"):
        load_policy(_write(tmp_path, "- a list\n"))


def test_business_hours_in_the_configured_zone(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, (
        "business_hours:\n  timezone: America/New_York\n  weekly:\n"
        "    mon: [{open: '09:00', close: '12:00'}, {open: '13:00', close: '24:00'}]\n"
        "  holidays: [2026-01-12]\n"
    )))
    hours = policy.business_hours
    assert hours.is_open(datetime(2026, 1, 5, 15, 0, tzinfo=UTC))  # Monday 10:00 in New York
    assert not hours.is_open(datetime(2026, 1, 5, 17, 30, tzinfo=UTC))  # lunch break, 12:30
    assert hours.is_open(datetime(2026, 1, 6, 4, 30, tzinfo=UTC))  # still Monday 23:30 there
    assert not hours.is_open(datetime(2026, 1, 6, 15, 0, tzinfo=UTC))  # Tuesday: closed
    assert not hours.is_open(datetime(2026, 1, 12, 15, 0, tzinfo=UTC))  # a holiday Monday
    assert hours.holidays == [date(2026, 1, 12)]


def test_default_hours_and_naive_times_count_as_utc() -> None:
    hours = Policy().business_hours
    assert hours.is_open(datetime(2026, 1, 7, 10, 0))  # Wednesday
    assert not hours.is_open(datetime(2026, 1, 7, 17, 0))  # closing time is exclusive
    assert not hours.is_open(datetime(2026, 1, 10, 10, 0))  # Saturday
    assert hours.model_copy(update={"always_open": True}).is_open(datetime(2026, 1, 10, 3, 0))


def test_messages_in_every_language_with_fallbacks() -> None:
    policy = Policy()
    for key, placeholders in MESSAGE_KEYS.items():
        for lang in ("en", "es", "fr", "de", "pt"):
            text = policy.message(key, lang, **{p: "X" for p in placeholders})
            assert text and "{" not in text
    assert policy.message("agent_joined", "pt-BR", agent="Ana") == "Ana entrou na conversa."
    assert policy.message("agent_joined", "de_AT", agent="Jo").startswith("Jo ")
    assert policy.message("handoff_pending", "ja") == policy.message("handoff_pending", "en")
    assert policy.message("handoff_pending", None) == policy.message("handoff_pending", "en")
    assert "emergency" in policy.message("self_harm", "en")
    assert "email" in policy.message("handoff_outside_hours", "en")
    with pytest.raises(KeyError):
        policy.message("no_such_text", "en")


def test_card_data_is_always_hidden_from_every_target(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "pii:\n  redact:\n    card: []\n    email: [log]\n"))
    assert all(policy.pii.applies("card", target) for target in ("store", "log", "llm", "slack"))
    assert policy.pii.applies("email", "log") and not policy.pii.applies("email", "slack")
