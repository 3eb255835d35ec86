"""What a run ran on: the commit, the machine, the database."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from typing import Any

from bench.fairness import load_average
from bench.profile import Profile
from devtools.services import FERRETDB_SOURCE, ROOT


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def _commit() -> str:
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + local changes' if dirty else ''}"


def _database() -> str:
    if os.environ.get("MONGODB_URL"):
        return "MongoDB at MONGODB_URL"
    found = re.search(r"FerretDB/FerretDB (v[\w.\-]+)", (FERRETDB_SOURCE / "go.mod").read_text())
    version = found.group(1) if found else "(unknown version)"
    return f"FerretDB {version} on SQLite (the dev database, devtools/ferretdb)"


def describe(profile: Profile, open_files: int) -> dict[str, Any]:
    return {
        "profile": profile.name,
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "cpus": os.cpu_count(),
        "load_before": load_average(),
        "open_files": open_files,
        "database": _database(),
        "seconds": {},
    }
