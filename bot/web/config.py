"""Settings of the customer-facing web edge (`SUPPORTBOT_WEB__*`): who may embed the widget, rate limits."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class WebSettings(BaseModel):
    """CORS and flask-limiter limits; the limits are shared through Redis when `REDIS_URL` is set."""

    model_config = ConfigDict(extra="forbid")

    cors_origins: list[str] = Field(default_factory=lambda: ["*"])  # sites allowed to embed the widget
    rate_limit_per_ip: str = "60 per minute"
    rate_limit_per_conversation: str = "20 per minute"
    # Set by `supportbot serve`: workers write metrics there and /metrics adds them all up.
    metrics_dir: Path | None = None
