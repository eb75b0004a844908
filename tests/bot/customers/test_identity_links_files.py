"""Signed identities, resume links, and what the attachment checks let through (no server needed)."""
from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from bot.attachments.scrub import UnreadableFile, scrub
from bot.attachments.sniff import clean_filename, sniff
from bot.customers.identity import InvalidIdentity, sign_identity, verify_identity
from bot.customers.links import make_resume_token, verify_resume_token, with_fragment

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def test_a_signed_identity_round_trips_and_any_change_breaks_it() -> None:
    token = sign_identity(
        {"user_id": 42, "email": "a@b.example", "name": " Ana ", "attributes": {"plan": "pro"}}, "s3cret"
    )
    identity = verify_identity(token, "s3cret", now=NOW)
    assert (identity.user_id, identity.email, identity.name, identity.attributes) == (
        "42",
        "a@b.example",
        "Ana",
        {"plan": "pro"},
    )
    payload, signature = token.split(".")
    tampered = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1] + "." + signature
    for bad in (tampered, token + "x", "x" * 5000, "a.b.c", "", "....."):
        with pytest.raises(InvalidIdentity):
            verify_identity(bad, "s3cret", now=NOW)
    with pytest.raises(InvalidIdentity):
        verify_identity(token, "other secret", now=NOW)


@pytest.mark.parametrize("claims", [
    {"email": "no-user@x.example"},
    {"user_id": "u1", "email": "not an email"},
    {"user_id": "u1", "attributes": {"bad key!": "x"}},
    {"user_id": "u1", "attributes": {"k": {"nested": 1}}},
    {"user_id": "u1", "attributes": {f"k{i}": i for i in range(21)}},
    {"user_id": "u1", "exp": int((NOW - timedelta(seconds=1)).timestamp())},
])
def test_malformed_or_expired_identities_are_refused(claims: dict) -> None:
    with pytest.raises(InvalidIdentity):
        verify_identity(sign_identity(claims, "k"), "k", now=NOW)


def test_resume_links_expire_and_cannot_be_pointed_at_another_conversation() -> None:
    secret = b"link-secret"
    token = make_resume_token("conv_AbC-12", secret, expires=NOW + timedelta(days=1))
    assert verify_resume_token(token, secret, now=NOW) == "conv_AbC-12"
    assert verify_resume_token(token, secret, now=NOW + timedelta(days=2)) is None
    assert verify_resume_token(token.replace("conv_AbC-12", "conv_other"), secret, now=NOW) is None
    assert verify_resume_token(token, b"other", now=NOW) is None
    assert with_fragment("https://shop.example/a?b=1#old", token) == f"https://shop.example/a?b=1#sb-resume={token}"


def test_types_come_from_the_bytes_and_names_are_cleaned() -> None:
    assert sniff(b"%PDF-1.7\n") == "application/pdf"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff(b"MZ\x90\x00") is None and sniff(b"<svg") is None
    assert clean_filename("C:\\Users\\x\\evil\u202egpj.exe", "image/jpeg") == "evilgpj.jpg"
    assert clean_filename("<script>.png", "image/png") == "script.png"
    assert clean_filename("", "application/pdf") == "file.pdf"


def test_scrubbing_removes_pdf_info_and_open_actions_and_refuses_broken_files() -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Author": "Ana Lima", "/Producer": "Secret Tool 1.0"})
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    raw = io.BytesIO()
    writer.write(raw)
    clean = scrub(raw.getvalue(), "application/pdf")
    reader = PdfReader(io.BytesIO(clean))
    assert len(reader.pages) == 1 and "/OpenAction" not in reader.trailer["/Root"]
    assert not (reader.metadata or {}).get("/Author")
    with pytest.raises(UnreadableFile):
        scrub(b"%PDF-1.4 nothing else", "application/pdf")
    with pytest.raises(UnreadableFile):
        scrub(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png")


def test_a_rotated_phone_photo_stays_upright_after_scrubbing() -> None:
    image = Image.new("RGB", (40, 20), (0, 120, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 on display
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    clean = Image.open(io.BytesIO(scrub(out.getvalue(), "image/jpeg")))
    assert clean.size == (20, 40) and not clean.getexif()


def test_an_animation_with_too_many_pixels_over_its_frames_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from PIL import Image

    from bot.attachments import scrub as scrubbing

    frames = [Image.new("RGB", (50, 50), (20 * i, 0, 255 - 20 * i)) for i in range(12)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=40)
    gif = out.getvalue()
    monkeypatch.setattr(scrubbing, "MAX_ANIMATION_PIXELS", 12 * 50 * 50)
    assert scrubbing.scrub(gif, "image/gif").startswith(b"GIF")  # at the cap: re-encoded
    monkeypatch.setattr(scrubbing, "MAX_ANIMATION_PIXELS", 12 * 50 * 50 - 1)
    with pytest.raises(scrubbing.UnreadableFile, match="12 frames of 50x50"):
        scrubbing.scrub(gif, "image/gif")
