"""Log lines: JSON in production, readable text in dev, each with the id of its request.

`request_id` is set per HTTP request and per WebSocket connection (`api/web/request_ids.py`);
every line logged while serving it, by us or by uvicorn, carries it. Link tokens in URLs
(unsubscribe links in the access log) are redacted before any line is written.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar
from typing import Any

from core.settings import Settings

request_id: ContextVar[str] = ContextVar("request_id", default="-")

_TOKEN_IN_URL = re.compile(r"(?i)(token=)[^&\s\"']+")
REDACTED = r"\1[redacted]"

WIRE_LOGGERS = ("pymongo", "redis", "websockets", "wsproto", "httpx", "httpcore", "asyncio")
QUIETEST_WIRE_LEVEL = "INFO"

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s"


def redact(text: str) -> str:
    return _TOKEN_IN_URL.sub(REDACTED, text)


class WithRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class RedactTokens(logging.Filter):
    """`token=...` in a line's message or arguments (uvicorn's access log prints the URL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def logging_config(settings: Settings) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the API; uvicorn applies it in every worker process."""
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": JSON_FIELDS,
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        }
        if settings.log_as_json
        else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": WithRequestId},
            "redact": {"()": RedactTokens},
        },
        "formatters": {"default": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id", "redact"],
            }
        },
        "root": {"handlers": ["stderr"], "level": settings.log_level},
        "loggers": {
            # uvicorn's own loggers pass their lines on to the root handler.
            **{
                name: {"handlers": [], "propagate": True, "level": settings.log_level}
                for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
            },
            # At DEBUG these print what goes over the wire: commands, frames, payloads.
            **{name: {"level": QUIETEST_WIRE_LEVEL} for name in WIRE_LOGGERS},
        },
    }
