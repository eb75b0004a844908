"""Settings of the customer-facing web edge (`SUPPORTBOT_WEB__*`): who may embed the widget, rate limits."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class WebSettings(BaseModel):
    """CORS and flask-limiter limits; the limits are shared through Redis when `REDIS_URL` is set."""

    model_config = ConfigDict(extra="forbid")

    cors_origins: list[str] = Field(default_factory=lambda: ["*"])  # sites allowed to embed the widget
    rate_limit_per_ip: str = "60 per minute"
    rate_limit_per_conversation: str = "20 per minute"
    # Proxies (load balancer, ingress) between the internet and us: their X-Forwarded-For gives the
    # client address that rate limits key on. 0 = clients connect directly.
    trusted_proxy_hops: int = Field(default=0, ge=0, le=5)
    # Open event streams each hold a server thread: caps per client address and per process (None:
    # `supportbot serve` keeps an eighth of its threads, at least 4, for other requests).
    max_streams_per_address: int = Field(default=32, ge=1)
    max_streams: int | None = Field(default=None, ge=1)
