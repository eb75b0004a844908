"""Settings of the customer-facing web edge (`SUPPORTBOT_WEB__*`): who may embed the widget, rate limits."""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class WebSettings(BaseModel):
    """CORS, flask-limiter limits (shared through Redis when `REDIS_URL` is set) and caps on open streams."""

    model_config = ConfigDict(extra="forbid")

    cors_origins: list[str] = Field(default_factory=lambda: ["*"])  # sites allowed to embed the widget
    rate_limit_per_ip: str = "60 per minute"
    rate_limit_per_conversation: str = "20 per minute"
    # Set by `supportbot serve`: workers write metrics there and /metrics adds them all up.
    metrics_dir: Path | None = None
    # Open event streams (each customer with the widget open holds one), per server process.
    max_streams: int = Field(default=20_000, ge=0)  # 0: no cap
    streams_per_ip: int = Field(default=200, ge=0)
    streams_per_conversation: int = Field(default=5, ge=0)
    stream_write_timeout_s: float = Field(default=10.0, gt=0)  # a client that reads nothing this long is dropped
    # Slow or greedy clients (slowloris): open connections per client address, however far their
    # requests got (off when trusted_proxy_hops > 0: every connection is then the proxy's), and how
    # long a request body may take to arrive. Headers must be complete within 5 s (the keep-alive time).
    # Counted per worker process, not per instance: with `--workers N` an address may hold N x this.
    connections_per_ip: int = Field(default=256, ge=0,
                                    description="Open connections per client address in each worker process "
                                                "(with --workers N, up to N x this per instance); 0: no cap.")
    request_body_timeout_s: float = Field(default=15.0, gt=0)
    # Proxies (load balancer, ingress) between the internet and us: their X-Forwarded-For gives the
    # client address that rate limits key on. 0 = clients connect directly.
    trusted_proxy_hops: int = Field(default=0, ge=0, le=5)
