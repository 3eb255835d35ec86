"""The JSON the GraphQL view sends, encoded with orjson; a subscription result once for all.

Subscribers that share the execution of an event (`api/schema/shared_events.py`) get
the very same `data` object. Its `next` payload is encoded once and spliced into each
subscriber's frame, which differs only in its operation id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

PAYLOADS_KEPT = 128  # encoded payloads of recent results, by the identity of their data


class FrameEncoder:
    def __init__(self, kept: int = PAYLOADS_KEPT) -> None:
        self._kept = kept
        # id(data) -> (data, its encoded payload); holding `data` keeps its id unique.
        self._payloads: dict[int, tuple[object, bytes]] = {}

    def encode(self, message: object) -> str:
        if isinstance(message, Mapping) and _is_plain_next(message):
            frame = b'{"id":%b,"type":"next","payload":%b}' % (
                orjson.dumps(message["id"]),
                self._payload(message["payload"]["data"]),
            )
            return frame.decode()
        return orjson.dumps(message).decode()

    def _payload(self, data: object) -> bytes:
        kept = self._payloads.get(id(data))
        if kept is not None and kept[0] is data:
            return kept[1]
        encoded = orjson.dumps({"data": data})
        if len(self._payloads) >= self._kept:
            del self._payloads[next(iter(self._payloads))]  # the oldest
        self._payloads[id(data)] = (data, encoded)
        return encoded


def _is_plain_next(message: Mapping[str, Any]) -> bool:
    """A `next` frame whose payload is data alone (errors and extensions are per subscriber)."""
    payload = message.get("payload")
    return (
        message.get("type") == "next"
        and isinstance(payload, Mapping)
        and payload.keys() == {"data"}
        and isinstance(payload["data"], dict)
    )
