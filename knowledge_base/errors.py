"""Errors of the knowledge base, so callers catch our types instead of Chroma's, pypdf's or ONNX's.

    KnowledgeBaseError                 base of everything below
     +-- DocumentLoadError             a file could not be read as a document (broken, empty, binary)
     |    +-- UnsupportedDocument      the file's extension has no loader
     +-- EmbeddingModelMismatch        the collection was built with another embedding model
     +-- EmbedderUnavailable           the embedding model cannot be loaded or reached
     +-- IndexUnavailable              Chroma (embedded or server) failed or cannot be reached

`DocumentLoadError` carries the file name and a human reason; a sync reports it and goes on.
"""
from __future__ import annotations


class KnowledgeBaseError(Exception):
    """Base of every error the knowledge base raises on purpose."""


class DocumentLoadError(KnowledgeBaseError):
    """A file could not be turned into a document; `name` and `reason` say which and why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class UnsupportedDocument(DocumentLoadError):
    """No loader for this file type."""


class EmbeddingModelMismatch(KnowledgeBaseError):
    """The collection's vectors come from another model; mixing them would give garbage scores."""

    def __init__(self, *, collection: str, stored: str, wanted: str, storage: str) -> None:
        # Two local ids differ when a release changed how the bundled model is computed: no setting
        # brings the old one back, so only re-indexing is offered.
        back = ("" if stored.startswith("local:") and wanted.startswith("local:")
                else ", or set the embedding setting back to the model that built it")
        super().__init__(
            f"Chroma collection {collection!r} was built with embedding model {stored!r}, "
            f"but this configuration uses {wanted!r}. Re-index to switch models: run "
            f"`supportbot kb sync DIR --reindex` (DIR = your documents folder), or delete "
            f"{storage}{back}."
        )
        self.collection = collection
        self.stored = stored
        self.wanted = wanted


class EmbedderUnavailable(KnowledgeBaseError):
    """The embedding model is missing, corrupt (hash mismatch) or its service is unreachable."""


class IndexUnavailable(KnowledgeBaseError):
    """Chroma failed or is unreachable (wraps the vendor error as `__cause__`)."""
