"""Cut a loaded document into chunks along its headings; each chunk embeds its title and section."""
from __future__ import annotations

from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge_base.config import KnowledgeBaseSettings
from knowledge_base.documents import LoadedDocument

SECTION_SEPARATOR = " > "


@dataclass(frozen=True)
class Chunk:
    """One indexed passage; `id` is `f"{document_id}::v{version}::{position}"`."""

    id: str
    document_id: str
    version: int
    position: int
    text: str  # the passage as shown to people
    embed_text: str  # title + section path + text: what gets embedded
    title: str
    section: str  # "Heading > Subheading", "" before the first heading
    source: str
    url: str | None
    content_hash: str
    updated_at: str  # ISO 8601, when this version was indexed
    tags: tuple[str, ...]
    trust: str = "official"  # the document's (documents.OFFICIAL or COMMUNITY)
    # The document's load warnings (`LoadedDocument.warnings`), kept with its first chunk so that every
    # later sync and the console still list them until the file is fixed, not only the sync that indexed it.
    warnings: tuple[str, ...] = ()


def chunk_id(document_id: str, version: int, position: int) -> str:
    return f"{document_id}::v{version}::{position}"


def parse_chunk_id(value: str) -> tuple[str, int, int]:
    """(document id, version, position) of a `chunk_id` (a document id may itself hold "::").

    Raises:
        ValueError: `value` is not a chunk id.
    """
    document_id, version, position = value.rsplit("::", 2)
    if not version.startswith("v"):
        raise ValueError(value)
    return document_id, int(version[1:]), int(position)


def compose_embed_text(title: str, section: str, text: str) -> str:
    """The text that is embedded: the title and section path give a short passage its context."""
    header = f"{title}\n{section}" if section and section != title else title
    return f"{header}\n\n{text}" if header else text


def split_document(
    document: LoadedDocument, *, version: int, updated_at: str, settings: KnowledgeBaseSettings
) -> list[Chunk]:
    """Chunks of `document`, in reading order, never crossing a heading."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=settings.chunk_size,
        chunk_overlap=min(settings.chunk_overlap, settings.chunk_size // 2),
        separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
        keep_separator="end",
    )
    chunks: list[Chunk] = []
    for section in document.sections:
        path = SECTION_SEPARATOR.join(section.path)
        pieces = [section.text] if len(section.text) <= settings.chunk_size else splitter.split_text(section.text)
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            position = len(chunks)
            chunks.append(
                Chunk(
                    id=chunk_id(document.id, version, position),
                    document_id=document.id,
                    version=version,
                    position=position,
                    text=piece,
                    embed_text=compose_embed_text(document.title, path, piece),
                    title=document.title,
                    section=path,
                    source=document.source,
                    url=document.url,
                    content_hash=document.content_hash,
                    updated_at=updated_at,
                    tags=document.tags,
                    trust=document.trust,
                    warnings=document.warnings if position == 0 else (),
                )
            )
    return chunks
