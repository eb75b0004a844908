"""Adds everything around the customer API to an app built by `server.create_app`.

The edge (`edge.py`: CORS, headers, JSON errors), the operators' endpoints (`ops.py`) and the widget
(`widget_assets.py`); none of them touches a service except through the callables given here.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from flask import Flask
from prometheus_client import CollectorRegistry

from bot.web.edge import register_edge
from bot.web.metrics import Metrics
from bot.web.ops import ops_blueprint
from bot.web.widget_assets import widget_blueprint


def register_web(
    app: Flask,
    *,
    metrics: Metrics,
    registry: CollectorRegistry,
    cors_origins: Sequence[str],
    ready_checks: Mapping[str, Callable[[], object]],
) -> None:
    """CORS and headers on every response, JSON errors, `/healthz` `/readyz` `/metrics`, widget, OpenAPI."""
    register_edge(app, metrics=metrics, cors_origins=cors_origins)
    app.register_blueprint(ops_blueprint(metrics.exposition, ready_checks))
    app.register_blueprint(widget_blueprint())
