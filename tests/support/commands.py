"""The MongoDB commands an API process sent, without its background polls: read from its
command log (documents/command_log.py), or recorded as they start in this process."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pymongo import monitoring

from bench.round_trips import is_background
from documents.command_log import command_shapes


def sent_by(log_dir: str | Path, pid: int) -> list[dict[str, Any]]:
    """The query commands process `pid` logged so far, its background polls left out."""
    path = Path(log_dir) / f"commands-{pid}.jsonl"
    shapes = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [shape for shape in shapes if not is_background(shape)]


def is_background_command(name: str, command: Mapping[str, Any]) -> bool:
    shapes = command_shapes(name, command)
    return bool(shapes) and all(is_background(shape) for shape in shapes)


class CommandRecorder(monitoring.CommandListener):
    """(command, collection) of every command started by clients made after `register`,
    background polls left out."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, str]] = []

    def register(self) -> CommandRecorder:
        monitoring.register(self)  # applies to the clients created from now on
        return self

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if not is_background_command(event.command_name, event.command):
            collection = event.command.get(event.command_name)
            self.commands.append((event.command_name, str(collection)))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass
