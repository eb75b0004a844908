"""Settings of the knowledge base section (`SUPPORTBOT_KB__*`)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from knowledge_base.loaders_limits import DocumentLimits
from knowledge_base.results import DEFAULT_ANSWERABLE_THRESHOLD

# Set by the application from its one place for each (`server.Settings`): the data folder and the
# OpenAI connection are shared with the database and the LLM, so the `kb` section refuses them.
SHARED_FIELDS = frozenset({"data_dir", "openai_api_key", "openai_base_url"})


class KnowledgeBaseSettings(BaseModel):
    """Where the index lives, how documents are cut, and when search counts as an answer."""

    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True)

    data_dir: Path = Path("data")  # the Chroma directory is data_dir/chroma
    chroma_url: str | None = Field(default=None, validation_alias="CHROMA_URL")  # http://host:8000 -> HttpClient
    collection: str = "supportbot"
    embedding: Literal["local", "openai"] = "local"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    chunk_size: int = Field(default=900, ge=100, le=8000)  # characters
    chunk_overlap: int = Field(default=120, ge=0, le=2000)
    answerable_threshold: float = Field(default=DEFAULT_ANSWERABLE_THRESHOLD, ge=0.0, le=1.0)
    top_k: int = Field(default=5, ge=1, le=50)
    # Late interaction (`late_interaction.py`): how much the token match moves the first two documents
    # when the first leads by less than the band; 0 (the default) turns it off. Measured end to end it
    # did not pay enough to ship (docs/DECISIONS.md, "Late interaction on token vectors"); kept for measuring.
    late_interaction_weight: float = Field(default=0.0, ge=0.0)
    late_interaction_band: float = Field(default=0.05, ge=0.0)
    late_interaction_move_lead: bool = False  # True: the scores move too, not only the order (measured worse)
    # Per-document ceilings: a file past one fails on its own, by name, in the sync report.
    max_file_mb: float = Field(default=20, gt=0)
    max_unpacked_mb: float = Field(default=100, gt=0)  # DOCX members, PDF content streams
    max_document_chars: int = Field(default=1_000_000, ge=1000)
    max_document_chunks: int = Field(default=2_000, ge=1)
    max_markdown_lines: int = Field(default=50_000, ge=100)  # what one Markdown file may cost its parser

    @property
    def models_dir(self) -> Path:
        """Where models derived at run time are kept between starts (the embedder's int8 graph, the
        language model's uncompressed copy): each checked at load, rebuilt when missing or damaged."""
        return self.data_dir / "models"

    @property
    def document_limits(self) -> DocumentLimits:
        mb = 1024 * 1024
        return DocumentLimits(max_file_bytes=int(self.max_file_mb * mb),
                              max_unpacked_bytes=int(self.max_unpacked_mb * mb),
                              max_chars=self.max_document_chars, max_chunks=self.max_document_chunks,
                              max_markdown_lines=self.max_markdown_lines)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"
