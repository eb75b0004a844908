"""Chunks follow headings, carry title and section in what is embedded, and respect sizes."""

from __future__ import annotations

import pytest

from knowledge_base.chunking import chunk_id, parse_chunk_id, split_document
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.documents import LoadedDocument, Section


def _doc(*sections: Section) -> LoadedDocument:
    return LoadedDocument(
        id="rentals/ebikes.md",
        title="E-bikes",
        source="rentals/ebikes.md",
        url="https://x.test/e",
        tags=("ebike",),
        sections=sections,
        content_hash="abc",
    )


def test_one_chunk_per_short_section_with_title_and_section_path_embedded() -> None:
    doc = _doc(
        Section((), "Our e-bikes have a 70 km range."),
        Section(("Charging",), "Chargers are in the basket."),
        Section(("Charging", "At home"), "Use any wall socket."),
    )
    chunks = split_document(doc, version=3, updated_at="2026-01-02T03:04:05+00:00", settings=KnowledgeBaseSettings())
    assert [c.id for c in chunks] == [f"rentals/ebikes.md::v3::{i}" for i in range(3)]
    assert [c.section for c in chunks] == ["", "Charging", "Charging > At home"]
    assert [c.text for c in chunks] == [s.text for s in doc.sections]
    assert chunks[2].embed_text == "E-bikes\nCharging > At home\n\nUse any wall socket."
    assert chunks[0].embed_text == "E-bikes\n\nOur e-bikes have a 70 km range."
    first = chunks[0]
    assert (
        first.document_id,
        first.version,
        first.position,
        first.title,
        first.source,
        first.url,
        first.tags,
        first.content_hash,
        first.updated_at,
    ) == (
        "rentals/ebikes.md",
        3,
        0,
        "E-bikes",
        "rentals/ebikes.md",
        "https://x.test/e",
        ("ebike",),
        "abc",
        "2026-01-02T03:04:05+00:00",
    )


def test_long_section_is_split_within_size_and_never_crosses_a_heading() -> None:
    sentences = " ".join(f"Sentence number {i} about battery care and storage." for i in range(60))
    doc = _doc(Section(("Battery",), sentences), Section(("Tyres",), "Pump them weekly."))
    settings = KnowledgeBaseSettings(chunk_size=200, chunk_overlap=50)
    chunks = split_document(doc, version=1, updated_at="t", settings=settings)
    battery = [c for c in chunks if c.section == "Battery"]
    assert len(battery) >= len(sentences) // 200
    assert all(len(c.text) <= 200 for c in battery)
    assert all(c.embed_text.startswith("E-bikes\nBattery\n\n") for c in battery)
    assert chunks[-1].section == "Tyres" and chunks[-1].text == "Pump them weekly."
    assert [c.position for c in chunks] == list(range(len(chunks)))
    # neighbouring pieces overlap, so a sentence cut at a boundary is whole in one of them
    assert battery[0].text[-20:] in battery[1].text or battery[1].text[:20] in battery[0].text


def test_a_chunk_id_parses_back_to_its_parts_even_when_the_document_id_holds_the_separator() -> None:
    assert parse_chunk_id(chunk_id("faq::billing.md", 12, 3)) == ("faq::billing.md", 12, 3)
    for nonsense in ("nonsense", "a.md::12::3", "a.md::vx::3"):
        with pytest.raises(ValueError):
            parse_chunk_id(nonsense)
