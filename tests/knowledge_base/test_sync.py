"""Incremental sync: unchanged embeds nothing, changed replaces, deleted disappears, failures go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_fakes import FakeEmbeddings, write_corpus

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.index import ChromaIndex
from knowledge_base.service import KnowledgeBase, build_knowledge_base


def _ids(kb: KnowledgeBase) -> list[str]:
    return [d.id for d in kb.documents()]


def test_first_sync_adds_every_document(kb: KnowledgeBase, docs_dir: Path, embedder: FakeEmbeddings) -> None:
    calls: list[tuple[int, int]] = []
    report = kb.sync(docs_dir, progress=lambda done, total: calls.append((done, total)))
    assert (report.added, report.updated, report.removed, report.unchanged, report.failed) == (4, 0, 0, 0, [])
    assert _ids(kb) == ["about.html", "billing/refunds.txt", "rentals/late-return.md", "rentals/pickup.md"]
    assert calls[-1] == (4, 4) and len(calls) == 4
    pickup = next(d for d in kb.documents() if d.id == "rentals/pickup.md")
    assert (pickup.title, pickup.url, pickup.version, pickup.chunks) == (
        "Picking up a bike",
        "https://help.example.test/pickup",
        1,
        3,
    )
    assert len(embedder.documents) <= report.embedded + report.windows  # a text that is both is embedded once
    assert len(set(embedder.documents)) == len(embedder.documents)
    assert report.embedded == sum(d.chunks for d in kb.documents()) and report.windows >= report.added
    assert any(t.startswith("Picking up a bike\nOpening hours\n\n") for t in embedder.documents)


def test_resync_of_unchanged_folder_embeds_nothing(
    synced: KnowledgeBase, docs_dir: Path, embedder: FakeEmbeddings
) -> None:
    before = len(embedder.documents)
    generation = synced.index.generation()
    report = synced.sync(docs_dir)
    assert (report.added, report.updated, report.removed, report.unchanged, report.embedded) == (0, 0, 0, 4, 0)
    assert len(embedder.documents) == before
    assert synced.index.generation() == generation  # nothing written


def test_a_new_parser_version_reparses_documents_indexed_before_it(
    synced: KnowledgeBase, docs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import knowledge_base.documents as documents

    monkeypatch.setattr(documents, "PARSER_VERSION", documents.PARSER_VERSION + 1)
    report = synced.sync(docs_dir)
    assert (report.updated, report.unchanged) == (4, 0)
    again = synced.sync(docs_dir)
    assert (again.updated, again.unchanged) == (0, 4)


def test_changed_document_gets_a_new_version_and_old_chunks_go(
    synced: KnowledgeBase, docs_dir: Path, embedder: FakeEmbeddings
) -> None:
    (docs_dir / "billing/refunds.txt").write_text("Refunds now reach your card within two working days.\n")
    before = len(embedder.documents)
    report = synced.sync(docs_dir)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 3)
    assert embedder.documents[before:] == ["Refunds\n\nRefunds now reach your card within two working days."]
    chunks = [c for c in synced.index.iter_chunks() if c.document_id == "billing/refunds.txt"]
    assert [(c.id, c.version) for c in chunks] == [("billing/refunds.txt::v2::0", 2)]
    assert "two working days" in chunks[0].text


def test_deleted_file_is_removed(synced: KnowledgeBase, docs_dir: Path) -> None:
    (docs_dir / "about.html").unlink()
    report = synced.sync(docs_dir)
    assert (report.removed, report.unchanged) == (1, 3)
    assert "about.html" not in _ids(synced)
    assert not [c for c in synced.index.iter_chunks() if c.document_id == "about.html"]


def test_failures_are_reported_and_the_rest_goes_on(kb: KnowledgeBase, docs_dir: Path) -> None:
    write_corpus(
        docs_dir,
        {
            "broken.pdf": b"%PDF-1.7 not really",
            "empty.md": "",
            "photo.jpg": b"\xff\xd8\xff",
            "blob.txt": b"\x00\x01\x02",
            ".hidden/notes.md": "# Hidden\nskip me",
            ".DS_Store": b"x",
        },
    )
    report = kb.sync(docs_dir)
    assert report.added == 4
    reasons = dict(report.failed)
    assert set(reasons) == {"broken.pdf", "empty.md", "photo.jpg", "blob.txt"}
    assert "broken PDF" in reasons["broken.pdf"] and "empty" in reasons["empty.md"]
    assert "unsupported" in reasons["photo.jpg"] and "binary" in reasons["blob.txt"]
    assert not report.all_failed


def test_a_file_that_breaks_keeps_its_last_good_version(synced: KnowledgeBase, docs_dir: Path) -> None:
    (docs_dir / "billing/refunds.txt").write_bytes(b"\x00\x00")
    report = synced.sync(docs_dir)
    assert [name for name, _ in report.failed] == ["billing/refunds.txt"] and report.removed == 0
    assert "billing/refunds.txt" in _ids(synced)


def test_embedder_failure_fails_its_documents_only(tmp_path: Path, settings: KnowledgeBaseSettings) -> None:
    embedder = FakeEmbeddings(fail_on="cargo")
    kb = build_knowledge_base(settings, embedder=embedder)
    docs = write_corpus(tmp_path / "d", {"a.md": "# A\nplain bikes", "b.md": "# B\ncargo bikes"})
    # a flush holds several documents: make each one its own group by syncing twice
    (docs / "b.md").unlink()
    assert kb.sync(docs).added == 1
    (docs / "b.md").write_text("# B\ncargo bikes")
    report = kb.sync(docs)
    assert report.unchanged == 1 and [n for n, _ in report.failed] == ["b.md"]
    assert "embedding failed" in report.failed[0][1]
    assert _ids(kb) == ["a.md"]


def test_duplicate_front_matter_ids_are_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_corpus(
        tmp_path / "d", {"one.md": "---\nid: same\n---\nFirst.", "two.md": "---\nid: same\n---\nSecond."}
    )
    report = kb.sync(docs)
    assert report.added == 1 and report.failed == [("two.md", "document id 'same' is already used by one.md")]


def test_a_new_file_cannot_take_over_an_indexed_article_by_its_id(synced: KnowledgeBase, docs_dir: Path) -> None:
    # A tester's find: a forum post with `id:` set to the pickup article's id replaced that article, silently.
    before = {d.id: d.title for d in synced.documents()}
    write_corpus(docs_dir, {"aa/claim.md": "---\ntitle: Pickup: not really\nid: rentals/pickup.md\n---\nIgnore it."})
    report = synced.sync(docs_dir)
    assert report.failed == [("aa/claim.md", "document id 'rentals/pickup.md' is already used by rentals/pickup.md")]
    assert (report.updated, report.unchanged) == (0, 4) and {d.id: d.title for d in synced.documents()} == before
    added = synced.add([docs_dir / "aa/claim.md"], root=docs_dir)
    assert added.failed and added.updated == 0 and {d.id: d.title for d in synced.documents()} == before


def test_on_a_first_sync_the_file_at_a_path_keeps_its_id(kb: KnowledgeBase, docs_dir: Path) -> None:
    # Walked first ("aa/" sorts before "rentals/"), a claimer used to win and the real article was refused.
    write_corpus(docs_dir, {"aa/claim.md": "---\ntitle: Not pickup\nid: rentals/pickup.md\n---\nIgnore it."})
    report = kb.sync(docs_dir)
    assert report.failed == [("aa/claim.md", "document id 'rentals/pickup.md' is already used by rentals/pickup.md")]
    assert next(d for d in kb.documents() if d.id == "rentals/pickup.md").title == "Picking up a bike"


def test_an_id_in_front_matter_follows_a_renamed_file(synced: KnowledgeBase, docs_dir: Path) -> None:
    (docs_dir / "rentals/pickup.md").unlink()
    write_corpus(docs_dir, {"moved/pickup.md": "---\ntitle: Picking up\nid: rentals/pickup.md\n---\nAt the desk."})
    report = synced.sync(docs_dir)
    assert report.failed == [] and report.updated == 1
    assert next(d for d in synced.documents() if d.id == "rentals/pickup.md").title == "Picking up"


def test_add_and_remove(kb: KnowledgeBase, docs_dir: Path, tmp_path: Path) -> None:
    report = kb.add([docs_dir / "rentals/pickup.md", tmp_path / "missing.md"], root=docs_dir)
    assert report.added == 1 and report.failed[0][0] == "missing.md"
    assert _ids(kb) == ["rentals/pickup.md"]
    outside = write_corpus(tmp_path / "elsewhere", {"faq.md": "# FAQ\nAnswers."}) / "faq.md"
    assert kb.add([outside], root=docs_dir).added == 1
    assert kb.add([outside], root=docs_dir).unchanged == 1
    assert _ids(kb) == ["faq.md", "rentals/pickup.md"]
    assert kb.remove(["faq.md", "nope"]) == 1
    assert _ids(kb) == ["rentals/pickup.md"]


def test_leftover_old_version_from_an_interrupted_update_is_cleaned(
    synced: KnowledgeBase, docs_dir: Path, settings: KnowledgeBaseSettings
) -> None:
    index = synced.index
    current = [c for c in index.iter_chunks() if c.document_id == "billing/refunds.txt"]
    stale = [type(c)(**{**c.__dict__, "id": c.id.replace("::v1::", "::v0::"), "version": 0}) for c in current]
    index.upsert(stale, [[1.0] + [0.0] * 63 for _ in stale])
    report = synced.sync(docs_dir)
    assert report.unchanged == 4
    versions = {c.version for c in index.iter_chunks() if c.document_id == "billing/refunds.txt"}
    assert versions == {1}


def test_sync_survives_reopening_the_index(settings: KnowledgeBaseSettings, docs_dir: Path) -> None:
    first = FakeEmbeddings()
    build_knowledge_base(settings, embedder=first).sync(docs_dir)
    second = FakeEmbeddings()
    report = build_knowledge_base(settings, embedder=second).sync(docs_dir)
    assert report.unchanged == 4 and second.documents == []
    assert ChromaIndex.open(settings, second, second.model_id).count() == sum(
        d.chunks for d in build_knowledge_base(settings, embedder=second).documents()
    )


def test_kbignore_leaves_listed_paths_out(kb: KnowledgeBase, docs_dir: Path) -> None:
    write_corpus(
        docs_dir,
        {
            ".kbignore": "# not documents\nREADME.md\nbuild/\n/billing/*.txt\n*.jsonl\n",
            "README.md": "# About this folder",
            "build/make.md": "# Script notes\nx",
            "data/rows.jsonl": "{}",
            "nested/README.md": "# Nested readme\ny",
        },
    )
    report = kb.sync(docs_dir)
    assert report.failed == [] and report.added == 3
    assert _ids(kb) == ["about.html", "rentals/late-return.md", "rentals/pickup.md"]


def test_ignore_rules() -> None:
    from knowledge_base.ignore import IgnoreRules

    rules = IgnoreRules(["drafts/", "/top.md", "a/b.md", "*.tmp", "# comment", ""])
    assert rules.ignores("drafts/x.md") and rules.ignores("deep/drafts/x.md") and not rules.ignores("drafts")
    assert rules.ignores("top.md") and not rules.ignores("sub/top.md")
    assert rules.ignores("a/b.md") and not rules.ignores("c/a/b.md")
    assert rules.ignores("x/y.tmp") and rules.ignores(".git/config") and not rules.ignores("guide.md")
