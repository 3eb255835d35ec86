"""The MongoDB commands one API process sent, from its command log (documents/command_log.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# The process's own polls, sent whether or not anyone calls: the revocation poll
# (documents/revocations.py) and the seq watch (documents/chats.py last_seqs,
# documents/counters.py current_count).
BACKGROUND = (
    ("find", "revoked_tokens", {"expires_at": {"$gt": "?"}}),
    ("find", "staff", {"disabled_at": {"$ne": "?"}}),
    ("find", "integration_keys", {"revoked_at": {"$ne": "?"}}),
    ("find", "chats", {"_id": {"$in": "?"}}),
    ("find", "counters", {"_id": "?"}),
)


def sent_by(log_dir: str | Path, pid: int) -> list[dict[str, Any]]:
    """The query commands process `pid` logged so far, its background polls left out."""
    path = Path(log_dir) / f"commands-{pid}.jsonl"
    shapes = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [
        shape
        for shape in shapes
        if (shape["command"], shape["collection"], shape["filter"]) not in BACKGROUND
    ]
