"""Diagnostics: the shape of every query command a process sends, without its values.

One JSON line per command, `{"command", "collection", "filter", "sort"}`, where
every value in the filter is replaced by "?" (operators and field names stay).
The test suite reads these files to prove that each query has an index.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pymongo import monitoring

# Where each command keeps its filter and sort.
_FILTER_AND_SORT = {
    "find": ("filter", "sort"),
    "findAndModify": ("query", "sort"),
    "count": ("query", None),
    "distinct": ("query", None),
}


def command_shapes(name: str, command: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The query shapes in one command; none for commands that do not query."""
    collection = command.get(name)
    if not isinstance(collection, str):
        return []
    if name in _FILTER_AND_SORT:
        filter_key, sort_key = _FILTER_AND_SORT[name]
        sort = command.get(sort_key) if sort_key else None
        return [_shape(name, collection, command.get(filter_key), sort)]
    if name == "update":
        return [_shape(name, collection, u.get("q"), None) for u in command.get("updates", [])]
    if name == "delete":
        return [_shape(name, collection, d.get("q"), None) for d in command.get("deletes", [])]
    if name == "aggregate":
        pipeline = list(command.get("pipeline", []))
        match = pipeline[0].get("$match") if pipeline else None
        sorts = [stage["$sort"] for stage in pipeline[1:2] if "$sort" in stage]
        return [_shape(name, collection, match, sorts[0] if sorts else None)]
    return []


def _shape(name: str, collection: str, query: Any, sort: Any) -> dict[str, Any]:
    return {
        "command": name,
        "collection": collection,
        "filter": _without_values(query or {}),
        "sort": list(sort.keys()) if isinstance(sort, Mapping) else [],
    }


def _without_values(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _without_values(inner) for key, inner in value.items()}
    if isinstance(value, list) and all(isinstance(item, Mapping) for item in value) and value:
        return [_without_values(item) for item in value]  # $or / $and branches
    return "?"


class CommandShapeLog(monitoring.CommandListener):
    def __init__(self, directory: str) -> None:
        Path(directory).mkdir(parents=True, exist_ok=True)
        self._path = Path(directory) / f"commands-{os.getpid()}.jsonl"
        self._lock = threading.Lock()

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        shapes = command_shapes(event.command_name, event.command)
        if shapes:
            lines = "".join(json.dumps(shape) + "\n" for shape in shapes)
            with self._lock, self._path.open("a") as log:
                log.write(lines)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass
