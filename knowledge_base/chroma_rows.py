"""Chroma's side of the index: the client, error wrapping, and how a chunk becomes a row and back."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from knowledge_base.chunking import Chunk, compose_embed_text
from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.errors import IndexUnavailable, KnowledgeBaseError

if TYPE_CHECKING:
    import chromadb

_CHUNK_FIELDS = tuple(f.name for f in fields(Chunk) if f.name not in ("id", "text", "embed_text", "warnings"))


@dataclass(frozen=True)
class ChunkMatch(Chunk):
    """A stored chunk and how similar it is to the query (cosine, -1..1; 0.0 when not queried)."""

    similarity: float = 0.0


@dataclass(frozen=True)
class StoredVersion:
    """One indexed version of a document, as sync and `documents()` need it."""

    document_id: str
    version: int
    content_hash: str
    source: str
    title: str
    url: str | None
    updated_at: str
    chunks: int
    warnings: tuple[str, ...] = ()  # what to fix in the file (indexed anyway), from its first chunk


@contextmanager
def guard(what: str) -> Iterator[None]:
    """Wrap Chroma's (and its HTTP client's) errors so callers only see `IndexUnavailable`."""
    try:
        yield
    except KnowledgeBaseError:
        raise
    except Exception as exc:  # chromadb raises many types (ChromaError, ValueError, httpx errors)
        raise IndexUnavailable(f"Chroma failed to {what}: {exc.__class__.__name__}: {exc}") from exc


def make_client(settings: KnowledgeBaseSettings) -> chromadb.ClientAPI:
    """`HttpClient` when `chroma_url` is set, else a `PersistentClient` under `chroma_dir`."""
    import chromadb
    from chromadb.config import Settings

    chroma_settings = Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url if "//" in settings.chroma_url else f"http://{settings.chroma_url}")
        ssl = url.scheme == "https"
        with guard(f"connect to the Chroma server at {settings.chroma_url}"):
            return chromadb.HttpClient(
                host=url.hostname or "localhost", port=url.port or (443 if ssl else 8000), ssl=ssl,
                settings=chroma_settings,
            )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    with guard(f"open {settings.chroma_dir}"):
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)

def to_metadata(chunk: Chunk, chunk_count: int) -> dict[str, Any]:
    meta: dict[str, Any] = {name: getattr(chunk, name) for name in _CHUNK_FIELDS}
    meta["url"] = chunk.url or ""
    meta["tags"] = ",".join(chunk.tags)
    meta["chunk_count"] = chunk_count
    if chunk.warnings:  # NOTE: Chroma's metadata values are scalars; only a first chunk carries them
        meta["warnings"] = json.dumps(list(chunk.warnings))
    return meta


def stored_warnings(meta: dict[str, Any]) -> tuple[str, ...]:
    """A first chunk's `warnings`, as `to_metadata` wrote them; anything unreadable reads as none."""
    raw = meta.get("warnings")
    if not isinstance(raw, str) or not raw:
        return ()
    try:
        values = json.loads(raw)
    except ValueError:
        return ()
    return tuple(str(v) for v in values) if isinstance(values, list) else ()


def to_match(chunk_id: str, text: str | None, meta: dict[str, Any] | None, similarity: float) -> ChunkMatch:
    meta = meta or {}
    title, section, text = str(meta.get("title", "")), str(meta.get("section", "")), text or ""
    return ChunkMatch(
        id=chunk_id, document_id=str(meta.get("document_id", "")), version=int(meta.get("version", 0)),
        position=int(meta.get("position", 0)), text=text, embed_text=compose_embed_text(title, section, text),
        title=title, section=section, source=str(meta.get("source", "")), url=meta.get("url") or None,
        content_hash=str(meta.get("content_hash", "")), updated_at=str(meta.get("updated_at", "")),
        tags=tuple(t for t in str(meta.get("tags", "")).split(",") if t), similarity=float(similarity),
        trust=str(meta.get("trust") or "official"),
    )
