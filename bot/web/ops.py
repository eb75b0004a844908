"""Endpoints for operators and tools: `/healthz`, `/readyz`, `/metrics` and `/api/openapi.json`."""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from flask import Blueprint, Response, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST

from bot.web.openapi import openapi_document

log = logging.getLogger(__name__)


def ops_blueprint(exposition: Callable[[], bytes], ready_checks: Mapping[str, Callable[[], object]]) -> Blueprint:
    """Liveness, readiness (each check passes unless it raises or returns False), metrics, OpenAPI."""
    bp = Blueprint("ops", __name__)

    @bp.get("/healthz")
    def healthz() -> Response:
        return jsonify({"status": "ok"})

    @bp.get("/readyz")
    def readyz() -> tuple[Response, int]:
        checks: dict[str, str] = {}
        for name, check in ready_checks.items():
            try:
                ok = check() is not False
            except Exception as exc:
                log.warning("readiness check %s failed: %s", name, exc)
                ok = False
            checks[name] = "ok" if ok else "failing"
        ready = all(v == "ok" for v in checks.values())
        return jsonify({"status": "ready" if ready else "not_ready", "checks": checks}), 200 if ready else 503

    @bp.get("/metrics")
    def metrics() -> Response:
        return Response(exposition(), mimetype=CONTENT_TYPE_LATEST)

    @bp.get("/api/openapi.json")
    def openapi() -> Response:
        return jsonify(openapi_document(server_url=request.host_url.rstrip("/")))

    return bp
