"""GET /metrics: Prometheus text format, for a scraper holding METRICS_TOKEN (Bearer).

Without METRICS_TOKEN the page does not exist (404), so nothing is public by accident.
"""

from __future__ import annotations

import hmac
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from core.settings import Settings


def _registry() -> CollectorRegistry:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    combined = CollectorRegistry()
    multiprocess.MultiProcessCollector(combined)  # type: ignore[no-untyped-call]  # adds up every process
    return combined


async def metrics(request: Request) -> Response:
    settings: Settings = request.state.settings
    if not settings.metrics_token:
        return PlainTextResponse("Not Found", status_code=404)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.metrics_token.encode()
    ):
        return PlainTextResponse(
            "Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)
