"""Email addresses outside ASCII: an internationalised domain goes out as IDNA, a non-ASCII mailbox
name over SMTPUTF8, and a server without SMTPUTF8 is a clear, final failure (real SMTP server)."""
from __future__ import annotations

from email.message import EmailMessage

import pytest
from smtp_sink import SmtpSink

from bot.pii import detect
from bot.privacy.egress import clean_email
from handoff.config import EmailSettings
from handoff.errors import EmailDeliveryError
from handoff.mailer import SmtpMailer


@pytest.mark.parametrize(("given", "kept"), [
    ("josé@correo.example", "josé@correo.example"),
    ("anna@bücher.example", "anna@xn--bcher-kva.example"),
    ("kim@例子.广告", "kim@xn--fsqu00a.xn--4rr70v"),
    ("dana@mail.example\u200e", "dana@mail.example"),
    ("anna@straße.example", "anna@xn--strae-oqa.example"),  # not strasse.example: IDNA 2008, not 2003
    ("eleni@ελληνικός.example", "eleni@xn--qxaegecap6byf.example"),
    ("иван@почта.рф", "иван@xn--80a1acny.xn--p1ai"),
    ("ops@mail_srv.example.com", "ops@mail_srv.example.com"),  # an ASCII name IDNA would refuse
])
def test_an_international_address_is_kept_in_a_form_smtp_can_route(given: str, kept: str) -> None:
    assert clean_email(given) == kept
    assert clean_email(kept) == kept  # cleaning what was stored changes nothing


@pytest.mark.parametrize("text", ["write to anna@bücher.example today", "kim@例子.广告 is mine",
                                  "Мой адрес: иван@почта.рф, помогите", "ivan@почта.рф」"])
def test_an_address_on_an_international_domain_is_found_for_redaction(text: str) -> None:
    assert [f.kind for f in detect(text)] == ["email"]


@pytest.mark.parametrize(("text", "kept"), [
    ("我的邮箱是wang@mail.example.cn请问退货需要多少天？", "我的邮箱是[email]请问退货需要多少天？"),
    ("連絡先はtaro@mail.example.comです。返品できますか", "連絡先は[email]です。返品できますか"),
    ("我的邮箱是wang@例子.广告。请问退货", "我的邮箱是[email]。请问退货"),
])
def test_an_address_inside_a_sentence_without_spaces_takes_only_itself(text: str, kept: str) -> None:
    """A Chinese or Japanese sentence has no spaces: the address must not swallow the question around it."""
    from bot.pii import redact
    from bot.policy import PiiPolicy

    assert redact(text, PiiPolicy(), target="store").text == kept


def _message(to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "help@shop.example"
    message["To"] = to
    message["Subject"] = "Ana replied"
    message.set_content("Your refund is on its way.")
    return message


def _mailer(port: int) -> SmtpMailer:
    return SmtpMailer(EmailSettings(smtp_host="127.0.0.1", smtp_port=port, security="none",
                                    from_address="help@shop.example", timeout_s=5))


def test_a_non_ascii_mailbox_is_delivered_over_smtputf8() -> None:
    with SmtpSink(smtputf8=True) as smtp:
        _mailer(smtp.port).send(_message("josé@correo.example"))
        assert smtp.received[0][0] == ["josé@correo.example"]


def test_a_server_without_smtputf8_is_a_final_failure_that_says_why() -> None:
    with SmtpSink(smtputf8=False) as smtp:
        with pytest.raises(EmailDeliveryError) as failed:
            _mailer(smtp.port).send(_message("josé@correo.example"))
        assert not failed.value.retryable and "SMTPUTF8" in str(failed.value)
        _mailer(smtp.port).send(_message(clean_email("anna@bücher.example") or ""))  # IDNA: plain ASCII
        assert smtp.received[0][0] == ["anna@xn--bcher-kva.example"]


def test_a_server_without_starttls_is_not_reported_as_an_address_problem() -> None:
    """smtplib raises the same error for a missing STARTTLS: the operator must read what is wrong."""
    with SmtpSink() as smtp:
        mailer = SmtpMailer(EmailSettings(smtp_host="127.0.0.1", smtp_port=smtp.port, security="starttls",
                                          from_address="help@shop.example", timeout_s=5))
        with pytest.raises(EmailDeliveryError) as failed:
            mailer.send(_message("dana@mail.example"))
        assert "SMTPUTF8" not in str(failed.value) and "STARTTLS" in str(failed.value).upper()
        assert not failed.value.retryable  # a setting to fix, not a busy server to retry
