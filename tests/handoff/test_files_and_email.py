"""Issue 16: files both ways between the widget and the Slack thread, and the email follow-up (real SMTP)."""
from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_world import AppWorld, build_world
from fake_slack import FakeSlack, slack_user
from PIL import Image
from smtp_sink import SmtpSink

from bot.customers.links import FRAGMENT_KEY
from handoff.cards import CLAIM


def photo_with_gps(size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG carrying EXIF with a camera make and a GPS position, as phones write them."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.users.update(
            {"UANA": slack_user("UANA", display_name="Ana"), "UBEN": slack_user("UBEN", display_name="Ben")}
        )
        yield slack


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeSlack, smtp: SmtpSink) -> Iterator[AppWorld]:
    built = build_world(monkeypatch, tmp_path, fake, smtp=smtp)
    yield built
    built.services.close()


def _upload(world: AppWorld, cid: str, auth: dict[str, str], name: str, data: bytes):
    return world.client.post(f"/api/conversations/{cid}/files", headers=auth,
                             data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_a_customers_photo_reaches_the_thread_without_its_metadata(world: AppWorld, tmp_path: Path) -> None:
    cid, auth = world.start(page_url="https://shop.example/orders/1234")
    assert _upload(world, cid, auth, "broken.jpg", photo_with_gps()).status_code == 409, "files need a person"
    world.handoff(cid, auth)
    response = _upload(world, cid, auth, "../../dana@mail.example broken mug.jpeg", photo_with_gps())
    assert response.status_code == 201, response.get_json()
    attachment = response.get_json()["meta"]["attachment"]
    assert attachment["type"] == "image/jpeg" and attachment["name"] == "[email] broken mug.jpg"
    world.deliver()
    [uploaded] = world.fake.completed_uploads(thread_ts=world.card_ts(cid))
    assert uploaded["completed"]["channel_id"] == world.channel_of(cid)
    assert uploaded["filename"] == "[email] broken mug.jpg" and "dana@" not in uploaded["completed"]["initial_comment"]
    sent = Image.open(io.BytesIO(uploaded["data"]))
    assert sent.size == (64, 48) and not sent.getexif(), "no EXIF (camera, GPS) leaves the server"
    assert uploaded["length"] == len(uploaded["data"])
    stored = list((tmp_path / "data" / "files").rglob("*"))
    files = [p for p in stored if p.is_file()]
    assert len(files) == 1 and oct(os.stat(files[0]).st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("name,data,status,code", [
    ("invoice.pdf.exe", b"MZ\x90\x00" + b"\x00" * 100, 415, "unsupported_file"),
    ("page.html", b"<html><script>alert(1)</script></html>", 415, "unsupported_file"),
    ("fake.jpg", b"\xff\xd8\xff\xe0" + b"<script>alert(1)</script>" * 4, 422, "unreadable_file"),
    ("empty.png", b"", 415, "unsupported_file"),
])
def test_what_is_not_an_image_or_a_pdf_is_refused(
    world: AppWorld, name: str, data: bytes, status: int, code: str
) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    response = _upload(world, cid, auth, name, data)
    assert (response.status_code, response.get_json()["error"]) == (status, code)
    assert world.fake.completed_uploads() == []


def test_a_file_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake: FakeSlack) -> None:
    world = build_world(monkeypatch, tmp_path, fake, SUPPORTBOT_BOT__ATTACHMENT_MAX_BYTES="2048")
    try:
        cid, auth = world.start()
        world.handoff(cid, auth)
        response = _upload(world, cid, auth, "big.jpg", photo_with_gps((400, 400)))
        assert (response.status_code, response.get_json()["error"]) == (413, "file_too_large")
    finally:
        world.services.close()


def test_an_agents_file_becomes_a_download_for_the_customer(world: AppWorld) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    world.action(CLAIM, cid, user="UANA")
    label = world.fake.share_file("F0LABEL", "returns-label.pdf", _pdf(), "application/pdf")
    script = world.fake.share_file("F0SCRIPT", "tool.sh", b"#!/bin/sh\nrm -rf /\n", "text/x-sh")
    world.reply(cid, "Here is your returns label", user="UANA", ts="1800000001.000100", files=[label, script])
    agent = [m for m in world.messages(cid, auth) if m["role"] == "agent"]
    assert [m["text"] for m in agent] == ["Here is your returns label", "returns-label.pdf"]
    meta = agent[1]["meta"]["attachment"]
    assert meta["type"] == "application/pdf" and agent[1]["author"] == "Ana"
    download = world.client.get(f"/api/conversations/{cid}/files/{meta['id']}", headers=auth)
    assert download.status_code == 200 and download.data.startswith(b"%PDF-")
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    refused = world.fake.calls("chat.postEphemeral")[-1].body
    assert refused["user"] == "UANA" and "tool.sh" in refused["text"]
    other, other_auth = world.start()
    assert world.client.get(f"/api/conversations/{cid}/files/{meta['id']}", headers=other_auth).status_code == 404
    assert world.client.get(f"/api/conversations/{other}/files/{meta['id']}", headers=other_auth).status_code == 404
    world.reply(cid, "Here is your returns label", user="UANA", ts="1800000001.000100", files=[label])  # a retry
    assert len([m for m in world.messages(cid, auth) if m["role"] == "agent"]) == 2


def test_a_reply_the_customer_did_not_see_is_emailed_once_with_a_link_back(world: AppWorld, smtp: SmtpSink) -> None:
    cid, auth = world.start(page_url="https://shop.example/help?x=1#top", locale="es-ES")
    world.handoff(cid, auth)
    world.client.post(f"/api/conversations/{cid}/email", json={"email": "dana@mail.example"}, headers=auth)
    world.action(CLAIM, cid, user="UANA")
    smtp.refuse_next(1)  # the SMTP server is busy once: the outbox retries
    world.reply(cid, "Your refund is on its way.", user="UANA", ts="1800000002.000100")
    world.reply(cid, "It takes 3-5 days.", user="UANA", ts="1800000002.000200")
    _wait_for_email(world, smtp)
    [email] = smtp.messages
    assert email["To"] == "dana@mail.example" and email["Subject"] == "Ana ha respondido a tu consulta"
    body = email.get_content()
    assert "Your refund is on its way." in body and "It takes 3-5 days." in body, "two replies, one email"
    link = next(word for word in body.split() if word.startswith("https://shop.example/help"))
    assert link.startswith("https://shop.example/help#" + FRAGMENT_KEY + "=")  # the query string is never stored
    world.deliver()
    assert len(smtp.messages) == 1

    resumed = world.client.post("/api/conversations/resume", json={"link": link.split("=", 2)[-1]})
    assert resumed.status_code == 200 and resumed.get_json()["id"] == cid
    new_auth = {"Authorization": f"Bearer {resumed.get_json()['token']}"}
    world.say(cid, new_auth, "Thanks, got the email!")
    world.deliver()
    assert any(
        "Thanks, got the email!" in p.body.get("text", "") for p in world.fake.posts(thread_ts=world.card_ts(cid))
    )
    assert world.client.get(f"/api/conversations/{cid}", headers=auth).status_code == 200, "the old key still works"
    for bad in ("nope", link.split("=", 2)[-1][:-2] + "xx"):
        assert world.client.post("/api/conversations/resume", json={"link": bad}).status_code == 404


def test_a_reply_the_open_widget_showed_is_not_emailed(world: AppWorld, smtp: SmtpSink) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    world.client.post(f"/api/conversations/{cid}/email", json={"email": "dana@mail.example"}, headers=auth)
    world.action(CLAIM, cid, user="UANA")
    world.services.handoff.followup._settings.grace_s = 30  # the widget has time to report what it showed
    world.reply(cid, "Are you still there?", user="UANA", ts="1800000003.000100")
    newest = world.messages(cid, auth)[-1]["id"]
    assert (
        world.client.post(f"/api/conversations/{cid}/seen", json={"through": newest}, headers=auth).status_code == 204
    )
    [row] = world.services.handoff.email_outbox.items(status="pending")
    world.services.handoff.followup.send(row, row.payload)  # what the worker does once the row is due
    assert smtp.messages == []


def _wait_for_email(world: AppWorld, smtp: SmtpSink) -> None:
    outbox = world.services.handoff.email_outbox
    import time
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not smtp.messages:
        for row in outbox.items(status="pending"):  # skip the backoff: make the retry due now
            with outbox._sessions.begin() as s:
                from handoff.models import OutboxRow
                s.get(OutboxRow, row.id).next_attempt_at = outbox._now()
        outbox.run_once()
        time.sleep(0.05)
    assert smtp.messages, "no email arrived"
    assert [r.attempts for r in outbox.items() if r.method == "email.send"] == [1], "one refusal, then delivered"


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setAuthor("Ana Lima")
    page.setTitle("Returns label")
    page.drawString(72, 720, "RETURN TO: Kestrel Brew, 1 Harbour Road")
    page.save()
    return out.getvalue()


def test_a_follow_up_the_smtp_server_refuses_for_good_is_told_to_the_agent(world: AppWorld, smtp: SmtpSink) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    world.client.post(f"/api/conversations/{cid}/email", json={"email": "dana@mail.example"}, headers=auth)
    world.action(CLAIM, cid, user="UANA")
    smtp.refuse_next(1, reply="554 5.7.1 Message rejected")
    world.reply(cid, "Your refund is on its way.", user="UANA", ts="1800000004.000100")
    world.deliver()  # a 5xx is final: one attempt, the row fails, and the agent's note is queued and sent
    outbox = world.services.handoff.email_outbox
    assert [(r.status, r.attempts) for r in outbox.items() if r.method == "email.send"] == [("failed", 1)]
    world.deliver()
    notes = [p.body.get("text", "") for p in world.fake.posts(thread_ts=world.card_ts(cid))]
    assert any("follow-up email to the customer could not be sent" in n for n in notes), notes



def test_an_agents_file_slack_will_not_serve_is_told_to_the_agent(world: AppWorld) -> None:
    cid, auth = world.start()
    world.handoff(cid, auth)
    world.action(CLAIM, cid, user="UANA")
    label = world.fake.share_file("F0GONE", "returns-label.pdf", _pdf(), "application/pdf")
    del world.fake.files["F0GONE"]  # deleted in Slack before we fetched it: a 404
    world.reply(cid, "Here is your returns label", user="UANA", ts="1800000005.000100", files=[label])
    world.deliver()
    notes = [c.body for c in world.fake.calls("chat.postEphemeral")]
    assert any(n["user"] == "UANA" and "returns-label.pdf" in n["text"] for n in notes), notes
