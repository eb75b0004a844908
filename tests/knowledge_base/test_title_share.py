"""A many-section document's title counts for less: its clause can beat a sibling named after the subject."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge_base import title_share
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.embeddings import LocalMiniLMEmbeddings
from knowledge_base.lexical import LexicalIndex
from knowledge_base.search import Searcher
from knowledge_base.service import build_knowledge_base
from knowledge_base.snapshot import Snapshot

# A fictional library's pages (our own text): single-topic pages, and terms of twelve numbered clauses.
PAGES = {
    "services/printing.md": "# Printing and scanning\n\nBlack-and-white prints cost 10 cents per page, colour prints "
    "50 cents. Scanning to a USB stick or email is free. Pay at the self-service kiosk with your card.",
    "services/wifi.md": "# Wi-Fi and computers\n\nFree Wi-Fi is available in every branch; the network is called "
    "LibraryGuest and needs no password. Public computers can be booked for two hours a day.",
    "events/reading-club.md": "# Reading clubs and events\n\nOur reading clubs meet monthly. Sign up at the "
    "information desk. Author talks are announced in the newsletter.",
    "borrowing/loan-periods.md": "# Loan periods and renewals\n\nBooks are lent for three weeks. DVDs and games for "
    "one week.\n\n## Renewing\nYou can renew a loan twice online unless another member has reserved the item.",
}
CLAUSES = [
    ("1. Who may join", "Anyone living or working in the district may hold a card."),
    ("2. Your card", "Your card is personal. Tell us at once if it is lost or stolen."),
    ("3. Loans", "You are responsible for every item borrowed on your card until it is returned."),
    ("4. Damage", "Items returned damaged are charged at their replacement price."),
    ("5. Computers", "Public computers may not be used to download or store illegal material."),
    ("6. Printing", "A single print job may be at most 50 pages; larger jobs must be booked at the desk a day ahead."),
    ("7. Behaviour", "Food is not allowed near the shelves; covered drinks are fine."),
    ("8. Children", "Children under eight must be with an adult at all times."),
    ("9. Personal data", "We keep your borrowing history for two years after your last loan."),
    ("10. Changes", "We may change these terms with a month's notice on our website."),
    ("11. Wi-Fi use", "The guest Wi-Fi is filtered and sessions end after four hours; big downloads may be slowed."),
    ("12. Events", "Places at author talks are limited to two per member and must be booked a week ahead."),
]
TERMS = "# Library terms and conditions\n\n" + "\n\n".join(f"## {h}\n{t}" for h, t in CLAUSES)


def _snapshot(chunk_doc: list[int], sections: list[str], docs: int) -> Snapshot:
    doc = np.asarray(chunk_doc, dtype=np.int32)
    ids = [f"d{i}" for i in range(docs)]
    return Snapshot(generation=0, doc_ids=ids, doc_rows={d: i for i, d in enumerate(ids)},
                    versions=np.zeros(docs, np.int64), titles=ids, sources=ids, urls=[None] * docs,
                    trusts=["official"] * docs, title_vectors=np.zeros((docs, 2), np.float32), chunk_doc=doc,
                    doc_starts=np.searchsorted(doc, np.arange(docs)), chunk_ids=[f"c{i}" for i in range(len(doc))],
                    chunk_texts=["x"] * len(doc), chunk_sections=sections, chunk_rows={},
                    lexical=LexicalIndex(["x"] * len(doc)))


def test_sections_are_counted_once_per_document_and_a_document_without_headings_counts_one() -> None:
    snap = _snapshot([0, 0, 1, 1, 1, 1, 2], ["", "", "A", "A > B", "A > B", "C", "Only"], 3)
    assert title_share.section_counts(snap).tolist() == [1.0, 3.0, 1.0]
    weights = title_share.title_weights(snap, np.asarray([0, 1, -1]), 0.5)
    assert weights[0] == weights[2] == 0.5  # one section, or newer than the snapshot: the mix as it was
    assert weights[1] == pytest.approx(0.5 * 3 ** -title_share.TITLE_SHRINK) and weights[1] < 0.5


@pytest.fixture(scope="module")
def minilm() -> LocalMiniLMEmbeddings:
    return LocalMiniLMEmbeddings()


def test_a_clause_of_the_terms_beats_the_page_named_after_the_subject(
        tmp_path: Path, minilm: LocalMiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    for name, text in {**PAGES, "legal/terms.md": TERMS}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="title-share-test")
    kb = build_knowledge_base(settings, embedder=minilm)
    try:
        kb.sync(docs)
        searcher = Searcher(index=kb.index, embedder=minilm, settings=settings)
        clauses = ("what's the most pages I can print in one go", "how long does a wifi session last",
                   "how many seats can I book for an author talk")
        for question in clauses:
            assert searcher.search(question).hits[0].document_id == "legal/terms.md", question
        # What the pages themselves say still comes from them.
        pages = (("price of a colour print", "services/printing.md"), ("what is the wifi password", "services/wifi.md"),
                 ("book club", "events/reading-club.md"))
        for question, page in pages:
            assert searcher.search(question).hits[0].document_id == page, question
        monkeypatch.setattr(title_share, "TITLE_SHRINK", 0.0)  # the full title weight for every document
        plain = Searcher(index=kb.index, embedder=minilm, settings=settings)
        assert all(plain.search(q).hits[0].document_id != "legal/terms.md" for q in clauses)
    finally:
        kb.close()
